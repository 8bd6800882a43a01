"""RSS and Atom feeds of every cluster's news and of the portal, in each language, read by feedparser."""

import feedparser
import pytest

from home.seo import SHARE_IMAGE_SPEC

HOST = "http://localhost"  # the Site's address, which feeds use for their links
REQUEST_HOST = "http://testserver"  # the request's, which images and the feed's own address use


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def listings(portal, news_hub, second_cluster):
    """(listing page, the titles its feed must list, newest first) per language and listing."""
    hub_pl, hub_en = news_hub
    return {
        "pl cluster": (portal.pl.news_index, ["Aktualność 0", "Aktualność 1", "Aktualność 2"]),
        "en cluster": (portal.en.news_index, ["News item 0", "News item 1"]),
        "pl portal": (hub_pl, ["Aktualność 0", "Wodór w regionie", "Aktualność 1", "Aktualność 2"]),
        "en portal": (hub_en, ["News item 0", "Hydrogen in the region", "News item 1"]),
    }


@pytest.mark.parametrize("listing", ["pl cluster", "en cluster", "pl portal", "en portal"])
@pytest.mark.parametrize(
    ("route", "content_type", "version"),
    [("rss/", "application/rss+xml", "rss20"), ("atom/", "application/atom+xml", "atom10")],
)
def test_each_listing_has_a_valid_feed_of_its_languages_news(client, listings, listing, route, content_type, version):
    page, expected_titles = listings[listing]
    response, feed = parse(client, page.url + route)

    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == expected_titles
    assert feed.feed.link == HOST + page.url
    for entry in feed.entries:
        assert entry.link.startswith(HOST + "/" + page.locale.language_code + "/")
        assert entry.summary
        assert entry.published_parsed


def test_rss_language_and_titles(client, portal, news_hub):
    _, cluster = parse(client, portal.en.news_index.url + "rss/")
    _, hub = parse(client, news_hub[0].url + "rss/")

    assert cluster.feed.language == "en"
    assert cluster.feed.title == "News – Green Energy Cluster"
    assert hub.feed.language == "pl"
    assert hub.feed.title == "Aktualności klastrów – Związek Klastrów Regionu"
    assert hub.feed.description == "Wiadomości ze wszystkich klastrów."


def test_items_link_to_the_news_pages_and_carry_their_tags(client, portal):
    _, feed = parse(client, portal.pl.news_index.url + "atom/")

    entry = feed.entries[0]
    assert entry.link == HOST + portal.pl.news[0].url
    assert entry.summary == "Streszczenie aktualności 0."
    assert sorted(tag.term for tag in entry.tags) == ["energia", "innowacje"]
    assert entry.published.startswith("2025-03-14")
    assert feed.feed.author == "Klaster Zielonej Energii"


def test_the_listing_image_is_the_enclosure_with_its_length_and_type(client, portal):
    _, feed = parse(client, portal.pl.news_index.url + "rss/")

    rendition = portal.pl.news[0].listing_image.get_rendition(SHARE_IMAGE_SPEC)
    [enclosure] = feed.entries[0].enclosures
    assert enclosure.href == REQUEST_HOST + rendition.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == rendition.file.size > 0
    assert rendition.width / rendition.height == pytest.approx(1200 / 630, rel=0.01)  # fill: never upscaled


def test_an_item_without_an_image_has_no_enclosure(client, portal):
    item = portal.pl.news[1]
    item.listing_image = None
    item.save()

    _, feed = parse(client, portal.pl.news_index.url + "rss/")
    by_title = {entry.title: entry for entry in feed.entries}
    assert by_title["Aktualność 1"].get("enclosures") == []
    assert len(by_title["Aktualność 0"].enclosures) == 1


def test_feeds_are_announced_in_the_head_and_linked_on_the_listing(client, portal, news_hub, fetch):
    for page, url in [(portal.pl.news_index, portal.pl.news_index.url), (portal.pl.news[0], portal.pl.news_index.url)]:
        soup = fetch(page.url)
        links = {link["type"]: link["href"] for link in soup.head.find_all("link", rel="alternate", type=True)}
        assert links == {"application/rss+xml": url + "rss/", "application/atom+xml": url + "atom/"}

    home = fetch(portal.en.home.url)
    links = [link["href"] for link in home.head.find_all("link", rel="alternate", type="application/rss+xml")]
    assert links == ["/en/news/rss/"]
    visible = fetch(news_hub[1].url).find("p", class_="feed-links")
    assert [a["href"] for a in visible.find_all("a")] == ["/en/news/rss/", "/en/news/atom/"]


def test_a_draft_listing_has_no_feed(client, portal):
    portal.pl.news_index.unpublish()

    assert client.get(portal.pl.news_index.url + "rss/").status_code == 404
