"""templates/clusters/cluster_page.html: hero, vision and mission, objectives, news, contact details."""

import pytest


@pytest.fixture
def cluster_page(portal, fetch):
    return fetch(portal.en.cluster.url)


def section(soup, heading_id):
    return soup.find("section", attrs={"aria-labelledby": heading_id})


def test_hero(cluster_page):
    hero = cluster_page.find("header", class_="cluster-hero")

    assert hero.h1.get_text(" ", strip=True) == "Green Energy Cluster (GEC)"
    assert "Clean energy for the region." in hero.find("p", class_="lead").get_text()
    assert "Sector: Energy" in hero.get_text()
    logo = hero.find("img", class_="cluster-hero__logo")
    assert logo["alt"] == "Logo of Green Energy Cluster"
    assert logo["width"] and logo["height"]
    picture = hero.find("img", class_="cluster-hero__image")
    assert picture["alt"] == ""  # decorative
    assert not picture.has_attr("loading")  # above the fold


def test_accent_colour_without_inline_style(cluster_page):
    assert cluster_page.find("meta", attrs={"name": "theme-color"})["content"] == "#2e7d32"
    bar = cluster_page.find("header", class_="cluster-hero").find("svg", class_="accent-bar")
    assert bar["aria-hidden"] == "true"
    assert bar.rect["fill"] == "#2e7d32"
    assert not cluster_page.select("[style]")


@pytest.mark.parametrize(
    ("heading_id", "heading", "text"),
    [
        ("vision-heading", "Vision", "The cluster's vision."),
        ("mission-heading", "Mission", "The cluster's mission."),
        ("main-objective-heading", "Main objective", "The cluster's main objective."),
    ],
)
def test_vision_mission_and_main_objective(cluster_page, heading_id, heading, text):
    part = section(cluster_page, heading_id)

    assert part.h2["id"] == heading_id
    assert part.h2.get_text(strip=True) == heading
    assert text in part.get_text()


def test_empty_sections_are_left_out(portal, fetch):
    portal.en.cluster.vision = ""
    portal.en.cluster.save()

    assert section(fetch(portal.en.cluster.url), "vision-heading") is None


def test_objectives_as_an_ordered_list(cluster_page):
    objectives = section(cluster_page, "objectives-heading").find("ol")

    assert [item.get_text(strip=True) for item in objectives.find_all("li")] == [
        "First objective",
        "Second objective",
    ]


def test_latest_news_with_a_link_to_the_news_index(portal, cluster_page):
    news = section(cluster_page, "cluster-news-heading")

    assert [card.h3.a["href"] for card in news.find_all("article")] == [item.url for item in portal.en.news]
    assert news.find("a", class_="more-link")["href"] == portal.en.news_index.url
    assert news.find("a", class_="more-link").get_text(strip=True) == "All news of Green Energy Cluster"


def test_at_most_three_news_items(make_portal, fetch):
    portal = make_portal(news_count=5)

    news = section(fetch(portal.pl.cluster.url), "cluster-news-heading")

    assert len(news.find_all("article")) == 3


def test_contact_details_in_an_address(portal, cluster_page):
    contact = section(cluster_page, "cluster-contact-heading")

    address = contact.find("address")
    assert "ul. Przykładowa 1" in address.get_text()
    assert address.find("br")  # the address keeps its lines
    assert address.find("a", href="mailto:biuro@kze.example.org")
    assert address.find("a", href="tel:+48221234567").get_text(strip=True) == "+48 22 123 45 67"
    assert contact.find("a", href=portal.en.cluster_contact.url).get_text(strip=True) == "Write to the cluster"


def test_without_contact_details(portal, fetch):
    cluster = portal.en.cluster
    cluster.address = cluster.email = cluster.phone = ""
    cluster.save()

    contact = section(fetch(cluster.url), "cluster-contact-heading")

    assert contact.find("address") is None
    assert contact.find("a", href=portal.en.cluster_contact.url)
