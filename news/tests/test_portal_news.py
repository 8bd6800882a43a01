"""The portal-wide news listing (NewsHubPage) and the related news on a news page."""

import pytest

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase

from conftest import add_news_hub, build_portal
from news.queries import related_news

from .conftest import add_second_cluster


def titles(soup):
    return [card.h2.get_text(strip=True) for card in soup.find("ul", class_="news-list").find_all("article")]


@pytest.fixture
def hubs(news_hub, second_cluster):
    return news_hub


class TestPortalNews:
    def test_every_clusters_news_in_the_pages_language_newest_first(self, hubs, fetch):
        hub_pl, hub_en = hubs
        assert hub_pl.url == "/pl/aktualnosci/"
        assert hub_en.url == "/en/news/"

        polish = fetch(hub_pl.url)
        assert polish.h1.get_text(strip=True) == "Aktualności klastrów"
        assert titles(polish) == ["Aktualność 0", "Wodór w regionie", "Aktualność 1", "Aktualność 2"]
        assert titles(fetch(hub_en.url)) == ["News item 0", "Hydrogen in the region", "News item 1"]

    def test_each_card_names_its_cluster(self, hubs, fetch):
        clusters = [card.get_text(strip=True) for card in fetch(hubs[0].url).select(".card__cluster")]
        assert clusters == ["Klaster Zielonej Energii", "Klaster Wodorowy", *["Klaster Zielonej Energii"] * 2]

    def test_filter_by_cluster(self, hubs, fetch):
        assert titles(fetch(hubs[0].url + "?cluster=klaster-wodorowy")) == ["Wodór w regionie"]
        assert titles(fetch(hubs[1].url + "?cluster=green-energy-cluster")) == ["News item 0", "News item 1"]

    def test_filter_by_tag(self, hubs, fetch):
        assert titles(fetch(hubs[0].url + "?tag=wodór")) == ["Wodór w regionie"]
        assert titles(fetch(hubs[0].url + "?tag=energia")) == ["Aktualność 0", "Aktualność 1", "Aktualność 2"]
        assert titles(fetch(hubs[1].url + "?tag=hydrogen")) == ["Hydrogen in the region"]

    def test_filters_combine(self, hubs, fetch):
        soup = fetch(hubs[0].url + "?cluster=klaster-wodorowy&tag=energia")

        assert soup.find("ul", class_="news-list") is None
        assert soup.select_one(".notice--empty a")["href"] == "/pl/aktualnosci/"

    def test_the_form_offers_this_languages_clusters_and_tags(self, hubs, fetch):
        form = fetch(hubs[1].url).find("form", class_="news-filters")

        cluster_options = [
            option["value"] for option in form.find("select", attrs={"name": "cluster"}).find_all("option")
        ]
        tag_options = [option["value"] for option in form.find("select", attrs={"name": "tag"}).find_all("option")]
        assert cluster_options == ["", "green-energy-cluster", "hydrogen-cluster"]
        assert tag_options == ["", "energy", "hydrogen", "innovation"]
        for select in form.find_all("select"):
            assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True)

    def test_the_chosen_filter_stays_selected(self, hubs, fetch):
        form = fetch(hubs[0].url + "?tag=wodór").find("form", class_="news-filters")
        assert form.find("option", selected=True, value="wodór")

    @pytest.mark.parametrize(
        "query",
        [
            "?cluster=nie-ma-takiego",
            "?tag=nie-ma-takiego",
            "?cluster=green-energy-cluster",  # another language's cluster
            "?tag=energy",  # another language's tag
            "?cluster=%00",
            "?tag=" + "x" * 5000,
            "?cluster=klaster-wodorowy&cluster=<script>",
        ],
    )
    def test_an_unknown_value_gives_a_clear_empty_result(self, hubs, fetch, query):
        soup = fetch(hubs[0].url + query)

        assert soup.find("ul", class_="news-list") is None
        assert soup.select_one(".notice--unknown a")["href"] == hubs[0].url
        assert "<script>" not in str(soup.main)

    def test_pagination_keeps_the_filter(self, hubs, fetch, settings):
        settings.NEWS_PER_PAGE = 2
        soup = fetch(hubs[0].url + "?tag=energia")

        nav = soup.find("nav", class_="pagination")
        assert nav.find("a", rel="next")["href"] == "?tag=energia&page=2"
        second = fetch(hubs[0].url + "?tag=energia&page=2")
        assert titles(second) == ["Aktualność 2"]
        assert second.find("nav", class_="pagination").find("a", rel="prev")["href"] == "/pl/aktualnosci/?tag=energia"

    def test_a_later_page_is_its_own_canonical_page_a_filtered_one_is_not(self, hubs, fetch, settings):
        settings.NEWS_PER_PAGE = 2
        host = "http://localhost"  # the Site's address
        assert fetch(hubs[0].url + "?page=2").find("link", rel="canonical")["href"] == host + "/pl/aktualnosci/?page=2"
        filtered = fetch(hubs[0].url + "?tag=energia&page=2")
        assert filtered.find("link", rel="canonical")["href"] == host + "/pl/aktualnosci/"

    def test_the_hub_is_in_the_main_navigation_and_linked_from_the_home_page(self, hubs, portal, fetch):
        soup = fetch(portal.en.home.url)

        assert [a["href"] for a in soup.select(".main-nav__link")] == [
            portal.en.cluster.url,
            "/en/hydrogen-cluster/",
            "/en/news/",
            portal.en.portal_contact.url,
        ]
        assert soup.find("a", class_="more-link")["href"] == "/en/news/"

    def test_hreflang_alternates_lead_to_the_other_languages_hub(self, hubs, fetch):
        links = fetch(hubs[0].url).find_all("link", rel="alternate", hreflang=True)
        assert {link["hreflang"]: link["href"] for link in links} == {
            "pl": "http://localhost/pl/aktualnosci/",
            "en": "http://localhost/en/news/",
            "x-default": "http://localhost/pl/aktualnosci/",
        }


def count_queries(client, url):
    client.get(url)  # warm up: renditions, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_listing_and_a_news_page_make_constant_queries(make_portal, client, settings):
    """3 and 30 news items: the same number of queries for the hub (filtered or not) and a news page."""
    settings.NEWS_PER_PAGE = 10
    counts = {}
    for news_count in (3, 30):
        with transaction.atomic():
            portal = make_portal(news_count=news_count)
            add_second_cluster(portal)
            hub, _ = add_news_hub(portal)
            urls = [
                hub.url,
                hub.url + "?tag=energia&page=2",
                hub.url + "?cluster=klaster-wodorowy",
                portal.pl.news[0].url,
            ]
            counts[news_count] = [count_queries(client, url) for url in urls]
            transaction.set_rollback(True)
    assert counts[3] == counts[30]


class TestRelatedNews:
    def test_same_cluster_or_shared_tag_in_the_same_language_at_most_three(self, make_portal):
        portal = make_portal(news_count=6)
        second = add_second_cluster(portal)

        related = list(related_news(portal.pl.news[0]))
        assert [item.title for item in related] == ["Aktualność 1", "Aktualność 2", "Aktualność 3"]
        assert all(item.locale_id == portal.pl_locale.pk for item in related)
        # The hydrogen item shares no tag and no cluster with the others.
        assert list(related_news(second.news_pl)) == []

    def test_a_shared_tag_brings_in_another_clusters_news_after_the_ones_that_share_both(self, portal):
        second = add_second_cluster(portal)
        second.news_pl.tags.add("innowacje")
        second.news_pl.save()

        related = [item.title for item in related_news(second.news_pl)]
        assert related == ["Aktualność 0", "Aktualność 1", "Aktualność 2"]
        first = [item.title for item in related_news(portal.pl.news[2])]
        assert first == ["Aktualność 0", "Aktualność 1", "Wodór w regionie"]

    def test_shown_on_the_news_page(self, portal, fetch):
        soup = fetch(portal.en.news[0].url)

        section = soup.find("section", class_="related-news")
        assert section.h2.get_text(strip=True) == "Related news"
        assert [h3.get_text(strip=True) for h3 in section.find_all("h3")] == ["News item 1"]
        assert soup.find("a", class_="back-link")["href"] == portal.en.news_index.url

    def test_no_section_without_related_news(self, make_portal, fetch):
        portal = make_portal(news_count=1)  # one Polish item, alone in its cluster
        soup = fetch(portal.polish_only_news.url)

        assert soup.h1.get_text(strip=True) == portal.polish_only_news.title
        assert soup.find("section", class_="related-news") is None


class ListingPagesInTheAdminTests(WagtailPageTestCase):
    """The listings are routable pages (their feeds are routes): editors still preview them as usual."""

    def setUp(self):
        self.portal = build_portal(news_count=2)
        self.hub, _ = add_news_hub(self.portal)
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")

    def test_previewable(self):
        for page in (self.hub, self.portal.pl.news_index):
            self.assertPageIsPreviewable(page, user=self.user)
