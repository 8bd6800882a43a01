"""home.navigation: the language switcher, the main navigation, the site texts, without templates."""

import pytest

from django.test import RequestFactory

from home import navigation
from home.models import SiteText


def links_by_language(links):
    return {link.language_code: link for link in links}


class TestLanguageLinks:
    def test_a_translated_page_links_to_its_translation(self, portal):
        links = links_by_language(navigation.language_links(portal.site, "pl", page=portal.pl.news[0]))

        assert list(links) == ["pl", "en"]  # the order of WAGTAIL_CONTENT_LANGUAGES
        assert links["pl"].url == portal.pl.news[0].url
        assert links["pl"].is_current and links["pl"].is_translation
        assert links["en"].url == portal.en.news[0].url
        assert not links["en"].is_current and links["en"].is_translation
        assert (links["pl"].name, links["en"].name) == ("Polski", "English")
        assert links["en"].full_url == "http://localhost" + portal.en.news[0].url

    def test_the_current_language_is_the_pages_own(self, portal):
        links = links_by_language(navigation.language_links(portal.site, "pl", page=portal.en.cluster))

        assert links["en"].is_current and not links["pl"].is_current
        assert links["pl"].url == portal.pl.cluster.url

    def test_an_untranslated_page_offers_only_its_own_language(self, portal):
        links = navigation.language_links(portal.site, "pl", page=portal.polish_only_news)

        assert [(link.language_code, link.url) for link in links] == [("pl", portal.polish_only_news.url)]
        assert links[0].is_current and links[0].is_translation

    def test_a_draft_translation_is_not_offered(self, portal):
        portal.en.news[0].unpublish()

        links = navigation.language_links(portal.site, "pl", page=portal.pl.news[0])

        assert [link.language_code for link in links] == ["pl"]

    def test_an_alias_is_not_a_translation(self, portal):
        """wagtail-localize's synchronised copies are live but untranslated: never link to them."""
        alias = portal.polish_only_news.copy_for_translation(portal.en_locale, alias=True)
        assert alias.live

        links = navigation.language_links(portal.site, "pl", page=portal.polish_only_news)

        assert [link.language_code for link in links] == ["pl"]

    def test_without_a_page_every_language_leads_home(self, portal):
        links = links_by_language(navigation.language_links(portal.site, "en"))

        assert (links["pl"].url, links["en"].url) == ("/pl/", "/en/")
        assert links["en"].is_current and not links["pl"].is_current
        assert not any(link.is_translation for link in links.values())

    def test_without_a_page_a_language_without_a_home_page_is_left_out(self, portal):
        portal.en.home.unpublish()

        links = navigation.language_links(portal.site, "pl")

        assert [link.language_code for link in links] == ["pl"]

    def test_one_query_for_the_translations_once_the_home_pages_are_cached(self, portal, django_assert_num_queries):
        request = RequestFactory().get("/pl/")
        cache = {}
        navigation.home_pages_by_language(portal.site, cache)
        portal.pl.home.get_url(request=request)  # Wagtail caches the site root paths on the request

        with django_assert_num_queries(1):
            navigation.language_links(portal.site, "pl", page=portal.pl.news[0], request=request, cache=cache)
        with django_assert_num_queries(0):  # asked again in the same request (head and header)
            navigation.language_links(portal.site, "pl", page=portal.pl.news[0], request=request, cache=cache)


class TestHomePages:
    def test_the_site_root_and_its_translations_by_language(self, portal):
        homes = navigation.home_pages_by_language(portal.site)

        assert {code: page.pk for code, page in homes.items()} == {"pl": portal.pl.home.pk, "en": portal.en.home.pk}

    def test_one_query_then_cached(self, portal, django_assert_num_queries):
        cache = {}
        with django_assert_num_queries(1):
            navigation.home_pages_by_language(portal.site, cache)
        with django_assert_num_queries(0):
            navigation.home_pages_by_language(portal.site, cache)

    def test_no_site(self, db):
        assert navigation.home_pages_by_language(None) == {}


class TestHreflangAlternates:
    def test_the_page_its_translations_and_x_default(self, portal):
        links = navigation.language_links(portal.site, "en", page=portal.en.cluster)

        assert navigation.hreflang_alternates(links) == [
            ("pl", "http://localhost" + portal.pl.cluster.url),
            ("en", "http://localhost" + portal.en.cluster.url),
            ("x-default", "http://localhost" + portal.pl.cluster.url),
        ]

    def test_a_page_in_one_language_refers_to_itself(self, portal):
        links = navigation.language_links(portal.site, "pl", page=portal.polish_only_news)

        url = "http://localhost" + portal.polish_only_news.url
        assert navigation.hreflang_alternates(links) == [("pl", url), ("x-default", url)]

    def test_nothing_outside_a_page(self, portal):
        assert navigation.hreflang_alternates(navigation.language_links(portal.site, "en")) == []


class TestAlternates:
    def test_x_default_is_the_default_languages_version(self, settings):
        settings.LANGUAGE_CODE = "pl"
        versions = [("pl", 9, "https://x/pl/a/"), ("en", 3, "https://x/en/a/")]

        assert navigation.alternates(versions)[-1] == ("x-default", "https://x/pl/a/")

    def test_without_it_x_default_is_the_original(self, settings):
        settings.LANGUAGE_CODE = "pl"
        versions = [("en", 7, "https://x/en/a/"), ("de", 4, "https://x/de/a/")]

        assert navigation.alternates(versions) == [
            ("en", "https://x/en/a/"),
            ("de", "https://x/de/a/"),
            ("x-default", "https://x/de/a/"),
        ]

    def test_nothing_without_a_version(self):
        assert navigation.alternates([]) == []


class TestMainNavigation:
    def test_the_clusters_then_the_portal_contact_page_of_the_language(self, portal):
        nav = navigation.main_navigation(portal.site, "en")

        assert nav.home.pk == portal.en.home.pk
        assert [item.page.pk for item in nav.items] == [portal.en.cluster.pk, portal.en.portal_contact.pk]
        assert [(item.label, item.full_label) for item in nav.items] == [
            ("GEC", "Green Energy Cluster"),
            ("Contact", "Contact"),
        ]

    def test_marks_the_current_page_and_its_section(self, portal):
        on_cluster = navigation.main_navigation(portal.site, "pl", current_page=portal.pl.cluster)
        on_news = navigation.main_navigation(portal.site, "pl", current_page=portal.pl.news[0])

        assert (on_cluster.items[0].is_current, on_cluster.items[0].is_ancestor) == (True, False)
        assert (on_news.items[0].is_current, on_news.items[0].is_ancestor) == (False, True)
        assert not on_news.items[1].is_current and not on_news.items[1].is_ancestor

    def test_leaves_out_draft_pages(self, portal):
        portal.pl.portal_contact.unpublish()

        nav = navigation.main_navigation(portal.site, "pl")

        assert [item.page.pk for item in nav.items] == [portal.pl.cluster.pk]

    def test_falls_back_to_the_default_language(self, portal):
        nav = navigation.main_navigation(portal.site, "de")

        assert nav.home.pk == portal.pl.home.pk

    def test_one_query_once_the_home_pages_are_cached(self, portal, django_assert_num_queries):
        cache = {}
        navigation.home_pages_by_language(portal.site, cache)
        with django_assert_num_queries(1):
            navigation.main_navigation(portal.site, "pl", cache=cache)
        with django_assert_num_queries(0):
            navigation.main_navigation(portal.site, "pl", current_page=portal.pl.cluster, cache=cache)


class TestSiteText:
    def test_the_active_languages_text(self, portal):
        assert navigation.site_text("en").organisation_name == "Regional Cluster Association"
        assert navigation.site_text("pl").organisation_name == "Związek Klastrów Regionu"

    def test_falls_back_to_the_default_language(self, portal):
        SiteText.objects.filter(locale=portal.en_locale).delete()

        assert navigation.site_text("en").organisation_name == "Związek Klastrów Regionu"

    def test_none_without_any(self, db):
        assert navigation.site_text("en") is None

    def test_one_query_then_cached(self, portal, django_assert_num_queries):
        cache = {}
        with django_assert_num_queries(1):
            navigation.site_text("en", cache)
        with django_assert_num_queries(0):
            navigation.site_text("en", cache)


class TestBreadcrumbs:
    def test_from_the_home_page_down(self, portal):
        assert [page.pk for page in navigation.breadcrumb_pages(portal.pl.news[0])] == [
            portal.pl.home.pk,
            portal.pl.cluster.pk,
            portal.pl.news_index.pk,
        ]

    def test_none_on_the_home_page(self, portal):
        assert navigation.breadcrumb_pages(portal.pl.home) == []
        assert navigation.breadcrumb_pages(None) == []


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("+48 22 123 45 67", "tel:+48221234567"),
        ("(22) 123-45-67", "tel:221234567"),
        ("+48 600-100-200", "tel:+48600100200"),
        ("", ""),
        ("brak", ""),
    ],
)
def test_phone_href(phone, href):
    assert navigation.phone_href(phone) == href
