"""Set a group's permissions to exactly a role's: model permissions, page permissions, collection permissions.

Each role is defined in code and put back on every migrate (and on every save of a cluster), so what the
permission matrix tests is what runs, whatever was clicked in the admin in between.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail_localize.models import Translation


def create_missing_permissions(app_labels):
    """Our own apps' permissions appear only at post_migrate, possibly after this handler; a database built
    without migrations also lacks wagtail-localize's submit_translation, which a migration (0006) adds."""
    for app_label in app_labels:
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Translation),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def get_permissions(names):
    """The Permission rows for "app_label.codename" names; every one must exist."""
    query = Q()
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query).select_related("content_type"))
    if len(permissions) != len(set(names)):
        found = {f"{perm.content_type.app_label}.{perm.codename}" for perm in permissions}
        raise ImproperlyConfigured(f"Permissions missing: {sorted(set(names) - found)}")
    return permissions


def set_page_permissions(group, pages, names):
    """The group holds exactly these page permissions ("wagtailcore.add_page", ...) on exactly these pages."""
    _set_rows(GroupPagePermission, "page_id", group, [page.pk for page in pages], names)


def set_collection_permissions(group, collections, names):
    """The group holds exactly these permissions ("wagtailimages.add_image", ...) on exactly these collections."""
    _set_rows(GroupCollectionPermission, "collection_id", group, [c.pk for c in collections], names)


def _set_rows(model, target_field, group, target_ids, names):
    permissions = get_permissions(names)
    wanted = {(target_id, perm.pk) for target_id in target_ids for perm in permissions}
    existing = {
        (target_id, permission_id): pk
        for pk, target_id, permission_id in model.objects.filter(group=group).values_list(
            "pk", target_field, "permission_id"
        )
    }
    stale = [pk for key, pk in existing.items() if key not in wanted]
    if stale:
        model.objects.filter(pk__in=stale).delete()
    model.objects.bulk_create(
        model(group=group, permission_id=permission_id, **{target_field: target_id})
        for target_id, permission_id in wanted - existing.keys()
    )
