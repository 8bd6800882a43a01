"""Query budgets: the listing pages make the same number of queries with 3 and with 30 news items.

Each page is requested once to warm up (renditions are created, the PortalSettings row is read, Wagtail
caches the site root paths), then counted. The trees for 3 and 30 items are built in the same test and
rolled back in between, so the counts compare like with like.
"""

import pytest

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

# The measured counts (SQLite, anonymous visitor); raise them only with a reason.
BUDGETS = {
    "home": 16,  # + the portal news page (link and feeds)
    "cluster": 25,
    "news index": 19,
    "news index, page 2": 19,
    "news": 22,  # + related news: the items, their renditions; the listing (feeds, back link)
    "contact": 17,
    "not found": 10,
}
LISTINGS = ["home", "cluster", "news index", "news index, page 2", "news"]  # news: its related news


def urls(portal):
    return {
        "home": portal.pl.home.url,
        "cluster": portal.pl.cluster.url,
        "news index": portal.pl.news_index.url,
        "news index, page 2": portal.pl.news_index.url + "?page=2",
        "news": portal.pl.news[0].url,
        "contact": portal.pl.cluster_contact.url,
        "not found": "/pl/nie-ma/",
    }


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return len(queries)


def measure(make_portal, client, news_count):
    with transaction.atomic():
        portal = make_portal(news_count=news_count)
        counts = {page_type: count_queries(client, url) for page_type, url in urls(portal).items()}
        transaction.set_rollback(True)
    return counts


@pytest.fixture
def counts(make_portal, client, settings):
    settings.NEWS_PER_PAGE = 2  # so that 3 items already have a second page
    return {news_count: measure(make_portal, client, news_count) for news_count in (3, 30)}


def test_listings_do_not_grow_with_the_number_of_news_items(counts):
    for page_type in LISTINGS:
        assert counts[3][page_type] == counts[30][page_type], f"{page_type}: {counts[3]} vs {counts[30]}"


def test_every_page_type_stays_within_its_budget(counts):
    over = {
        page_type: (count, BUDGETS[page_type]) for page_type, count in counts[30].items() if count > BUDGETS[page_type]
    }
    assert not over, f"(queries, budget): {over}"
