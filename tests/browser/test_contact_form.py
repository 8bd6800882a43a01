"""A visitor writes to a cluster through a real browser, in each language: the honeypot and the form
token do not stand in a person's way, the message is stored once and mailed to the cluster."""

import pytest

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale

from clusters.models import ClusterPage
from contact.models import ContactPage, ContactSubmission, PrivacyNoticePage

LANGUAGES = {
    "pl": {"name": "Imię i nazwisko", "email": "Adres e-mail", "message": "Wiadomość", "sent": "Wiadomość wysłana"},
    "en": {"name": "Your name", "email": "E-mail address", "message": "Message", "sent": "Message sent"},
}


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.CONTACT_MIN_SECONDS = 0  # Playwright types faster than any person
    cache.clear()  # Wagtail caches site root paths; the previous test's pages are gone
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def cluster_contact(language_code):
    cluster = (
        ClusterPage.objects.filter(locale=Locale.objects.get(language_code=language_code)).order_by("path").first()
    )
    return ContactPage.objects.child_of(cluster).get()


@pytest.mark.parametrize("language_code", ["pl", "en"])
def test_a_visitor_writes_to_a_cluster(demo, browser_page, language_code):
    labels = LANGUAGES[language_code]
    page = cluster_contact(language_code)
    browser_page.goto(demo + page.url)

    trap = browser_page.locator("input[name=hp_website]").bounding_box()
    assert trap["x"] + trap["width"] <= 0  # off-screen
    browser_page.get_by_role("textbox", name=labels["name"], exact=True).fill("Zofia Żółkiewska 👩‍🔬")
    browser_page.get_by_role("textbox", name=labels["email"], exact=True).fill("zofia@example.org")
    browser_page.get_by_role("textbox", name=labels["message"], exact=True).fill(
        "Dzień dobry,\nchcę dołączyć do klastra."
    )
    consent = browser_page.get_by_role("checkbox")
    consent.check()
    browser_page.keyboard.press("Tab")  # the privacy notice link
    assert browser_page.evaluate("document.activeElement.closest('.form-field--consent') !== null")
    browser_page.keyboard.press("Tab")  # the honeypot (tabindex=-1) is skipped
    assert browser_page.evaluate("document.activeElement.type") == "submit"
    privacy_link = browser_page.locator(".form-field--consent a")
    assert privacy_link.get_attribute("href") == PrivacyNoticePage.objects.get(locale=page.locale).url
    with browser_page.expect_navigation():
        browser_page.locator("form.contact-form button[type=submit]").click()

    assert browser_page.locator("h1").inner_text() == labels["sent"]
    assert browser_page.locator("html").get_attribute("lang") == language_code
    submission = ContactSubmission.objects.get()
    assert submission.page_id == page.pk
    assert submission.form_data["name"] == "Zofia Żółkiewska 👩‍🔬"
    assert submission.form_data["message"] == "Dzień dobry,\nchcę dołączyć do klastra."
    assert submission.notification_status == "sent"
    assert [message.to for message in mail.outbox] == [[page.to_address]]


def test_errors_are_summarised_and_the_summary_takes_the_focus(demo, browser_page):
    page = cluster_contact("en")
    browser_page.goto(demo + page.url)
    with browser_page.expect_navigation():
        browser_page.locator("form.contact-form button[type=submit]").click()

    summary = browser_page.locator(".error-summary")
    # The browser applies autofocus once the page has loaded: wait for it (fails after 5 s).
    browser_page.wait_for_function("document.activeElement?.classList.contains('error-summary')", timeout=5000)
    assert summary.evaluate("element => element === document.activeElement")
    summary.get_by_role("link").first.click()
    assert browser_page.evaluate("document.activeElement.name") == "name"
    assert not ContactSubmission.objects.exists()
