"""The public side of translations: the language switcher, hreflang alternates, the 404 page's links to
other languages, localised dates and the multilingual sitemap."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from django.utils import translation

from news.models import NewsPage

HOST = "http://localhost"
PAGE_TYPES = ["home", "cluster", "news_index", "news", "cluster_contact", "portal_contact"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def versions(portal, page_type):
    """The Polish and English versions of a page type."""
    if page_type == "news":
        return portal.pl.news[0], portal.en.news[0]
    return getattr(portal.pl, page_type), getattr(portal.en, page_type)


def english_only_news(portal):
    """A live English news item never translated into Polish."""
    page = NewsPage(
        title="Partners wanted",
        slug="partners-wanted",
        locale=portal.en_locale,
        date=datetime.date(2025, 5, 1),
        summary="We are looking for partners.",
        live=True,
    )
    portal.en.news_index.add_child(instance=page)
    return page


def switcher(soup):
    """{hreflang: <a>} of the language switcher; {} when there is no switcher."""
    nav = soup.find("nav", class_="language-switcher")
    return {link["hreflang"]: link for link in nav.find_all("a")} if nav else {}


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}


def other_languages(soup):
    """{hreflang: <a>} of the 404 page's "This page is available in" list."""
    section = soup.find("section", class_="other-languages")
    return {link["hreflang"]: link for link in section.find_all("a")} if section else {}


class TestLanguageSwitcher:
    @pytest.mark.parametrize("page_type", PAGE_TYPES)
    @pytest.mark.parametrize("language", ["pl", "en"])
    def test_lists_both_languages_of_a_translated_page(self, portal, fetch, page_type, language):
        pl, en = versions(portal, page_type)

        links = switcher(fetch((pl if language == "pl" else en).url))

        assert {code: link["href"] for code, link in links.items()} == {"pl": pl.url, "en": en.url}
        assert [code for code, link in links.items() if link.get("aria-current") == "true"] == [language]
        assert all(link["lang"] == code for code, link in links.items())

    def test_an_untranslated_page_offers_no_other_language(self, portal, fetch):
        soup = fetch(portal.polish_only_news.url)

        assert switcher(soup) == {}  # one language: nothing to switch to
        assert soup.find("a", hreflang="en") is None
        assert soup.find("a", href="/en/", hreflang=True) is None

    def test_an_english_only_page_offers_no_polish(self, portal, fetch):
        soup = fetch(english_only_news(portal).url)

        assert soup.find("a", hreflang="pl") is None

    def test_a_draft_translation_is_left_out(self, portal, fetch):
        portal.en.news[0].unpublish()

        soup = fetch(portal.pl.news[0].url)

        assert soup.find("a", hreflang="en") is None

    def test_an_alias_is_left_out(self, portal, fetch):
        alias = portal.polish_only_news.copy_for_translation(portal.en_locale, alias=True)
        fetch(alias.url)  # live and served, yet untranslated

        soup = fetch(portal.polish_only_news.url)

        assert soup.find("a", hreflang="en") is None

    def test_outside_a_page_every_language_leads_home(self, portal, fetch):
        links = switcher(fetch("/en/missing/", status=404))

        assert {code: link["href"] for code, link in links.items()} == {"pl": "/pl/", "en": "/en/"}


class TestHreflang:
    @pytest.mark.parametrize("page_type", PAGE_TYPES)
    @pytest.mark.parametrize("language", ["pl", "en"])
    def test_every_version_and_x_default_the_polish_one(self, portal, fetch, page_type, language):
        pl, en = versions(portal, page_type)

        soup = fetch((pl if language == "pl" else en).url)

        assert alternates(soup) == {"pl": HOST + pl.url, "en": HOST + en.url, "x-default": HOST + pl.url}

    def test_a_polish_only_page_refers_to_itself(self, portal, fetch):
        soup = fetch(portal.polish_only_news.url)

        url = HOST + portal.polish_only_news.url
        assert alternates(soup) == {"pl": url, "x-default": url}

    def test_an_english_only_page_is_its_own_x_default(self, portal, fetch):
        page = english_only_news(portal)

        url = HOST + page.url
        assert alternates(fetch(page.url)) == {"en": url, "x-default": url}

    def test_none_on_the_404_page(self, portal, fetch):
        assert alternates(fetch("/en/missing/", status=404)) == {}


class TestNotFoundInThisLanguage:
    def test_a_polish_path_under_en_lists_the_polish_page(self, portal, fetch):
        path = portal.polish_only_news.url.removeprefix("/pl/")

        soup = fetch("/en/" + path, status=404)

        links = other_languages(soup)
        assert {code: link["href"] for code, link in links.items()} == {"pl": portal.polish_only_news.url}
        assert (links["pl"]["lang"], links["pl"].get_text(strip=True)) == ("pl", "Polski")
        section = soup.find("section", class_="other-languages")
        assert section.find(id=section["aria-labelledby"]).get_text(strip=True) == "This page is available in:"
        assert soup.h1.get_text(strip=True) == "Page not found"

    def test_translated_slugs_lead_to_every_live_translation(self, portal, fetch):
        """/pl/ followed by the English slugs: the page is found in the English tree, then its translations."""
        path = portal.en.news[0].url.removeprefix("/en/")

        links = other_languages(fetch("/pl/" + path, status=404))

        assert {code: link["href"] for code, link in links.items()} == {
            "pl": portal.pl.news[0].url,
            "en": portal.en.news[0].url,
        }

    def test_the_heading_is_in_the_requested_language(self, portal, fetch):
        soup = fetch("/pl/contact/", status=404)

        assert set(other_languages(soup)) == {"pl", "en"}
        heading = soup.find(id="other-languages-heading").get_text(strip=True)
        with translation.override("pl"):
            assert heading == translation.gettext("This page is available in:")

    def test_an_english_only_page(self, portal, fetch):
        page = english_only_news(portal)

        links = other_languages(fetch("/pl/" + page.url.removeprefix("/en/"), status=404))

        assert {code: link["href"] for code, link in links.items()} == {"en": page.url}

    def test_drafts_and_aliases_are_not_offered(self, portal, fetch):
        portal.en.news[0].unpublish()
        portal.polish_only_news.copy_for_translation(portal.en_locale, alias=True)

        found_through_a_draft = other_languages(fetch("/pl/" + portal.en.news[0].url.removeprefix("/en/"), status=404))
        draft_translation = other_languages(fetch("/en/" + portal.pl.news[0].url.removeprefix("/pl/"), status=404))
        alias = other_languages(fetch("/en/" + portal.polish_only_news.url.removeprefix("/pl/"), status=404))

        assert found_through_a_draft == {}
        assert set(draft_translation) == {"pl"}
        assert set(alias) == {"pl"}

    def test_without_any_site(self, db, fetch):
        assert fetch("/en/klaster-zielonej-energii/", status=404).find("section", class_="other-languages") is None

    def test_nothing_listed_for_a_path_that_exists_nowhere(self, portal, fetch):
        assert fetch("/en/missing/", status=404).find("section", class_="other-languages") is None

    @pytest.mark.parametrize(
        "path",
        [
            "/en/%00/",
            "/en/%0A/",
            "/en/za%C5%BC%C3%B3%C5%82%C4%87-g%C4%99%C5%9Bl%C4%85/",
            "/en/%F0%9F%98%80/",
            "/en/%FF%FE/",
            "/en/a%20b/",
            "/en/..%2F..%2Fetc%2Fpasswd/",
            "/en/" + "a/" * 3000,
            "/en/" + "a" * 5000 + "/",
            "/en/klaster-zielonej-energii/" + "x/" * 500,
            "/en//klaster-zielonej-energii//",
        ],
    )
    def test_garbage_paths_answer_404(self, portal, client, path):
        response = client.get(path)

        assert response.status_code == 404
        assert b'class="site-main"' in response.content


class TestDates:
    @pytest.mark.parametrize(("language", "expected"), [("pl", "14 marca 2025"), ("en", "14 March 2025")])
    def test_news_page(self, portal, fetch, language, expected):
        page = getattr(portal, language).news[0]

        time = fetch(page.url).find("p", class_="news-article__date").time

        assert (time["datetime"], time.get_text()) == ("2025-03-14", expected)

    @pytest.mark.parametrize("page_type", ["home", "cluster", "news_index"])
    @pytest.mark.parametrize(("language", "expected"), [("pl", "14 marca 2025"), ("en", "14 March 2025")])
    def test_news_cards(self, portal, fetch, page_type, language, expected):
        page = versions(portal, page_type)[language == "en"]

        time = fetch(page.url).find(class_="news-card").time

        assert (time["datetime"], time.get_text()) == ("2025-03-14", expected)

    @pytest.mark.parametrize(
        ("date", "polish", "english"),
        [
            (datetime.date(2025, 1, 5), "5 stycznia 2025", "5 January 2025"),
            (datetime.date(2024, 2, 29), "29 lutego 2024", "29 February 2024"),
            (datetime.date(2025, 12, 31), "31 grudnia 2025", "31 December 2025"),
        ],
    )
    def test_polish_months_in_the_genitive(self, portal, fetch, date, polish, english):
        for page in (portal.pl.news[0], portal.en.news[0]):
            page.date = date
            page.save()

        pl = fetch(portal.pl.news[0].url).find("p", class_="news-article__date").time
        en = fetch(portal.en.news[0].url).find("p", class_="news-article__date").time

        assert (pl["datetime"], pl.get_text(), en.get_text()) == (date.isoformat(), polish, english)


class TestSitemap:
    def entries(self, client):
        """[(loc, {hreflang: href})] in the order of /sitemap.xml."""
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
        return [
            (
                url.findtext(f"{SITEMAP}loc"),
                {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")},
            )
            for url in root.findall(f"{SITEMAP}url")
        ]

    def test_every_live_page_of_every_language_once(self, portal, client):
        english_only = english_only_news(portal)
        draft = NewsPage(title="Szkic", slug="szkic", date=datetime.date(2025, 4, 1), live=False)
        portal.pl.news_index.add_child(instance=draft)
        portal.en.news[1].unpublish()
        alias = portal.polish_only_news.copy_for_translation(portal.en_locale, alias=True)

        locs = [loc for loc, _ in self.entries(client)]

        expected = [
            *(page for page_type in PAGE_TYPES if page_type != "news" for page in versions(portal, page_type)),
            *portal.pl.news,
            portal.en.news[0],
            english_only,
        ]
        assert sorted(locs) == sorted(HOST + page.url for page in expected)
        assert len(locs) == len(set(locs))
        assert HOST + portal.polish_only_news.url in locs and HOST + english_only.url in locs
        assert not {HOST + draft.url, HOST + portal.en.news[1].url, HOST + alias.url} & set(locs)

    def test_follows_the_sitemap_protocol_and_googles_rules_for_alternates(self, portal, client):
        """A <urlset> declaring the xhtml namespace; each <url> one absolute <loc> and an xhtml:link
        rel="alternate" for every language version, itself included, plus x-default, the same on every version."""
        english_only_news(portal)
        response = client.get("/sitemap.xml")
        assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in response.content
        root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input

        assert root.tag == f"{SITEMAP}urlset"
        urls = root.findall(f"{SITEMAP}url")
        assert urls
        alternates_of = {}
        for url in urls:
            [loc] = url.findall(f"{SITEMAP}loc")
            assert loc.text.startswith(HOST + "/"), loc.text
            links = url.findall(f"{XHTML}link")
            assert all(link.get("rel") == "alternate" for link in links)
            assert all(link.get("href").startswith(HOST + "/") for link in links)
            hreflangs = [link.get("hreflang") for link in links]
            assert len(hreflangs) == len(set(hreflangs)) and "x-default" in hreflangs, loc.text
            alternates_of[loc.text] = {link.get("hreflang"): link.get("href") for link in links}
        for loc, alternates in alternates_of.items():
            assert loc in alternates.values(), f"{loc} is not among its own alternates"
            for language, href in alternates.items():
                assert alternates_of[href] == alternates, f"{href} ({language}) does not link back to {loc}"

    def test_alternates_of_a_translated_page(self, portal, client):
        entries = dict(self.entries(client))

        pl, en = HOST + portal.pl.cluster.url, HOST + portal.en.cluster.url
        assert entries[pl] == entries[en] == {"pl": pl, "en": en, "x-default": pl}

    def test_alternates_of_pages_in_one_language(self, portal, client):
        english_only = HOST + english_only_news(portal).url
        polish_only = HOST + portal.polish_only_news.url

        entries = dict(self.entries(client))

        assert entries[polish_only] == {"pl": polish_only, "x-default": polish_only}
        assert entries[english_only] == {"en": english_only, "x-default": english_only}
