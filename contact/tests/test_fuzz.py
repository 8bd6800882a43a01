"""Property-based fuzzing of every field: whatever arrives, the answer is never a server error, and a
valid message is stored exactly once, as typed."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact import tokens
from contact.models import ContactSubmission

from .conftest import valid_data

FUZZ = settings(
    max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
FIELDS = ["name", "email", "topic", "message", "privacy_consent", "hp_website", "form_token"]
# Text a person types: no control characters (bar newline and tab in the message), no surrogates, no bidi
# controls, no stray carriage returns; with something other than spaces in it.
TYPED = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
NAME = st.text(TYPED, min_size=1, max_size=255).filter(lambda text: text.strip())
MESSAGE = st.text(st.one_of(TYPED, st.sampled_from("\n\t")), min_size=1, max_size=2000).filter(
    lambda text: text.strip()
)
WORD = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
EMAIL = st.builds(lambda user, domain, tld: f"{user}@{domain}.{tld}", WORD, WORD, st.sampled_from(["pl", "org", "eu"]))


@pytest.fixture
def fuzz_portal(portal, settings):
    settings.CONTACT_RATE_LIMIT = "0/60"  # off: every draw comes from the same client
    return portal


@FUZZ
@given(
    fields=st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, ANY_TEXT)),
    extra=st.dictionaries(st.text(string.ascii_letters + "_[]", min_size=1, max_size=20), ANY_TEXT, max_size=3),
    fresh_token=st.booleans(),
)
def test_any_input_never_causes_a_server_error(fuzz_portal, send, fields, extra, fresh_token):
    data = {**extra, **fields}
    if fresh_token:
        data["form_token"] = tokens.issue(backdate=60)
    before = ContactSubmission.objects.count()

    response = send(fuzz_portal.en.cluster_contact, data)

    assert response.status_code < 500
    stored = ContactSubmission.objects.count() - before
    landing = "contact/contact_page_landing.html" in [template.name for template in response.templates]
    assert stored <= 1
    assert stored == 0 or landing


@FUZZ
@given(name=NAME, email=EMAIL, topic=st.sampled_from(["", "Członkostwo", "Współpraca"]), message=MESSAGE)
def test_a_valid_message_is_stored_exactly_once_as_typed(fuzz_portal, send, name, email, topic, message):
    data = valid_data(name=name, email=email, topic=topic, message=message)
    before = ContactSubmission.objects.count()

    first = send(fuzz_portal.pl.cluster_contact, data)
    again = send(fuzz_portal.pl.cluster_contact, data)  # a double click

    assert (first.status_code, again.status_code) == (200, 200)
    assert ContactSubmission.objects.count() == before + 1
    stored = ContactSubmission.objects.latest("pk")
    assert stored.form_data == {"name": name.strip(), "email": email, "topic": topic, "message": message.strip()}
    assert stored.notification_status == "sent"
