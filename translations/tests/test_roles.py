"""The Translators group: exactly the role's permissions, kept so, and the demo translator account."""

from io import StringIO

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate

from wagtail.models import GroupPagePermission, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import get_permission_name

from home.management.commands.load_demo_content import Command
from translations.roles import (
    MODEL_PERMISSIONS,
    TRANSLATORS,
    edits_page_only_as_translator,
    edits_snippets_only_as_translator,
    ensure_translators_group,
)

from .conftest import make_user

pytestmark = pytest.mark.django_db


def model_permissions(group):
    return {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}


def page_permissions(group):
    return {(perm.page_id, perm.permission.codename) for perm in GroupPagePermission.objects.filter(group=group)}


def test_the_group_has_exactly_the_role_permissions(portal, translators):
    assert translators.name == "Translators"
    assert model_permissions(translators) == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "clusters.change_sector",
        "home.change_sitetext",
    }
    assert page_permissions(translators) == {
        (portal.pl.home.pk, "change_page"),
        (portal.en.home.pk, "change_page"),
    }


def test_the_group_covers_every_translatable_snippet_and_nothing_else():
    """A new translatable snippet must be added to the role on purpose (or left out on purpose)."""
    translatable = {
        get_permission_name("change", model) for model in get_snippet_models() if issubclass(model, TranslatableMixin)
    }
    assert {name for name in MODEL_PERMISSIONS if ".change_" in name} == translatable


def test_a_translator_may_not_publish_add_delete_or_administer(translator, portal):
    forbidden = [
        "home.change_portalsettings",
        "clusters.add_sector",
        "clusters.delete_sector",
        "home.add_sitetext",
        "home.delete_sitetext",
        "users.change_user",
        "users.add_user",
        "auth.change_group",
    ]
    assert not [name for name in forbidden if translator.has_perm(name)]
    assert translator.has_perms(["wagtailadmin.access_admin", "wagtail_localize.submit_translation"])
    for page in (portal.pl.cluster, portal.en.news[0]):
        perms = page.permissions_for_user(translator)
        assert perms.can_edit()
        assert not perms.can_publish()
        assert not perms.can_add_subpage()
        assert not perms.can_lock()


def test_running_again_changes_nothing_and_undoes_changes_made_in_the_admin(portal, translators):
    before = (model_permissions(translators), page_permissions(translators))
    translators.permissions.add(Permission.objects.get(codename="change_portalsettings"))
    GroupPagePermission.objects.create(group=translators, page=portal.pl.cluster, permission_type="publish")
    GroupPagePermission.objects.create(group=translators, page=portal.pl.home, permission_type="add")

    assert ensure_translators_group() == translators
    assert ensure_translators_group() == translators
    assert Group.objects.filter(name=TRANSLATORS).count() == 1
    assert (model_permissions(translators), page_permissions(translators)) == before


def test_created_after_migrate(portal):
    Group.objects.filter(name=TRANSLATORS).delete()
    config = apps.get_app_config("translations")
    post_migrate.send(
        sender=config, app_config=config, verbosity=0, interactive=False, using="default", apps=apps, plan=[]
    )
    group = Group.objects.get(name=TRANSLATORS)
    assert (portal.en.home.pk, "change_page") in page_permissions(group)


def test_a_new_root_level_page_joins_the_group(translators, portal):
    root = Page.get_first_root_node()
    new_home = root.add_child(instance=Page(title="Startseite", slug="startseite", locale=portal.pl_locale))
    assert (new_home.pk, "change_page") in page_permissions(translators)
    deeper = portal.pl.home.add_child(instance=Page(title="Nowa", slug="nowa"))
    assert not GroupPagePermission.objects.filter(group=translators, page=deeper).exists()


def test_translator_only_rule_leaves_other_roles_alone(translator, portal):
    """A translator who is also an officer of a cluster edits that cluster normally."""
    from clusters.models import Sector

    assert edits_page_only_as_translator(translator, portal.pl.cluster)
    assert edits_snippets_only_as_translator(translator, Sector)

    officer = make_user("oficer", "clusters.change_sector", pages=[portal.pl.cluster])
    officer.groups.add(Group.objects.get(name=TRANSLATORS))
    officer = get_user_model().objects.get(pk=officer.pk)  # fresh permission caches
    assert not edits_page_only_as_translator(officer, portal.pl.cluster)
    assert not edits_page_only_as_translator(officer, portal.pl.news[0])
    assert edits_page_only_as_translator(officer, portal.en.cluster)
    assert not edits_snippets_only_as_translator(officer, Sector)


def run_create_demo_accounts(**flags):
    out = StringIO()
    Command(stdout=out).create_demo_accounts(**flags)
    return out.getvalue()


def test_demo_translator_account_with_the_flag(portal):
    output = run_create_demo_accounts(with_demo_accounts=True)
    run_create_demo_accounts(with_demo_accounts=True)
    translator = get_user_model().objects.get(username="translator")
    assert translator.check_password("changeme")
    assert not translator.is_superuser
    assert not translator.is_staff
    assert list(translator.groups.values_list("name", flat=True)) == [TRANSLATORS]
    assert get_user_model().objects.filter(username__in=["admin", "translator"]).count() == 2
    assert "translator" in output


def test_no_demo_translator_without_debug_or_flag(portal):
    run_create_demo_accounts(with_demo_accounts=False)
    assert not get_user_model().objects.filter(username="translator").exists()
