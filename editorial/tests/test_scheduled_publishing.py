"""Go-live and expiry dates, carried out by `manage.py publish_scheduled` (cron, every minute).

Time is not waited for: the command runs with Django's clock moved two hours on.
"""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import NewsPage

from .admin import edit_url, form_data

pytestmark = pytest.mark.django_db


def login(user):
    client = Client()
    client.force_login(user)
    return client


def in_an_hour():
    return (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")


def publish_scheduled(later=timedelta(0)):
    """Run the command as cron would, `later` from now."""
    now = timezone.now() + later
    with mock.patch("django.utils.timezone.now", return_value=now):
        call_command("publish_scheduled", stdout=StringIO())


def test_a_moderator_schedules_a_change_that_goes_live_at_its_time(editorial, moderator, admin_client, client):
    page = editorial.b.news  # live, with its live revision
    data = form_data(admin_client, edit_url(page), title="Scheduled title", go_live_at=in_an_hour())
    data["action-publish"] = "Publish"

    assert login(moderator).post(edit_url(page), data).status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.title != "Scheduled title"
    assert page.scheduled_revision is not None

    publish_scheduled()
    assert NewsPage.objects.get(pk=page.pk).title != "Scheduled title"  # not yet

    publish_scheduled(later=timedelta(hours=2))

    page = NewsPage.objects.get(pk=page.pk)
    assert page.title == "Scheduled title"
    assert page.scheduled_revision is None
    assert "Scheduled title" in client.get(page.url).content.decode()


def test_an_approved_page_with_a_go_live_date_waits_for_it(
    editorial, officer, moderator, admin_client, client, django_capture_on_commit_callbacks
):
    """Moderation approves the page; the go-live date still decides when readers see it."""
    draft = editorial.a.news_index.add_child(
        instance=NewsPage(title="Embargoed", slug="embargoed", summary="Later.", live=False)
    )
    draft.save_revision()
    data = form_data(admin_client, edit_url(draft), go_live_at=in_an_hour())
    data["action-submit"] = "Submit"
    assert login(officer).post(edit_url(draft), data).status_code == 302
    task_state = NewsPage.objects.get(pk=draft.pk).current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])

    assert login(moderator).post(approve).status_code == 302

    page = NewsPage.objects.get(pk=draft.pk)
    assert not page.live
    assert client.get(page.url).status_code == 404
    publish_scheduled()
    assert not NewsPage.objects.get(pk=draft.pk).live
    publish_scheduled(later=timedelta(hours=2))
    assert NewsPage.objects.get(pk=draft.pk).live
    assert client.get(page.url).status_code == 200


def test_an_expired_page_is_unpublished(editorial, client):
    page = editorial.a.news
    NewsPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert client.get(page.url).status_code == 200

    publish_scheduled()

    page = NewsPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.expired
    assert client.get(page.url).status_code == 404
    assert page.get_translation(editorial.portal.en_locale).live  # each language expires on its own
