"""What the site-wide chrome shows: the language switcher, the main navigation, the site texts.

Plain functions, so they can be tested without rendering a template; `home.templatetags.navigation_tags`
only passes them the request's site, language and page. Each takes an optional `cache` dict (the
template tags keep one per request) so a value asked for twice in a page costs one query.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery

from wagtail.coreutils import get_content_languages
from wagtail.models import Page, Site

from clusters.models import ClusterPage
from contact.models import ContactPage
from news.models import NewsHubPage
from pagecache.parts import cached, shared_value

from .models import PortalSettings, SiteText


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    language_code: str
    name: str  # the language's own name ("Polski", "English"), the same in every interface language
    url: str
    full_url: str  # absolute, for <link rel="alternate" hreflang>
    is_current: bool
    # True when `url` leads to a version of the current page; False when it leads to that language's
    # home page, which happens only outside a Wagtail page (e.g. on the 404 page).
    is_translation: bool
    page_id: int | None = None  # of the page `url` leads to; the oldest version is the original (x-default)


@dataclass(frozen=True)
class NavItem:
    page: Page
    label: str
    full_label: str  # the page title, when `label` is an abbreviation
    is_current: bool  # this is the page being shown
    is_ancestor: bool  # the page being shown is below this one


@dataclass(frozen=True)
class Navigation:
    home: Page | None
    items: list


def site_for_request(request):
    """Wagtail's `Site.find_for_request` and the site root paths its URLs need (both kept on the request as
    Wagtail does), shared until the next purge: a query and a cache round trip fewer per request."""
    if request is not None and not hasattr(request, "_wagtail_site"):
        key = ("site", request._get_raw_host(), request.get_port())
        request._wagtail_site = shared_value(request, key, lambda: Site._find_for_request(request))
        request._wagtail_cached_site_root_paths = shared_value(request, ("site root paths",), Site.get_site_root_paths)
    return Site.find_for_request(request)


def portal_settings(request, cache=None):
    """The request's site's PortalSettings (Wagtail's `for_request`), its query shared until the next purge."""
    site = site_for_request(request)
    return cached(cache, ("portal_settings", getattr(site, "pk", None)), lambda: PortalSettings.for_request(request))


def home_pages_by_language(site, cache=None):
    """The live home page of each language ({language code: page}): the site root page and its
    translations. One query (none when `cache` already holds the answer)."""

    def compute():
        if site is None:
            return {}
        root_translation_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
        pages = (
            Page.objects.filter(translation_key=Subquery(root_translation_key))
            .live()
            .select_related("locale")
            .order_by("pk")
        )
        homes = {}
        for page in pages:
            homes.setdefault(page.locale.language_code, page)
        return homes

    return cached(cache, ("home_pages", getattr(site, "pk", None)), compute)


def live_translations(page):
    """{language code: page} of the page and its live translations, leaving out aliases (synchronised,
    untranslated copies). The page itself is included even when it is not live (preview). One query."""
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .filter(Q(pk=page.pk) | Q(live=True, alias_of__isnull=True))
        .select_related("locale")
        .order_by("pk")
    )
    translations = {}
    for translation in pages:
        code = translation.locale.language_code
        if translation.pk == page.pk:
            translations[code] = page
        else:
            translations.setdefault(code, translation)
    return translations


def _language_links(pages, current, is_translation, request):
    """LanguageLinks to `pages` ({language code: page}) in the order of the content languages, leaving out
    languages without a page and pages not routable from any site."""
    links = []
    for code, name in get_content_languages().items():
        target = pages.get(code)
        url = target.get_url(request=request) if target is not None else None
        if url is None:
            continue
        links.append(
            LanguageLink(
                language_code=code,
                name=str(name),
                url=url,
                full_url=target.get_full_url(request=request),
                is_current=code == current,
                is_translation=is_translation,
                page_id=target.pk,
            )
        )
    return links


def language_links(site, language_code, page=None, request=None, cache=None):
    """The language switcher's entries, one per content language, in the order of the settings.

    On a Wagtail page: only the languages in which the page exists (live, not an alias), since a link to
    another language's home page would promise a translation that is not there. Outside a Wagtail page
    (e.g. the 404 page): every language's home page. The current language is the page's own, or
    `language_code` without a page. One query (none when `cache` already holds the answer).
    """

    def compute():
        if page is None:
            return _language_links(home_pages_by_language(site, cache), language_code, False, request)
        translations = live_translations(page)
        current = next((code for code, found in translations.items() if found is page), language_code)
        return _language_links(translations, current, True, request)

    return cached(cache, ("language_links", getattr(page, "pk", None), language_code), compute)


def alternates(versions):
    """(hreflang, absolute URL) pairs for <link rel="alternate"> and the sitemap: every version, then
    x-default, which is the default language's version or, when there is none, the original (the oldest
    page, from which the others were translated). `versions`: (language code, page id, URL) triples."""
    versions = list(versions)
    if not versions:
        return []
    default = next((version for version in versions if version[0] == settings.LANGUAGE_CODE), None)
    default = default or min(versions, key=lambda version: version[1])
    return [(code, url) for code, _, url in versions] + [("x-default", default[2])]


def hreflang_alternates(links):
    """The alternates of the page being shown, even when it exists in one language only (a self-reference
    and x-default); none outside a Wagtail page, where the links lead to home pages, not translations."""
    return alternates((link.language_code, link.page_id, link.full_url) for link in links if link.is_translation)


_SLUG = re.compile(r"[\w-]+")
_MAX_PATH_LENGTH = 2048  # longer paths name no page; not worth a query


def _split_language_prefix(path):
    """("en", ["news", "item"]) for "/en/news/item/"; (None, []) when the path has no content language
    prefix or a component that cannot be a slug (Wagtail would never route it)."""
    prefix, _, rest = path.removeprefix("/").partition("/")
    components = [component for component in rest.split("/") if component]
    if prefix not in get_content_languages() or not all(_SLUG.fullmatch(c) for c in components):
        return None, []
    return prefix, components


def versions_of_path(site, path, request=None, cache=None):
    """For the 404 page: the live versions (not aliases) of the page that `path` names in another
    language's tree, as LanguageLinks. "/en/<Polish slugs>/" (an old link, or a hand-edited prefix) is
    looked up under every other language's home page, then that page's translations are offered.
    Empty when nothing matches. One query, plus the home pages' one unless cached."""
    if len(path) > _MAX_PATH_LENGTH:
        return []
    language, components = _split_language_prefix(path)
    homes = home_pages_by_language(site, cache) if language else {}
    rest = "".join(f"{component}/" for component in components)
    order = list(get_content_languages())
    candidates = {home.url_path + rest: code for code, home in homes.items() if code != language and code in order}
    if not candidates:
        return []
    found_keys = Page.objects.filter(url_path__in=candidates, live=True).values("translation_key")
    pages = list(
        Page.objects.filter(translation_key__in=found_keys, live=True).select_related("locale").order_by("pk")
    )
    found = sorted(
        (page for page in pages if page.url_path in candidates),
        key=lambda page: order.index(candidates[page.url_path]),
    )
    if not found:
        return []
    versions = {}
    for page in pages:
        if page.translation_key == found[0].translation_key and page.alias_of_id is None:
            versions.setdefault(page.locale.language_code, page)
    return _language_links(versions, language, True, request)


def main_navigation(site, language_code, current_page=None, cache=None):
    """The header's navigation in one language: the clusters (children of that language's home page, in
    the editors' order), then the portal's news and its own contact page. Falls back to the default
    language's tree. One query, plus the home pages' one unless cached; the items are plain Pages with
    `short_name`."""

    def compute():
        homes = home_pages_by_language(site, cache)
        home = homes.get(language_code) or homes.get(settings.LANGUAGE_CODE)
        if home is None:
            return None, []
        content_types = ContentType.objects.get_for_models(ClusterPage, NewsHubPage, ContactPage)  # cached
        cluster_type, hub_type, contact_type = (
            content_types[model].pk for model in (ClusterPage, NewsHubPage, ContactPage)
        )
        short_name = ClusterPage.objects.filter(pk=OuterRef("pk")).values("short_name")[:1]
        children = list(
            Page.objects.child_of(home)
            .live()
            .filter(content_type__in=[cluster_type, hub_type, contact_type])
            .annotate(short_name=Subquery(short_name))
        )
        clusters = [page for page in children if page.content_type_id == cluster_type]
        others = [
            next((page for page in children if page.content_type_id == content_type), None)
            for content_type in (hub_type, contact_type)
        ]
        return home, [*clusters, *(page for page in others if page is not None)]

    home, pages = cached(cache, ("main_navigation", getattr(site, "pk", None), language_code), compute)
    current_path = getattr(current_page, "path", "")
    items = [
        NavItem(
            page=page,
            label=getattr(page, "short_name", "") or page.title,
            full_label=page.title,
            is_current=getattr(current_page, "pk", None) == page.pk,
            is_ancestor=current_path.startswith(page.path) and current_path != page.path,
        )
        for page in pages
    ]
    return Navigation(home=home, items=items)


def news_hub(site, language_code, cache=None):
    """The portal news page (a plain Page) of the language's home page, or None: taken from the navigation,
    without a query of its own when the navigation is cached."""
    hub_type = ContentType.objects.get_for_model(NewsHubPage).pk  # cached
    items = main_navigation(site, language_code, cache=cache).items
    return next((item.page for item in items if item.page.content_type_id == hub_type), None)


def site_text(language_code, cache=None):
    """The SiteText snippet in `language_code`, or in the default language when it has not been
    translated yet; None when there is none at all. One query."""

    def compute():
        default = settings.LANGUAGE_CODE
        texts = {}
        candidates = SiteText.objects.filter(locale__language_code__in={language_code, default})
        for text in candidates.select_related("locale").order_by("pk"):
            texts.setdefault(text.locale.language_code, text)
        return texts.get(language_code) or texts.get(default)

    return cached(cache, ("site_text", language_code), compute)


def localized(page, site, language_code, cache=None):
    """Wagtail's `page.localized` (the page's live translation in `language_code`, else the page itself)
    without its Locale query: the language's locale is the home page's. No query when the page is in that
    language already, else one (none while it is shared, pagecache.parts)."""
    homes = home_pages_by_language(site, cache)
    home = homes.get(language_code)
    if page is None or home is None:
        return page.localized if page is not None else None
    if page.locale_id == home.locale_id:
        return page

    def compute():
        translations = page.__class__.objects.filter(translation_key=page.translation_key, locale_id=home.locale_id)
        translation = translations.first()
        return translation if translation is not None and translation.live else page

    return cached(cache, ("localized", page.pk, home.locale_id), compute)


def breadcrumb_pages(page, cache=None):
    """The page's ancestors from the home page down (Root left out). One query (none when `cache` already
    holds the answer: the breadcrumbs and their JSON-LD share it)."""
    if page is None or not page.depth or page.depth <= 2:
        return []
    return cached(cache, ("breadcrumbs", page.pk), lambda: list(page.get_ancestors().filter(depth__gt=1)))


def phone_href(phone):
    """A tel: URI for a phone number as people write it ("+48 22 123-45-67" -> "tel:+48221234567")."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    if not re.search(r"\d", digits):
        return ""
    return "tel:" + digits[0] + digits[1:].replace("+", "")
