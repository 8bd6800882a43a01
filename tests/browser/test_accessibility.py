"""axe-core (bundled by axe-playwright-python, no network) on every public page type, in both languages, on a
desktop and a phone-sized screen: WCAG 2.0 and 2.1 A and AA rules plus axe's best practices, zero violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from home.demo_pages import demo_page_urls

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 667}}
SEARCH_WORDS = {"pl": "klaster", "en": "cluster"}
SHOWS = {"search results": ".search-result", "search empty state": ".search-empty"}
CONTACT_FIELDS = {
    "pl": ("Imię i nazwisko", "Adres e-mail", "Wiadomość"),
    "en": ("Your name", "E-mail address", "Message"),
}


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.CONTACT_MIN_SECONDS = 0  # the thank-you page is reached by a form sent at machine speed
    cache.clear()  # Wagtail caches site root paths; the previous test's pages are gone
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def public_pages(language_code):
    """One address of every page type readers can open with a plain GET, by name."""
    urls = demo_page_urls(language_code)
    search = urls["search"]
    return {
        **urls,
        "search results": f"{search}?q={SEARCH_WORDS[language_code]}",
        "search empty state": f"{search}?q=qqxyzzy",
        "404 page": f"/{language_code}/no-such-page/",
    }


# What axe does not check: a single h1, the skip link first with its target a <main>, and every link to
# another language (hreflang) marked up in that language (lang), so that screen readers pronounce it right.
STRUCTURE = """languageCode => {
    const problems = [];
    const h1s = document.querySelectorAll("h1").length;
    if (h1s !== 1) problems.push(`${h1s} h1 elements`);
    if (document.documentElement.lang !== languageCode) problems.push(`html lang=${document.documentElement.lang}`);
    const first = document.querySelector("a[href], button, input, select, textarea");
    if (!first?.matches(".skip-link")) problems.push(`first focusable: ${first?.outerHTML}`);
    const target = document.querySelector(first?.getAttribute("href"));
    if (target?.tagName !== "MAIN") problems.push("the skip link does not lead to <main>");
    for (const link of document.body.querySelectorAll("a[hreflang]")) {
        if (link.lang !== link.hreflang) problems.push(`no lang on ${link.outerHTML}`);
    }
    return problems;
}"""


def violations(axe, tab, name, language_code):
    """axe's findings and the structure problems on the page in the tab, readable (empty when there are none)."""
    where = f"--- {name} at {tab.url} ({tab.viewport_size['width']} px wide)"
    found = [f"{where}: {problem}" for problem in tab.evaluate(STRUCTURE, language_code)]
    results = axe.run(tab, options=AXE_OPTIONS)
    if results.violations_count:
        found.append(f"{where}\n{results.generate_report()}")
    return found


@pytest.mark.parametrize("language_code", ["pl", "en"])
def test_every_public_page_type_passes_axe(demo, browser_page, language_code):
    axe = Axe()
    pages = public_pages(language_code)
    contact_url = pages["contact"]
    name_label, email_label, message_label = CONTACT_FIELDS[language_code]
    found = []
    for viewport in VIEWPORTS.values():
        browser_page.set_viewport_size(viewport)
        for name, url in pages.items():
            response = browser_page.goto(demo + url)
            assert response.status == (404 if name == "404 page" else 200), url
            if name in SHOWS:
                assert browser_page.locator(SHOWS[name]).count(), f"{name}: no {SHOWS[name]}"
            found += violations(axe, browser_page, name, language_code)

        browser_page.goto(demo + contact_url)
        with browser_page.expect_navigation():
            browser_page.locator("form.contact-form button[type=submit]").click()
        assert browser_page.locator(".error-summary").count() == 1
        found += violations(axe, browser_page, "contact page with errors", language_code)

        browser_page.get_by_role("textbox", name=name_label, exact=True).fill("Ada Lovelace")
        browser_page.get_by_role("textbox", name=email_label, exact=True).fill("ada@example.org")
        browser_page.get_by_role("textbox", name=message_label, exact=True).fill("Dzień dobry.")
        browser_page.get_by_role("checkbox").check()
        with browser_page.expect_navigation():
            browser_page.locator("form.contact-form button[type=submit]").click()
        assert browser_page.locator(".error-summary").count() == 0
        assert browser_page.locator("form.contact-form").count() == 0  # the thank-you page
        found += violations(axe, browser_page, "contact thank-you page", language_code)

    assert not found, "\n".join(found)


def test_smooth_scrolling_only_for_readers_who_accept_motion(transactional_db, live_server, browser_page):
    with translation.override("pl"):
        browser_page.goto(live_server.url + reverse("search"))  # any page with the stylesheet; no content needed
    scrolling = "getComputedStyle(document.documentElement).scrollBehavior"
    assert browser_page.evaluate(scrolling) == "smooth"
    browser_page.emulate_media(reduced_motion="reduce")
    assert browser_page.evaluate(scrolling) == "auto"
