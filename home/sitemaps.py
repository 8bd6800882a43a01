"""/sitemap.xml with every language's pages.

Wagtail's Sitemap lists the site root page's tree only, i.e. the default language's; the other
languages' home pages are its translations, siblings outside that tree.
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from . import navigation


class PortalSitemap(Sitemap):
    """Every live, public page below each language's home page, leaving out aliases (untranslated
    synchronised copies: duplicate content), each with its hreflang alternates (xhtml:link)."""

    def pages(self):
        homes = navigation.home_pages_by_language(self.get_wagtail_site()).values()
        if not homes:
            return Page.objects.none()
        below_a_home = Q()
        for home in homes:
            below_a_home |= Q(path__startswith=home.path)
        return Page.objects.filter(below_a_home).live().public().filter(alias_of__isnull=True)

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def alternates_by_location(self):
        """{absolute URL: [{"lang_code", "location"}]}, for Django's sitemap.xml template. One query."""
        versions = {}
        for page in self.pages().select_related("locale").order_by("pk"):
            url = page.get_full_url(self.request)
            if url is not None:
                versions.setdefault(page.translation_key, {}).setdefault(page.locale.language_code, (page.pk, url))
        by_location = {}
        for by_language in versions.values():
            ordered = [(code, *by_language[code]) for code in get_content_languages() if code in by_language]
            entries = [{"lang_code": code, "location": url} for code, url in navigation.alternates(ordered)]
            for _, url in by_language.values():
                by_location[url] = entries
        return by_location

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        alternates = self.alternates_by_location()
        for url_info in urls:
            url_info["alternates"] = alternates.get(url_info["location"], [])
        return urls
