"""The e-mail to the form's officers: stored first, sent by a task, retried until the server answers."""

import logging
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django_tasks import task_backends

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from contact.models import ContactSubmission, NotificationStatus
from contact.tasks import deliver_notification

from .conftest import valid_data

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def retry():
    call_command("retry_contact_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115


class TestTheMessage:
    @pytest.fixture
    def message(self, portal, privacy, send):
        send(portal.en.cluster_contact, valid_data(topic="Członkostwo", message="First line\nSecond line"))
        [message] = mail.outbox
        return message

    def test_plain_text_listing_each_field_with_its_label(self, message, portal):
        submission = ContactSubmission.objects.get()

        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", [])
        assert "Full name: Anna Nowak" in message.body
        assert "E-mail: anna@example.org" in message.body
        assert "Topic: Członkostwo" in message.body
        assert "Message:\nFirst line\nSecond line" in message.body
        assert "I agree that the data I enter here is used" in message.body
        assert "(http://testserver/en/privacy-notice/)" in message.body
        assert f"Message number: {submission.pk}" in message.body

    def test_addresses_and_headers(self, message):
        assert message.to == ["biuro@example.org"]
        assert message.from_email == "portal@example.org"
        assert message.reply_to == ["anna@example.org"]
        assert message.subject == "Wiadomość z portalu"
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"
        assert message.extra_headers["Message-ID"].startswith("<contact-")

    def test_the_polish_form_writes_in_polish_labels(self, portal, send):
        send(portal.pl.cluster_contact, valid_data())

        assert "Imię i nazwisko: Anna Nowak" in mail.outbox[0].body

    def test_a_form_without_an_address_writes_to_the_portal(self, portal, send):
        page = portal.en.cluster_contact
        page.to_address = ""
        page.save_revision().publish()
        send(page, valid_data())

        assert mail.outbox[0].to == ["portal@example.org"]


def test_the_status_is_sent_after_delivery(portal, send):
    send(portal.en.cluster_contact, valid_data())

    submission = ContactSubmission.objects.get()
    assert submission.notification_status == NotificationStatus.SENT
    assert submission.notification_attempts == 1
    assert submission.notified_at is not None
    assert submission.consent_at is not None


def test_the_message_is_committed_before_the_mail_is_tried(portal, client, django_capture_on_commit_callbacks):
    """The e-mail waits for the commit: inside the request's transaction nothing is sent."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(portal.en.cluster_contact.url, valid_data())

        assert ContactSubmission.objects.get().notification_status == NotificationStatus.QUEUED
        assert mail.outbox == []
    assert len(callbacks) == 1


class TestMailServerDown:
    @pytest.fixture(autouse=True)
    def no_wait(self, settings):
        settings.CONTACT_MAIL_RETRY_SECONDS = 0  # every retry is due at once

    def test_stored_flagged_retried_and_delivered_exactly_once(self, portal, send, mail_server):
        mail_server.down = True
        response = send(portal.en.cluster_contact, valid_data())

        assert "contact/contact_page_landing.html" in [template.name for template in response.templates]
        submission = ContactSubmission.objects.get()
        assert submission.notification_status == NotificationStatus.FAILED
        assert submission.notification_attempts == 1
        assert "SMTPServerDisconnected" in submission.notification_error
        assert mail.outbox == []

        retry()  # still down
        submission.refresh_from_db()
        assert submission.notification_status == NotificationStatus.FAILED
        assert submission.notification_attempts == 2

        mail_server.down = False
        retry()
        retry()  # nothing left to send
        submission.refresh_from_db()
        assert submission.notification_status == NotificationStatus.SENT
        assert submission.notification_attempts == 3
        assert submission.notification_error == ""
        assert len(mail.outbox) == 1

    def test_back_off_doubles(self, portal, send, mail_server, settings):
        settings.CONTACT_MAIL_RETRY_SECONDS = 60
        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        submission = ContactSubmission.objects.get()
        first_wait = submission.notification_due_at - timezone.now()

        ContactSubmission.objects.update(notification_due_at=timezone.now())
        retry()
        submission.refresh_from_db()
        second_wait = submission.notification_due_at - timezone.now()

        assert timedelta(seconds=55) < first_wait <= timedelta(seconds=60)
        assert timedelta(seconds=115) < second_wait <= timedelta(seconds=120)

    def test_a_message_not_yet_due_is_left_alone(self, portal, send, mail_server, settings):
        settings.CONTACT_MAIL_RETRY_SECONDS = 60
        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        mail_server.down = False

        retry()

        assert ContactSubmission.objects.get().notification_attempts == 1
        assert mail.outbox == []

    def test_after_the_last_attempt_it_waits_for_an_explicit_retry(self, portal, send, mail_server, settings):
        settings.CONTACT_MAIL_MAX_ATTEMPTS = 2
        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        retry()
        retry()
        submission = ContactSubmission.objects.get()
        assert (submission.notification_attempts, submission.notification_due_at) == (2, None)

        mail_server.down = False
        retry()
        assert mail.outbox == []
        call_command("retry_contact_notifications", "--all", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert len(mail.outbox) == 1

    def test_a_backend_that_can_defer_gets_the_retry_queued(self, portal, send, mail_server, settings):
        settings.CONTACT_MAIL_RETRY_SECONDS = 60
        settings.TASKS = {**settings.TASKS, "contact": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        submission = ContactSubmission.objects.get()
        [queued] = task_backends["contact"].results
        assert queued.status == "READY"  # the dummy backend stores, the test runs it

        deliver_notification.call(submission.pk)

        [first, retry_task] = task_backends["contact"].results
        assert retry_task.task.run_after == ContactSubmission.objects.get().notification_due_at
        assert retry_task.args == [submission.pk]

    def test_a_send_cut_off_by_a_dead_worker_is_sent_again(self, portal, send, mail_server):
        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        ContactSubmission.objects.update(
            notification_status=NotificationStatus.SENDING, notification_started_at=timezone.now() - timedelta(hours=1)
        )
        mail_server.down = False

        retry()

        assert ContactSubmission.objects.get().notification_status == NotificationStatus.SENT
        assert len(mail.outbox) == 1

    def test_a_message_being_sent_is_not_sent_twice(self, portal, send, mail_server):
        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        ContactSubmission.objects.update(
            notification_status=NotificationStatus.SENDING, notification_started_at=timezone.now()
        )
        mail_server.down = False

        retry()
        deliver_notification.call(ContactSubmission.objects.get().pk)

        assert mail.outbox == []


def test_xss_in_the_mail_is_plain_text_and_on_the_thank_you_page_escaped(portal, send):
    response = send(portal.en.cluster_contact, valid_data(name=XSS, message=XSS))

    html = response.content.decode()
    assert XSS not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("main script, main img")
    assert XSS in soup.find("section", class_="message-summary").get_text()
    message = mail.outbox[0]
    assert f"Full name: {XSS}" in message.body
    assert message.content_subtype == "plain"


@pytest.mark.django_db(transaction=True)  # the worker closes its connection after each task
class TestTheDatabaseQueue:
    """Production's path: the request only queues; `db_worker --backend contact` sends and re-queues."""

    @pytest.fixture(autouse=True)
    def database_queue(self, settings):
        settings.TASKS = {**settings.TASKS, "contact": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    @pytest.fixture(autouse=True)
    def logging_untouched(self):
        """db_worker sets its loggers' levels and handlers for the whole process: put them back."""
        loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
        saved = [(log.level, list(log.handlers)) for log in loggers]
        yield
        for log, (level, handlers) in zip(loggers, saved, strict=True):
            log.setLevel(level)
            log.handlers[:] = handlers

    def work(self):
        call_command("db_worker", "--backend", "contact", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    def test_the_request_queues_and_the_worker_sends(self, portal, send):
        send(portal.en.cluster_contact, valid_data())

        assert ContactSubmission.objects.get().notification_status == NotificationStatus.QUEUED
        assert mail.outbox == []
        self.work()
        assert ContactSubmission.objects.get().notification_status == NotificationStatus.SENT
        assert len(mail.outbox) == 1

    def test_a_failed_attempt_queues_itself_for_later(self, portal, send, mail_server):
        from django_tasks_db.models import DBTaskResult

        mail_server.down = True
        send(portal.en.cluster_contact, valid_data())
        self.work()

        submission = ContactSubmission.objects.get()
        assert submission.notification_status == NotificationStatus.FAILED
        waiting = DBTaskResult.objects.get(status="READY")
        assert waiting.run_after == submission.notification_due_at
        assert waiting.run_after > timezone.now()

        mail_server.down = False
        DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
        ContactSubmission.objects.update(notification_due_at=timezone.now())
        self.work()
        assert ContactSubmission.objects.get().notification_status == NotificationStatus.SENT
        assert len(mail.outbox) == 1
