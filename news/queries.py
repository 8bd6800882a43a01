"""News listings: one query for the items, their images' renditions and their cluster's name."""

from django.db.models import Case, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Substr

from wagtail.models import Page

from .models import NewsPage, NewsPageTag

RELATED_NEWS_COUNT = 3

CLUSTER_DEPTH = 3  # Root (1) > home page (2) > cluster (3)


def news_items(locale, within=None):
    """Live news in one language (a Locale or its id), newest first, optionally only below one page."""
    items = NewsPage.objects.live().filter(locale=locale)
    if within is not None:
        items = items.descendant_of(within)
    cluster_title = Page.objects.filter(path=Substr(OuterRef("path"), 1, CLUSTER_DEPTH * Page.steplen)).values(
        "title"
    )[:1]
    return (
        items.annotate(cluster_title=Subquery(cluster_title))
        .defer("body")  # listings show the summary; the bodies' JSON would be read and parsed for nothing
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
        .order_by("-date", "-pk")
    )


def latest_news(locale, limit, within=None):
    """The few newest items, for the home and cluster pages."""
    return news_items(locale, within)[:limit]


def related_news(page, limit=RELATED_NEWS_COUNT):
    """Up to `limit` other live news in the page's language from its cluster or sharing one of its tags:
    those that do both first, then the newest. One query, plus the prefetched renditions."""
    cluster_path = page.path[: CLUSTER_DEPTH * Page.steplen]
    own_tags = NewsPageTag.objects.filter(content_object_id=page.pk).values("tag_id")
    shares_tag = Exists(NewsPageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=own_tags))
    same_cluster = Q(path__startswith=cluster_path)
    return (
        news_items(page.locale_id)
        .exclude(pk=page.pk)
        .annotate(shares_tag=shares_tag)
        .filter(same_cluster | Q(shares_tag=True))
        .annotate(relevance=Case(When(same_cluster & Q(shares_tag=True), then=Value(2)), default=Value(1)))
        .order_by("-relevance", "-date", "-pk")[:limit]
    )
