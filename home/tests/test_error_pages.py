"""404.html (full layout, translated) and 500.html (standalone: no request, no context processors)."""

from bs4 import BeautifulSoup

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

NOT_FOUND_TEXT = "Sorry, there is no page at this address. It may have been moved or deleted."


def in_polish(message):
    with translation.override("pl"):
        return translation.gettext(message)


class TestNotFound:
    def test_english(self, portal, fetch):
        soup = fetch("/en/missing/", status=404)

        assert soup.html["lang"] == "en"
        assert soup.h1.get_text(strip=True) == "Page not found"
        assert NOT_FOUND_TEXT in soup.main.get_text()
        assert soup.main.find("a", href="/en/")

    def test_polish_heading(self, portal, fetch):
        soup = fetch("/pl/nie-ma/", status=404)

        assert soup.html["lang"] == "pl"
        assert soup.h1.get_text(strip=True) == in_polish("Page not found") != "Page not found"
        assert soup.main.find("a", href="/pl/")

    def test_polish_text(self, portal, fetch):
        soup = fetch("/pl/nie-ma/", status=404)

        assert NOT_FOUND_TEXT not in soup.main.get_text()
        assert in_polish(NOT_FOUND_TEXT) in soup.main.get_text()

    def test_keeps_the_site_chrome(self, portal, fetch):
        soup = fetch("/en/missing/", status=404)

        assert soup.find("a", class_="skip-link")["href"] == "#main-content"
        nav = soup.find("nav", class_="main-nav")
        assert [link["href"] for link in nav.find_all("a")] == [portal.en.cluster.url, portal.en.portal_contact.url]
        switcher = {link["hreflang"]: link["href"] for link in soup.find("nav", class_="language-switcher")("a")}
        assert switcher == {"pl": "/pl/", "en": "/en/"}
        assert "Footer in English." in soup.footer.get_text()
        assert soup.find("nav", class_="breadcrumbs") is None
        assert len(soup.find_all("h1")) == 1

    def test_a_missing_page_below_a_real_one(self, portal, fetch):
        soup = fetch(portal.en.cluster.url + "no-such-news/", status=404)

        assert soup.h1.get_text(strip=True) == "Page not found"


class TestServerError:
    def test_renders_without_request_context_or_database(self):
        """No `db` fixture: pytest-django makes any query fail, as it would with the database down."""
        request = RequestFactory().get("/en/")

        with translation.override("en"):
            response = server_error(request)

        assert response.status_code == 500
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "en"
        assert soup.h1.get_text(strip=True) == "Server error"
        assert soup.find("a", class_="skip-link")["href"] == "#" + soup.main["id"]
        assert soup.main.find("a", href="/en/")
        assert soup.find("link", rel="stylesheet")["href"] == "/static/css/portal.css"

    def test_polish(self):
        request = RequestFactory().get("/pl/")

        with translation.override("pl"):
            response = server_error(request)

        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "pl"
        assert soup.h1.get_text(strip=True) == in_polish("Server error")
        assert soup.main.find("a", href="/pl/")
