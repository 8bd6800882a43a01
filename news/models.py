from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.page_mixins import PortalPageMixin
from pagecache.parts import shared_value


class NewsListingMixin(RoutablePageMixin):
    """A news listing with its RSS and Atom feeds at <listing URL>rss/ and <listing URL>atom/."""

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed()(request, listing=self)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        from .feeds import AtomNewsFeed

        return AtomNewsFeed()(request, listing=self)

    def feed_items(self):
        """The news the feeds list; each listing says which."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        from .feeds import feed_links

        context = super().get_context(request, *args, **kwargs)
        context["feeds"] = feed_links(self, request)
        return context


def shared_news_page(request, key, items):
    """The page of `items` the request asks for (?page=, NEWS_PER_PAGE a page): the number of items and each
    page of them are shared until the next purge under `key`, which names the listing and its filters."""
    paginator = Paginator(items, settings.NEWS_PER_PAGE)
    paginator.count = shared_value(request, (*key, "count"), items.count)
    news_page = paginator.get_page(request.GET.get("page"))
    news_page.object_list = shared_value(request, (*key, news_page.number), lambda: list(news_page.object_list))
    return news_page


class NewsIndexPage(PortalPageMixin, NewsListingMixin, Page):
    """A cluster's news listing, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["clusters.ClusterPage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def feed_items(self):
        from .queries import news_items

        return news_items(self.locale_id, within=self)

    def get_context(self, request, *args, **kwargs):
        from home.seo import canonical_url

        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = news_page = shared_news_page(request, ("news", self.pk), self.feed_items())
        context["canonical_url"] = canonical_url(self, request, news_page.number)
        return context


class NewsHubPage(PortalPageMixin, NewsListingMixin, Page):
    """The portal's news: every cluster's news in one language, filterable by cluster and by tag.

    A page (one under each home page), not a route, so that it is translated, has a slug in every language,
    hreflang alternates and a place in the sitemap and the menu like any other page.
    """

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("portal news page")
        verbose_name_plural = _("portal news pages")

    def feed_items(self):
        from .queries import news_items

        return news_items(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from home.seo import canonical_url

        from .filters import filter_choices, filter_news

        context = super().get_context(request, *args, **kwargs)
        choices = shared_value(request, ("news filters", self.pk), lambda: filter_choices(self))
        listing = filter_news(self, request.GET, choices)
        context["filters"] = listing.form
        context["filter_error"] = listing.error
        context["is_filtered"] = listing.is_filtered
        context["news_page"] = news_page = shared_news_page(
            request, ("hub", self.pk, *listing.selection), listing.items
        )
        # A filtered list is a view of the whole one, not a page of its own.
        context["canonical_url"] = canonical_url(self, request, 1 if listing.is_filtered else news_page.number)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(PortalPageMixin, Page):
    """A dated news item of one cluster."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("Two or three sentences shown in listings and feeds.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=NewsPageTag, blank=True)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    serve_select_related = ("listing_image",)  # the <head>'s share image

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("summary"), FieldPanel("listing_image")],
            heading=_("Listing"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("tags"),
        APIField("listing_image"),
        APIField("listing_image_thumbnail", serializer=ImageRenditionField("fill-480x270", source="listing_image")),
    ]

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def get_context(self, request, *args, **kwargs):
        from .feeds import feed_links
        from .queries import related_news

        context = super().get_context(request, *args, **kwargs)
        # The listing above the item; the routing has already read it (get_parent() is then free).
        parent = self.get_parent()
        is_listing = parent is not None and parent.live and issubclass(parent.specific_class or Page, NewsIndexPage)
        context["news_index"] = news_index = parent if is_listing else None
        context["feeds"] = feed_links(news_index, request) if news_index else []
        context["related_news"] = shared_value(request, ("related news", self.pk), lambda: list(related_news(self)))
        return context
