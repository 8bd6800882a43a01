import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.routing import serve as serve_page
from home.sitemaps import PortalSitemap
from home.views import healthz, robots_txt, search

# Lists the languages in which the requested page exists (Wagtail raises Http404 for unknown paths).
handler404 = "home.views.page_not_found"
# A database outage gives a translated 503 page with Retry-After (templates/503.html), other errors 500.html.
handler500 = "home.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("home.api")),  # /api/v2/
    path("healthz", healthz, name="healthz"),
]

if settings.BENCH_FLOOR_VIEW:  # `make bench` only (scripts/bench.py): the framework floor, no database
    from home.bench import floor

    urlpatterns.append(path("bench/floor", floor))

if settings.DEBUG or settings.SERVE_MEDIA:
    # Uploaded files, when no web server in front serves them (development, make audit). Django's static()
    # helper would do it in DEBUG only.
    from django.views.static import serve

    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

# Public pages live under /pl/ and /en/; "/" is redirected by LocaleMiddleware
# to the visitor's preferred language (Accept-Language), Polish when none fits.
urlpatterns += i18n_patterns(
    # Translated in the catalogue: /pl/szukaj/, /en/search/.
    path(_("search/"), search, name="search"),
    # Wagtail's page serving, routed in two queries (home/routing.py); Wagtail's own pattern stays below it
    # for reverse("wagtail_serve") and its password and login views.
    re_path(wagtail_urls.serve_pattern, serve_page),
    path("", include(wagtail_urls)),
)
