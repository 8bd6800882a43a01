"""`{% seo_meta %}`: the <head>'s description, canonical URL, Open Graph, Twitter and JSON-LD; the logic lives
in home.seo. Reads from the context: `page`, `languages` (the switcher's links, computed by base.html),
and, when a view or listing sets them, `canonical_url` and `robots`."""

from django import template
from django.urls import reverse

from home import navigation, seo
from home.models import HomePage
from pagecache.parts import request_cache

from .navigation_tags import _current_page, _language, _site

register = template.Library()


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_meta(context):
    request = context.get("request")
    page = _current_page(context) if request is not None else None  # absolute URLs need the request
    cache = request_cache(request)
    language_code = _language()
    languages = context.get("languages")
    if languages is None:
        languages = navigation.language_links(_site(request), language_code, page=page, request=request, cache=cache)
    is_home = isinstance(page, HomePage)
    seo_context = seo.SeoContext(
        language_code=language_code,
        site_text=navigation.site_text(language_code, cache=cache),
        portal_settings=navigation.portal_settings(request, cache) if is_home else None,
        languages=tuple(languages),
        ancestors=tuple(navigation.breadcrumb_pages(page, cache=cache)),
        canonical=context.get("canonical_url", ""),
        robots=context.get("robots", ""),
        search_url=request.build_absolute_uri(reverse("search")) if is_home else "",
    )
    return {"seo": seo.page_seo(page, request, seo_context)}
