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
    selection: tuple = ()  # the chosen cluster's and tag's slugs ("" for all); () when a value is unknown


def news_tags(locale):
    """The tags of the live news in one language, by name. One query."""
    tagged = NewsPage.objects.live().filter(locale=locale).values("pk")
    return list(Tag.objects.filter(news_newspagetag_items__content_object__in=tagged).distinct().order_by("name"))


def filter_choices(hub):
    """(clusters, tags): what the hub's filters offer. Two queries."""
    clusters = list(ClusterPage.objects.sibling_of(hub, inclusive=False).live().order_by("path"))
    return clusters, news_tags(hub.locale_id)


def filter_news(hub, params, choices=None):
    """The news below the hub's home page in the hub's language, narrowed by the `params` (request.GET).
    `choices` as filter_choices(hub) gives them (read when not given); the items are a lazy queryset."""
    clusters, tags = choices if choices is not None else filter_choices(hub)
    form = NewsFilterForm(params, clusters, tags)
    if not form.is_valid():
        return FilteredNews(form=form, items=NewsPage.objects.none(), is_filtered=True, error=True)
    cluster = form.clusters.get(form.cleaned_data["cluster"])
    tag = form.tags.get(form.cleaned_data["tag"])
    items = news_items(hub.locale_id, within=cluster)
    if tag is not None:
        items = items.filter(tagged_items__tag=tag)
    selection = (cluster.slug if cluster else "", tag.slug if tag else "")
    return FilteredNews(form=form, items=items, is_filtered=bool(cluster or tag), error=False, selection=selection)
