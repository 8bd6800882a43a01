"""Moderators and the moderation workflow: exactly the role, kept so, on every locale's tree."""

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate
from django.test import Client
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
)

from editorial.roles import MODERATION_TASK, MODERATORS, ensure_editorial_roles
from home.models import HomePage
from news.models import NewsPage

from .conftest import add_news

pytestmark = pytest.mark.django_db


def model_permissions(group):
    return {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}


def page_permissions(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))


def collection_permissions(group):
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission__codename")
    )


def test_moderators_have_exactly_the_role(editorial):
    moderators = Group.objects.get(name=MODERATORS)
    root, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    assert model_permissions(moderators) == {"wagtailadmin.access_admin", "wagtail_localize.submit_translation"}
    assert page_permissions(moderators) == {
        (root.pk, codename) for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    assert collection_permissions(moderators) == {
        (root_collection.pk, f"{action}_{kind}")
        for action in ("add", "change", "choose", "delete")
        for kind in ("image", "document")
    }


def test_running_again_undoes_changes_made_in_the_admin(editorial):
    moderators = Group.objects.get(name=MODERATORS)
    before = (model_permissions(moderators), page_permissions(moderators), collection_permissions(moderators))
    moderators.permissions.add(Permission.objects.get(codename="change_portalsettings"))
    GroupPagePermission.objects.create(group=moderators, page=editorial.a.page, permission_type="bulk_delete")
    workflow = Workflow.objects.get(name="Moderation")
    WorkflowPage.objects.filter(page=Page.get_first_root_node()).update(workflow=Workflow.objects.create(name="Other"))

    ensure_editorial_roles()
    ensure_editorial_roles()

    assert Group.objects.filter(name=MODERATORS).count() == 1
    assert Workflow.objects.filter(name="Moderation").count() == 1
    assert (model_permissions(moderators), page_permissions(moderators), collection_permissions(moderators)) == before
    assert Page.get_first_root_node().specific.get_workflow() == workflow


def test_wagtails_own_moderators_group_and_task_are_reused(portal):
    """A migrated database already has them (wagtailcore 0002 and 0048)."""
    wagtails_group = Group.objects.create(name=MODERATORS)
    wagtails_task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    wagtails_task.groups.add(wagtails_group)

    moderators, workflow = ensure_editorial_roles()

    assert moderators == wagtails_group
    assert [task.pk for task in workflow.tasks.all()] == [wagtails_task.pk]


def test_created_by_migrate(portal):
    config = apps.get_app_config("editorial")
    post_migrate.send(
        sender=config, app_config=config, verbosity=0, interactive=False, using="default", apps=apps, plan=[]
    )
    assert Group.objects.filter(name=MODERATORS).exists()
    assert portal.en.news[0].get_workflow().name == "Moderation"


def test_the_workflow_covers_every_locale_including_one_added_later(editorial, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    german = Locale.objects.create(language_code="de")
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Startseite", slug="de", locale=german))
    for page in (editorial.a.page, editorial.a.en_page, editorial.b.news, editorial.portal.pl.home, home):
        assert page.get_workflow().name == "Moderation", page
    assert WorkflowPage.objects.get().page.depth == 1


def test_moderators_approve_a_translators_submission_like_any_other(editorial, translator, moderator):
    """The translation issue's "submit for approval" starts the page's workflow; moderators review it."""
    draft = add_news(editorial.a.en_news_index, "Translated news", "translated-news", live=False)
    draft.save_revision(user=translator)
    draft.get_workflow().start(draft, translator)
    client = Client()
    client.force_login(moderator)

    assert "Translated news" in client.get(reverse("wagtailadmin_home")).content.decode()
    task_state = NewsPage.objects.get(pk=draft.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    assert client.post(url).status_code == 302
    assert NewsPage.objects.get(pk=draft.pk).live


def test_wagtails_editors_group_goes_while_nobody_is_in_it(editorial, django_user_model):
    """Wagtail's default "Editors" may edit every cluster's pages: an officer put there would escape their team."""
    Group.objects.get_or_create(name="Editors")
    ensure_editorial_roles()
    assert not Group.objects.filter(name="Editors").exists()

    in_use = Group.objects.create(name="Editors")
    django_user_model.objects.create_user("someone", "someone@example.org", "x").groups.add(in_use)
    ensure_editorial_roles()
    assert Group.objects.filter(name="Editors").exists()  # an administrator's choice is not undone
