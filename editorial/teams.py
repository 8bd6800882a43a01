"""Communication officers: one group and one collection per cluster, made and renamed with the cluster.

A cluster is one ClusterPage per language, sharing a translation_key, and Wagtail's page permissions belong
to single pages: the team's group gets add and change on every language version, including versions created
later (each one's post_save). No publish: officers submit to the moderation workflow. Since each form page's
submissions are shown to whoever may change it, officers see their own cluster's contact messages only.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Collection, Locale

from clusters.models import ClusterPage

from .models import ClusterTeam
from .permissions import get_permissions, set_collection_permissions, set_page_permissions

OFFICER_PERMISSIONS = ("wagtailadmin.access_admin",)
OFFICER_PAGE_PERMISSIONS = ("wagtailcore.add_page", "wagtailcore.change_page")
OFFICER_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
GROUP_NAME_LENGTH = Group._meta.get_field("name").max_length


def on_cluster_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of a ClusterPage: a new cluster or language version, or a new title (saving a draft
    revision writes only the revision fields, so it is skipped)."""
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    sync_cluster_team(instance.translation_key)


@transaction.atomic
def sync_cluster_team(translation_key):
    """Create or update the team of the cluster with this translation_key; returns it (None if no page)."""
    pages = list(ClusterPage.objects.filter(translation_key=translation_key).only("pk", "title", "locale_id"))
    if not pages:
        return None
    title = cluster_title(pages)
    team = ClusterTeam.objects.select_related("group", "collection").filter(translation_key=translation_key).first()
    if team is None:
        team = ClusterTeam.objects.create(
            translation_key=translation_key,
            group=Group.objects.create(name=group_name(title)),
            collection=_root_collection().add_child(name=title),
        )
    else:
        _rename(team, title)
    team.group.permissions.set(get_permissions(OFFICER_PERMISSIONS))
    set_page_permissions(team.group, pages, OFFICER_PAGE_PERMISSIONS)
    set_collection_permissions(team.group, [team.collection], OFFICER_COLLECTION_PERMISSIONS)
    return team


def team_for(page):
    """The team of a cluster page, or of the cluster a page belongs to; None outside clusters."""
    cluster = ClusterPage.objects.ancestor_of(page, inclusive=True).only("translation_key").first()
    if cluster is None:
        return None
    return (
        ClusterTeam.objects.select_related("group", "collection")
        .filter(translation_key=cluster.translation_key)
        .first()
    )


def cluster_title(pages):
    """The default language's title when the cluster has that version, else its first version's."""
    default_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    in_default = [page for page in pages if default_locale and page.locale_id == default_locale.pk]
    return min(in_default or pages, key=lambda page: page.pk).title


def group_name(title, team=None):
    """The officers' group name, in the portal's default language; unique among groups."""
    with translation.override(settings.LANGUAGE_CODE):
        base = gettext("Communication officers: %(cluster)s") % {"cluster": title}
    others = Group.objects.exclude(pk=team.group_id) if team else Group.objects.all()
    name, number = base[:GROUP_NAME_LENGTH], 1
    while others.filter(name=name).exists():
        number += 1
        suffix = f" ({number})"
        name = base[: GROUP_NAME_LENGTH - len(suffix)] + suffix
    return name


def _rename(team, title):
    if team.collection.name != title:
        team.collection.name = title
        team.collection.save(update_fields=["name"])
    name = group_name(title, team)
    if team.group.name != name:
        team.group.name = name
        team.group.save(update_fields=["name"])


def _root_collection():
    return Collection.get_first_root_node() or Collection.add_root(name="Root")
