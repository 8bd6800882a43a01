"""translation_status(): exactly the missing, in-progress and out-of-date items, per locale and per user."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from clusters.models import Sector
from news.models import NewsPage
from translations.status import IN_PROGRESS, MISSING, OUTDATED, READY, translation_status

from .conftest import add_news, make_user, synced_translation

pytestmark = pytest.mark.django_db


def summary(user, locale=None):
    """{language code: [(status, title, source language, percent)]}."""
    return {
        status.locale.language_code: [
            (item.status, item.title, item.source_locale.language_code, item.percent) for item in status.items
        ]
        for status in translation_status(user, locale)
    }


def translate_strings(translation, count=None):
    """Translate the first `count` strings of a translation (all when None), as the editor's API does."""
    segments = StringSegment.objects.filter(source=translation.source).order_by("order")
    for segment in segments[:count] if count is not None else segments:
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
            defaults={"data": f"EN {segment.string.data}"},
        )


def test_only_the_untranslated_live_page(portal, superuser):
    assert summary(superuser) == {"en": [(MISSING, "Aktualność 2", "pl", 0)], "pl": []}
    [item] = translation_status(superuser)[0].items
    assert item.kind == NewsPage._meta.verbose_name
    assert item.url == (
        reverse("wagtail_localize:submit_page_translation", args=[portal.polish_only_news.pk]) + "?select_locale=en"
    )


def test_missing_either_way_drafts_excluded_and_aliases_are_not_translations(portal, superuser):
    add_news(portal.en.news_index, "English only")
    add_news(portal.pl.news_index, "Szkic", live=False)
    portal.en.news[0].delete()  # its Polish source gets only an alias in English
    portal.pl.news[0].create_alias(
        parent=portal.en.news_index, update_locale=portal.en_locale, update_slug="alias", reset_translation_key=False
    )

    assert summary(superuser) == {
        "en": [(MISSING, "Aktualność 0", "pl", 0), (MISSING, "Aktualność 2", "pl", 0)],
        "pl": [(MISSING, "English only", "en", 0)],
    }


def test_in_progress_with_the_percentage_then_done(portal, superuser, news_translation):
    target = news_translation.get_target_instance()
    [item] = translation_status(superuser, portal.en_locale)[0].items
    assert (item.status, item.percent, item.target_locale) == (IN_PROGRESS, 0, portal.en_locale)
    assert item.url == reverse("wagtailadmin_pages:edit", args=[target.pk])

    translate_strings(news_translation, count=1)
    total, done = news_translation.get_progress()
    assert total > 1
    assert summary(superuser, portal.en_locale) == {"en": [(IN_PROGRESS, "Aktualność 2", "pl", 100 * done // total)]}

    translate_strings(news_translation)
    assert summary(superuser) == {"en": [(READY, "Aktualność 2", "pl", 100)], "pl": []}
    [item] = translation_status(superuser)[0].items
    assert item.is_action_a_post
    assert item.url == reverse("translations_submit_for_approval", args=[news_translation.pk])

    with TestCase.captureOnCommitCallbacks(execute=True):
        news_translation.save_target(publish=True)
    assert summary(superuser) == {"en": [], "pl": []}


def test_ready_until_in_moderation(portal, superuser, news_translation, moderation):
    translate_strings(news_translation)
    news_translation.save_target(publish=False)
    target = news_translation.get_target_instance()
    assert [item.status for item in translation_status(superuser)[0].items] == [READY]

    moderation.start(target, superuser)
    assert summary(superuser) == {"en": [], "pl": []}


def test_a_published_translation_is_ready_again_after_a_string_changes(portal, superuser, news_translation):
    translate_strings(news_translation)
    with TestCase.captureOnCommitCallbacks(execute=True):
        news_translation.save_target(publish=True)
    assert summary(superuser) == {"en": [], "pl": []}

    StringTranslation.objects.filter(locale=portal.en_locale).update(
        data="EN corrected", updated_at=timezone.now() + timedelta(minutes=1)
    )
    assert summary(superuser) == {"en": [(READY, "Aktualność 2", "pl", 100)], "pl": []}


def test_out_of_date_after_the_source_is_published_until_synced(portal, superuser, news_translation):
    translate_strings(news_translation)
    source = news_translation.source
    TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=timezone.now() - timedelta(hours=1))
    page = portal.polish_only_news
    page.save_revision().publish()  # a draft alone would not count: sync reads the published version

    [item] = translation_status(superuser)[0].items
    assert (item.status, item.percent) == (OUTDATED, 100)
    assert item.url == reverse("wagtail_localize:update_translations", args=[source.pk])

    source.refresh_from_db()
    source.update_from_db()
    assert summary(superuser) == {"en": [(READY, "Aktualność 2", "pl", 100)], "pl": []}


def test_snippets_missing_in_progress_and_changed(portal, superuser, sector_translation):
    Sector.objects.create(name="Turystyka", locale=portal.pl_locale)
    assert summary(superuser)["en"] == [
        (IN_PROGRESS, "Logistyka", "pl", 0),
        (MISSING, "Aktualność 2", "pl", 0),
        (MISSING, "Turystyka", "pl", 0),
    ]
    translate_strings(sector_translation)
    assert summary(superuser)["en"] == [(MISSING, "Aktualność 2", "pl", 0), (MISSING, "Turystyka", "pl", 0)]

    Sector.objects.filter(name="Logistyka").update(name="Logistyka i transport")
    item = translation_status(superuser, portal.en_locale)[0].items[0]
    assert (item.status, item.title, item.kind) == (OUTDATED, "Logistyka i transport", Sector._meta.verbose_name)


def test_per_locale(portal, superuser):
    add_news(portal.en.news_index, "English only")
    assert summary(superuser, portal.pl_locale) == {"pl": [(MISSING, "English only", "en", 0)]}
    assert summary(superuser, portal.en_locale) == {"en": [(MISSING, "Aktualność 2", "pl", 0)]}


def test_only_what_the_user_may_edit(portal, translator, news_translation):
    """An officer of the cluster sees its pages; the contact page's officer and snippet-less users do not."""
    Sector.objects.create(name="Turystyka", locale=portal.pl_locale)
    cluster_officer = make_user("klaster", "wagtailadmin.access_admin", pages=[portal.pl.cluster, portal.en.cluster])
    contact_officer = make_user("kontakt", "wagtailadmin.access_admin", pages=[portal.pl.portal_contact])
    english_officer = make_user("english", "wagtailadmin.access_admin", pages=[portal.en.cluster])

    assert summary(cluster_officer) == {"en": [(IN_PROGRESS, "Aktualność 2", "pl", 0)], "pl": []}
    assert summary(contact_officer) == {"en": [], "pl": []}
    # Translating is open to the target's editor; a sync or a new submission needs the source's.
    assert summary(english_officer) == {"en": [(IN_PROGRESS, "Aktualność 2", "pl", 0)], "pl": []}
    assert summary(translator)["en"] == [(IN_PROGRESS, "Aktualność 2", "pl", 0), (MISSING, "Turystyka", "pl", 0)]


def count_queries(user_pk):
    user = get_user_model().objects.get(pk=user_pk)  # cold permission caches each time
    with CaptureQueriesContext(connection) as context:
        statuses = translation_status(user)
    return len(context), sum(len(status.items) for status in statuses)


def test_a_fixed_number_of_queries_however_many_items(portal, translator):
    """3 items or 10, for a translator (page permissions, snippets, progress): the same queries."""
    synced_translation(Sector.objects.create(name="Sektor 0", locale=portal.pl_locale), portal.en_locale)
    synced_translation(portal.polish_only_news, portal.en_locale)
    add_news(portal.pl.news_index, "Nowa 0")
    few = count_queries(translator.pk)

    for number in range(1, 4):
        synced_translation(Sector.objects.create(name=f"Sektor {number}", locale=portal.pl_locale), portal.en_locale)
        news = add_news(portal.pl.news_index, f"Nowa {number}")
        if number > 1:
            synced_translation(news, portal.en_locale)
    add_news(portal.en.news_index, "Only English")
    many = count_queries(translator.pk)

    assert (few[1], many[1]) == (3, 10)
    assert few[0] == many[0]
    assert many[0] <= 12
    assert Page.objects.count() > 20
