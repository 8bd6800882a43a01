"""A reader's journey by clicks alone, starting in each language: home, a cluster, one of its news, the same
news in the other language, the listing's feed, and a search that finds the news again."""

import re

import pytest

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale

from clusters.models import ClusterPage
from news.queries import latest_news

OTHER_LANGUAGE = {"pl": "en", "en": "pl"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml")


@pytest.fixture
def demo(transactional_db, live_server):
    cache.clear()  # Wagtail caches site root paths; the previous test's pages are gone
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def translated_news_of_first_cluster(language_code):
    """The first cluster, and the newest of the news on its page that also exists in the other language."""
    locale = Locale.objects.get(language_code=language_code)
    other = Locale.objects.get(language_code=OTHER_LANGUAGE[language_code])
    cluster = ClusterPage.objects.live().filter(locale=locale).order_by("path").first()
    for item in latest_news(locale, limit=3, within=cluster):
        translation = item.get_translation_or_none(other)
        if translation and translation.live:
            return cluster, item, translation
    pytest.fail(f"No news of {cluster} is translated into {other}")


def search_word(title):
    """The longest word of a title: specific enough to find the news it comes from."""
    return max(re.findall(r"\w+", title), key=len)


@pytest.mark.parametrize("language_code", ["pl", "en"])
def test_reader_journey(demo, browser_page, language_code):
    cluster, news, translated = translated_news_of_first_cluster(language_code)
    other_language = OTHER_LANGUAGE[language_code]
    browser_page.goto(f"{demo}/{language_code}/")

    with browser_page.expect_navigation():
        browser_page.locator(".cluster-card").get_by_role("link", name=cluster.title, exact=True).click()
    assert browser_page.url == demo + cluster.url
    with browser_page.expect_navigation():
        browser_page.locator("main").get_by_role("link", name=news.title, exact=True).click()
    assert browser_page.url == demo + news.url
    assert browser_page.locator("h1").inner_text() == news.title

    with browser_page.expect_navigation():
        browser_page.locator(f"nav.language-switcher a[hreflang='{other_language}']").click()
    assert browser_page.url == demo + translated.url
    assert browser_page.locator("html").get_attribute("lang") == other_language
    assert browser_page.locator("h1").inner_text() == translated.title

    with browser_page.expect_navigation():
        browser_page.locator("a.back-link").click()  # to the cluster's news in the other language
    feed_links = browser_page.locator(".feed-links a")
    assert feed_links.count() == len(FEED_TYPES)
    for link in feed_links.all():
        feed = browser_page.request.get(link.evaluate("a => a.href"))  # as the browser resolves it
        assert feed.status == 200
        assert feed.headers["content-type"].split(";")[0] == link.get_attribute("type")
        assert link.get_attribute("type") in FEED_TYPES
        assert translated.title in feed.text()

    word = search_word(translated.title)
    browser_page.locator(".site-header .search-form__input").fill(word)
    with browser_page.expect_navigation(url=re.compile(r"\?q=")):
        browser_page.keyboard.press("Enter")
    results = browser_page.locator(".search-result__title a")
    assert translated.title in results.all_inner_texts(), word
    with browser_page.expect_navigation():
        results.get_by_text(translated.title, exact=True).click()
    assert browser_page.url == demo + translated.url
