"""Response headers that Django's SecurityMiddleware does not set (README "Security")."""

from django.conf import settings


def permissions_policy(get_response):
    """Add the Permissions-Policy header (settings.PERMISSIONS_POLICY) to every response that has none.

    Sits above the page cache and whitenoise in MIDDLEWARE, so cache hits and static files get it too."""

    def middleware(request):
        response = get_response(request)
        if settings.PERMISSIONS_POLICY and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response

    return middleware
