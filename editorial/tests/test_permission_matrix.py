"""Who may do what, through Wagtail's own admin views: role × action × target.

Targets: "own" is cluster A (the officer's), "other" is cluster B, "home" is the portal's home page and the
pages directly under it (its contact page, a third cluster not translated yet); "portal" stands for what belongs to no page (the dashboard, the site settings).
An action counts as done only if its effect is in the database, and a refused one leaves pages,
revisions, contact messages, translations, workflows and settings exactly as they were.
"""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

from wagtail.models import Page, Revision, WorkflowState
from wagtail_localize.models import TranslationSource

from clusters.models import ClusterPage
from conftest import build_portal
from contact.models import ContactSubmission
from home.models import PortalSettings
from news.models import NewsPage

from .admin import add_url, edit_url, form_data, is_refused
from .conftest import build_editorial, make_role_users

pytestmark = pytest.mark.django_db

Y, N = True, False
CLUSTER_TARGETS = ("own", "other", "home")
#                        officer      moderator    translator      each for (own, other, home)
MATRIX = {
    "edit": ((Y, N, N), (Y, Y, Y), (N, N, N)),  # translators: only in wagtail-localize's editor
    "add": ((Y, N, N), (Y, Y, Y), (N, N, N)),  # news in a cluster; a new cluster under home
    "publish": ((N, N, N), (Y, Y, Y), (N, N, N)),
    "delete": ((N, N, N), (Y, Y, Y), (N, N, N)),  # a live news item; the portal's contact page
    "history": ((Y, N, N), (Y, Y, Y), (Y, Y, Y)),
    "see submissions": ((Y, N, N), (Y, Y, Y), (N, N, N)),
    "export submissions": ((Y, N, N), (Y, Y, Y), (N, N, N)),
    "submit for translation": ((N, N, N), (Y, Y, Y), (Y, Y, Y)),
}
PORTAL_MATRIX = {"view admin": (Y, Y, Y), "edit settings": (N, N, N)}
ROLES = ("officer", "moderator", "translator")
CASES = [
    pytest.param(role, action, target, expected[ROLES.index(role)][CLUSTER_TARGETS.index(target)])
    for action, expected in MATRIX.items()
    for role in ROLES
    for target in CLUSTER_TARGETS
] + [
    pytest.param(role, action, "portal", expected[ROLES.index(role)])
    for action, expected in PORTAL_MATRIX.items()
    for role in ROLES
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The portal, the roles and their users, built once for this module's cases in a transaction that is rolled
    back at the end; each case runs in a savepoint of it and sees the world as built."""
    with django_db_blocker.unblock(), transaction.atomic():
        editorial = build_editorial(build_portal())
        users = make_role_users(editorial)
        yield editorial, {role: user.pk for role, user in users.items()}
        transaction.set_rollback(True)


@pytest.fixture
def editorial(world, db):
    return world[0]


@pytest.fixture
def users(world, db):
    """Fetched afresh for each case: Wagtail caches a user's permissions on the user object."""
    return {role: get_user_model().objects.get(pk=pk) for role, pk in world[1].items()}


def fresh(page):
    """The page as it is in the database now (the world's objects are shared between cases)."""
    return Page.objects.get(pk=page.pk).specific


def targets(editorial, target):
    """The pages an action is tried on, for one target."""
    portal = editorial.portal
    if target == "home":
        pages = {
            "page": portal.pl.home,
            "parent": portal.pl.home,
            "leaf": portal.pl.portal_contact,
            "form": portal.pl.portal_contact,
            "untranslated": editorial.polish_only_home_child,
        }
        return {"new": ClusterPage, **{name: fresh(page) for name, page in pages.items()}}
    cluster = editorial.a if target == "own" else editorial.b
    pages = {
        "page": cluster.page,
        "parent": cluster.news_index,
        "leaf": cluster.news,
        "form": cluster.contact,
        "untranslated": cluster.polish_only_news,
    }
    return {"new": NewsPage, **{name: fresh(page) for name, page in pages.items()}}


def snapshot():
    settings = PortalSettings.objects.values_list("contact_email", "facebook_url", "linkedin_url")
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "draft_title", "live", "latest_revision_id", "live_revision_id", "locked", "path"
            )
        ),
        "revisions": Revision.objects.count(),
        "submissions": ContactSubmission.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "settings": list(settings),
    }


def do_edit(client, admin_client, pages, editorial):
    url = edit_url(pages["page"])
    data = form_data(admin_client, url, title="Edited title")
    opened, saved = client.get(url), client.post(url, data)
    page = Page.objects.get(pk=pages["page"].pk)
    return [opened, saved], page.get_latest_revision().content["title"] == "Edited title"


def do_add(client, admin_client, pages, editorial):
    parent = pages["parent"]
    url = add_url(pages["new"], parent)
    data = form_data(admin_client, url, title="Added page", slug="added-page", summary="Summary.")
    opened, saved = client.get(url), client.post(url, data)
    return [opened, saved], parent.get_children().filter(slug="added-page").exists()


def draft_a_change(pages):
    """Publishing needs something to publish: a new draft of the target page."""
    page = pages["page"]
    page.title = "Draft title"
    pages["draft"] = page.save_revision()


def do_publish(client, admin_client, pages, editorial):
    page = pages["page"]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    response = client.post(url, {"include_descendants": ""})
    return [response], Page.objects.get(pk=page.pk).live_revision_id == pages["draft"].pk


def do_delete(client, admin_client, pages, editorial):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[pages["leaf"].pk]))
    return [response], not Page.objects.filter(pk=pages["leaf"].pk).exists()


def do_history(client, admin_client, pages, editorial):
    response = client.get(reverse("wagtailadmin_pages:history", args=[pages["page"].pk]))
    return [response], response.status_code == 200


def _messages(client, form_page, **query):
    return client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]), query)


def _marker(form_page):
    return ContactSubmission.objects.get(page=form_page).form_data["message"]


def do_see_submissions(client, admin_client, pages, editorial):
    response = _messages(client, pages["form"])
    return [response], response.status_code == 200 and _marker(pages["form"]) in response.content.decode()


def do_export_submissions(client, admin_client, pages, editorial):
    response = _messages(client, pages["form"], export="csv")
    exported = response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return [response], exported and _marker(pages["form"]) in response.getvalue().decode()


def do_submit_for_translation(client, admin_client, pages, editorial):
    page = pages["untranslated"]
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    opened = client.get(url)
    submitted = client.post(url, {"locales": [editorial.portal.en_locale.pk]})
    return [opened, submitted], page.has_translation(editorial.portal.en_locale)


def do_view_admin(client, admin_client, pages, editorial):
    response = client.get(reverse("wagtailadmin_home"))
    return [response], response.status_code == 200


def do_edit_settings(client, admin_client, pages, editorial):
    url = reverse("wagtailsettings:edit", args=["home", "portalsettings", editorial.portal.site.pk])
    opened = client.get(url)
    saved = client.post(url, {"contact_email": "changed@example.org"})
    return [opened, saved], PortalSettings.objects.get().contact_email == "changed@example.org"


ACTIONS = {
    "edit": do_edit,
    "add": do_add,
    "publish": do_publish,
    "delete": do_delete,
    "history": do_history,
    "see submissions": do_see_submissions,
    "export submissions": do_export_submissions,
    "submit for translation": do_submit_for_translation,
    "view admin": do_view_admin,
    "edit settings": do_edit_settings,
}
PREPARE = {"publish": draft_a_change}
# Wagtail's bulk publish lists the pages one may not publish instead of refusing the whole request.
REFUSES_WITH_A_REDIRECT = set(ACTIONS) - {"publish"}


@pytest.mark.parametrize(("role", "action", "target", "allowed"), CASES)
def test_permission_matrix(editorial, users, client, admin_client, role, action, target, allowed):
    pages = targets(editorial, target) if target != "portal" else {}
    if action in PREPARE:
        PREPARE[action](pages)
    baseline = snapshot()
    client.force_login(users[role])

    responses, done = ACTIONS[action](client, admin_client, pages, editorial)

    assert done is allowed
    assert all(response.status_code < 500 for response in responses)
    if not allowed:
        assert snapshot() == baseline
        if action in REFUSES_WITH_A_REDIRECT:
            assert all(is_refused(response) for response in responses), [r.status_code for r in responses]


def test_every_cell_of_the_matrix_is_tried():
    assert len(CASES) == len(ROLES) * (len(MATRIX) * len(CLUSTER_TARGETS) + len(PORTAL_MATRIX))
    assert set(ACTIONS) == set(MATRIX) | set(PORTAL_MATRIX)


def test_the_roles_are_groups(editorial, users):
    """Each role's user holds its rights through groups only: none are given to the user directly."""
    assert not any(user.user_permissions.exists() for user in users.values())
    assert {group.name for group in users["officer"].groups.all()} == {editorial.a.team.group.name}
    assert Group.objects.filter(name="Moderators", user=users["moderator"]).exists()
