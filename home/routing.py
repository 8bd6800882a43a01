"""Page routing in two queries, whatever the depth of the page.

Wagtail's own routing (`Page.route`) asks the database twice per path component (the child with that slug,
then its specific page) plus the active Locale and the root page's specific page: seven queries for a news
item. `serve` here finds the same page as Wagtail would and hands the result to Wagtail's `serve` (which
takes it from `request._wagtail_route_for_request`, its own routing cache), so the view restrictions, the
`before_serve_page` hooks and the page's `serve` run exactly as before:

- the root is the site root page's live translation in the active language (Wagtail's `.localized`), taken
  from the home pages the header needs anyway (`home.navigation.home_pages_by_language`, cached per request);
- the pages along the path are read in one query, by their `url_path` (which Wagtail keeps equal to the
  parent's plus the slug); one more query gives the last one's specific page, with the images and snippets
  its type lists in `serve_select_related`, whose own `route` then finishes the job (a routable page such as a news listing resolves its feeds, `rss/` and `atom/`);
- a page type that routes its children itself (it overrides `route`) gets the rest of the path, as it would
  from Wagtail; a routable page (RoutablePageMixin) only when one of its routes matches it, as in its `route`.

The same query tells whether a view restriction is set on the page or an ancestor; when none is, Wagtail's
restriction check costs no query (`home.page_mixins.PortalPageMixin.get_view_restrictions`).
The pages along the path are also the breadcrumbs: they are kept in the request cache for
`home.navigation.breadcrumb_pages`, and the parent is kept as Wagtail's `get_parent()` cache
(a news item's listing needs no query).
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction

from pagecache.parts import cached, request_cache

from . import navigation


def _active_language():
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def _routes_itself(page, components):
    """True when the page's type takes the rest of the path itself instead of handing it to a child page, as
    its `route` would. A routable page (RoutablePageMixin, e.g. a news listing and its feeds) does so when one
    of its own routes matches, and otherwise routes to its children as any page; a type with another `route`
    of its own always gets the rest of the path."""
    specific_class = page.specific_class or Page
    if specific_class.route is Page.route:
        return False
    definers = [klass for klass in specific_class.__mro__ if "route" in vars(klass)]
    if definers[:1] != [RoutablePageMixin] or definers[1].route is not Page.route:
        return True
    if not page.live:
        return False
    try:
        specific_class.get_resolver().resolve("/" + "".join(f"{component}/" for component in components))
    except Resolver404:
        return False
    return True


def _localized_root(site, request):
    """What Wagtail's `site.root_page.localized` gives, without a query of its own."""
    root = site.root_page
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return root
    homes = navigation.home_pages_by_language(site, request_cache(request))
    translation = homes.get(_active_language())
    return translation if translation is not None else root


def _specific(page):
    """`page.specific`, with the related rows its type names in `serve_select_related` (images, snippets its
    template and <head> show) read in the same query."""
    model_class = page.specific_class
    if model_class is None or isinstance(page, model_class):
        return page
    related = getattr(model_class, "serve_select_related", ())
    specific = model_class._default_manager.select_related(*related).get(id=page.id)
    for name, value in page.__dict__.items():  # as Wagtail's get_specific(): keep what was set on the page
        specific.__dict__.setdefault(name, value)
    return specific


def _path_rows(root, prefixes):
    """The pages at the `prefixes` (url_paths below the root) and the root with its ancestors, each annotated
    with whether a view restriction is set on it. One query."""
    ancestor_paths = [root.path[: depth * Page.steplen] for depth in range(1, root.depth + 1)]
    restricted = Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk")))
    return list(
        Page.objects.filter(Q(url_path__in=prefixes) | Q(path__in=ancestor_paths)).annotate(restricted=restricted)
    )


def _find(root, components):
    """(the specific page the path leads to, the rest of the path that page routes itself, whether Wagtail's
    view restriction check may skip its query, the breadcrumbs). Raises Http404 when a child is missing."""
    page = root
    prefixes = []
    if components and not _routes_itself(page, components):
        url_path = page.url_path
        for component in components:
            url_path += component + "/"
            prefixes.append(url_path)
    rows = _path_rows(root, prefixes)
    found = {(row.url_path, row.path[: -Page.steplen]): row for row in rows}
    chain = [page]
    if prefixes:
        while components and not _routes_itself(page, components):
            child = found.get((page.url_path + components[0] + "/", page.path))
            if child is None:
                raise Http404
            child._cached_parent_obj = page
            page = child
            chain.append(page)
            components = components[1:]
    specific = _specific(page)
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    # Wagtail's view restriction check needs no query of its own when neither the page nor any of its
    # ancestors has a restriction (aliases, whose restrictions are their source page's, are left to it).
    by_path = {row.path: row for row in rows}
    ancestors = [by_path.get(root.path[: depth * Page.steplen]) for depth in range(1, root.depth + 1)]
    checked = [*ancestors, *chain[1:]]
    restrictions_known_empty = all(
        row is not None and not row.restricted and row.alias_of_id is None for row in checked
    )
    # the breadcrumbs: the home page and the pages below it, as get_ancestors() gives
    breadcrumbs = chain[:-1] if chain[0].depth == 2 else None
    return specific, components, restrictions_known_empty, breadcrumbs


def route(request, path):
    """Wagtail's RouteResult for `path`, or None (then Wagtail's `serve` raises Http404). What the path
    leads to is shared until the next purge (home.navigation's request cache); a missing page is not kept."""
    site = navigation.site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = _localized_root(site, request)
    cache = request_cache(request)
    specific, rest, restrictions_known_empty, breadcrumbs = cached(
        cache, ("route", root.pk, *components), lambda: _find(root, components)
    )
    if restrictions_known_empty:
        specific.view_restrictions_known_empty = True
    if breadcrumbs is not None:
        cache[("breadcrumbs", specific.pk)] = breadcrumbs
    return specific.route(request, rest)


def serve(request, path):
    """Wagtail's `serve`, routed by `route` above."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
