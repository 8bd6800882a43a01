"""GDPR: the consent stored with each message, data-subject export and erasure across every form, and
the retention period."""

import datetime
import importlib
import json
from io import StringIO

import pytest

from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from wagtail.contrib.forms.models import FormSubmission

from contact.data_subject import months_before
from contact.forms import DEFAULT_CONSENT_LABEL
from contact.models import ContactSubmission

from .conftest import valid_data


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_consent_its_wording_and_time_are_stored(portal, privacy, send):
    before = timezone.now()
    send(portal.pl.cluster_contact, valid_data())

    submission = ContactSubmission.objects.get()
    with translation.override("pl"):
        assert submission.consent_text.startswith(str(DEFAULT_CONSENT_LABEL))
    assert submission.consent_text.endswith("(http://testserver/pl/polityka-prywatnosci/)")
    assert before <= submission.consent_at <= timezone.now()
    assert submission.email == "anna@example.org"
    assert "privacy_consent" not in submission.form_data
    assert "form_token" not in submission.form_data


@pytest.fixture
def messages(portal, send):
    """Anna wrote to the cluster (in Polish and English) and to the portal; Jan once."""
    send(portal.pl.cluster_contact, valid_data(email="Anna@Example.org"))
    send(portal.en.cluster_contact, valid_data(message="Again"))
    send(portal.pl.portal_contact, valid_data(message="To the portal"))
    send(portal.pl.portal_contact, valid_data(email="jan@example.org", message="Jan's"))
    # A message stored by Wagtail's plain model, mentioning Anna in another field.
    FormSubmission.objects.create(page=portal.pl.home, form_data={"contact": "anna@example.org", "x": "y"})


class TestDataSubject:
    def test_export_finds_every_message_of_the_address_on_every_form(self, portal, messages):
        records = json.loads(run("contact_data_subject", "export", "ANNA@example.org"))

        assert [record["answers"].get("message") for record in records] == [
            "Dzień dobry",
            "Again",
            "To the portal",
            None,
        ]
        assert {record["form"] for record in records} == {
            "Kontakt z klastrem",
            "Contact the cluster",
            "Kontakt",
            "Portal klastrów",
        }
        assert records[0]["language"] == "pl"
        assert records[0]["consent_at"]
        assert "Jan's" not in json.dumps(records)

    def test_erase_deletes_them_and_nothing_else(self, portal, messages):
        output = run("contact_data_subject", "erase", "anna@example.org")

        assert "Erased 4 message(s)" in output
        assert list(ContactSubmission.objects.values_list("email", flat=True)) == ["jan@example.org"]
        assert not FormSubmission.objects.exists()
        assert json.loads(run("contact_data_subject", "export", "anna@example.org")) == []

    def test_an_invalid_address_is_refused(self, db):
        with pytest.raises(CommandError, match="Not an e-mail address"):
            run("contact_data_subject", "erase", "anna")


class TestRetention:
    @pytest.fixture
    def aged(self, portal, send):
        """Messages sent 25, 23 and 0 months ago."""
        for message in ("old", "recent", "new"):
            send(portal.en.cluster_contact, valid_data(message=message))
        now = timezone.now()
        for message, months in (("old", 25), ("recent", 23)):
            ContactSubmission.objects.filter(form_data__message=message).update(submit_time=months_before(now, months))
        FormSubmission.objects.create(page=portal.pl.home, form_data={})
        FormSubmission.objects.update(submit_time=months_before(now, 30))

    def messages(self):
        return sorted(ContactSubmission.objects.values_list("form_data__message", flat=True))

    def test_older_than_24_months_are_deleted(self, aged):
        assert "Deleted 2 submission(s)" in run("purge_old_submissions")
        assert self.messages() == ["new", "recent"]
        assert not FormSubmission.objects.exists()

    def test_the_period_is_configurable(self, aged, settings):
        settings.CONTACT_RETENTION_MONTHS = 12
        run("purge_old_submissions")
        assert self.messages() == ["new"]

    def test_dry_run_deletes_nothing(self, aged):
        assert "Would delete 2 submission(s)" in run("purge_old_submissions", "--dry-run", "--months", "24")
        assert self.messages() == ["new", "old", "recent"]

    def test_months_are_calendar_months(self):
        moment = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
        assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
        assert months_before(moment, 24) == datetime.datetime(2024, 3, 31, 12, tzinfo=datetime.UTC)
        assert months_before(moment, 3) == datetime.datetime(2025, 12, 31, 12, tzinfo=datetime.UTC)


def test_messages_stored_before_the_upgrade_are_moved_into_the_inbox(portal):
    old = FormSubmission.objects.create(
        page=portal.pl.cluster_contact, form_data={"name": "Ola", "email": "ola@example.org"}
    )
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - datetime.timedelta(days=3))
    migration = importlib.import_module("contact.migrations.0004_move_form_submissions")

    migration.move(apps, None)

    moved = ContactSubmission.objects.get()
    assert moved.form_data == {"name": "Ola", "email": "ola@example.org"}
    assert moved.email == "ola@example.org"
    assert moved.submit_time < timezone.now() - datetime.timedelta(days=2)
    assert not FormSubmission.objects.exists()
