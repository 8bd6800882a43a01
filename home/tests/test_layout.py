"""base.html and its includes: language, skip link, landmarks, navigation, breadcrumbs, footer."""

import pytest

from home.models import SiteText

FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]"


def page_urls(portal):
    """One URL per page type, in both languages."""
    return {
        "home": (portal.pl.home.url, portal.en.home.url),
        "cluster": (portal.pl.cluster.url, portal.en.cluster.url),
        "news index": (portal.pl.news_index.url, portal.en.news_index.url),
        "news": (portal.pl.news[0].url, portal.en.news[0].url),
        "contact": (portal.pl.cluster_contact.url, portal.en.cluster_contact.url),
    }


@pytest.mark.parametrize("page_type", ["home", "cluster", "news index", "news", "contact"])
def test_html_lang_follows_the_url_language(portal, fetch, page_type):
    pl_url, en_url = page_urls(portal)[page_type]

    assert fetch(pl_url).html["lang"] == "pl"
    assert fetch(en_url).html["lang"] == "en"


@pytest.mark.parametrize("page_type", ["home", "cluster", "news index", "news", "contact"])
def test_the_skip_link_is_the_first_focusable_element_and_targets_main(portal, fetch, page_type):
    soup = fetch(page_urls(portal)[page_type][0])

    first = soup.body.select_one(FOCUSABLE)
    mains = soup.find_all("main")
    assert "skip-link" in first["class"]
    assert len(mains) == 1
    assert first["href"] == "#" + mains[0]["id"] == "#main-content"
    assert first.get_text(strip=True)


@pytest.mark.parametrize("page_type", ["home", "cluster", "news index", "news", "contact"])
def test_landmarks_and_exactly_one_h1(portal, fetch, page_type):
    for url in page_urls(portal)[page_type]:
        soup = fetch(url)

        assert len(soup.find_all("h1")) == 1, url
        assert soup.body.find("header", class_="site-header")
        assert soup.body.find("footer", class_="site-footer")
        for nav in soup.find_all("nav"):
            assert nav.get("aria-label"), f"{url}: every <nav> is named"


def test_no_inline_styles_for_a_strict_csp(portal, fetch):
    for url in [urls[0] for urls in page_urls(portal).values()]:
        soup = fetch(url)
        assert not soup.select("[style]"), url
        assert not soup.find("style"), url


def test_the_stylesheet_is_linked(portal, fetch):
    soup = fetch("/pl/")

    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/portal.css"


class TestHeader:
    def test_the_main_navigation_lists_the_clusters_and_the_contact_page(self, portal, fetch):
        nav = fetch("/en/").find("nav", attrs={"aria-label": "Main navigation"})

        links = nav.select("ul > li > a")
        assert [link["href"] for link in links] == [portal.en.cluster.url, portal.en.portal_contact.url]
        # The short name is shown, the full name is part of the link's accessible name.
        assert links[0].abbr["title"] == "Green Energy Cluster"
        assert links[0].get_text(strip=True) == "GEC– Green Energy Cluster"
        assert links[1].get_text(strip=True) == "Contact"

    def test_the_polish_navigation_lists_the_polish_pages(self, portal, fetch):
        nav = fetch("/pl/").find("nav", class_="main-nav")

        assert [link["href"] for link in nav.select("a")] == [portal.pl.cluster.url, portal.pl.portal_contact.url]

    def test_marks_the_current_page_and_section(self, portal, fetch):
        on_cluster = fetch(portal.pl.cluster.url).find("nav", class_="main-nav").select("a")
        on_news = fetch(portal.pl.news[0].url).find("nav", class_="main-nav").select("a")

        assert on_cluster[0]["aria-current"] == "page"
        assert on_news[0]["aria-current"] == "true"
        assert not on_news[1].has_attr("aria-current")

    def test_the_site_name_links_to_the_home_page_of_the_language(self, portal, fetch):
        brand = fetch(portal.en.news[0].url).find(class_="site-brand__name")

        assert brand["href"] == "/en/"
        assert brand.get_text(strip=True) == "Regional Cluster Association"


class TestLanguageSwitcher:
    def switcher(self, soup):
        nav = soup.find("nav", class_="language-switcher")
        assert nav["aria-label"]
        return {link["hreflang"]: link for link in nav.find_all("a")}

    def test_links_to_the_translation_of_the_current_page(self, portal, fetch):
        links = self.switcher(fetch(portal.pl.news[0].url))

        assert links["en"]["href"] == portal.en.news[0].url
        assert links["pl"]["href"] == portal.pl.news[0].url
        for code, link in links.items():
            assert link["lang"] == code
        assert (links["pl"].get_text(strip=True), links["en"].get_text(strip=True)) == ("Polski", "English")
        assert links["pl"]["aria-current"] == "true"
        assert not links["en"].has_attr("aria-current")

    def test_from_english_back_to_polish(self, portal, fetch):
        links = self.switcher(fetch(portal.en.cluster.url))

        assert links["pl"]["href"] == portal.pl.cluster.url
        assert links["en"]["aria-current"] == "true"

    def test_an_untranslated_page_offers_no_other_language(self, portal, fetch):
        soup = fetch(portal.polish_only_news.url)

        assert soup.find("nav", class_="language-switcher") is None
        assert soup.select("a[hreflang=en]") == []

    def test_hreflang_alternates_for_every_translation_and_x_default(self, portal, fetch):
        # hreflang=True: the language versions, not the feeds (also rel="alternate")
        translated = fetch(portal.en.news[0].url).find_all("link", rel="alternate", hreflang=True)
        untranslated = fetch(portal.polish_only_news.url).find_all("link", rel="alternate", hreflang=True)

        assert {link["hreflang"]: link["href"] for link in translated} == {
            "pl": "http://localhost" + portal.pl.news[0].url,
            "en": "http://localhost" + portal.en.news[0].url,
            "x-default": "http://localhost" + portal.pl.news[0].url,
        }
        url = "http://localhost" + portal.polish_only_news.url
        assert {link["hreflang"]: link["href"] for link in untranslated} == {"pl": url, "x-default": url}


class TestBreadcrumbs:
    def test_from_home_to_the_current_page(self, portal, fetch):
        nav = fetch(portal.en.news[0].url).find("nav", class_="breadcrumbs")

        assert nav["aria-label"]
        items = nav.select("ol > li")
        assert [item.a["href"] for item in items] == [
            portal.en.home.url,
            portal.en.cluster.url,
            portal.en.news_index.url,
            portal.en.news[0].url,
        ]
        assert [item.get_text(strip=True) for item in items] == [
            "Home",
            "Green Energy Cluster",
            "News",
            "News item 0",
        ]
        assert items[-1].a["aria-current"] == "page"
        assert not any(item.a.has_attr("aria-current") for item in items[:-1])

    def test_none_on_the_home_page(self, portal, fetch):
        assert fetch("/pl/").find("nav", class_="breadcrumbs") is None


class TestFooter:
    def test_shows_the_site_text_of_the_language(self, portal, fetch):
        pl_footer = fetch("/pl/").find("footer", class_="site-footer")
        en_footer = fetch("/en/").find("footer", class_="site-footer")

        assert "Związek Klastrów Regionu" in pl_footer.get_text()
        assert "Stopka po polsku." in pl_footer.get_text()
        assert "Regional Cluster Association" in en_footer.get_text()
        assert "Footer in English." in en_footer.get_text()

    def test_falls_back_to_the_polish_site_text(self, portal, fetch):
        SiteText.objects.filter(locale=portal.en_locale).delete()

        footer = fetch("/en/").find("footer", class_="site-footer")

        assert "Stopka po polsku." in footer.get_text()

    def test_shows_the_portal_settings(self, portal, fetch):
        footer = fetch("/en/").find("footer", class_="site-footer")

        assert footer.find("a", href="mailto:portal@example.org")
        assert footer.find("a", href="https://www.linkedin.com/company/example").get_text(strip=True) == "LinkedIn"

    def test_the_page_title_ends_with_the_organisation_name(self, portal, fetch):
        assert fetch(portal.en.cluster.url).title.get_text() == "Green Energy Cluster | Regional Cluster Association"
