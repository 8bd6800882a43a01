"""The contact form reads in the reader's language, and every language stores the same keys."""

import pytest

from django.core import mail

from conftest import FORM_LABELS_EN
from contact.models import ContactSubmission

from .conftest import valid_data


def labels(soup):
    """Each editor's field's label, or its legend for a group of choices (whose own labels are left out)."""
    form = soup.find("form", class_="contact-form")
    elements = [
        element
        for element in form.find_all(["label", "legend"])
        if (element.name == "legend" or element.find_parent("fieldset") is None)
        and element.find_parent(class_=["form-field--consent", "contact-form__trap"]) is None
    ]
    return [element.get_text(" ", strip=True).rstrip(" *") for element in elements]


def test_labels_and_button_in_each_language(portal, fetch):
    polish = fetch(portal.pl.cluster_contact.url)
    english = fetch(portal.en.cluster_contact.url)

    assert labels(polish) == ["Imię i nazwisko", "E-mail", "Temat", "Wiadomość"]
    assert labels(english) == FORM_LABELS_EN
    assert polish.find("form", class_="contact-form").button.get_text(strip=True) == "Wyślij wiadomość"
    assert english.find("form", class_="contact-form").button.get_text(strip=True) == "Send message"


def test_an_editors_button_label_replaces_the_default(portal, fetch):
    page = portal.en.cluster_contact
    page.submit_label = "Send your question"
    page.save_revision().publish()

    assert fetch(page.url).find("form", class_="contact-form").button.get_text(strip=True) == "Send your question"


@pytest.mark.parametrize(
    ("language", "topic"),
    [("pl", "Członkostwo"), ("en", "Członkostwo")],
)
def test_submissions_in_both_languages_share_their_keys(portal, send, language, topic):
    page = getattr(portal, language).cluster_contact
    response = send(page, valid_data(topic=topic))

    assert response.status_code == 200
    submission = ContactSubmission.objects.get(page=page)
    assert set(submission.get_data()) >= {"name", "email", "topic", "message"}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["biuro@example.org"]  # the address is synchronised, not translated


def test_the_consent_links_to_the_notice_in_each_language(portal, privacy, fetch):
    polish = fetch(portal.pl.cluster_contact.url).find(class_="form-field--consent")
    english = fetch(portal.en.cluster_contact.url).find(class_="form-field--consent")

    assert english.label.get_text(" ", strip=True).startswith("I agree that the data I enter here is used")
    assert polish.find("a")["href"] == privacy["pl"].url
    assert english.find("a")["href"] == privacy["en"].url


def test_an_editors_consent_wording_is_translated_with_the_page(portal, fetch):
    for page, wording in [(portal.pl.cluster_contact, "Zgadzam się."), (portal.en.cluster_contact, "I agree.")]:
        page.consent_label = wording
        page.save_revision().publish()

    for page, wording in [(portal.pl.cluster_contact, "Zgadzam się."), (portal.en.cluster_contact, "I agree.")]:
        label = fetch(page.url).find(class_="form-field--consent").label
        assert label.get_text(" ", strip=True) == f"{wording} *"
