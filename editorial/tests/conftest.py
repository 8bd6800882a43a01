"""Two clusters, the editorial roles and one user per role, on top of the root conftest's bilingual portal.

Cluster A is the portal's own ("Klaster Zielonej Energii"); cluster B is added here the same way (Polish
source, English translation). Each cluster and the portal's contact page hold one contact message.
"""

import uuid
from dataclasses import dataclass

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Page
from wagtail.users.models import UserProfile

from clusters.models import ClusterPage
from conftest import _contact_page, _translate_contact, publish, translate
from editorial.roles import ensure_editorial_roles
from editorial.teams import team_for
from news.models import NewsIndexPage, NewsPage
from translations.roles import ensure_translators_group

PASSWORD = "secret-password"  # noqa: S105 - test accounts only


@dataclass
class Cluster:
    """One cluster: its Polish pages (the sources), their English translations, and its team."""

    page: ClusterPage
    news_index: NewsIndexPage
    news: NewsPage  # live in Polish and English
    polish_only_news: NewsPage
    contact: Page
    en_page: ClusterPage
    en_news_index: NewsIndexPage

    @property
    def team(self):
        return team_for(self.page)


@dataclass
class Editorial:
    portal: object
    a: Cluster
    b: Cluster
    polish_only_home_child: Page  # a third cluster under the Polish home page, not translated yet

    @property
    def translators(self):
        return Group.objects.filter(name="Translators")


def add_news(parent, title, slug, live=True):
    page = parent.add_child(instance=NewsPage(title=title, slug=slug, summary=f"{title}.", locale=parent.locale))
    return publish(page) if live else page


def add_submission(page, marker):
    """A stored contact message on the form page, holding `marker` as its text."""
    return page.get_submission_class().objects.create(
        page=page, form_data={"name": marker, "message": marker}, dedupe_key=uuid.uuid4().hex
    )


def build_cluster_b(portal):
    cluster = ClusterPage(title="Klaster Logistyki", slug="klaster-logistyki", short_name="KL")
    portal.pl.home.add_child(instance=cluster)
    publish(cluster)
    news_index = publish(cluster.add_child(instance=NewsIndexPage(title="Aktualności", slug="aktualnosci")))
    contact = _contact_page(cluster, "Kontakt z logistyką", "kontakt")
    en_page = translate(cluster, portal.en_locale, title="Logistics Cluster", slug="logistics-cluster")
    en_news_index = translate(news_index, portal.en_locale, title="News", slug="news")
    _translate_contact(contact, portal.en_locale, "Contact logistics", "contact")
    news = add_news(news_index, "Nowy magazyn", "nowy-magazyn")
    translate(news, portal.en_locale, title="A new warehouse", slug="a-new-warehouse")
    return Cluster(
        page=ClusterPage.objects.get(pk=cluster.pk),
        news_index=news_index,
        news=news,
        polish_only_news=add_news(news_index, "Tylko po polsku B", "tylko-po-polsku-b"),
        contact=contact,
        en_page=en_page,
        en_news_index=en_news_index,
    )


def build_editorial(portal):
    """Both clusters, their teams, Moderators, the Moderation workflow and Translators; a message per form."""
    a = Cluster(
        page=portal.pl.cluster,
        news_index=portal.pl.news_index,
        news=portal.pl.news[0],
        polish_only_news=portal.polish_only_news,
        contact=portal.pl.cluster_contact,
        en_page=portal.en.cluster,
        en_news_index=portal.en.news_index,
    )
    b = build_cluster_b(portal)
    home_child = ClusterPage(title="Klaster Turystyki", slug="klaster-turystyki", short_name="KT")
    portal.pl.home.add_child(instance=home_child)
    publish(home_child)
    for form_page, marker in ((a.contact, "message-for-a"), (b.contact, "message-for-b")):
        add_submission(form_page, marker)
    add_submission(portal.pl.portal_contact, "message-for-portal")
    ensure_editorial_roles()
    ensure_translators_group()
    return Editorial(portal=portal, a=a, b=b, polish_only_home_child=home_child)


@pytest.fixture
def editorial(portal):
    return build_editorial(portal)


def make_user(username, *groups, language="", **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD, **fields)
    user.groups.add(*groups)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def make_role_users(editorial):
    """An officer of cluster A, a moderator and a translator."""
    return {
        "officer": make_user("officer-a", editorial.a.team.group),
        "moderator": make_user("moderator", Group.objects.get(name="Moderators")),
        "translator": make_user("translator", Group.objects.get(name="Translators")),
    }


@pytest.fixture
def role_users(editorial):
    return make_role_users(editorial)


@pytest.fixture
def officer(role_users):
    return role_users["officer"]


@pytest.fixture
def moderator(role_users):
    return role_users["moderator"]


@pytest.fixture
def translator(role_users):
    return role_users["translator"]


@pytest.fixture
def superuser(editorial, django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)
