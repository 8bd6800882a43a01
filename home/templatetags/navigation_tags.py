"""Template tags for the site-wide chrome; the logic lives in home.navigation."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from home import navigation
from pagecache.parts import request_cache

register = template.Library()


def _site(request):
    if request is None:
        return Site.objects.filter(is_default_site=True).first()
    return navigation.site_for_request(request)


def _language():
    """The active language as a content language code ("en-gb" -> "en")."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as languages %}`: the switcher's entries for the page being shown."""
    request = context.get("request")
    return navigation.language_links(
        _site(request),
        _language(),
        page=_current_page(context),
        request=request,
        cache=request_cache(request),
    )


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """`{% main_navigation as nav %}`: the clusters and the portal's contact page in the active language."""
    request = context.get("request")
    return navigation.main_navigation(
        _site(request), _language(), current_page=_current_page(context), cache=request_cache(request)
    )


@register.simple_tag(takes_context=True)
def site_text(context):
    """`{% site_text as texts %}`: the SiteText snippet in the active language (or the default one)."""
    return navigation.site_text(_language(), cache=request_cache(context.get("request")))


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """`{% localized_page value.page as target %}`: the page in the active language, as `page.localized`."""
    request = context.get("request")
    return navigation.localized(page, _site(request), _language(), cache=request_cache(request))


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """`{% breadcrumb_pages page as ancestors %}`: the home page and the pages between it and `page`."""
    cache = request_cache(context.get("request"))
    return navigation.breadcrumb_pages(page if isinstance(page, Page) else None, cache=cache)


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """`{% elided_page_range news_page as numbers %}`: page numbers with Paginator.ELLIPSIS in the gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends))


@register.simple_tag(takes_context=True)
def page_number_url(context, number):
    """`{% page_number_url 2 %}`: the listing's page `number`, keeping its other parameters (filters, query):
    "?tag=x&page=2", and for the first page the bare path ("/pl/news/?tag=x")."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    if number == 1:
        query = params.urlencode()
        return f"{request.path}?{query}" if query else request.path
    params["page"] = number
    return f"?{params.urlencode()}"


@register.filter
def hreflang_alternates(languages):
    """`{% for code, url in languages|hreflang_alternates %}`: see home.navigation.hreflang_alternates."""
    return navigation.hreflang_alternates(languages)


@register.filter
def tel_href(phone):
    """`{{ page.phone|tel_href }}`: a tel: link target for a phone number as written."""
    return navigation.phone_href(phone)
