"""The site search: one language at a time, Polish inflection and missing diacritics, pagination, empty states.

Runs on SQLite and on PostgreSQL. Where they differ by design (home.search: trigram similarity on PostgreSQL,
stem prefixes on SQLite), each test asserts its own database's documented behaviour.
"""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

from conftest import add_news_hub, publish, stream
from home.search import normalise_query, search_pages, stem

ON_POSTGRESQL = connection.vendor == "postgresql"


def search_url(language):
    with translation.override(language):
        return reverse("search")


def reindex():
    call_command("update_index", stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def indexed(portal, news_hub):
    """The portal, its news pages, one news item about environmental projects, all in the search index."""
    item = portal.pl.news[0]
    item.title = "Projekty środowiskowych innowacji"
    item.summary = "Klaster wspiera przedsięwzięcia środowiskowe."
    publish(item)
    reindex()
    return portal


def result_titles(soup):
    return [h3.get_text(strip=True) for h3 in soup.select(".search-result__title")]


class TestUrls:
    def test_one_search_page_per_language(self):
        assert search_url("en") == "/en/search/"
        assert search_url("pl") == "/pl/szukaj/"  # translated in the catalogue


class TestMatching:
    def test_an_inflected_form_finds_the_page(self, indexed):
        titles = [page.title for page in search_pages("środowisko", indexed.pl_locale)]
        assert titles[0] == "Projekty środowiskowych innowacji"

    def test_a_word_without_diacritics_finds_it_too(self, indexed):
        assert "Projekty środowiskowych innowacji" in [
            page.title for page in search_pages("srodowisko", indexed.pl_locale)
        ]
        assert "Projekty środowiskowych innowacji" in [
            page.title for page in search_pages("SRODOWISKOWE", indexed.pl_locale)
        ]

    def test_summary_and_body_are_searched(self, indexed):
        assert [page.title for page in search_pages("przedsięwzięcia", indexed.pl_locale)] == [
            "Projekty środowiskowych innowacji"
        ]
        body_hits = {page.title for page in search_pages("Treść aktualności", indexed.pl_locale)}
        assert {"Aktualność 1", "Aktualność 2"} <= body_hits

    def test_a_published_change_is_searchable_at_once(self, indexed):
        item = indexed.pl.news[1]
        item.body = stream(("paragraph", "<p>Fotowoltaika na dachach szkół.</p>"))
        publish(item)

        assert [page.title for page in search_pages("fotowoltaika", indexed.pl_locale)] == ["Aktualność 1"]

    def test_a_typo_is_forgiven_on_postgresql_only(self, indexed):
        titles = [page.title for page in search_pages("srodowsko", indexed.pl_locale)]
        if ON_POSTGRESQL:  # trigram similarity
            assert "Projekty środowiskowych innowacji" in titles
        else:  # SQLite matches stems, letter for letter
            assert titles == []

    def test_unrelated_words_find_nothing(self, indexed):
        assert list(search_pages("xylofon", indexed.pl_locale)) == []

    def test_only_the_current_language(self, indexed):
        english = list(search_pages("news item", indexed.en_locale))
        assert {page.title for page in english[:2]} == {"News item 0", "News item 1"}  # best first
        assert all(page.locale_id == indexed.en_locale.pk for page in english)
        assert all(page.locale_id == indexed.pl_locale.pk for page in search_pages("klaster", indexed.pl_locale))
        assert "Projekty środowiskowych innowacji" not in [
            page.title for page in search_pages("środowisko", indexed.en_locale)
        ]

    def test_drafts_private_pages_and_aliases_are_left_out(self, indexed):
        draft = indexed.pl.news[1]
        draft.unpublish()
        PageViewRestriction.objects.create(page=indexed.pl.news[2], restriction_type=PageViewRestriction.LOGIN)
        alias = indexed.polish_only_news.create_alias(parent=indexed.en.news_index, update_locale=indexed.en_locale)
        reindex()

        polish = {page.title for page in search_pages("aktualności", indexed.pl_locale)}
        assert "Aktualność 1" not in polish
        assert "Aktualność 2" not in polish
        assert alias.live
        assert [page.title for page in search_pages("aktualności", indexed.en_locale)] == []

    @pytest.mark.parametrize(
        "query", ['"', "foo* OR (", "NEAR(a b)", "a\x00b", "ó" * 5000, "-x", "'; DROP TABLE x; --"]
    )
    def test_any_input_is_safe(self, indexed, query):
        list(search_pages(query, indexed.pl_locale))  # no error


class TestQueryWords:
    def test_words_only_and_at_most_ten(self):
        assert normalise_query(' "energia"  OR (klaster*) ') == "energia OR klaster"
        assert normalise_query(" ".join(str(number) for number in range(20))) == "0 1 2 3 4 5 6 7 8 9"
        assert normalise_query("?!") == ""

    def test_stems_keep_at_least_four_letters(self):
        assert stem("środowisko") == "środowis"
        assert stem("misja") == "misj"
        assert stem("dla") == "dla"


class TestSearchPage:
    def test_results_with_links_and_descriptions(self, indexed, fetch):
        soup = fetch(search_url("pl") + "?q=środowisko")

        assert soup.h1.get_text(strip=True)
        assert result_titles(soup)[0] == "Projekty środowiskowych innowacji"
        first = soup.select_one(".search-result")
        assert first.a["href"] == indexed.pl.news[0].url
        assert first.select_one(".search-result__description").get_text(strip=True) == (
            "Klaster wspiera przedsięwzięcia środowiskowe."
        )
        assert first.time["datetime"] == "2025-03-14"
        assert "środowisko" in soup.find(id="search-results-heading").get_text()

    def test_the_query_is_echoed_escaped(self, indexed, client):
        html = client.get(search_url("en"), {"q": "<script>alert(1)</script>"}).content.decode()

        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_a_useful_empty_state(self, indexed, fetch):
        soup = fetch(search_url("en") + "?q=xylofon")

        assert result_titles(soup) == []
        links = [a["href"] for a in soup.select(".search-empty a")]
        assert links == ["/en/news/", indexed.en.home.url]

    def test_without_a_query_only_the_form(self, indexed, fetch):
        soup = fetch(search_url("en"))

        assert soup.find("section", class_="search-results") is None
        form = soup.find("form", role="search")
        assert form.find("input", attrs={"name": "q"})["value"] == ""

    def test_one_labelled_search_landmark_which_keeps_the_query(self, indexed, fetch):
        soup = fetch(search_url("en") + "?q=news")

        [form] = soup.find_all("form", role="search")
        field = form.find("input", type="search")
        assert field["value"] == "news"
        assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        assert form.find("button", type="submit")

    def test_search_results_are_not_indexed_by_search_engines(self, indexed, fetch):
        soup = fetch(search_url("pl") + "?q=klaster")

        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
        assert soup.find("link", rel="canonical") is None

    def test_pagination_keeps_the_query(self, make_portal, fetch):
        portal = make_portal(news_count=14)
        reindex()
        url = search_url("pl")

        first = fetch(url + "?q=aktualności")
        assert len(result_titles(first)) == 10
        assert first.find("nav", class_="pagination").find("a", rel="next")["href"] == "?q=aktualno%C5%9Bci&page=2"
        second = fetch(url + "?q=aktualności&page=2")
        assert len(result_titles(second)) >= 4
        assert second.find("a", rel="prev")["href"] == url + "?q=aktualno%C5%9Bci"
        assert second.find("ol", class_="search-results__list")["start"] == "11"
        assert portal.pl.news  # built in Polish

    @pytest.mark.parametrize("query", ["?q=", "?q=%22", "?q=x&page=abc", "?q=x&page=999", "?q=" + "a" * 3000])
    def test_never_an_error(self, indexed, fetch, query):
        fetch(search_url("pl") + query)


class TestHeaderSearch:
    def test_every_page_has_a_labelled_search_form_of_its_language(self, indexed, fetch):
        for page, language in [(indexed.pl.cluster, "pl"), (indexed.en.news[0], "en")]:
            soup = fetch(page.url)
            [form] = soup.select("header form[role=search]")
            assert form["action"] == search_url(language)
            field = form.find("input", attrs={"name": "q"})
            assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)


def test_the_search_page_makes_constant_queries(make_portal, client):
    """3 and 30 matching news items (one page type: .specific() costs a query per type found)."""
    counts = []
    for news_count in (3, 30):
        with transaction.atomic():
            portal = make_portal(news_count=news_count)
            add_news_hub(portal)
            reindex()
            url = search_url("pl") + "?q=streszczenie"
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
            transaction.set_rollback(True)
    assert counts[0] == counts[1]
