"""A translator's finished page translation reaches the public only through the moderators' approval."""

import pytest

from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Revision, WorkflowState

from .conftest import make_user, synced_translation
from .test_status import translate_strings

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_translation(portal):
    translation = synced_translation(portal.polish_only_news, portal.en_locale)
    translate_strings(translation)
    return translation


@pytest.fixture
def moderator(portal, moderators):
    user = make_user("moderator", "wagtailadmin.access_admin")
    user.groups.add(moderators)
    root = Page.get_first_root_node()
    for permission_type in ("change", "publish"):
        GroupPagePermission.objects.create(group=moderators, page=root, permission_type=permission_type)
    return user


def submit(client, translation):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("translations_submit_for_approval", args=[translation.pk]))


def approve(client, page):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    task_state = state.current_task_state
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
        )
    assert response.status_code == 302
    return Page.objects.get(pk=page.pk).specific


def test_submitted_then_approved_then_public(
    finished_translation, translator_client, moderation, moderator, client, fetch, django_user_model
):
    target = finished_translation.get_target_instance()

    response = submit(translator_client, finished_translation)

    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.live
    assert target.workflow_in_progress
    assert target.get_latest_revision().as_object().title == "EN Aktualność 2"
    fetch(target.url, status=404)  # submitted is not public

    client.force_login(moderator)
    published = approve(client, target)

    assert published.live
    assert published.title == "EN Aktualność 2"
    assert fetch(published.url).h1.get_text(strip=True) == "EN Aktualność 2"


def test_resubmitting_replaces_the_pending_review(finished_translation, translator_client, moderation):
    submit(translator_client, finished_translation)
    submit(translator_client, finished_translation)

    target = finished_translation.get_target_instance()
    assert WorkflowState.objects.filter(object_id=str(target.pk)).count() == 2
    assert WorkflowState.objects.active().filter(object_id=str(target.pk)).count() == 1


def unchanged(translation):
    target = translation.get_target_instance()
    return (
        Revision.objects.filter(object_id=str(target.pk)).count(),
        WorkflowState.objects.count(),
        Page.objects.get(pk=target.pk).live,
    )


def test_an_unfinished_translation_is_refused(portal, translator_client, moderation):
    translation = synced_translation(portal.polish_only_news, portal.en_locale)
    translate_strings(translation, count=1)
    before = unchanged(translation)

    response = submit(translator_client, translation)

    assert response.status_code == 302
    assert "Najpierw przetłumacz wszystkie teksty" in str(list(get_messages(response.wsgi_request))[0])
    assert unchanged(translation) == before


def test_without_a_workflow_nothing_happens(finished_translation, translator_client):
    before = unchanged(finished_translation)

    response = submit(translator_client, finished_translation)

    assert "nie ma procesu zatwierdzania" in str(list(get_messages(response.wsgi_request))[0])
    assert unchanged(finished_translation) == before


def test_a_user_who_cannot_edit_the_page_is_refused(finished_translation, client, moderation):
    outsider = make_user("outsider", "wagtailadmin.access_admin")
    client.force_login(outsider)
    before = unchanged(finished_translation)

    response = submit(client, finished_translation)

    assert response.status_code == 302  # Wagtail's admin answers a refusal by sending the user home
    assert response["Location"] == reverse("wagtailadmin_home")
    assert unchanged(finished_translation) == before


def test_only_post(finished_translation, translator_client):
    response = translator_client.get(reverse("translations_submit_for_approval", args=[finished_translation.pk]))
    assert response.status_code == 405


def test_the_report_offers_the_submission_to_the_translator(finished_translation, translator_client, moderation):
    response = translator_client.get(reverse("translation_status_report"))

    url = reverse("translations_submit_for_approval", args=[finished_translation.pk])
    assert f'action="{url}"' in response.content.decode()
