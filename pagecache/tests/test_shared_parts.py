"""The page cache's shared parts (PAGECACHE_PARTS_SECONDS) with the page cache off: every request renders its
page, reusing until the next publish what pages repeat (the site, the route, the navigation, the header, the
footer, the <head>'s metadata, the cards, the pictures) and the listings a page shows (pagecache.parts), and
never showing what a publish has changed."""

import pytest

from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from conftest import add_news_hub
from home.models import SiteText

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def parts_on_page_cache_off(settings):
    settings.PAGECACHE_SECONDS = 0
    settings.PAGECACHE_PARTS_SECONDS = 600
    cache.clear()
    caches["pagecache_parts"].clear()


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response  # the page cache is off: every request renders
    return response.content.decode()


# Queries of a render once the parts are shared (SQLite, anonymous reader): only what the page's own body reads.
WARM_QUERIES = {
    "home": 0,  # the clusters and the latest news are shared listings
    "cluster": 2,  # the body's chosen image and page (the StreamField reads each kind in bulk)
    "news listing": 0,  # the number of items and each page of them are shared
    "news": 1,  # the tags
    "portal news": 0,  # the filters' choices too
    "portal news, filtered": 0,
}


@pytest.mark.parametrize("name", WARM_QUERIES)
def test_a_second_render_is_the_same_page_from_fewer_queries(client, portal, name):
    hub, _hub_en = add_news_hub(portal)
    url = {
        "home": portal.pl.home.url,
        "cluster": portal.pl.cluster.url,
        "news listing": portal.pl.news_index.url,
        "news": portal.pl.news[0].url,
        "portal news": hub.url,
        "portal news, filtered": f"{hub.url}?cluster={portal.pl.cluster.slug}&tag=energia",
    }[name]
    with CaptureQueriesContext(connection) as cold:
        first = html(client, url)
    with CaptureQueriesContext(connection) as warm:
        second = html(client, url)

    assert second == first
    assert len(warm) == WARM_QUERIES[name] < len(cold)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_publishing_shows_the_change_on_the_next_request(client, portal, language, publish_change):
    tree = getattr(portal, language)
    html(client, tree.cluster.url)
    html(client, tree.home.url)

    publish_change(tree.cluster, title=f"Nowy tytuł {language}", tagline=f"Nowe hasło {language}")

    cluster_html = html(client, tree.cluster.url)
    assert f"Nowe hasło {language}" in cluster_html  # the routed page is read again
    assert f"Nowy tytuł {language}" in cluster_html
    assert f"Nowy tytuł {language}" in html(client, tree.home.url)  # the home page's card of the cluster


def test_a_published_news_item_reaches_every_listing_that_shows_it(client, portal, publish_change):
    news = portal.en.news[0]
    _hub, hub_en = add_news_hub(portal)
    listings = [portal.en.home.url, portal.en.cluster.url, portal.en.news_index.url, hub_en.url]
    for url in listings:
        html(client, url)

    publish_change(news, title="A brand new headline")

    for url in listings:
        assert "A brand new headline" in html(client, url)


def test_a_snippet_change_reaches_the_shared_footer(client, portal, on_commit):
    url = portal.pl.news_index.url
    html(client, url)

    texts = SiteText.objects.get(locale=portal.pl_locale)
    texts.footer_text = "<p>Stopka po zmianie</p>"
    with on_commit():
        texts.save()

    assert "Stopka po zmianie" in html(client, url)


def test_unpublishing_takes_the_page_away_at_once(client, portal, on_commit):
    news = portal.pl.news[0]
    html(client, news.url)

    with on_commit():
        news.unpublish()

    assert client.get(news.url).status_code == 404


def test_parts_are_shared_by_anonymous_readers_only(client, portal, django_user_model):
    """A change made without publishing (no purge) shows who is served the shared parts: anonymous readers
    keep the copy until the next publish; a signed-in editor's pages are always rendered from the database."""
    url = portal.pl.home.url
    html(client, url)
    Page.objects.filter(pk=portal.pl.cluster.pk).update(title="Zmiana bez publikacji")

    assert "Zmiana bez publikacji" not in html(client, url)

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("redaktor", "r@example.org", "secret-password"))
    assert "Zmiana bez publikacji" in editor.get(url).content.decode()


def test_a_missing_page_keeps_nothing(client, portal):
    """Any address can be asked for: a 404 must not fill the cache with one entry per address."""
    local_copies = caches["pagecache_parts"]._cache  # LocMemCache's entries

    assert client.get("/pl/nie-ma-takiej-strony/").status_code == 404
    kept = len(local_copies)
    for number in range(3):
        assert client.get(f"/pl/nie-ma-{number}/aktualnosci/").status_code == 404

    assert len(local_copies) == kept
