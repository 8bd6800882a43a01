"""A reader on a phone with a keyboard only (Tab, Shift+Tab, Enter, Space, Escape): skip link, menu, language
switcher and content are all reachable, and the focused element is always visibly marked."""

import pytest

from django.core.cache import cache
from django.core.management import call_command

PHONE = {"width": 375, "height": 667}
FOCUS_IS_VISIBLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== "none" && style.outlineWidth !== "0px" || style.boxShadow !== "none";
}"""


@pytest.fixture
def demo(transactional_db, live_server):
    cache.clear()  # Wagtail caches site root paths; the previous test's pages are gone
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def tab_until(tab, selector, limit=20):
    """Press Tab until the element matching `selector` has the focus, checking each stop's focus is visible."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        assert tab.evaluate(FOCUS_IS_VISIBLE), tab.evaluate("document.activeElement.outerHTML")
        if tab.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} not reached with {limit} presses of Tab")


def test_phone_reader_uses_the_site_with_the_keyboard_alone(demo, browser_page):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(demo + "/pl/")
    toggle = browser_page.locator(".nav-toggle")
    nav = browser_page.locator("#main-nav")
    assert toggle.get_attribute("aria-controls") == "main-nav"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()  # folded away on a small screen

    tab_until(browser_page, ".skip-link")
    assert browser_page.locator(".skip-link").bounding_box()["y"] >= 0  # on screen once focused

    tab_until(browser_page, ".nav-toggle")
    browser_page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    tab_until(browser_page, ".main-nav__link")

    browser_page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert toggle.evaluate("button => button === document.activeElement")
    browser_page.keyboard.press("Space")
    assert nav.is_visible()
    browser_page.keyboard.press("Space")
    assert not nav.is_visible()

    browser_page.keyboard.press("Shift+Tab")
    assert browser_page.evaluate(FOCUS_IS_VISIBLE)
    assert browser_page.evaluate("document.activeElement.getAttribute('hreflang')") == "en"
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.url == demo + "/en/"

    tab_until(browser_page, ".skip-link")
    browser_page.keyboard.press("Enter")
    tab_until(browser_page, "main a")


def test_without_javascript_the_navigation_stays_open(demo, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    context.route(lambda url: not url.startswith(demo), lambda route: route.abort())
    tab = context.new_page()
    try:
        tab.goto(demo + "/pl/")
        assert tab.locator("#main-nav").is_visible()
        assert not tab.locator(".nav-toggle").is_visible()  # a button that would do nothing is not shown
    finally:
        context.close()


def test_wide_screens_show_the_navigation_without_a_menu_button(demo, browser_page):
    browser_page.set_viewport_size({"width": 1280, "height": 900})
    browser_page.goto(demo + "/pl/")
    assert browser_page.locator("#main-nav").is_visible()
    assert not browser_page.locator(".nav-toggle").is_visible()
