"""Translation as translators do it, through wagtail-localize's admin views, in both directions:
submit the source, translate the strings (in the editor or with a PO file), publish, read the public page.
"""

from urllib.parse import urlencode

import polib
import pytest

from django.test import TestCase
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from news.models import NewsPage

POLISH_TO_ENGLISH = {
    "Aktualność 2": "News item 2",
    "aktualnosc-2": "news-item-2",
    "Streszczenie aktualności 2.": "Summary of news item 2.",
    "Treść aktualności 2.": "Text of news item 2.",
}
ENGLISH_TO_POLISH = {
    "Partners wanted": "Szukamy partnerów",
    "partners-wanted": "Łódź – członkostwo",
    "We are looking for partners.": "Szukamy partnerów.",
    "Write to the cluster office.": "Napisz do biura klastra.",
}


@pytest.fixture
def translator_client(client, admin_user):
    client.force_login(admin_user)
    return client


def submit_for_translation(client, page, locale):
    """ "Translate this page"; anything wagtail-localize defers to the commit runs too."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
        )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def source_strings(translation):
    return {
        segment.string.data: segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string")
    }


def translate_in_editor(client, translation, texts):
    """Type each string's translation, as the editor's autosave does (one PUT per string)."""
    for text, segment in source_strings(translation).items():
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, urlencode({"value": texts[text]}), content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201), response.content


def publish_in_editor(client, translation):
    """ "Publish in <language>"; wagtail-localize publishes once the request's transaction commits."""
    page = translation.get_target_instance()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302
    return Page.objects.get(pk=page.pk).specific


def test_polish_page_translated_into_english_in_the_editor(portal, translator_client, fetch):
    source = portal.polish_only_news
    translation = submit_for_translation(translator_client, source, portal.en_locale)

    draft = translation.get_target_instance()
    assert not draft.live  # submitting never publishes source-language text in English
    fetch(draft.url, status=404)

    translate_in_editor(translator_client, translation, POLISH_TO_ENGLISH)
    assert translation.get_progress() == (4, 4)
    english = publish_in_editor(translator_client, translation)

    assert english.live
    assert english.url == "/en/green-energy-cluster/news/news-item-2/"
    soup = fetch(english.url)
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "News item 2"
    assert "Text of news item 2." in soup.main.get_text()
    assert "Treść" not in soup.main.get_text()
    switcher = {link["hreflang"]: link["href"] for link in soup.find("nav", class_="language-switcher")("a")}
    assert switcher == {"pl": source.url, "en": english.url}
    assert not Redirect.objects.exists()  # the draft's source-language slug was never public


def test_english_page_translated_into_polish_with_a_po_file(portal, translator_client, fetch):
    source = NewsPage(
        title="Partners wanted",
        slug="partners-wanted",
        date=portal.en.news[0].date,
        summary="We are looking for partners.",
        body=[("paragraph", "<p>Write to the cluster office.</p>")],
    )
    portal.en.news_index.add_child(instance=source)
    source.save_revision().publish()
    translation = submit_for_translation(translator_client, source, portal.pl_locale)

    download = translator_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert {entry.msgid for entry in po} == set(ENGLISH_TO_POLISH)
    for entry in po:
        entry.msgstr = ENGLISH_TO_POLISH[entry.msgid]
    upload = translator_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": _po_upload(po)},
    )
    assert upload.status_code == 302
    assert translation.get_progress() == (4, 4)
    polish = publish_in_editor(translator_client, translation)

    # The translator typed Polish letters in the slug: transliterated, not dropped ("odz-czonkostwo").
    assert polish.slug == "lodz-czlonkostwo"
    soup = fetch(polish.url)
    assert soup.html["lang"] == "pl"
    assert soup.h1.get_text(strip=True) == "Szukamy partnerów"
    assert "Napisz do biura klastra." in soup.main.get_text()


def test_a_po_file_for_another_translation_is_refused(portal, translator_client):
    first = submit_for_translation(translator_client, portal.polish_only_news, portal.en_locale)
    other_source = portal.pl.news[0]
    Translation.objects.filter(source__object_id=other_source.translation_key).delete()
    other = Translation.objects.create(
        source=TranslationSource.get_or_create_from_instance(other_source)[0], target_locale=portal.en_locale
    )
    po = polib.pofile(
        translator_client.get(reverse("wagtail_localize:download_pofile", args=[first.pk])).content.decode()
    )
    for entry in po:
        entry.msgstr = "x"

    translator_client.post(reverse("wagtail_localize:upload_pofile", args=[other.pk]), {"file": _po_upload(po)})

    assert other.get_progress()[1] == 0


def test_source_edit_shows_the_changed_string_and_publishing_brings_it_up_to_date(portal, translator_client, fetch):
    source = portal.polish_only_news
    translation = submit_for_translation(translator_client, source, portal.en_locale)
    translate_in_editor(translator_client, translation, POLISH_TO_ENGLISH)
    english = publish_in_editor(translator_client, translation)

    source.summary = "Nowe streszczenie."
    source.save_revision().publish()
    response = translator_client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]), {}
    )
    assert response.status_code == 302

    translation.refresh_from_db()
    assert translation.get_progress() == (4, 3)  # one new string waits for the translator
    assert "Summary of news item 2." in fetch(english.url).main.get_text()  # not published yet

    translate_in_editor(translator_client, translation, {**POLISH_TO_ENGLISH, "Nowe streszczenie.": "New summary."})
    publish_in_editor(translator_client, translation)
    english.refresh_from_db()
    assert english.summary == "New summary."


def _po_upload(po):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("translation.po", str(po).encode(), content_type="text/x-gettext-translation")


def test_a_contact_form_is_translated_but_its_keys_and_addresses_are_not(portal, translator_client):
    page = portal.pl.portal_contact
    page.get_translations().delete()  # translate it afresh, through wagtail-localize
    translation = submit_for_translation(translator_client, page, portal.en_locale)

    paths = set(StringSegment.objects.filter(source=translation.source).values_list("context__path", flat=True))
    assert {"title", "intro", "thank_you_text", "subject"} <= paths
    assert any(path.startswith("form_fields.") and path.endswith(".label") for path in paths)
    assert any(path.endswith(".choices") for path in paths)
    assert not [
        path for path in paths if path.split(".")[-1] in {"clean_name", "field_type", "to_address", "from_address"}
    ]
    draft = translation.get_target_instance()
    assert [field.clean_name for field in draft.form_fields.all()] == ["name", "email", "topic", "message"]


def test_translating_a_subtree_keeps_every_child_reachable(portal, translator_client):
    """wagtail-localize #773: a parent translated with its subtree was left with numchild=0."""
    cluster = portal.pl.cluster.copy(
        recursive=True, update_attrs={"slug": "drugi-klaster", "title": "Drugi klaster"}, keep_live=True
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = translator_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[cluster.pk]),
            {"locales": [portal.en_locale.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302

    assert Page.find_problems() == ([], [], [], [], [])
    english = cluster.get_translation(portal.en_locale)
    assert english.get_children().count() == cluster.get_children().count() == 2
    assert english.get_descendants().count() == cluster.get_descendants().count() == 2 + len(portal.pl.news)
