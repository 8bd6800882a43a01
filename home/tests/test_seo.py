"""Findable: titles and descriptions with fallbacks, canonical URLs, Open Graph and Twitter cards, JSON-LD,
robots.txt. The functions of home.seo first, then what the pages' <head> says."""

import json

import pytest

from django.contrib.staticfiles import finders
from django.test import RequestFactory

from conftest import publish
from home import seo

HOST = "http://localhost"  # the Site's address: pages' URLs
REQUEST_HOST = "http://testserver"  # the request's: images and static files


@pytest.fixture
def request_(portal):
    return RequestFactory().get("/")


def head_meta(soup):
    """{property or name: [contents]} of the <meta> tags in the <head>."""
    found = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found.setdefault(key, []).append(meta.get("content"))
    return found


def json_ld(soup):
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def of_type(soup, schema_type):
    return [item for item in json_ld(soup) if item["@type"] == schema_type]


class TestTitleAndDescription:
    def test_seo_title_wins_over_the_title(self, portal):
        page = portal.pl.cluster
        assert seo.seo_title(page) == "Klaster Zielonej Energii"
        page.seo_title = "Zielona energia na Śląsku"
        assert seo.seo_title(page) == "Zielona energia na Śląsku"

    def test_description_falls_back_from_the_editors_to_the_pages_own_to_the_portals(self, portal):
        site_text = type("SiteText", (), {"tagline": "Razem dla innowacji"})()
        news, cluster, index, home = portal.pl.news[0], portal.pl.cluster, portal.pl.news_index, portal.pl.home

        assert seo.seo_description(news, site_text) == "Streszczenie aktualności 0."
        assert seo.seo_description(cluster, site_text) == "Czysta energia dla regionu."
        assert seo.seo_description(index, site_text) == "Wiadomości klastra."
        assert seo.seo_description(home, site_text) == "Regionalne klastry biznesowe w jednym miejscu."
        assert seo.seo_description(portal.pl.portal_contact, site_text) == "Napisz do nas."
        news.search_description = "Opis dla wyszukiwarek."
        assert seo.seo_description(news, site_text) == "Opis dla wyszukiwarek."
        index.intro = ""
        assert seo.seo_description(index, site_text) == "Razem dla innowacji"
        assert seo.seo_description(index, None) == ""

    def test_description_is_plain_and_short(self, portal):
        home = portal.pl.home
        home.introduction = "<p>Pierwszy &amp; <b>drugi</b></p>\n<p>" + "słowo " * 60 + "</p>"

        description = seo.seo_description(home)
        assert description.startswith("Pierwszy & drugi słowo")
        assert "<" not in description
        assert len(description) <= seo.DESCRIPTION_LENGTH
        assert description.endswith("…")

    def test_rendered_in_the_head(self, portal, fetch):
        soup = fetch(portal.en.cluster.url)

        assert soup.title.get_text() == "Green Energy Cluster | Regional Cluster Association"
        assert head_meta(soup)["description"] == ["Clean energy for the region."]


class TestCanonical:
    def test_absolute_and_a_later_page_of_a_listing_is_its_own(self, portal, request_):
        index = portal.pl.news_index
        assert seo.canonical_url(index, request_) == HOST + index.url
        assert seo.canonical_url(index, request_, 3) == HOST + index.url + "?page=3"
        assert seo.canonical_url(index, request_, "1") == HOST + index.url

    def test_in_the_head_of_every_page(self, portal, fetch, settings):
        settings.NEWS_PER_PAGE = 2
        for page in [portal.pl.home, portal.en.cluster, portal.pl.news[0], portal.en.portal_contact]:
            assert fetch(page.url).find("link", rel="canonical")["href"] == HOST + page.url
        index = portal.pl.news_index
        assert fetch(index.url + "?page=2").find("link", rel="canonical")["href"] == HOST + index.url + "?page=2"


class TestSharing:
    def test_a_news_item_shares_its_listing_image(self, portal, fetch):
        item = portal.pl.news[0]
        item.listing_image.description = "Turbiny na wzgórzu"
        item.listing_image.save()
        rendition = item.listing_image.get_rendition(seo.SHARE_IMAGE_SPEC)

        meta = head_meta(fetch(item.url))
        assert meta["og:type"] == ["article"]
        assert meta["og:title"] == ["Aktualność 0"]
        assert meta["og:description"] == ["Streszczenie aktualności 0."]
        assert meta["og:url"] == [HOST + item.url]
        assert meta["og:image"] == [REQUEST_HOST + rendition.url]
        assert meta["og:image:type"] == ["image/jpeg"]
        assert meta["og:image:width"] == [str(rendition.width)]
        assert meta["og:image:alt"] == ["Turbiny na wzgórzu"]
        assert meta["article:published_time"] == ["2025-03-14"]
        assert meta["twitter:card"] == ["summary_large_image"]
        assert meta["twitter:image"] == meta["og:image"]
        assert meta["twitter:image:alt"] == ["Turbiny na wzgórzu"]

    def test_a_cluster_shares_its_hero_image(self, portal, fetch):
        rendition = portal.images["hero"].get_rendition(seo.SHARE_IMAGE_SPEC)

        meta = head_meta(fetch(portal.en.cluster.url))
        assert meta["og:type"] == ["website"]
        assert meta["og:image"] == [REQUEST_HOST + rendition.url]

    def test_other_pages_share_the_portals_picture(self, portal, fetch):
        meta = head_meta(fetch(portal.pl.home.url))

        path, width, height, mime_type = seo.DEFAULT_SHARE_IMAGE
        assert finders.find(path)
        assert meta["og:image"] == [REQUEST_HOST + "/static/" + path]
        assert (meta["og:image:width"], meta["og:image:height"], meta["og:image:type"]) == (
            ["1200"],
            ["630"],
            [mime_type],
        )
        assert "og:image:alt" not in meta

    def test_locale_and_the_languages_the_page_is_also_in(self, portal, fetch):
        translated = head_meta(fetch(portal.en.news[0].url))
        untranslated = head_meta(fetch(portal.polish_only_news.url))

        assert translated["og:locale"] == ["en_GB"]
        assert translated["og:locale:alternate"] == ["pl_PL"]
        assert translated["og:site_name"] == ["Regional Cluster Association"]
        assert untranslated["og:locale"] == ["pl_PL"]
        assert "og:locale:alternate" not in untranslated

    def test_open_graph_locales(self):
        assert seo.open_graph_locale("pl") == "pl_PL"
        assert seo.open_graph_locale("de") == "de_DE"


class TestStructuredData:
    def test_home_page_the_portals_organization_and_website_with_its_search(self, portal, fetch):
        soup = fetch(portal.pl.home.url)

        [organization] = of_type(soup, "Organization")
        assert organization["name"] == "Związek Klastrów Regionu"
        assert organization["url"] == HOST + "/pl/"
        assert organization["email"] == "portal@example.org"
        assert organization["sameAs"] == ["https://www.linkedin.com/company/example"]
        [website] = of_type(soup, "WebSite")
        assert website["inLanguage"] == "pl"
        template = website["potentialAction"]["target"]["urlTemplate"]
        assert template.startswith(REQUEST_HOST + "/pl/") and template.endswith("?q={search_term_string}")
        assert of_type(soup, "BreadcrumbList") == []

    def test_cluster_page_its_organization_a_member_of_the_portals(self, portal, fetch):
        [cluster] = of_type(fetch(portal.en.cluster.url), "Organization")

        assert cluster["name"] == "Green Energy Cluster"
        assert cluster["alternateName"] == "GEC"
        assert cluster["url"] == HOST + portal.en.cluster.url
        assert cluster["telephone"] == "+48 22 123 45 67"
        assert cluster["address"] == {"@type": "PostalAddress", "streetAddress": "ul. Przykładowa 1, 00-001 Warszawa"}
        assert cluster["logo"].startswith(REQUEST_HOST + "/")
        assert cluster["memberOf"]["name"] == "Regional Cluster Association"

    def test_news_page_a_news_article_by_its_cluster(self, portal, fetch):
        [article] = of_type(fetch(portal.pl.news[0].url), "NewsArticle")

        assert article["headline"] == "Aktualność 0"
        assert article["datePublished"] == "2025-03-14"
        assert article["inLanguage"] == "pl"
        assert article["mainEntityOfPage"] == HOST + portal.pl.news[0].url
        assert article["image"][0].startswith(REQUEST_HOST + "/")
        assert article["publisher"] == {
            "@type": "Organization",
            "name": "Klaster Zielonej Energii",
            "url": HOST + portal.pl.cluster.url,
        }
        assert article["author"] == article["publisher"]

    def test_breadcrumb_list_matches_the_visible_breadcrumbs(self, portal, fetch):
        soup = fetch(portal.en.news[0].url)

        [breadcrumbs] = of_type(soup, "BreadcrumbList")
        visible = [(a.get_text(strip=True), HOST + a["href"]) for a in soup.select("nav.breadcrumbs a")]
        assert [(item["name"], item["item"]) for item in breadcrumbs["itemListElement"]] == visible
        assert [item["position"] for item in breadcrumbs["itemListElement"]] == [1, 2, 3, 4]

    def test_a_title_cannot_break_out_of_the_script(self, portal, fetch):
        evil = '</script><script>alert("x")</script><!-- & \u2028'
        item = portal.pl.news[0]
        item.title = evil
        publish(item)

        soup = fetch(item.url)
        html = str(soup.head)
        assert '<script>alert("x")</script>' not in html
        assert len(soup.find_all("script", type="application/ld+json")) == 2
        [article] = of_type(soup, "NewsArticle")
        assert article["headline"] == evil

    def test_json_ld_script_escapes_markup(self):
        script = str(seo.json_ld_script({"name": "</script>&<!--"}))
        assert script.count("</script>") == 1
        assert "\\u003C/script\\u003E\\u0026\\u003C!--" in script


class TestRobots:
    def test_robots_txt_points_to_the_absolute_sitemap_and_keeps_out_of_the_admin(self, client):
        response = client.get("/robots.txt")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        lines = response.content.decode().splitlines()
        assert lines[0] == "User-agent: *"
        assert "Disallow: /admin/" in lines
        assert "Sitemap: http://testserver/sitemap.xml" in lines
        assert "Disallow: /" not in lines

    def test_the_sitemap_it_names_is_there(self, portal, client):
        assert client.get("/sitemap.xml").status_code == 200

    def test_pages_outside_wagtail_have_a_description_but_no_open_graph(self, portal, fetch):
        soup = fetch("/pl/nie-ma-takiej-strony/", status=404)

        meta = head_meta(soup)
        assert meta["description"] == ["Razem dla innowacji"]
        assert "og:title" not in meta
        assert soup.find("link", rel="canonical") is None
