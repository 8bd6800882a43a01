"""RSS 2.0 and Atom feeds of a news listing (a cluster's NewsIndexPage or the portal's NewsHubPage), in the
listing's language, served by the listing's routes <listing URL>rss/ and <listing URL>atom/.

Links are absolute; each item's listing image, cut as for sharing, is its enclosure. One instance per
request: the request and the listing are kept on it.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from home import navigation
from home.seo import plain_text, rendition_mime_type, share_rendition

FEED_LENGTH = 20


@dataclass(frozen=True)
class FeedLink:
    """For <link rel="alternate"> in the head and the visible links on a listing."""

    mime_type: str
    format_name: str  # "RSS", "Atom"
    title: str
    url: str


def feed_links(listing, request):
    """The RSS and Atom links of a listing page (no query: its URL is known from the routing cache)."""
    url = listing.get_url(request)
    if url is None:
        return []
    return [
        FeedLink("application/rss+xml", "RSS", _("%(title)s (RSS)") % {"title": listing.title}, url + "rss/"),
        FeedLink("application/atom+xml", "Atom", _("%(title)s (Atom)") % {"title": listing.title}, url + "atom/"),
    ]


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, listing):
        self.request = request
        self.language = listing.locale.language_code
        return listing

    def title(self, listing):
        return f"{listing.title} – {self.owner_name(listing)}"

    def owner_name(self, listing):
        """The cluster whose news these are, or the portal for its own listing."""
        parent = listing.get_parent()
        if parent.depth > 2:
            return parent.title
        texts = navigation.site_text(self.language)
        return texts.organisation_name if texts else parent.title

    def link(self, listing):
        return listing.get_full_url(self.request)

    def description(self, listing):
        return plain_text(listing.search_description or listing.intro) or self.title(listing)

    def author_name(self, listing):
        return self.owner_name(listing)

    def items(self, listing):
        return listing.feed_items().prefetch_related("tagged_items__tag")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        """The item's date at the moment it was first published, when that was on the same day; else noon."""
        published = item.first_published_at and timezone.localtime(item.first_published_at)
        if published and published.date() == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]

    def item_enclosures(self, item):
        rendition = share_rendition(item.listing_image) if item.listing_image else None
        if rendition is None:
            return []
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, str(rendition.file.size), rendition_mime_type(rendition))]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, listing):
        return self.description(listing)
