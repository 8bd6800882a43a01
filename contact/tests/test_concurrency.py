"""Many visitors at once, on real transactions: every message is stored, and a double click racing its
twin is still stored once. Runs on SQLite and, with DATABASE_URL=postgres://..., on PostgreSQL, where
200 submissions go through 20 concurrent connections. SQLite's test database (shared-cache memory) locks
whole tables instead of waiting, so there the same submissions run one thread at a time."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from django.core import mail
from django.db import connection, connections
from django.test import Client

from contact.models import ContactSubmission, NotificationStatus

from .conftest import valid_data

SUBMISSIONS = 200
TWINS = 20


@pytest.fixture
def parallel(settings):
    """run(callables): each in a thread of a pool, each thread with its own connection, closed after."""
    settings.CONTACT_RATE_LIMIT = "0/60"
    workers = 20 if connection.vendor == "postgresql" else 1

    def call(function):
        try:
            return function()
        finally:
            connections.close_all()

    def run(functions):
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(call, functions))

    return run


def poster(url, data):
    return lambda: Client().post(url, data).status_code


@pytest.mark.django_db(transaction=True)
def test_200_concurrent_submissions_are_200_stored_messages(portal, parallel):
    pages = [portal.pl.cluster_contact, portal.en.cluster_contact]
    statuses = parallel(
        [poster(pages[number % 2].url, valid_data(name=f"Visitor {number}")) for number in range(SUBMISSIONS)]
    )

    assert statuses == [200] * SUBMISSIONS
    assert ContactSubmission.objects.count() == SUBMISSIONS
    names = set(ContactSubmission.objects.values_list("form_data__name", flat=True))
    assert names == {f"Visitor {number}" for number in range(SUBMISSIONS)}
    assert set(ContactSubmission.objects.values_list("notification_status", flat=True)) == {NotificationStatus.SENT}
    assert len(mail.outbox) == SUBMISSIONS


@pytest.mark.django_db(transaction=True)
def test_the_same_form_racing_itself_is_stored_once(portal, parallel):
    data = valid_data(name="Double clicker")
    statuses = parallel([poster(portal.en.cluster_contact.url, data) for _ in range(TWINS)])

    assert statuses == [200] * TWINS
    assert ContactSubmission.objects.filter(form_data__name="Double clicker").count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_with_atomic_requests_a_mail_server_fault_still_loses_nothing(portal, mail_server, monkeypatch):
    """Wagtail's own form sends inside the request: with ATOMIC_REQUESTS its SMTP error rolls the message
    back. Here the e-mail waits for the commit, and its failure is recorded, never raised."""
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    mail_server.down = True

    response = Client().post(portal.en.cluster_contact.url, valid_data())

    assert response.status_code == 200
    submission = ContactSubmission.objects.get()
    assert submission.notification_status == NotificationStatus.FAILED
    assert mail.outbox == []
