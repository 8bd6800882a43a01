"""Playwright driving Debian's Chromium against pytest-django's live server.

Never downloads a browser and never lets the page reach beyond this machine.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NOT_LOCAL = re.compile(r"^(?!(https?://(localhost|127\.0\.0\.1)(:\d+)?/|data:|about:)).*")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: run `make browser` (as root it installs Debian's chromium package) "
            "or point the CHROMIUM variable at another build."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own database
    # work is still synchronous, so Django's async-safety guard must stand aside.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab whose requests beyond this machine are refused."""
    context = browser.new_context(locale="pl-PL", extra_http_headers={"Accept-Language": "pl-PL,pl;q=0.9"})
    context.route(NOT_LOCAL, lambda route: route.abort())
    tab = context.new_page()
    # Chromium reports what the Content-Security-Policy blocked, and a Permissions-Policy it cannot parse, as
    # console errors (in every document the tab loads): the public pages must cause none.
    policy_errors = []
    tab.on(
        "console",
        lambda message: (
            policy_errors.append(message.text)
            if message.type == "error"
            and ("Content Security Policy" in message.text or "Permissions-Policy" in message.text)
            else None
        ),
    )
    yield tab
    # Let the live server answer what the page still loads (lazy images): a request in flight holds a lock
    # on SQLite's shared in-memory database, and the flush after the test would fail on it.
    tab.wait_for_load_state("networkidle")
    context.close()
    assert not policy_errors, policy_errors
