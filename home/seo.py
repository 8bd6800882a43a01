"""What search engines and social networks read about a page: its title and description, canonical URL,
sharing image, Open Graph and Twitter tags, and JSON-LD (schema.org).

Plain functions over a page and the request, so they are tested without a template;
`home.templatetags.seo_tags` only gathers their inputs and renders `includes/seo.html`.
"""

import html
import json
import mimetypes
import re
from dataclasses import dataclass, field, replace

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError

from clusters.models import ClusterPage
from news.models import NewsPage

from .models import HomePage

# 1.91:1, the ratio Facebook, LinkedIn and X crop to; JPEG, which every one of them reads.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
DEFAULT_SHARE_IMAGE = ("img/share.png", 1200, 630, "image/png")
# Where a page keeps a sentence about itself, in order of preference after search_description.
DESCRIPTION_FIELDS = ("summary", "tagline", "intro", "introduction")
SHARE_IMAGE_FIELDS = ("listing_image", "hero_image")
DESCRIPTION_LENGTH = 160  # what search engines show
HEADLINE_LENGTH = 110  # schema.org NewsArticle headline, as Google reads it
OPEN_GRAPH_LOCALES = {"pl": "pl_PL", "en": "en_GB"}
# json_script's escapes: "</script>" or "<!--" in a title cannot end the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    mime_type: str
    alt: str = ""
    rendition: object = None  # the Wagtail rendition, None for the default picture


@dataclass(frozen=True)
class PageSeo:
    title: str
    description: str
    canonical: str = ""
    robots: str = ""
    open_graph: list = field(default_factory=list)  # (property, content) pairs
    twitter: list = field(default_factory=list)  # (name, content) pairs
    json_ld: list = field(default_factory=list)  # safe <script type="application/ld+json"> elements


@dataclass(frozen=True)
class SeoContext:
    """What the page's <head> knows besides the page: the request's language, texts and settings."""

    language_code: str
    site_text: object = None  # home.models.SiteText
    portal_settings: object = None  # home.models.PortalSettings
    languages: tuple = ()  # navigation.LanguageLink
    ancestors: tuple = ()  # the breadcrumbs' pages
    canonical: str = ""  # given by listings for their later pages
    robots: str = ""
    search_url: str = ""
    description: str = ""
    image: ShareImage | None = None


def plain_text(value):
    """Rich text or plain text as one line of plain text."""
    return _WHITESPACE.sub(" ", html.unescape(strip_tags(str(value or "")))).strip()


def seo_title(page):
    return page.seo_title or page.title


def seo_description(page, site_text=None):
    """The editor's search description, else the page's own summary, tagline or introduction, else the
    portal's tagline; at most DESCRIPTION_LENGTH characters."""
    candidates = [getattr(page, "search_description", "")]
    candidates += [getattr(page, name, "") for name in DESCRIPTION_FIELDS]
    candidates.append(getattr(site_text, "tagline", ""))
    for candidate in candidates:
        text = plain_text(candidate)
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def canonical_url(page, request, page_number=1):
    """The page's absolute URL; a listing's later pages are pages of their own (?page=N)."""
    url = page.get_full_url(request) or ""
    if url and page_number and int(page_number) > 1:
        url += f"?page={int(page_number)}"
    return url


def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, f"{language_code}_{language_code.upper()}")


def share_rendition(image):
    """The image cut for sharing and feeds, or None when its file is missing."""
    try:
        return image.get_rendition(SHARE_IMAGE_SPEC)
    except (SourceImageIOError, FileNotFoundError):
        return None


def rendition_mime_type(rendition):
    return mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"


def share_image(page, request):
    """The news item's listing image or the cluster's hero image, cut to 1200x630; else the portal's picture."""
    for name in SHARE_IMAGE_FIELDS:
        image = getattr(page, name, None) if page is not None else None
        rendition = share_rendition(image) if image is not None else None
        if rendition is not None:
            return ShareImage(
                url=request.build_absolute_uri(rendition.url),
                width=rendition.width,
                height=rendition.height,
                mime_type=rendition_mime_type(rendition),
                alt=image.description or "",
                rendition=rendition,
            )
    path, width, height, mime_type = DEFAULT_SHARE_IMAGE
    return ShareImage(url=request.build_absolute_uri(static(path)), width=width, height=height, mime_type=mime_type)


def open_graph(page, request, language_code, site_text, languages, canonical, description, image):
    """Open Graph properties: the page in its language, the languages it is also published in, its image."""
    tags = [
        ("og:type", "article" if isinstance(page, NewsPage) else "website"),
        ("og:title", seo_title(page)),
        ("og:description", description),
        ("og:url", canonical),
        ("og:locale", open_graph_locale(language_code)),
    ]
    if site_text is not None:
        tags.append(("og:site_name", site_text.organisation_name))
    tags += [
        ("og:locale:alternate", open_graph_locale(link.language_code))
        for link in languages
        if link.is_translation and link.language_code != language_code
    ]
    tags += [
        ("og:image", image.url),
        ("og:image:type", image.mime_type),
        ("og:image:width", str(image.width)),
        ("og:image:height", str(image.height)),
    ]
    if image.alt:
        tags.append(("og:image:alt", image.alt))
    if isinstance(page, NewsPage):
        tags.append(("article:published_time", page.date.isoformat()))
        if page.last_published_at:
            tags.append(("article:modified_time", page.last_published_at.isoformat()))
    return [(name, content) for name, content in tags if content]


def twitter_card(page, description, image):
    tags = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", seo_title(page)),
        ("twitter:description", description),
        ("twitter:image", image.url),
        ("twitter:image:alt", image.alt),
    ]
    return [(name, content) for name, content in tags if content]


def json_ld_script(data):
    """A <script type="application/ld+json"> element that no string in `data` can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


def portal_organization(home, request, site_text, portal_settings):
    """schema.org Organization of the association that runs the portal."""
    data = {"@context": "https://schema.org", "@type": "Organization", "url": home.get_full_url(request)}
    if site_text is not None:
        data["name"] = site_text.organisation_name
        if site_text.tagline:
            data["description"] = site_text.tagline
    if portal_settings is not None:
        if portal_settings.contact_email:
            data["email"] = portal_settings.contact_email
        same_as = [url for _name, url in portal_settings.social_links]
        if same_as:
            data["sameAs"] = same_as
    return data


def website(home, request, language_code, site_text, search_url):
    """schema.org WebSite with the portal's search, so that search engines can offer it."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": home.get_full_url(request),
        "inLanguage": language_code,
    }
    if site_text is not None:
        data["name"] = site_text.organisation_name
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
    return data


def cluster_organization(cluster, request, portal_home=None, site_text=None):
    """schema.org Organization of one cluster, a member of the portal's association."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": cluster.title,
        "url": cluster.get_full_url(request),
    }
    optional = {
        "alternateName": cluster.short_name,
        "description": cluster.tagline,
        "email": cluster.email,
        "telephone": cluster.phone,
    }
    data.update({key: value for key, value in optional.items() if value})
    if cluster.logo:
        data["logo"] = request.build_absolute_uri(cluster.logo.file.url)
    if cluster.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": ", ".join(cluster.address.splitlines())}
    if portal_home is not None and site_text is not None:
        data["memberOf"] = {
            "@type": "Organization",
            "name": site_text.organisation_name,
            "url": portal_home.get_full_url(request),
        }
    return data


def news_article(page, request, context, cluster=None):
    """schema.org NewsArticle; the cluster, when known, is its author and publisher. `context`: a SeoContext
    with the canonical URL, the description and the image filled in."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(page.title).chars(HEADLINE_LENGTH),
        "description": context.description,
        "datePublished": page.date.isoformat(),
        "inLanguage": context.language_code,
        "mainEntityOfPage": context.canonical,
        "url": context.canonical,
        "image": [context.image.url],
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if cluster is not None:
        organization = {"@type": "Organization", "name": cluster.title, "url": cluster.get_full_url(request)}
        data["author"] = data["publisher"] = organization
    return data


def breadcrumb_list(ancestors, page, request):
    """schema.org BreadcrumbList matching the visible breadcrumbs (the home page is called "Home")."""
    items = []
    for position, crumb in enumerate([*ancestors, page], start=1):
        name = _("Home") if crumb.depth == 2 else crumb.title
        items.append({"@type": "ListItem", "position": position, "name": name, "item": crumb.get_full_url(request)})
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def structured_data(page, request, context):
    """The JSON-LD objects of a page: Organization and WebSite on the home page, Organization on a cluster,
    NewsArticle on a news item, BreadcrumbList wherever there are breadcrumbs. `context`: a SeoContext."""
    ancestors, site_text = context.ancestors, context.site_text
    home = next((ancestor for ancestor in ancestors if ancestor.depth == 2), None)
    data = []
    if isinstance(page, HomePage):
        data.append(portal_organization(page, request, site_text, context.portal_settings))
        data.append(website(page, request, context.language_code, site_text, context.search_url))
    elif isinstance(page, ClusterPage):
        data.append(cluster_organization(page, request, home, site_text))
    elif isinstance(page, NewsPage):
        cluster = next((ancestor for ancestor in ancestors if ancestor.depth == 3), None)
        data.append(news_article(page, request, context, cluster))
    if ancestors:
        data.append(breadcrumb_list(ancestors, page, request))
    return data


def page_seo(page, request, context):
    """Everything the <head> says about `page` to search engines and social networks. Outside a Wagtail page
    (page None: search, errors) only the description and the robots directive."""
    description = seo_description(page, context.site_text)
    if page is None:
        return PageSeo(title="", description=description, robots=context.robots)
    image = share_image(page, request)
    context = replace(
        context,
        canonical=context.canonical or canonical_url(page, request),
        description=description,
        image=image,
        ancestors=tuple(context.ancestors),
    )
    language_code = context.language_code
    return PageSeo(
        title=seo_title(page),
        description=description,
        canonical=context.canonical,
        robots=context.robots,
        open_graph=open_graph(
            page, request, language_code, context.site_text, context.languages, context.canonical, description, image
        ),
        twitter=twitter_card(page, description, image),
        json_ld=[json_ld_script(item) for item in structured_data(page, request, context)],
    )


def robots_txt(sitemap_url):
    """robots.txt: everything public may be crawled but the admin and the API; where the sitemap is."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", "Disallow: /api/", ""]
    return "\n".join([*lines, f"Sitemap: {sitemap_url}", ""])
