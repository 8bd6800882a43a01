"""An officer's news item goes through moderation, with the admin's own views and the test client only.

The officer writes it in English under their cluster's English news index and submits it: it is not public.
The moderator requests changes with a comment, which the officer reads; the officer resubmits; the moderator
approves, which publishes it in English, and in English only. Comments, locking, the revision comparison and
the audit log are used on the way.
"""

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Comment, Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsPage

from .admin import add_url, edit_url, form_data, is_refused, new_comment

pytestmark = pytest.mark.django_db

TITLE = "Open call for video workshops"
REQUEST = "Please add the date of the first workshop."


@pytest.fixture
def as_officer(officer):
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def as_moderator(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def recipients(outbox):
    return {address for message in outbox for address in message.to}


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def news_data(admin_client, parent, **changes):
    body = nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Workshops for members.</p>"))])})
    return (
        form_data(
            admin_client, add_url(NewsPage, parent), title=TITLE, slug="video-workshops", summary="Workshops.", **body
        )
        | changes
    )


def test_officer_submits_moderator_requests_changes_then_approves(
    editorial, officer, moderator, as_officer, as_moderator, admin_client, client, django_capture_on_commit_callbacks
):
    """The whole round, as the issue tells it."""
    english_index = editorial.a.en_news_index
    data = news_data(admin_client, english_index)
    data["action-submit"] = "Submit for moderation"

    with django_capture_on_commit_callbacks(execute=True):
        response = as_officer.post(add_url(NewsPage, english_index), data)
    page = NewsPage.objects.get(slug="video-workshops")
    assert response.status_code == 302
    assert not page.live
    assert page.workflow_in_progress
    assert page.get_workflow().name == "Moderation"
    assert page.url.startswith("/en/")
    assert client.get(page.url).status_code == 404
    assert moderator.email in recipients(mail.outbox)
    assert officer.email not in recipients(mail.outbox)
    assert TITLE in as_moderator.get(reverse("wagtailadmin_home")).content.decode()  # "Awaiting your review"

    # While it is under review the officer cannot change it, and cannot approve it.
    assert as_officer.post(edit_url(page), form_data(admin_client, edit_url(page))).status_code == 200
    assert page.get_latest_revision().content["title"] == TITLE
    assert is_refused(workflow_action(as_officer, page, "approve"))
    assert not NewsPage.objects.get(pk=page.pk).live

    # The moderator leaves a comment on the title, then requests changes with a comment of the workflow.
    comment = new_comment("Shorter title?")
    edit = form_data(admin_client, edit_url(page)) | comment
    assert as_moderator.post(edit_url(page), edit).status_code == 302
    assert Comment.objects.get(page=page).text == "Shorter title?"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(as_moderator, page, "reject", comment=REQUEST)
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients(mail.outbox) == {officer.email}
    assert REQUEST in mail.outbox[0].body

    # The officer sees both comments, changes the page and submits it again.
    editor = as_officer.get(edit_url(page)).content.decode()
    assert REQUEST in editor
    assert "Shorter title?" in editor
    resubmit = form_data(admin_client, edit_url(page), title="Video workshops: first on 3 June")
    resubmit["action-submit"] = "Resubmit"
    assert as_officer.post(edit_url(page), resubmit).status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live

    # Both versions can be compared.
    first, latest = page.revisions.order_by("created_at", "pk")[0], page.get_latest_revision()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, latest.pk])
    assert "Video workshops: first on 3 June" in as_officer.get(compare).content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert workflow_action(as_moderator, page, "approve").status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live
    assert page.title == "Video workshops: first on 3 June"
    assert client.get(page.url).status_code == 200
    assert not page.get_translations().exists()  # public in English only
    assert page.title not in client.get(editorial.a.news_index.url).content.decode()
    assert recipients(mail.outbox) == {officer.email}

    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.comments.create",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions
    history = as_officer.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert moderator.get_username() in history.content.decode()


def test_an_officer_cannot_publish_even_by_forging_the_publish_button(editorial, as_officer, admin_client):
    """ "Publish" without the right saves a draft: nothing goes live and no workflow starts."""
    page = editorial.a.news
    data = form_data(admin_client, edit_url(page), title="Forged")
    data["action-publish"] = "Publish"
    assert as_officer.post(edit_url(page), data).status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert page.title != "Forged"
    assert page.get_latest_revision().content["title"] == "Forged"
    assert not page.workflow_in_progress


def test_an_officer_can_neither_unpublish_nor_move_a_live_page_of_their_cluster(editorial, as_officer):
    page = editorial.a.news
    before = Page.objects.filter(pk=page.pk).values_list("live", "path").get()
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    move = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, editorial.a.en_news_index.pk])
    for url in (unpublish, move):
        assert is_refused(as_officer.post(url)), url
    assert Page.objects.filter(pk=page.pk).values_list("live", "path").get() == before


def test_a_page_locked_by_a_moderator_cannot_be_saved_by_an_officer(editorial, as_officer, as_moderator, admin_client):
    page = editorial.a.news
    assert as_officer.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    assert not Page.objects.get(pk=page.pk).locked  # officers may not lock
    assert as_moderator.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    assert Page.objects.get(pk=page.pk).locked
    revisions = page.revisions.count()

    response = as_officer.post(edit_url(page), form_data(admin_client, edit_url(page), title="While locked"))

    assert response.status_code == 200
    assert page.revisions.count() == revisions
    assert as_moderator.post(reverse("wagtailadmin_pages:unlock", args=[page.pk])).status_code == 302
    assert not Page.objects.get(pk=page.pk).locked
    assert {"wagtail.lock", "wagtail.unlock"} <= set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )


def test_comments_are_enabled():
    from django.conf import settings

    assert getattr(settings, "WAGTAILADMIN_COMMENTS_ENABLED", True)
    assert "comments" in NewsPage.get_edit_handler().get_form_class().formsets
