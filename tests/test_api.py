"""The read-only JSON API (Wagtail API v2 at /api/v2/): pages by language, news with their fields, images."""

from io import StringIO

import pytest

from django.core.management import call_command

PAGES = "/api/v2/pages/"


@pytest.fixture
def api(client):
    def get(url, status=200, **params):
        response = client.get(url, params)
        assert response.status_code == status, (url, params, response.content[:500])
        return response.json()

    return get


def titles(data):
    return [item["title"] for item in data["items"]]


class TestPages:
    def test_lists_live_pages_of_every_language(self, portal, api):
        data = api(PAGES, limit=20)

        assert {"Portal klastrów", "Cluster portal", "Aktualność 2", "News item 0"} <= set(titles(data))
        assert data["meta"]["total_count"] == len(data["items"])

    def test_locale_filter_gives_one_language(self, portal, api):
        polish = api(PAGES, locale="pl", limit=20)
        english = api(PAGES, locale="en", limit=20)

        assert {item["meta"]["locale"] for item in polish["items"]} == {"pl"}
        assert {item["meta"]["locale"] for item in english["items"]} == {"en"}
        assert "Aktualność 2" in titles(polish)
        assert "Aktualność 2" not in titles(english)

    def test_not_found_is_a_json_404_not_a_redirect_to_a_language(self, portal, api):
        assert "message" in api(PAGES, status=404, locale="xx")
        assert "message" in api(f"{PAGES}999999/", status=404)
        assert "message" in api("/api/v2/images/999999/", status=404)

    def test_drafts_and_aliases_are_left_out(self, portal, api):
        portal.pl.news[1].unpublish()
        portal.polish_only_news.create_alias(parent=portal.en.news_index, update_locale=portal.en_locale)

        assert "Aktualność 1" not in titles(api(PAGES, locale="pl", limit=20))
        assert "Aktualność 2" not in titles(api(PAGES, locale="en", limit=20))

    def test_news_with_their_fields(self, portal, api):
        data = api(PAGES, type="news.NewsPage", locale="en", fields="date,summary,tags,listing_image_thumbnail")

        assert set(titles(data)) == {"News item 0", "News item 1"}
        item = next(item for item in data["items"] if item["title"] == "News item 0")
        assert item["date"] == "2025-03-14"
        assert item["summary"] == "Summary of news item 0."
        assert sorted(item["tags"]) == ["energy", "innovation"]
        thumbnail = item["listing_image_thumbnail"]
        assert (thumbnail["width"], thumbnail["height"]) == (480, 270)
        assert item["meta"]["html_url"] == "http://localhost" + portal.en.news[0].url

    def test_news_detail_has_the_body_and_the_image(self, portal, api):
        item = api(f"{PAGES}{portal.pl.news[0].pk}/")

        assert item["meta"]["type"] == "news.NewsPage"
        assert item["body"][0]["type"] == "paragraph"
        assert "Treść aktualności 0." in item["body"][0]["value"]
        assert item["listing_image"]["id"] == portal.pl.news[0].listing_image_id

    def test_order_and_child_of(self, portal, api):
        data = api(PAGES, child_of=portal.en.news_index.pk, type="news.NewsPage", order="-date")
        assert titles(data) == ["News item 0", "News item 1"]

    def test_search_in_one_language(self, portal, api):
        call_command("update_index", stdout=StringIO())

        found = titles(api(PAGES, search="Streszczenie", locale="pl"))
        assert set(found) == {"Aktualność 0", "Aktualność 1", "Aktualność 2"}

    @pytest.mark.parametrize("query", ['"', "foo* OR (", "?!", ""])
    def test_search_syntax_never_breaks_it(self, portal, api, query):
        api(PAGES, search=query, locale="pl")

    def test_read_only(self, portal, client):
        assert client.post(PAGES, {"title": "x"}).status_code == 405
        assert client.delete(f"{PAGES}{portal.pl.home.pk}/").status_code == 405


class TestImages:
    def test_lists_images_with_their_size(self, portal, api):
        data = api("/api/v2/images/", limit=20)

        by_title = {item["title"]: item for item in data["items"]}
        assert {"hero", "logo", "news-0"} <= set(by_title)
        detail = api(f"/api/v2/images/{by_title['hero']['id']}/")
        assert (detail["width"], detail["height"]) == (800, 300)
