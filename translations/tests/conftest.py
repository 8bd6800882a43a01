"""Users, pages and wagtail-localize translations on top of the bilingual `portal` fixture."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from clusters.models import Sector
from news.models import NewsPage
from translations.roles import ensure_translators_group


def make_user(username, *permissions, pages=()):
    """A user in a group of their own with these "app.codename" permissions and "change" on these pages."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "secret-password")
    group = Group.objects.create(name=f"{username} group")
    for name in permissions:
        app_label, codename = name.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    for page in pages:
        GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
    user.groups.add(group)
    return user


def add_news(parent, title, live=True):
    """A news item under a news index, published or left as a draft."""
    page = parent.add_child(instance=NewsPage(title=title, summary=f"{title}.", locale=parent.locale, live=False))
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def synced_translation(instance, locale):
    """Submit through wagtail-localize, as its "Translate" button does: the target is a draft (settings)."""
    translate_object(instance, [locale])
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


@pytest.fixture
def translators(portal):
    """The Translators group, once the portal's home pages exist."""
    return ensure_translators_group()


@pytest.fixture
def translator(translators):
    user = make_user("tlumacz")
    user.groups.add(translators)
    return user


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator)
    return client


@pytest.fixture
def superuser(portal, django_user_model):
    return django_user_model.objects.create_superuser("szef", "szef@example.org", "secret-password")


@pytest.fixture
def news_translation(portal):
    """The Polish-only news item submitted for English translation: a synced English draft, 0 % done."""
    return synced_translation(portal.polish_only_news, portal.en_locale)


@pytest.fixture
def sector_translation(portal):
    """A new Polish sector submitted for English translation."""
    sector = Sector.objects.create(name="Logistyka", locale=portal.pl_locale)
    return synced_translation(sector, portal.en_locale)


@pytest.fixture
def moderators(portal):
    return Group.objects.create(name="Moderators")


@pytest.fixture
def moderation(portal, moderators):
    """An approval workflow by the Moderators on the whole tree (every locale)."""
    workflow = Workflow.objects.create(name="Moderation")
    task = GroupApprovalTask.objects.create(name="Moderator approval")
    task.groups.add(moderators)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return workflow
