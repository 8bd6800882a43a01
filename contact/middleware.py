"""Refuse an oversized POST to the public site with a clear, translated page before anything reads it.

Without this, Django's own limit (2.5 MB, for every request) answers a bare 400, and only after the CSRF
check has read the body. The admin (uploads) is left to Django's and Wagtail's own limits.
"""

from django.conf import settings
from django.template.response import TemplateResponse


def body_size_limit(get_response):
    public_prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def middleware(request):
        if request.method == "POST" and request.path.startswith(public_prefixes):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.CONTACT_MAX_BODY_BYTES:
                response = TemplateResponse(request, "contact/request_too_large.html", status=413)
                return response.render()
        return get_response(request)

    return middleware
