import sys

from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from news.models import NewsHubPage
from pagecache.parts import request_cache

from . import navigation, seo
from .search import MAX_QUERY_LENGTH, search_pages

SEARCH_RESULTS_PER_PAGE = 10
# A database outage: the errors Django raises when it cannot connect or loses the connection.
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before retrying during a database outage (the 503's Retry-After).
OUTAGE_RETRY_AFTER = 30


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: 200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def server_error(request):
    """handler500: a database outage gets a translated 503 page with Retry-After, anything else Django's 500.

    Django calls it for an exception raised anywhere in the views or middleware, inside the `except`, so the
    exception is sys.exc_info()'s. Like 500.html, 503.html needs no database: no request context, no query.
    The language is the URL prefix's (or Accept-Language's), read from the request, not from the database."""
    if not _is_database_outage(sys.exc_info()[1]):
        return defaults.server_error(request)
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        content = loader.get_template("503.html").render({"retry_path": request.get_full_path()})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER)
    response["Content-Language"] = language
    add_never_cache_headers(response)
    return response


def _is_database_outage(exception):
    """True for OperationalError/InterfaceError, also when another exception was raised while handling one."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_OUTAGE_ERRORS):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def page_not_found(request, exception=None):
    """handler404: Django's 404 page plus the languages in which the requested page does exist, so a reader
    who follows /en/<Polish slugs>/ (an old link, a hand-edited language prefix) is not left at a dead end."""
    versions = navigation.versions_of_path(
        navigation.site_for_request(request), request.path_info, request=request, cache=request_cache(request)
    )
    return render(request, "404.html", {"versions": versions}, status=404)


@require_GET
def robots_txt(request):
    """robots.txt, pointing crawlers to the absolute address of the sitemap of every language."""
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    return HttpResponse(seo.robots_txt(sitemap_url), content_type="text/plain; charset=utf-8")


@require_GET
def search(request):
    """The site search in the language of the URL's prefix: pages and news of that language only.

    Results pages are for readers, not for search engines (noindex). An empty query shows the form only."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    locale = Locale.get_active()
    results_page = None
    if query:
        paginator = Paginator(search_pages(query, locale), SEARCH_RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
    site = navigation.site_for_request(request)
    home = navigation.home_pages_by_language(site, request_cache(request)).get(locale.language_code)
    context = {
        "query": query,
        "results_page": results_page,
        "results": [search_hit(page, request) for page in results_page] if results_page else [],
        "home": home,
        "news_hub": NewsHubPage.objects.child_of(home).live().first() if home else None,
        "robots": "noindex, follow",
        "hide_header_search": True,  # the page's own form is the search landmark
    }
    return render(request, "home/search.html", context)


def search_hit(page, request):
    """What a result shows: the page, its address, one sentence about it."""
    return {"page": page, "url": page.get_url(request), "description": seo.seo_description(page)}
