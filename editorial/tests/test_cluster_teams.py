"""A new cluster needs no code: its officers' group and collection come with the page, and follow its name."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.models import Collection, GroupPagePermission, Page

from clusters.models import ClusterPage
from conftest import make_image, translate
from editorial.models import ClusterTeam
from editorial.teams import group_name, sync_cluster_team, team_for
from news.models import NewsPage

from .admin import add_url, edit_url, form_data, is_refused
from .conftest import make_user

pytestmark = pytest.mark.django_db


def officer_pages(team):
    return set(GroupPagePermission.objects.filter(group=team.group).values_list("page_id", "permission__codename"))


def both(page):
    return {(page.pk, "add_page"), (page.pk, "change_page")}


def test_a_cluster_created_in_the_admin_gets_its_team(editorial, moderator, admin_client):
    client = Client()
    client.force_login(moderator)
    home = editorial.portal.pl.home
    data = form_data(admin_client, add_url(ClusterPage, home), title="Klaster Wodorowy", slug="klaster-wodorowy")
    data["action-publish"] = "Publish"

    assert client.post(add_url(ClusterPage, home), data).status_code == 302

    cluster = ClusterPage.objects.get(slug="klaster-wodorowy")
    team = team_for(cluster)
    assert team.group.name == group_name("Klaster Wodorowy", team)
    assert "Klaster Wodorowy" in team.group.name
    assert team.collection.name == "Klaster Wodorowy"
    assert team.collection.get_parent() == Collection.get_first_root_node()
    assert officer_pages(team) == both(cluster)
    assert set(team.group.permissions.values_list("codename", flat=True)) == {"access_admin"}
    assert set(team.group.collection_permissions.values_list("collection_id", "permission__codename")) == {
        (team.collection.pk, codename)
        for codename in (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        )
    }

    # Its officer works there, and only there.
    officer = Client()
    officer.force_login(make_user("officer-h2", team.group))
    assert officer.get(edit_url(cluster)).status_code == 200
    assert officer.get(reverse("wagtailadmin_pages:add_subpage", args=[cluster.pk])).status_code == 200
    assert is_refused(officer.get(edit_url(editorial.a.page)))
    assert is_refused(officer.get(add_url(NewsPage, editorial.a.news_index)))


def test_each_new_translation_joins_the_team(editorial):
    cluster = ClusterPage(title="Klaster Kolejowy", slug="klaster-kolejowy")
    editorial.portal.pl.home.add_child(instance=cluster)
    team = team_for(cluster)
    assert officer_pages(team) == both(cluster)

    english = translate(cluster, editorial.portal.en_locale, title="Railway Cluster", slug="railway-cluster")

    assert officer_pages(team) == both(cluster) | both(english)
    assert ClusterTeam.objects.filter(translation_key=cluster.translation_key).count() == 1
    assert team_for(english) == team


def test_renamed_with_the_default_languages_title(editorial):
    team = editorial.a.team
    english = editorial.a.en_page
    english.title = "Renamed in English"
    publish_revision(english)
    assert Group.objects.get(pk=team.group_id).name == group_name("Klaster Zielonej Energii", team)

    polish = editorial.a.page
    polish.title = "Klaster Czystej Energii"
    draft = polish.save_revision()
    assert Collection.objects.get(pk=team.collection_id).name == "Klaster Zielonej Energii"  # a draft is not a name
    draft.publish()

    assert Group.objects.get(pk=team.group_id).name == group_name("Klaster Czystej Energii", team)
    assert Collection.objects.get(pk=team.collection_id).name == "Klaster Czystej Energii"


def publish_revision(page):
    page.save_revision().publish()


def test_a_cluster_written_in_english_first_takes_its_polish_name_once_translated(editorial):
    english_home = editorial.portal.en.home
    cluster = english_home.add_child(instance=ClusterPage(title="Film Cluster", slug="film-cluster"))
    assert team_for(cluster).collection.name == "Film Cluster"

    translate(cluster, editorial.portal.pl_locale, title="Klaster Filmowy", slug="klaster-filmowy")

    assert team_for(cluster).collection.name == "Klaster Filmowy"


def test_two_clusters_of_the_same_name_get_two_groups(editorial):
    first = editorial.portal.pl.home.add_child(instance=ClusterPage(title="Klaster", slug="klaster-1"))
    second = editorial.portal.pl.home.add_child(instance=ClusterPage(title="Klaster", slug="klaster-2"))
    assert team_for(first).group != team_for(second).group
    assert team_for(second).group.name == f"{team_for(first).group.name} (2)"


def test_sync_is_idempotent_and_restores_the_role(editorial):
    team = editorial.a.team
    before = officer_pages(team)
    GroupPagePermission.objects.create(group=team.group, page=editorial.b.page, permission_type="change")
    GroupPagePermission.objects.create(group=team.group, page=editorial.a.page, permission_type="publish")

    assert sync_cluster_team(editorial.a.page.translation_key) == team
    assert sync_cluster_team(editorial.a.page.translation_key) == team
    assert officer_pages(team) == before
    assert team_for(editorial.a.news) == team
    assert team_for(editorial.portal.pl.home) is None


def test_officers_choose_only_their_own_clusters_images(editorial, officer):
    own = make_image("own-image")
    own.collection = editorial.a.team.collection
    own.save()
    other = make_image("other-image")
    other.collection = editorial.b.team.collection
    other.save()
    client = Client()
    client.force_login(officer)

    listing = client.get(reverse("wagtailimages_chooser:choose")).content.decode()

    assert "own-image" in listing
    assert "other-image" not in listing
    assert "hero" not in listing  # the portal's images in the root collection
    assert Image.objects.count() > 2


def test_officers_reach_no_users_groups_or_settings(editorial, officer):
    client = Client()
    client.force_login(officer)
    site = editorial.portal.site
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailsettings:edit", args=["home", "portalsettings", site.pk]),
        reverse("wagtailadmin_collections:index"),
    ):
        assert is_refused(client.get(url)), url
    assert Page.objects.filter(pk=editorial.a.page.pk).exists()
