"""The portal news listing's filters (?cluster=<slug>&tag=<slug>), validated against what exists.

An unknown value is the reader's or a stale link's mistake, not the server's: it gives an empty list and a
message, never an error page nor, silently, every item.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from clusters.models import ClusterPage

from .models import NewsPage
from .queries import news_items


class NewsFilterForm(forms.Form):
    cluster = forms.ChoiceField(label=_("Cluster"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, data, clusters, tags):
        super().__init__(data)
        self.clusters = {cluster.slug: cluster for cluster in clusters}
        self.tags = {tag.slug: tag for tag in tags}
        self.fields["cluster"].choices = [("", _("All clusters"))] + [(c.slug, c.title) for c in clusters]
        self.fields["tag"].choices = [("", _("All tags"))] + [(t.slug, t.name) for t in tags]


@dataclass(frozen=True)
class FilteredNews:
    form: NewsFilterForm
    items: object  # a queryset of NewsPages, empty when a filter value is unknown
    is_filtered: bool
    error: bool


def news_tags(locale):
    """The tags of the live news in one language, by name. One query."""
    tagged = NewsPage.objects.live().filter(locale=locale).values("pk")
    return list(Tag.objects.filter(news_newspagetag_items__content_object__in=tagged).distinct().order_by("name"))


def filter_news(hub, params):
    """The news below the hub's home page in the hub's language, narrowed by the `params` (request.GET).
    Two queries for the choices; the items are a lazy queryset."""
    clusters = list(ClusterPage.objects.sibling_of(hub, inclusive=False).live().order_by("path"))
    form = NewsFilterForm(params, clusters, news_tags(hub.locale_id))
    if not form.is_valid():
        return FilteredNews(form=form, items=NewsPage.objects.none(), is_filtered=True, error=True)
    cluster = form.clusters.get(form.cleaned_data["cluster"])
    tag = form.tags.get(form.cleaned_data["tag"])
    items = news_items(hub.locale_id, within=cluster)
    if tag is not None:
        items = items.filter(tagged_items__tag=tag)
    return FilteredNews(form=form, items=items, is_filtered=bool(cluster or tag), error=False)
