"""The five StreamField block templates (templates/blocks/), rendered in the cluster page's body."""

import json

import pytest


@pytest.fixture
def stream(portal, fetch):
    def get(language="pl"):
        cluster = getattr(portal, language).cluster
        return fetch(cluster.url).find("div", class_="stream")

    return get


def test_blocks_are_not_wrapped_in_extra_divs(stream):
    children = [child.name for child in stream().find_all(recursive=False)]

    assert children == ["h2", "div", "figure", "figure", "div"]


def test_heading_keeps_its_level(portal, stream):
    body = portal.pl.cluster.body.get_prep_value()
    body.insert(1, {"type": "heading", "value": {"heading_text": "Podrozdział", "level": "h3"}})
    portal.pl.cluster.body = json.dumps(body)
    portal.pl.cluster.save()

    soup = stream()

    assert soup.find("h2", class_="block-heading").get_text() == "Kim jesteśmy"
    assert soup.find("h3", class_="block-heading").get_text() == "Podrozdział"


def test_paragraph_is_the_rich_text(stream):
    assert stream().find("div", class_="block-paragraph").p.get_text() == "Akapit o klastrze."


def test_image_uses_the_blocks_alt_text_and_loads_lazily(stream):
    figure = stream().find("figure", class_="block-image")

    image = figure.img
    assert image["alt"] == "Turbiny wiatrowe"
    assert image["loading"] == "lazy"
    assert image["width"] and image["height"] and image["srcset"] and image["sizes"]
    assert figure.figcaption.get_text(" ", strip=True) == "Farma wiatrowa Fot. Jan Kowalski"


def test_a_decorative_image_has_an_empty_alt(portal, stream):
    body = portal.pl.cluster.body.get_prep_value()
    body[2]["value"]["image"]["decorative"] = True
    portal.pl.cluster.body = json.dumps(body)
    portal.pl.cluster.save()

    assert stream().find("figure", class_="block-image").img["alt"] == ""


def test_quote_with_its_author(stream):
    figure = stream().find("figure", class_="block-quote")

    assert figure.blockquote.get_text(strip=True) == "Energia łączy."
    assert figure.figcaption.get_text(strip=True) == "Prezes"


def test_call_to_action_links_to_the_page_in_the_readers_language(portal, stream):
    """The chosen page is the Polish contact page; English readers go to its English translation."""
    pl_button = stream("pl").find("div", class_="block-cta").find("a", class_="button")
    en_button = stream("en").find("div", class_="block-cta").find("a", class_="button")

    assert pl_button["href"] == portal.pl.cluster_contact.url
    assert en_button["href"] == portal.en.cluster_contact.url
    assert pl_button.get_text(strip=True) == "Napisz"
