"""The read-only JSON API for other channels (apps, screens, partners): Wagtail API v2 at /api/v2/, and the
URLconf that serves it (included by config.urls).

Pages (news with their fields: ?type=news.NewsPage&fields=date,summary,tags) and images; ?locale=pl or en
gives one language. Only live, public pages; aliases (untranslated copies in another language's tree) are
left out, so a language's listing holds only texts in that language.
"""

from django.urls import path

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from .search import normalise_query


class WordsSearchFilter(SearchFilter):
    """?search= with the query cut to words first, as on the site: punctuation would be search syntax."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            params = request.GET.copy()
            words = normalise_query(params.pop("search")[-1])
            if words:  # nothing searchable: no search, rather than a syntax error
                params["search"] = words
            request._request.GET = params
        return super().filter_queryset(request, queryset, view)


class JsonNotFoundMixin:
    """An API 404 stays a JSON 404. LocaleMiddleware redirects any 404 outside the language prefixes to
    /<language>/<path> when that path resolves, and Wagtail's catch-all page route resolves them all; it
    reads request.urlconf to decide, so the API's requests name this module, which has no prefixes."""

    def dispatch(self, request, *args, **kwargs):
        request.urlconf = __name__
        return super().dispatch(request, *args, **kwargs)


class PortalPagesAPIViewSet(JsonNotFoundMixin, PagesAPIViewSet):
    filter_backends = [
        WordsSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        # By id: `alias_of` is not a search filter field, and ?search= filters this queryset.
        originals = Page.objects.filter(alias_of__isnull=True).values("pk")
        return super().get_base_queryset().filter(id__in=originals)


class PortalImagesAPIViewSet(JsonNotFoundMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)

urlpatterns = [path("api/v2/", api_router.urls)]
