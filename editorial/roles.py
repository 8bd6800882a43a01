"""The Moderators role and the moderation workflow: moderators approve, reject and publish everywhere.

Both are put back to what is defined here after every migrate, like the Translators role. Page permissions
and the workflow sit on the tree's root (depth 1), above every locale's home page, so they cover every
language, including languages added later. Wagtail's own migrations create a "Moderators" group and a
"Moderators approval" task: both are reused by name. They also create an "Editors" group that may edit every
page of every cluster: it is removed while nobody is in it, since officers belong to their cluster's team.
"""

from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from clusters.models import ClusterPage

from .permissions import (
    create_missing_permissions,
    get_permissions,
    set_collection_permissions,
    set_page_permissions,
)
from .teams import sync_cluster_team

MODERATORS = "Moderators"
WAGTAIL_EDITORS = "Editors"  # created by Wagtail's migrations; see remove_unused_wagtail_editors_group
MODERATION_WORKFLOW = "Moderation"
MODERATION_TASK = "Moderators approval"
MODERATOR_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",  # moderators may publish, so translating cannot bypass them
)
MODERATOR_PAGE_PERMISSIONS = (
    "wagtailcore.add_page",
    "wagtailcore.change_page",  # also what shows every form's submissions (get_forms_for_user)
    "wagtailcore.publish_page",
    "wagtailcore.lock_page",
    "wagtailcore.unlock_page",
)
MODERATOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
)
APPS_WITH_PERMISSIONS = ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs")


def ensure_editorial_roles(**kwargs):
    """post_migrate (ignores its arguments), and tests and the demo: moderators, workflow, cluster teams.

    Returns (moderators, workflow), or None before Wagtail's root page exists (a test database is built
    without migrations; its tests and the demo command call this once their tree is there).
    """
    if Page.get_first_root_node() is None:
        return None
    moderators = ensure_moderators_group()
    workflow = ensure_moderation_workflow(moderators)
    remove_unused_wagtail_editors_group()
    for translation_key in ClusterPage.objects.values_list("translation_key", flat=True).distinct():
        sync_cluster_team(translation_key)
    return moderators, workflow


def remove_unused_wagtail_editors_group():
    """Delete Wagtail's default "Editors" group while it has no members: it grants editing of the whole tree,
    so an administrator who put an officer in it would undo the cluster teams. A group someone has put people
    in is left alone."""
    Group.objects.filter(name=WAGTAIL_EDITORS, user__isnull=True).delete()


def ensure_moderators_group():
    """The Moderators group with exactly the role's permissions; returns the group."""
    create_missing_permissions(APPS_WITH_PERMISSIONS)
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.set(get_permissions(MODERATOR_PERMISSIONS))
    root = Page.get_first_root_node()
    set_page_permissions(group, [root] if root else [], MODERATOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    set_collection_permissions(group, [root_collection] if root_collection else [], MODERATOR_COLLECTION_PERMISSIONS)
    return group


def ensure_moderation_workflow(moderators):
    """The "Moderation" workflow (one group-approval task for Moderators) on the root page; returns it.

    Page.get_workflow() takes the nearest ancestor's workflow, root included, so every page of every locale
    goes through it; a section may still get a workflow of its own in the admin (the nearest one wins).
    """
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not workflow.workflow_tasks.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    root = Page.get_first_root_node()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
