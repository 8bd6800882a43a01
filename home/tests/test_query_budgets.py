"""Query budgets: every public page type renders in at most 15 queries when the page cache misses, and the
listings make the same number of queries with 3 and with 30 news items, and with 1 and 3 clusters.

Each page is requested once to warm up (renditions are created, Wagtail caches the site root paths), then
counted. The trees compared are built in the same test and rolled back in between, so the counts compare
like with like. What keeps the counts down: home/routing.py (a page routed in two queries, view restrictions
checked in the same query), the per-request cache of home/navigation.py (home pages, site texts, navigation,
breadcrumbs) and each page type's `serve_select_related`.
"""

import pytest

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from clusters.models import ClusterPage
from conftest import _no_index_updates, add_news_hub, publish
from contact.models import PrivacyNoticePage

MAX_QUERIES = 15  # issue 7: no public page type above this

# The measured counts (SQLite, anonymous visitor); raise them only with a reason, never above MAX_QUERIES.
BUDGETS = {
    "home": 13,  # + the clusters and the latest news, each with their renditions; the portal news page
    "cluster": 14,  # + objectives, the body's images and chosen page, its listing and contact page, its news
    "cluster (English)": 15,  # + the call to action's page in English (the chosen page is the Polish one)
    "news index": 11,
    "news index, page 2": 11,
    "news": 11,  # + related news: the items, their renditions; the tags
    "news hub": 13,  # + the filters' choices: the clusters and the tags
    "news hub, filtered": 13,
    "contact": 9,
    "portal contact": 9,
    "privacy notice": 8,
    "search": 9,
    "not found": 8,
}
LISTINGS = ["home", "cluster", "news index", "news index, page 2", "news", "news hub", "news hub, filtered"]


def urls(portal, hub, notice):
    return {
        "home": portal.pl.home.url,
        "cluster": portal.pl.cluster.url,
        "cluster (English)": portal.en.cluster.url,
        "news index": portal.pl.news_index.url,
        "news index, page 2": portal.pl.news_index.url + "?page=2",
        "news": portal.pl.news[0].url,
        "news hub": hub.url,
        "news hub, filtered": f"{hub.url}?cluster={portal.pl.cluster.slug}&tag=energia",
        "contact": portal.pl.cluster_contact.url,
        "portal contact": portal.pl.portal_contact.url,
        "privacy notice": notice.url,
        "search": "/pl/szukaj/?q=energia",
        "not found": "/pl/nie-ma/",
    }


def add_privacy_notice(portal):
    with _no_index_updates():
        notice = PrivacyNoticePage(title="Polityka prywatności", slug="polityka-prywatnosci", text="<p>Tekst.</p>")
        portal.pl.home.add_child(instance=notice)
        return publish(notice)


def add_clusters(portal, count):
    """`count` more live clusters next to the first one, each with its logo and sector."""
    with _no_index_updates():
        for number in range(count):
            cluster = ClusterPage(
                title=f"Klaster {number}",
                slug=f"klaster-{number}",
                short_name=f"K{number}",
                sector=portal.pl.cluster.sector,
                tagline="Klaster.",
                logo=portal.images["logo"],
                hero_image=portal.images["hero"],
                accent_colour="#2e7d32",
            )
            portal.pl.home.add_child(instance=cluster)
            publish(cluster)


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return len(queries)


def measure(make_portal, client, news_count, cluster_count=1):
    with transaction.atomic():
        portal = make_portal(news_count=news_count)
        add_clusters(portal, cluster_count - 1)
        hub, _ = add_news_hub(portal)
        notice = add_privacy_notice(portal)
        counts = {page_type: count_queries(client, url) for page_type, url in urls(portal, hub, notice).items()}
        transaction.set_rollback(True)
    return counts


@pytest.fixture
def counts(make_portal, client, settings):
    settings.NEWS_PER_PAGE = 2  # so that 3 items already have a second page
    return {
        "3 news": measure(make_portal, client, news_count=3),
        "30 news": measure(make_portal, client, news_count=30),
        "3 clusters": measure(make_portal, client, news_count=3, cluster_count=3),
    }


def test_listings_do_not_grow_with_the_number_of_news_items(counts):
    for page_type in LISTINGS:
        assert counts["3 news"][page_type] == counts["30 news"][page_type], page_type


def test_pages_do_not_grow_with_the_number_of_clusters(counts):
    assert counts["3 news"] == counts["3 clusters"]


def test_every_page_type_stays_within_its_budget(counts):
    assert all(budget <= MAX_QUERIES for budget in BUDGETS.values())
    for measured in counts.values():
        over = {
            page_type: (count, BUDGETS[page_type])
            for page_type, count in measured.items()
            if count > BUDGETS[page_type]
        }
        assert not over, f"(queries, budget): {over}"
