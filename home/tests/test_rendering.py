"""Every page type renders in both languages, with its own template; the home page's content."""

import pytest

PAGE_TEMPLATES = {
    "home": "home/home_page.html",
    "cluster": "clusters/cluster_page.html",
    "news index": "news/news_index_page.html",
    "news": "news/news_page.html",
    "cluster contact": "contact/contact_page.html",
    "portal contact": "contact/contact_page.html",
}


def page_of(tree, page_type):
    return {
        "home": tree.home,
        "cluster": tree.cluster,
        "news index": tree.news_index,
        "news": tree.news[0],
        "cluster contact": tree.cluster_contact,
        "portal contact": tree.portal_contact,
    }[page_type]


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("page_type", list(PAGE_TEMPLATES))
def test_every_page_type_renders(portal, client, page_type, language):
    page = page_of(getattr(portal, language), page_type)

    response = client.get(page.url)

    assert page.url.startswith(f"/{language}/")
    assert response.status_code == 200
    assert PAGE_TEMPLATES[page_type] in [template.name for template in response.templates]
    assert "base.html" in [template.name for template in response.templates]
    assert f"<h1>{page.title}" in response.content.decode()


def test_the_contact_landing_page_renders(portal, client):
    response = client.post(
        portal.en.cluster_contact.url,
        {"name": "Ann", "email": "ann@example.org", "message": "Hello"},
    )

    assert response.status_code == 200
    assert "contact/contact_page_landing.html" in [template.name for template in response.templates]


class TestHomePage:
    def test_introduction(self, portal, fetch):
        soup = fetch("/en/")

        assert soup.h1.get_text(strip=True) == "Cluster portal"
        assert "Regional business clusters in one place." in soup.find(class_="page-intro").get_text()

    def test_the_clusters_as_cards(self, portal, fetch):
        section = fetch("/en/").find("section", attrs={"aria-labelledby": "clusters-heading"})

        card = section.find("article", class_="cluster-card")
        assert card.h3.a["href"] == portal.en.cluster.url
        assert card.h3.get_text(strip=True) == "Green Energy Cluster"
        assert "Clean energy for the region." in card.get_text()
        assert "Sector: Energy" in card.get_text()
        logo = card.find("img")
        assert logo["alt"] == "Logo of Green Energy Cluster"
        assert logo["loading"] == "lazy"
        assert logo["width"] and logo["height"]
        # The accent colour is an SVG fill, not an inline style.
        assert card.find("svg", class_="accent-bar").rect["fill"] == "#2e7d32"

    def test_the_latest_news_of_every_cluster(self, portal, fetch):
        section = fetch("/pl/").find("section", attrs={"aria-labelledby": "news-heading"})

        cards = section.find_all("article", class_="news-card")
        assert [card.h3.a["href"] for card in cards] == [item.url for item in portal.pl.news]
        first = cards[0]
        assert first.find(class_="card__cluster").get_text(strip=True) == "Klaster Zielonej Energii"
        assert first.time["datetime"] == "2025-03-14"
        assert first.time.get_text(strip=True) == "14 marca 2025"
        assert "Streszczenie aktualności 0." in first.get_text()
        image = first.find("img")
        assert image["alt"] == "" and image["loading"] == "lazy"
        assert image["width"] and image["height"] and image["srcset"]

    def test_english_dates(self, portal, fetch):
        card = fetch("/en/").find("article", class_="news-card")

        assert card.time.get_text(strip=True) == "14 March 2025"

    def test_at_most_six_news_items(self, make_portal, fetch):
        make_portal(news_count=8)

        assert len(fetch("/pl/").find_all("article", class_="news-card")) == 6
