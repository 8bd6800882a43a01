"""The demo accounts: one per role, each with its role's group, created once."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase

from wagtail.models import Locale

from clusters.models import ClusterPage
from editorial.teams import team_for
from home import demo_content

from .admin import edit_url, is_refused

pytestmark = pytest.mark.django_db

ACCOUNTS = ("admin", "translator", "moderator", "officer-multimedia", "officer-environment")


def run_command():
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo_content", "--with-demo-accounts", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_command()
        transaction.set_rollback(True)


def cluster(bundle):
    """Every language version of a demo cluster."""
    source = ClusterPage.objects.get(title=bundle["page"]["title"][bundle["source"]])
    return list(ClusterPage.objects.filter(translation_key=source.translation_key))


def user(username):
    return get_user_model().objects.get(username=username)


def test_one_account_per_role(demo_output):
    for username in ACCOUNTS:
        assert user(username).check_password("changeme")
        assert f"{username} (" in demo_output  # named in the warning about the known password
    assert user("admin").is_superuser
    assert not any(user(username).is_superuser for username in ACCOUNTS[1:])
    groups = {username: set(user(username).groups.values_list("name", flat=True)) for username in ACCOUNTS}
    assert groups["translator"] == {"Translators"}
    assert groups["moderator"] == {"Moderators"}
    for username, bundle in (
        ("officer-multimedia", demo_content.MULTIMEDIA),
        ("officer-environment", demo_content.EKOPARK),
    ):
        assert groups[username] == {team_for(cluster(bundle)[0]).group.name}


def test_the_multimedia_officer_edits_only_the_multimedia_cluster_and_publishes_nothing(demo_output):
    officer = user("officer-multimedia")
    client = Client()
    client.force_login(officer)
    for page in cluster(demo_content.MULTIMEDIA):
        permissions = page.permissions_for_user(officer)
        assert permissions.can_edit()
        assert not permissions.can_publish()
        assert client.get(edit_url(page)).status_code == 200
    for page in cluster(demo_content.EKOPARK):
        assert not page.permissions_for_user(officer).can_edit()
        assert is_refused(client.get(edit_url(page)))
    assert len({page.locale_id for page in cluster(demo_content.MULTIMEDIA)}) == Locale.objects.count()


def test_running_again_creates_no_account_or_group(demo_output):
    counts = (get_user_model().objects.count(), Group.objects.count())
    output = run_command()
    assert (get_user_model().objects.count(), Group.objects.count()) == counts
    assert "Created the account" not in output
