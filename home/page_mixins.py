"""What every public page type shares."""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


class PortalPageMixin:
    """Mixed into every page type of the portal, before Page (or RoutablePageMixin).

    `serve_select_related`: the foreign keys that the page's template and <head> read, fetched together with
    the page when it is routed (home.routing).
    """

    serve_select_related = ()

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions on this page and its ancestors, an alias's taken from its
        source page) in one query instead of two: the ancestors are named by their paths, and the aliases
        among them are resolved inside the query."""
        if getattr(self, "view_restrictions_known_empty", False):  # set by home.routing on the page it routed
            return PageViewRestriction.objects.none()
        if not self.path or not self.depth:
            return super().get_view_restrictions()
        paths = [self.path[: depth * Page.steplen] for depth in range(1, self.depth + 1)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of"))
        )
