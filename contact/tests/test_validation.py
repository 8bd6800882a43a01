"""What visitors type: control characters go, Unicode stays byte for byte, e-mail addresses are checked,
and nothing typed into any field can add an e-mail header."""

import pytest
from bs4 import BeautifulSoup

from django.core import mail

from contact.models import ContactSubmission
from contact.text import clean_multiline, clean_single_line

from .conftest import valid_data

UNICODE_TEXTS = [
    "Zażółć gęślą jaźń – ŁÓDŹ",
    "مرحبا بكم في الكتلة",
    "שלום, אני כותב מתל אביב",
    "Rodzina: 👨‍👩‍👧 i flaga 🇵🇱",
    "Mixed \u200fRTL mark\u200e and ZWNJ: می\u200cخواهم",
]


@pytest.mark.parametrize("text", UNICODE_TEXTS)
def test_unicode_round_trips_to_the_database_and_the_mail(portal, send, text):
    send(portal.en.cluster_contact, valid_data(name=text, message=f"{text}\n\t{text}"))

    submission = ContactSubmission.objects.get()
    assert submission.form_data["name"] == text
    assert submission.form_data["message"] == f"{text}\n\t{text}"
    assert f"Full name: {text}" in mail.outbox[0].body


def test_control_characters_are_stripped_but_line_breaks_and_tabs_kept(portal, send):
    send(
        portal.en.cluster_contact,
        valid_data(
            name="An\x00na\x07 \x1b[31mNowak\x7f\x85",
            message="Line one\r\nLine\ttwo\x0b\x0c\rLine three\u202eevil\u2066",
        ),
    )

    data = ContactSubmission.objects.get().form_data
    assert data["name"] == "Anna [31mNowak"
    assert data["message"] == "Line one\nLine\ttwo\nLine threeevil"


def test_a_single_line_field_has_no_line_breaks():
    assert clean_single_line("a\r\nb\nc\td\u2028e") == "a b c d e"
    assert clean_multiline("a\r\nb\u2029c") == "a\nb\nc"


@pytest.mark.parametrize(
    ("address", "accepted"),
    [
        ("anna@example.org", True),
        ("zofia@przykład.pl", True),
        ("żółw@example.pl", False),
        ("not-an-address", False),
        ("a@b.org\nBcc: victim@example.org", False),
        ("a@b.org\r\nBcc: victim@example.org", False),
        ("a@b.org, victim@example.org", False),
        ("x" * 250 + "@example.org", False),
    ],
)
def test_email_addresses(portal, send, address, accepted):
    response = send(portal.en.cluster_contact, valid_data(email=address))

    assert response.status_code == 200
    assert ContactSubmission.objects.count() == int(accepted)
    if not accepted:
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find(id="id_email_error").get_text(strip=True)


def test_an_international_domain_becomes_punycode_in_reply_to(portal, send):
    send(portal.en.cluster_contact, valid_data(email="zofia@przykład.pl"))

    message = mail.outbox[0].message()
    assert message["Reply-To"] == "zofia@" + "przykład.pl".encode("idna").decode()
    assert message["Reply-To"].isascii()


INJECTIONS = [
    "Anna\r\nBcc: victim@example.org",
    "Anna\nSubject: Free money",
    "Anna\r\n\r\n<html>body</html>",
    "=?utf-8?q?Anna=0D=0ABcc:_victim@example.org?=",
]


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize("field", ["name", "message", "topic"])
def test_no_field_can_add_an_email_header(portal, send, field, payload):
    response = send(portal.en.cluster_contact, valid_data(**{field: payload}))

    assert response.status_code == 200
    # A choice field only takes its own choices; text fields are stored and mailed as text.
    assert len(mail.outbox) == (0 if field == "topic" else 1)
    for message in mail.outbox:
        headers = message.message()
        assert headers["Bcc"] is None
        assert message.subject == "Wiadomość z portalu"
        assert set(headers.keys()) == {
            "Content-Type",
            "MIME-Version",
            "Content-Transfer-Encoding",
            "Subject",
            "From",
            "To",
            "Date",
            "Message-ID",
            "Reply-To",
            "Auto-Submitted",
        }
        assert message.recipients() == ["biuro@example.org"]


def test_a_newline_in_the_editors_subject_cannot_break_the_mail(portal, send):
    page = portal.en.cluster_contact
    page.subject = "Hello\r\nBcc: victim@example.org"
    page.save_revision().publish()

    send(page, valid_data())

    submission = ContactSubmission.objects.get()
    assert submission.notification_status == "sent"
    assert mail.outbox[0].subject == "Hello Bcc: victim@example.org"
    assert mail.outbox[0].message()["Bcc"] is None


def test_an_invalid_choice_is_a_field_error(portal, send):
    response = send(portal.en.cluster_contact, valid_data(topic="Spam"))

    assert BeautifulSoup(response.content, "html.parser").find(id="id_topic_error")
    assert not ContactSubmission.objects.exists()


def test_a_long_name_is_a_field_error(portal, send):
    response = send(portal.en.cluster_contact, valid_data(name="N" * 256))

    assert "at most 255 characters" in BeautifulSoup(response.content, "html.parser").find(id="id_name_error").text
    assert not ContactSubmission.objects.exists()
