"""A reader's first visit in a real browser: language, keyboard, navigation and a phone-sized screen."""

import pytest

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale

from clusters.models import ClusterPage


@pytest.fixture
def demo(transactional_db, live_server):
    cache.clear()  # Wagtail caches site root paths; the previous test's pages are gone
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def polish_clusters():
    return ClusterPage.objects.live().filter(locale=Locale.objects.get(language_code="pl")).order_by("path")


def test_root_opens_the_polish_home_page(demo, browser_page):
    response = browser_page.goto(demo + "/")

    assert response.ok
    assert browser_page.url == demo + "/pl/"
    assert browser_page.locator("html").get_attribute("lang") == "pl"
    assert browser_page.locator("h1").count() == 1


def test_keyboard_reader_skips_to_the_content(demo, browser_page):
    browser_page.goto(demo + "/pl/")

    browser_page.keyboard.press("Tab")
    skip_link = browser_page.locator(".skip-link")
    assert skip_link.evaluate("link => link === document.activeElement")
    box = skip_link.bounding_box()
    assert box is not None
    assert box["width"] > 1
    assert box["height"] > 1  # visible once focused, not only to screen readers

    browser_page.keyboard.press("Enter")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.closest('main') !== null")


def test_reader_opens_a_cluster_and_switches_to_english(demo, browser_page):
    cluster = polish_clusters().first()
    english = cluster.get_translation(Locale.objects.get(language_code="en"))
    browser_page.goto(demo + "/pl/")

    with browser_page.expect_navigation():
        browser_page.locator("nav.main-nav").get_by_role("link", name=cluster.short_name).first.click()
    assert browser_page.url == demo + cluster.url
    assert browser_page.locator("h1").inner_text().startswith(cluster.title)

    with browser_page.expect_navigation():
        browser_page.locator("nav.language-switcher a[hreflang='en']").click()
    assert browser_page.url == demo + english.url
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.locator("h1").inner_text().startswith(english.title)


@pytest.mark.parametrize("language_code", ["pl", "en"])
def test_phone_screen_needs_no_sideways_scrolling(demo, browser, language_code):
    locale = Locale.objects.get(language_code=language_code)
    urls = [f"/{language_code}/", *(cluster.get_translation(locale).url for cluster in polish_clusters())]
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.route(lambda url: not url.startswith(demo), lambda route: route.abort())
    tab = context.new_page()
    try:
        for url in urls:
            assert tab.goto(demo + url).ok, url
            assert tab.evaluate("document.documentElement.scrollWidth") <= 360, url
    finally:
        context.close()


def test_navigation_breadcrumbs_and_content_share_one_left_edge(demo, browser_page):
    cluster = polish_clusters().first()
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto(demo + cluster.url)

    edges = {
        selector: browser_page.locator(selector).first.bounding_box()["x"]
        for selector in (".site-brand__name", ".main-nav__link", ".breadcrumbs a", "main h1")
    }
    assert len(set(edges.values())) == 1, edges
    assert edges["main h1"] > 0
