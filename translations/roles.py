"""The Translators role: translate every page and snippet in every locale, publish nothing, change no source.

Wagtail's page permissions follow the tree, and every locale's tree mixes sources with translations (one
cluster writes in Polish, another in English), so no set of permissions can say "translations only". The
group therefore gets "change" on each locale's tree, which wagtail-localize's editor needs to save strings and
our submit guard needs to accept a source, and wagtail_hooks refuses translators Wagtail's own editing views
wherever the Translators group is what lets them in: they work only in wagtail-localize's translation editor.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import policy_registry
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

TRANSLATORS = "Translators"
MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",  # the admin itself
    "wagtail_localize.submit_translation",  # "Translate" and "Sync translated pages"
    # The translatable snippets: edit their translations, never add or delete one.
    "clusters.change_sector",
    "home.change_sitetext",
)
PAGE_PERMISSION = "change_page"  # on every root-level page, i.e. on every locale's tree; no add, no publish


def ensure_translators_group(**kwargs):
    """Create the Translators group, or put it back to exactly the role's permissions; returns the group.

    Runs after every migrate (so new locale home pages are covered), and changes made to the group in the
    admin are undone: the role is defined here. Accepts and ignores post_migrate's arguments.
    """
    for app_label in {name.split(".")[0] for name in MODEL_PERMISSIONS} | {"wagtailcore"}:
        # Our own apps' permissions only appear at post_migrate, possibly after this handler.
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    # wagtail-localize creates this one in a migration (0006), which a database built without migrations lacks.
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Translation),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    group.permissions.set(_model_permissions())
    change_page = _change_page_permission()
    GroupPagePermission.objects.filter(group=group).exclude(permission=change_page, page__depth=2).delete()
    for page in Page.objects.filter(depth=2):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change_page)
    return group


def grant_new_root_page(sender, instance, created, raw=False, **kwargs):
    """post_save: a new locale's home page (translated after the last migrate) joins the group's trees."""
    if not created or raw or not isinstance(instance, Page) or instance.depth != 2:
        return
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is not None:
        GroupPagePermission.objects.get_or_create(group=group, page=instance, permission=_change_page_permission())


def _model_permissions():
    query = Q()
    for name in MODEL_PERMISSIONS:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query))
    if len(permissions) != len(MODEL_PERMISSIONS):
        found = {f"{perm.content_type.app_label}.{perm.codename}" for perm in permissions}
        raise ImproperlyConfigured(f"Permissions missing: {sorted(set(MODEL_PERMISSIONS) - found)}")
    return permissions


def _change_page_permission():
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=PAGE_PERMISSION)


def _translator_group_id(user):
    """The Translators group's id if the user is an active, non-superuser member, else None."""
    if not user.is_active or user.is_superuser:
        return None
    return user.groups.filter(name=TRANSLATORS).values_list("id", flat=True).first()


def edits_page_only_as_translator(user, page):
    """True when the Translators group is what lets this user edit the page: without it Wagtail would refuse."""
    tester = page.permissions_for_user(user)
    if not tester.can_edit():
        return False
    group_id = _translator_group_id(user)
    if group_id is None:
        return False
    # The same test Wagtail makes, on the permissions of the user's other groups only.
    tester.permissions = {
        perm.permission.codename.rsplit("_", 1)[0]
        for perm in tester.permission_policy.get_cached_permissions_for_user(user)
        if perm.group_id != group_id and page.path.startswith(perm.page.path)
    }
    return not tester.can_edit()


def edits_snippets_only_as_translator(user, model):
    """True when the Translators group is what lets this user change snippets of this model."""
    permission_name = get_permission_name("change", model)
    if not user.has_perm(permission_name):
        return False
    group_id = _translator_group_id(user)
    if group_id is None:
        return False
    app_label, codename = permission_name.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    other_groups = user.groups.exclude(id=group_id)
    return not (permission.filter(user=user).exists() or permission.filter(group__in=other_groups).exists())


def exclude_pages_only_translatable(user, pages):
    """The pages of a queryset that the user may edit other than as a translator."""
    group_id = _translator_group_id(user)
    if group_id is None:
        return pages
    keep = None
    for perm in policy_registry.get_by_type(Page).get_cached_permissions_for_user(user):
        if perm.group_id == group_id:
            continue
        codename = perm.permission.codename
        if codename == "change_page":
            condition = Q(path__startswith=perm.page.path)
        elif codename == "add_page":  # Wagtail lets owners edit what they added
            condition = Q(path__startswith=perm.page.path, owner=user)
        else:
            continue
        keep = condition if keep is None else keep | condition
    return pages.none() if keep is None else pages.filter(keep)
