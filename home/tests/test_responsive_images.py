"""Every public picture is a <picture>: AVIF and WebP first, a JPEG (photos) or PNG (logos) fallback.

The <img> carries width and height so the browser reserves its box (no layout shift); images below the first
screen load lazily, the first screen's main picture is fetched with high priority.
"""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from wagtail.images.models import Rendition


def check_picture(img, fallback="jpg", sized=True):
    """`img` sits in a <picture> whose AVIF and WebP sources precede it; returns the <picture>."""
    picture = img.parent
    assert picture.name == "picture", img
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"], picture
    for source in picture.find_all("source"):
        extension = source["type"].removeprefix("image/")
        assert all(url.split()[0].endswith(f".{extension}") for url in source["srcset"].split(",")), source
        if sized:
            assert source["sizes"] == img["sizes"]
            assert len(source["srcset"].split(",")) > 1  # several widths
    assert img["src"].endswith(f".{fallback}")
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    return picture


def test_cluster_hero_is_fetched_first_and_never_lazy(portal, fetch):
    hero = fetch(portal.en.cluster.url).find("header", class_="cluster-hero")

    image = hero.find("img", class_="cluster-hero__image")
    check_picture(image)
    assert image["fetchpriority"] == "high"
    assert not image.has_attr("loading")
    assert (image["width"], image["height"]) == ("800", "300")
    logo = hero.find("img", class_="cluster-hero__logo")
    check_picture(logo, fallback="png", sized=False)  # one size; PNG keeps a logo's transparency
    assert not logo.has_attr("loading")


def test_cluster_body_image_and_news_cards_load_lazily(portal, fetch):
    page = fetch(portal.en.cluster.url)

    body_image = page.find("figure", class_="block-image").img
    check_picture(body_image)
    assert body_image["loading"] == "lazy"
    cards = page.select(".news-card img")
    assert cards
    for card in cards:
        check_picture(card)
        assert card["loading"] == "lazy"


def test_home_page_cluster_logos_and_news_cards_load_lazily(portal, fetch):
    page = fetch(portal.pl.home.url)

    logo = page.find("img", class_="cluster-card__logo")
    check_picture(logo, fallback="png", sized=False)
    assert logo["loading"] == "lazy"
    cards = page.select(".news-card img")
    assert cards
    assert all(card["loading"] == "lazy" for card in cards)


@pytest.mark.parametrize("listing", ["news_index", "news_hub"])
def test_listing_loads_only_its_first_card_eagerly(portal, news_hub, fetch, listing):
    url = portal.pl.news_index.url if listing == "news_index" else news_hub[0].url
    cards = fetch(url).select(".news-card img")

    assert len(cards) > 1
    for card in cards:
        check_picture(card)
    assert [card["loading"] for card in cards] == ["eager"] + ["lazy"] * (len(cards) - 1)


def test_news_article_picture_is_the_first_screen(portal, fetch):
    page = fetch(portal.en.news[0].url)

    image = page.find("figure", class_="news-article__image").img
    check_picture(image)
    assert image["fetchpriority"] == "high"
    assert not image.has_attr("loading")


def test_renditions_really_are_avif_and_webp(portal, fetch):
    """Pillow and Willow here encode AVIF: the files behind the sources are what their type says."""
    fetch(portal.en.cluster.url)

    formats = {}
    for rendition in Rendition.objects.filter(image=portal.images["hero"]):
        with rendition.file.open("rb") as file:
            formats[rendition.filter_spec] = PILImage.open(BytesIO(file.read())).format
    picture_formats = {
        "fill-800x300|format-avif": "AVIF",
        "fill-1600x600|format-avif": "AVIF",
        "fill-800x300|format-webp": "WEBP",
        "fill-1600x600|format-webp": "WEBP",
        "fill-800x300|format-jpeg": "JPEG",
        "fill-1600x600|format-jpeg": "JPEG",
    }
    assert {spec: formats.get(spec) for spec in picture_formats} == picture_formats  # besides the sharing image
