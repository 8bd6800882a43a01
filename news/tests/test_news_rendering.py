"""templates/news/: the paginated news index and a news item."""

import pytest

from django.test import override_settings


@pytest.fixture
def many_news(make_portal, settings):
    settings.NEWS_PER_PAGE = 2
    return make_portal(news_count=5)  # Polish: three pages of 2, 2 and 1


def titles(soup):
    return [card.h2.get_text(strip=True) for card in soup.find("ul", class_="news-list").find_all("article")]


class TestNewsIndex:
    def test_lists_the_news_newest_first(self, portal, fetch):
        soup = fetch(portal.pl.news_index.url)

        assert soup.h1.get_text(strip=True) == "Aktualności"
        assert "Wiadomości klastra." in soup.find(class_="page-intro").get_text()
        assert titles(soup) == ["Aktualność 0", "Aktualność 1", "Aktualność 2"]
        card = soup.find("article", class_="news-card")
        assert card.time["datetime"] == "2025-03-14"
        assert card.time.get_text(strip=True) == "14 marca 2025"
        assert card.find("img")["alt"] == ""

    def test_english_lists_only_english_news(self, portal, fetch):
        assert titles(fetch(portal.en.news_index.url)) == ["News item 0", "News item 1"]

    def test_no_pagination_on_a_single_page(self, portal, fetch):
        assert fetch(portal.pl.news_index.url).find("nav", class_="pagination") is None

    def test_pagination(self, many_news, fetch):
        url = many_news.pl.news_index.url
        soup = fetch(url + "?page=2")

        assert titles(soup) == ["Aktualność 2", "Aktualność 3"]
        nav = soup.find("nav", class_="pagination")
        assert nav["aria-label"]
        assert nav.find("a", rel="prev")["href"] == url  # page 1 is the plain address
        assert nav.find("a", rel="next")["href"] == "?page=3"
        current = nav.find("a", attrs={"aria-current": "page"})
        assert current.get_text(" ", strip=True).endswith("2")
        assert [link["href"] for link in nav.find_all("a", rel=False)] == [url, "?page=2", "?page=3"]
        assert "(strona 2 z 3)" in soup.title.get_text() or "(page 2 of 3)" in soup.title.get_text()

    def test_first_and_last_pages_have_one_direction(self, many_news, fetch):
        first = fetch(many_news.pl.news_index.url).find("nav", class_="pagination")
        last = fetch(many_news.pl.news_index.url + "?page=3").find("nav", class_="pagination")

        assert first.find("a", rel="prev") is None and first.find("a", rel="next")
        assert last.find("a", rel="next") is None and last.find("a", rel="prev")

    @pytest.mark.parametrize(("query", "expected_first"), [("abc", "Aktualność 0"), ("999", "Aktualność 4")])
    def test_a_bad_page_number_is_not_an_error(self, many_news, fetch, query, expected_first):
        soup = fetch(many_news.pl.news_index.url + "?page=" + query)

        assert titles(soup)[0] == expected_first

    def test_long_listings_elide_page_numbers(self, make_portal, fetch):
        with override_settings(NEWS_PER_PAGE=1):
            portal = make_portal(news_count=12)
            nav = fetch(portal.pl.news_index.url + "?page=6").find("nav", class_="pagination")

        assert nav.find(class_="pagination__gap")
        assert len(nav.find_all("a")) < 12

    def test_empty(self, portal, fetch):
        for item in portal.en.news:
            item.unpublish()

        soup = fetch(portal.en.news_index.url)

        assert soup.find("ul", class_="news-list") is None
        assert "There is no news yet." in soup.main.get_text()


class TestNewsPage:
    def test_article(self, portal, fetch):
        soup = fetch(portal.en.news[0].url)

        article = soup.find("article", class_="news-article")
        assert article.h1.get_text(strip=True) == "News item 0"
        assert article.time["datetime"] == "2025-03-14"
        assert article.time.get_text(strip=True) == "14 March 2025"
        assert article.find("p", class_="lead").get_text(strip=True) == "Summary of news item 0."
        assert article.find("figure", class_="news-article__image").img["width"]
        assert "Text of news item 0." in article.find(class_="stream").get_text()
        assert [tag.get_text() for tag in article.find("ul", class_="tags").find_all("li")] == [
            "energy",
            "innovation",
        ]
        back = soup.main.find("a", class_="back-link")
        assert back["href"] == portal.en.news_index.url

    def test_polish_date(self, portal, fetch):
        assert fetch(portal.pl.news[0].url).find("article").time.get_text(strip=True) == "14 marca 2025"

    def test_image_alt_is_the_image_description(self, portal, fetch):
        image = portal.en.news[0].listing_image
        image.description = "Solar panels on a roof"
        image.save()

        assert fetch(portal.en.news[0].url).find("figure").img["alt"] == "Solar panels on a roof"

    def test_without_image_and_tags(self, portal, fetch):
        item = portal.en.news[0]
        item.listing_image = None
        item.tags.clear()
        item.save()

        article = fetch(item.url).find("article", class_="news-article")

        assert article.find("figure") is None
        assert article.find("ul", class_="tags") is None
