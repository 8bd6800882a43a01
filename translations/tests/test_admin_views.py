"""Through the admin: what a translator can and cannot do, the guarded wagtail-localize views, the panel
and the report. Every refusal is checked with its side effects: nothing created, changed or published."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from django.contrib.messages import ERROR, WARNING
from django.urls import resolve, reverse

from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from clusters.models import Sector

from .conftest import add_news, make_user

pytestmark = pytest.mark.django_db

ADMIN_HOME = "/admin/"
EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def sector_edit_url(sector):
    return reverse("wagtailsnippets_clusters_sector:edit", args=[sector.pk])


def message_levels(response):
    return [message.level for message in response.wsgi_request._messages]


def assert_refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and an error message."""
    assert (response.status_code, response.url) == (302, ADMIN_HOME)
    assert ERROR in message_levels(response)


def content_counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        TranslationSource.objects.count(),
        Translation.objects.count(),
    )


# The translator in the translation editor


def test_translator_opens_the_translation_editor(translator_client, news_translation):
    response = translator_client.get(edit_url(news_translation.get_target_instance()))
    assert response.status_code == 200
    assert EDITOR_TEMPLATE in [template.name for template in response.templates]


def test_translator_saves_a_string_translation(translator_client, translator, news_translation):
    segment = StringSegment.objects.filter(source=news_translation.source).order_by("order").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[news_translation.pk, segment.pk])
    response = translator_client.put(
        url, urlencode({"value": "News item 2"}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 201
    saved = StringTranslation.objects.get(translation_of=segment.string, locale=news_translation.target_locale)
    assert (saved.data, saved.last_translated_by) == ("News item 2", translator)


def publish_in_editor(client, target, capture_on_commit):
    """POST "Publish in English" from the translation editor; wagtail-localize publishes pages on commit."""
    with capture_on_commit(execute=True):
        response = client.post(edit_url(target), {"action": "publish"})
    target.refresh_from_db()
    return response


def test_translator_cannot_publish_a_translation(
    translator_client, news_translation, django_capture_on_commit_callbacks
):
    target = news_translation.get_target_instance()
    response = publish_in_editor(translator_client, target, django_capture_on_commit_callbacks)
    assert (response.status_code, response.url) == (302, ADMIN_HOME)
    assert not target.live
    assert target.live_revision is None


def test_a_superuser_publishes_a_translation(client, superuser, news_translation, django_capture_on_commit_callbacks):
    client.force_login(superuser)
    target = news_translation.get_target_instance()
    publish_in_editor(client, target, django_capture_on_commit_callbacks)
    assert target.live


def test_translator_cannot_convert_a_translation_into_a_live_alias(translator_client, portal, news_translation):
    portal.polish_only_news.save_revision().publish()  # a live source: its alias would be live too
    target = news_translation.get_target_instance()
    response = translator_client.post(reverse("wagtail_localize:convert_to_alias", args=[target.pk]))
    assert (response.status_code, response.url) == (302, ADMIN_HOME)
    target.refresh_from_db()
    assert (target.alias_of_id, target.live) == (None, False)
    assert Translation.objects.filter(pk=news_translation.pk).exists()


# The translator outside the translation editor


@pytest.mark.parametrize("tree", ["pl", "en"])
def test_translator_cannot_use_the_normal_page_editor(translator_client, portal, tree):
    """Neither on a Polish source nor on an English page translated outside wagtail-localize."""
    page = getattr(portal, tree).cluster
    before = content_counts()
    assert_refused(translator_client.get(edit_url(page)))
    response = translator_client.post(
        edit_url(page), {"title": "Zmienione", "slug": page.slug, "action-publish": "action-publish"}
    )
    assert_refused(response)
    page.refresh_from_db()
    assert page.draft_title == page.title != "Zmienione"
    assert content_counts() == before


def test_translator_cannot_delete_a_draft_page(translator_client, translator, portal):
    draft = add_news(portal.pl.news_index, "Szkic", live=False)
    assert draft.permissions_for_user(translator).can_delete()  # Wagtail alone would allow it
    assert_refused(translator_client.get(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    assert_refused(translator_client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    response = translator_client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={draft.pk}"
    )
    assert_refused(response)
    response = translator_client.post(
        f"/admin/api/main/pages/{draft.pk}/action/delete/", {}, content_type="application/json"
    )
    assert response.status_code == 403
    assert Page.objects.filter(pk=draft.pk).exists()


def test_translator_uses_the_snippet_translation_editor_only(translator_client, portal, sector_translation):
    target = sector_translation.get_target_instance()
    response = translator_client.get(sector_edit_url(target))
    assert EDITOR_TEMPLATE in [template.name for template in response.templates]

    source = sector_translation.source.get_source_instance()
    assert_refused(translator_client.get(sector_edit_url(source)))
    assert_refused(translator_client.post(sector_edit_url(source), {"name": "Zmieniony"}))
    source.refresh_from_db()
    assert source.name == "Logistyka"


def test_translator_cannot_add_or_delete_snippets(translator_client, portal):
    sector = Sector.objects.get(locale=portal.pl_locale)
    assert_refused(translator_client.get(reverse("wagtailsnippets_clusters_sector:add")))
    assert_refused(translator_client.post(reverse("wagtailsnippets_clusters_sector:add"), {"name": "Nowy"}))
    assert_refused(translator_client.post(reverse("wagtailsnippets_clusters_sector:delete", args=[sector.pk])))
    assert Sector.objects.count() == 2


def test_translator_cannot_open_settings_users_or_groups(translator_client, portal):
    for url in [
        reverse("wagtailsettings:edit", args=["home", "portalsettings", portal.site.pk]),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
    ]:
        assert_refused(translator_client.get(url))


def test_translator_sees_no_contact_form_submissions(translator_client, client, portal, superuser):
    contact = portal.pl.portal_contact
    assert contact.title not in translator_client.get(reverse("wagtailforms:index")).content.decode()
    assert_refused(translator_client.get(reverse("wagtailforms:list_submissions", args=[contact.pk])))

    client.force_login(superuser)
    assert contact.title in client.get(reverse("wagtailforms:index")).content.decode()


# Submitting for translation: only editors of the source


@pytest.fixture
def outsider(portal, translators):
    """Admin access and the submit permission, but edit rights on the English cluster only."""
    return make_user(
        "outsider", "wagtailadmin.access_admin", "wagtail_localize.submit_translation", pages=[portal.en.cluster]
    )


def test_submit_refused_without_edit_permission_and_nothing_created(client, portal, outsider):
    draft = add_news(portal.pl.news_index, "Tajny szkic", live=False)
    client.force_login(outsider)
    url = reverse("wagtail_localize:submit_page_translation", args=[draft.pk])
    before = content_counts()

    response = client.get(url, follow=True)
    assert response.redirect_chain == [(ADMIN_HOME, 302)]
    assert "Tajny szkic" not in response.content.decode()
    assert_refused(client.post(url, {"locales": [portal.en_locale.pk], "include_subtree": "on"}))
    assert content_counts() == before


def test_submit_snippet_refused_without_change_permission(client, portal, outsider):
    sector = Sector.objects.get(locale=portal.pl_locale)
    client.force_login(outsider)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["clusters", "sector", sector.pk])
    before = (content_counts(), Sector.objects.count())
    assert_refused(client.post(url, {"locales": [portal.en_locale.pk]}))
    assert (content_counts(), Sector.objects.count()) == before


def test_translator_submits_a_page_and_gets_a_draft(translator_client, portal):
    page = portal.polish_only_news
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert page.title in translator_client.get(url).content.decode()
    response = translator_client.post(url, {"locales": [portal.en_locale.pk]}, follow=True)
    assert EDITOR_TEMPLATE in [template.name for template in response.templates]  # straight into the editor
    target = page.get_translation(portal.en_locale)
    assert not target.live
    assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=portal.en_locale).exists()


# Sync translated pages: no publishing without publish permission


def test_guarded_views_replace_wagtail_localize_urls():
    names = {
        reverse("wagtail_localize:submit_page_translation", args=[1]): "translations_submit_page",
        reverse("wagtail_localize:submit_snippet_translation", args=["clusters", "sector", 1]): (
            "translations_submit_snippet"
        ),
        reverse("wagtail_localize:update_translations", args=[1]): "translations_update",
        reverse("wagtail_localize:convert_to_alias", args=[1]): "translations_convert_to_alias",
    }
    assert {url: resolve(url).url_name for url in names} == names


@pytest.fixture
def editor(portal, translators):
    """Like Wagtail's default Editors group: may edit everywhere and submit translations, not publish."""
    return make_user(
        "redaktor",
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        pages=[portal.pl.home, portal.en.home],
    )


@pytest.fixture
def sync(client, django_capture_on_commit_callbacks):
    """POST "Sync translated pages" with "Publish immediately"; wagtail-localize publishes pages on commit."""

    def post(translation):
        url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"publish_translations": "on"})

    return post


@pytest.mark.parametrize("user_fixture", ["editor", "translator"])
def test_sync_without_publish_permission_publishes_nothing(client, sync, request, news_translation, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    url = reverse("wagtail_localize:update_translations", args=[news_translation.source.pk])
    form = BeautifulSoup(client.get(url).content, "html.parser")
    assert form.find("input", attrs={"name": "publish_translations"})["type"] == "hidden"

    response = sync(news_translation)
    assert response.status_code == 302
    assert WARNING in message_levels(response)
    target = news_translation.get_target_instance()
    assert not target.live
    assert target.live_revision is None


def test_sync_with_publish_permission_publishes(client, sync, superuser, news_translation):
    client.force_login(superuser)
    assert sync(news_translation).status_code == 302
    assert news_translation.get_target_instance().live


def test_sync_refused_to_those_who_cannot_edit_the_source(client, sync, outsider, news_translation):
    """The outsider may edit the English target but not the Polish source."""
    client.force_login(outsider)
    assert_refused(sync(news_translation))
    assert not news_translation.get_target_instance().live


# The dashboard panel and the report


@pytest.mark.parametrize("user_fixture", ["translator", "superuser"])
def test_panel_on_the_dashboard(client, request, portal, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    page = BeautifulSoup(client.get(ADMIN_HOME).content, "html.parser")
    panel = page.find(id="translation-status-section")
    assert panel is not None
    [row] = panel.select("tr.translation-status-missing")
    assert portal.polish_only_news.title in row.get_text()
    assert row.a["href"].startswith(
        reverse("wagtail_localize:submit_page_translation", args=[portal.polish_only_news.pk])
    )
    assert panel.find("a", href=reverse("translation_status_report"))


def test_panel_shows_the_first_five_items(client, superuser, portal):
    for number in range(7):
        add_news(portal.pl.news_index, f"Nowa {number}")
    client.force_login(superuser)
    panel = BeautifulSoup(client.get(ADMIN_HOME).content, "html.parser").find(id="translation-status-section")
    assert len(panel.select("tbody tr")) == 5
    assert "8" in panel.find("a", href=reverse("translation_status_report")).get_text()


def report_sections(client, **params):
    response = client.get(reverse("translation_status_report"), params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return {section["id"]: section for section in page.select("section.translation-status-locale")}


def test_report_lists_every_locale_and_filters(translator_client, portal):
    add_news(portal.en.news_index, "English only")
    sections = report_sections(translator_client)
    assert set(sections) == {"translation-status-en", "translation-status-pl"}
    assert portal.polish_only_news.title in sections["translation-status-en"].get_text()
    assert "English only" in sections["translation-status-pl"].get_text()

    sections = report_sections(translator_client, locale="pl")
    assert set(sections) == {"translation-status-pl"}
    assert portal.polish_only_news.title not in sections["translation-status-pl"].get_text()
    assert set(report_sections(translator_client, locale="xx")) == {"translation-status-en", "translation-status-pl"}


def test_report_is_in_the_reports_menu(translator_client):
    sidebar_entry = f'"url": "{reverse("translation_status_report")}"'  # the sidebar's JSON, not the panel's link
    assert sidebar_entry in translator_client.get(ADMIN_HOME).content.decode()
