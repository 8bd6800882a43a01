"""An officer's news item reaches readers only through a moderator, in a real browser with the demo accounts."""

import re

import pytest

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale

from clusters.models import ClusterPage
from home import demo_content
from news.models import NewsIndexPage, NewsPage

TITLE = "Call for partners: accessible video"


@pytest.fixture
def demo(transactional_db, live_server):
    cache.clear()  # Wagtail caches site root paths; the previous test's pages are gone
    call_command("load_demo_content", "--with-demo-accounts", verbosity=0)
    return live_server.url


def new_tab(browser, base_url):
    """A tab in a context of its own (its own session), whose requests beyond the live server are refused."""
    context = browser.new_context(locale="pl-PL", extra_http_headers={"Accept-Language": "pl-PL,pl;q=0.9"})
    context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
    return context.new_page()


def log_in(browser, base_url, username):
    tab = new_tab(browser, base_url)
    tab.goto(base_url + "/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", "changeme")
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(base_url + "/admin/")
    return tab


def multimedia_news_index():
    bundle = demo_content.MULTIMEDIA
    cluster = ClusterPage.objects.get(title=bundle["page"]["title"][bundle["source"]])
    return NewsIndexPage.objects.child_of(cluster).get()


def open_action_menu(tab):
    """The editor's footer: the main button, and the other actions behind the arrow beside it."""
    tab.locator("footer [data-w-dropdown-target=toggle]").first.click()


def test_officer_submits_a_news_item_and_the_moderator_approves_it(demo, browser):
    news_index = multimedia_news_index()
    officer = log_in(browser, demo, "officer-multimedia")
    officer.goto(f"{demo}/admin/pages/add/news/newspage/{news_index.pk}/")
    officer.fill("#id_title", TITLE)
    officer.fill("#id_summary", "We are looking for partners for an accessible video series.")
    open_action_menu(officer)
    officer.locator("button[name=action-submit]").click()
    officer.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))

    page = NewsPage.objects.get(title=TITLE)
    assert not page.live
    assert page.workflow_in_progress
    assert officer.context.request.get(demo + page.url).status == 404
    officer.context.close()

    moderator = log_in(browser, demo, "moderator")
    assert TITLE in moderator.locator("main").inner_text()  # awaiting their review
    moderator.goto(f"{demo}/admin/pages/{page.pk}/edit/")
    open_action_menu(moderator)
    moderator.locator("button[data-workflow-action-name=approve]").first.click()
    moderator.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    moderator.context.close()

    page = NewsPage.objects.get(pk=page.pk)
    assert page.live
    assert page.locale == Locale.objects.get(language_code=demo_content.MULTIMEDIA["source"])
    reader = new_tab(browser, demo)
    response = reader.goto(demo + page.url)
    assert response.ok
    assert reader.locator("h1").inner_text() == TITLE
    reader.context.close()
