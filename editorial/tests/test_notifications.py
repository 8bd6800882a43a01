"""E-mail to editors: in the recipient's language, after the action, and never at the action's expense."""

import logging
import smtplib

import pytest

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse

from wagtail.models import Comment, PageSubscription, TaskState
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.operations import translate_object

from editorial.notifications import wagtail_notifier
from news.models import NewsPage

from .admin import edit_url, form_data, new_comment
from .conftest import make_user

pytestmark = pytest.mark.django_db

SUBMITTED = {"pl": "została wysłana do akceptacji", "en": "has been submitted for approval"}
REJECTED = {"pl": "została odrzucona", "en": "has been rejected"}


class BrokenEmailBackend(EmailBackend):
    """A mail server that drops the connection: not one of the errors Wagtail's notifiers catch."""

    def open(self):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    def send_messages(self, messages):
        self.open()


def login(user):
    client = Client()
    client.force_login(user)
    return client


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def submit(client, admin_client, page, capture):
    data = form_data(admin_client, edit_url(page), title=f"{page.title} (changed)")
    data["action-submit"] = "Submit"
    with capture(execute=True):
        return client.post(edit_url(page), data)


def workflow_action(client, page, action, capture, **data):
    task_state = NewsPage.objects.get(pk=page.pk).current_workflow_task_state
    with capture(execute=True):
        return client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]), data)


@pytest.mark.django_db(transaction=True)
def test_workflow_mail_is_in_each_recipients_language(
    editorial, moderator, admin_client, django_capture_on_commit_callbacks
):
    """An officer working in English submits: a moderator without a preference gets the portal's language
    (not the officer's), one who chose English gets English; the refusal reaches the officer in English.

    Committed for real, so the e-mail task runs inside the request, in the acting user's admin language."""
    officer = make_user("officer-en", editorial.a.team.group, language="en")
    english_moderator = make_user("moderator-en", *moderator.groups.all(), language="en")
    page = editorial.a.news

    assert submit(login(officer), admin_client, page, django_capture_on_commit_callbacks).status_code == 302

    [to_moderator] = mails_to(moderator)
    [to_english_moderator] = mails_to(english_moderator)
    assert SUBMITTED["pl"] in to_moderator.subject
    assert SUBMITTED["en"] in to_english_moderator.subject

    mail.outbox.clear()
    response = workflow_action(login(moderator), page, "reject", django_capture_on_commit_callbacks, comment="Nie.")
    assert response.status_code == 302
    [to_officer] = mails_to(officer)
    assert REJECTED["en"] in to_officer.subject
    assert "Nie." in to_officer.body


def test_a_mail_server_fault_breaks_neither_submission_nor_approval(
    editorial, officer, moderator, admin_client, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    page = editorial.a.news

    response = submit(login(officer), admin_client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    task_state = NewsPage.objects.get(pk=page.pk).current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    with pytest.raises(smtplib.SMTPServerDisconnected):  # what Wagtail would do inside the request
        wagtail_notifier("task_submission_email_notifier")(instance=task_state, user=officer)
    assert any(record.levelno == logging.ERROR for record in caplog.records)

    caplog.clear()
    response = workflow_action(login(moderator), page, "approve", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live
    assert page.title.endswith("(changed)")
    assert any(record.levelno == logging.ERROR for record in caplog.records)  # logged, not raised
    assert not mail.outbox


@pytest.fixture
def translated_news(editorial):
    """The Polish-only news item of cluster A, translated into English by two translators."""
    source = editorial.a.polish_only_news
    translate_object(source, [editorial.portal.en_locale])
    translators = [
        make_user("tlumacz", *editorial.translators, language="pl"),
        make_user("translator-en", *editorial.translators, language="en"),
    ]
    segments = StringSegment.objects.filter(source__object_id=source.translation_key).order_by("order")
    for number, segment in enumerate(segments):
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=editorial.portal.en_locale,
            data=f"EN {segment.string.data}",
            last_translated_by=translators[number % 2],
        )
    return source, translators


def test_translators_hear_when_their_source_changes_in_their_language(
    editorial, translated_news, django_capture_on_commit_callbacks
):
    source, (polish_translator, english_translator) = translated_news
    english = source.get_translation(editorial.portal.en_locale)

    source.title = "Zmieniony tytuł"
    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision().publish()

    [to_polish] = mails_to(polish_translator)
    [to_english] = mails_to(english_translator)
    assert "(polski)" in to_polish.body
    assert "(Polish)" in to_english.body
    for message in (to_polish, to_english):
        assert "Zmieniony tytuł" in message.subject
        assert f"/admin/pages/{english.pk}/edit/" in message.body
        assert "/admin/localize/update/" in message.body
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert len(mail.outbox) == 2


def test_no_mail_to_the_translator_who_changed_the_source_nor_for_other_pages(
    editorial, translated_news, django_capture_on_commit_callbacks
):
    source, (polish_translator, english_translator) = translated_news
    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision(user=polish_translator).publish()
        editorial.b.news.save_revision().publish()  # translated, but not through wagtail-localize
    assert not mails_to(polish_translator)
    assert len(mails_to(english_translator)) == 1


def test_a_mail_server_fault_does_not_stop_publishing(
    editorial, translated_news, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    source, _translators = translated_news
    source.title = "Zmieniony tytuł"
    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision().publish()
    assert NewsPage.objects.get(pk=source.pk).title == "Zmieniony tytuł"
    assert sum(record.levelno == logging.ERROR for record in caplog.records) == 2


def test_a_mail_server_fault_does_not_fail_a_comment(editorial, officer, moderator, admin_client, settings, caplog):
    """Wagtail's editor e-mails comment subscribers itself, inside the request, after saving the page."""
    page = editorial.a.news
    PageSubscription.objects.create(page=page, user=moderator, comment_notifications=True)
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    comment = new_comment("Czy tytuł jest dobry?")

    response = login(officer).post(edit_url(page), form_data(admin_client, edit_url(page)) | comment)

    assert response.status_code == 302
    assert Comment.objects.get(page=page).text == "Czy tytuł jest dobry?"
    assert any(record.levelno == logging.ERROR for record in caplog.records)
