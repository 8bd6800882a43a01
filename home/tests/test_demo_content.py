"""The demo-content command: what it builds, that its translations are real wagtail-localize work,
and that running it again changes nothing.

The demo is built once per module inside a transaction that is rolled back at the end; every test runs
in a savepoint within it. The test database is built without migrations, so the command also has to create
the root page, the site and the home page itself.
"""

import re
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from clusters.models import ClusterObjective, ClusterPage, Sector
from contact.models import ContactFormField, ContactPage, PrivacyNoticePage
from home import demo_content
from home.management.commands.load_demo_content import translate
from home.models import HomePage, PortalSettings, SiteText
from news.models import NewsHubPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

COUNTED_MODELS = [
    Page,
    get_image_model(),
    StringTranslation,
    Translation,
    TranslationSource,
    Revision,
    ClusterObjective,
    ContactFormField,
    Sector,
    SiteText,
    get_user_model(),
]


def run_command(*args):
    """Run the command and the publishing it defers to the end of its transaction."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def row_counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_command()
        transaction.set_rollback(True)


@pytest.fixture
def pl():
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


def cluster_page(bundle, language):
    """The cluster page of a demo bundle in one language."""
    title = bundle["page"]["title"][language]
    return ClusterPage.objects.get(locale__language_code=language, title=title)


def newest_news(bundle):
    """The demo news item left untranslated on purpose."""
    return min(bundle["news"], key=lambda item: item["days_ago"])


def test_pages_per_language_and_type(demo_output, pl, en):
    expected = {
        HomePage: 1,
        ClusterPage: 2,
        NewsHubPage: 1,
        NewsIndexPage: 2,
        NewsPage: 7,
        ContactPage: 3,
        PrivacyNoticePage: 1,
    }
    for locale in (pl, en):
        counts = {model: model.objects.filter(locale=locale).count() for model in expected}
        assert counts == expected, locale


def test_every_page_is_translated_but_the_newest_news_of_each_cluster(demo_output, pl, en):
    untranslated = [
        page
        for page in Page.objects.filter(depth__gt=1).specific()
        if not page.has_translation(en if page.locale == pl else pl)
    ]
    assert sorted(page.title for page in untranslated) == sorted(
        newest_news(bundle)["page"]["title"][bundle["source"]] for bundle in demo_content.CLUSTERS
    )
    for page in untranslated:
        siblings = NewsPage.objects.sibling_of(page).filter(locale=page.locale)
        assert page.date == max(sibling.date for sibling in siblings)


def test_pages_are_live_and_sit_in_the_right_trees(demo_output, pl, en):
    assert not Page.objects.filter(depth__gt=1, live=False).exists()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale == pl
    assert site.root_page.get_translation(en).get_parent().is_root()
    assert cluster_page(demo_content.MULTIMEDIA, "en").get_parent().locale == en
    assert cluster_page(demo_content.EKOPARK, "pl").get_parent() == site.root_page


def test_tree_is_consistent_and_every_live_page_is_served(demo_output, client):
    """Publishing a translation late, from a stale copy, would zero a parent's numchild and hide its
    children from the site (wagtail-localize #773)."""
    assert Page.find_problems() == ([], [], [], [], [])
    cache.clear()
    pages = Page.objects.live().filter(depth__gt=1)
    statuses = {page.url: client.get(page.url).status_code for page in pages}
    assert len(statuses) == 34
    assert set(statuses.values()) == {200}, statuses
    assert not Redirect.objects.exists()  # translations never leave redirects from source-language slugs


def test_a_translator_sees_the_two_untranslated_news_items_waiting(demo_output):
    from translations.status import MISSING, translation_status

    superuser = get_user_model().objects.create_superuser("demo-check", "check@example.org", "x")
    waiting = {
        status.locale.language_code: [(item.status, item.title) for item in status.items]
        for status in translation_status(superuser)
    }
    assert waiting == {
        bundle_target(bundle): [(MISSING, newest_news(bundle)["page"]["title"][bundle["source"]])]
        for bundle in demo_content.CLUSTERS
    }


def bundle_target(bundle):
    return "pl" if bundle["source"] == "en" else "en"


def test_every_translation_is_complete(demo_output):
    translations = Translation.objects.all()
    # 16 pages (home, 2 clusters, portal news, 2 news indexes, 6 news, 3 contact pages, privacy notice) and
    # 3 snippets.
    assert translations.count() == 19
    for translation in translations:
        total, translated = translation.get_progress()
        assert total > 0
        assert translated == total, translation.source


def test_translated_texts_are_in_the_target_language(demo_output):
    objectives = [objective.text for objective in cluster_page(demo_content.MULTIMEDIA, "pl").objectives.all()]
    assert objectives == [objective["text"]["pl"] for objective in demo_content.MULTIMEDIA["page"]["objectives"]]
    ekopark_en = cluster_page(demo_content.EKOPARK, "en")
    assert [objective.text for objective in ekopark_en.objectives.all()] == [
        objective["text"]["en"] for objective in demo_content.EKOPARK["page"]["objectives"]
    ]
    assert "more innovative" in str(ekopark_en.body)
    assert "innowacyjne" not in str(ekopark_en.body)
    assert ekopark_en.sector.name == "Environmental technologies"
    assert SiteText.objects.get(locale__language_code="en").organisation_name == "Silesian Clusters"


def test_contact_forms_are_translated_but_keep_their_field_names(demo_output):
    for contact_pl in ContactPage.objects.filter(locale__language_code="pl"):
        contact_en = contact_pl.get_translation(Locale.objects.get(language_code="en"))
        fields_pl, fields_en = list(contact_pl.form_fields.all()), list(contact_en.form_fields.all())
        assert [field.clean_name for field in fields_en] == [field.clean_name for field in fields_pl]
        assert [field.clean_name for field in fields_en] == ["name", "email", "topic", "message"]
        assert [field.label for field in fields_en] == ["Your name", "E-mail address", "Topic", "Message"]
        assert fields_en[2].choices.endswith("\nOther")
        assert contact_en.to_address == contact_pl.to_address


def test_call_to_action_leads_to_the_clusters_contact_page(demo_output):
    ekopark = cluster_page(demo_content.EKOPARK, "pl")
    [block] = [block for block in ekopark.body if block.block_type == "call_to_action"]
    assert block.value["page"].specific == ContactPage.objects.child_of(ekopark).get()
    assert block.value["button_label"] == "Skontaktuj się z nami"


def test_slugs_are_readable_ascii(demo_output):
    slugs = Page.objects.filter(depth__gt=1).values_list("slug", flat=True)
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)
    assert cluster_page(demo_content.MULTIMEDIA, "pl").slug == "slaski-klaster-multimedialny"


def test_images_and_portal_settings(demo_output):
    multimedia = cluster_page(demo_content.MULTIMEDIA, "en")
    assert multimedia.logo.title == demo_content.MULTIMEDIA["logo"]["title"]
    assert multimedia.hero_image.width == 1600
    assert not NewsPage.objects.filter(listing_image__isnull=True).exists()
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert portal_settings.contact_email == "kontakt@klastry.example.pl"
    assert len(portal_settings.social_links) >= 2


def test_no_accounts_without_debug(demo_output):
    assert not get_user_model().objects.exists()
    assert "no demo accounts" in demo_output


def test_second_run_creates_nothing(demo_output):
    before = row_counts()
    run_command()
    assert row_counts() == before


def test_only_if_empty_leaves_a_filled_portal_alone(demo_output):
    before = row_counts()
    output = run_command("--only-if-empty", "--with-demo-accounts")
    assert "already there" in output
    assert row_counts() == before


def test_demo_account_with_the_flag(demo_output):
    output = run_command("--with-demo-accounts")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.email == "admin@example.com"
    assert admin.check_password("changeme")
    assert "--with-demo-accounts was given" in output


def test_demo_account_in_debug(demo_output, settings):
    settings.DEBUG = True
    run_command()
    run_command()
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


def test_a_segment_without_translation_fails_loudly(demo_output, pl):
    item = newest_news(demo_content.MULTIMEDIA)
    page = NewsPage.objects.get(title=item["page"]["title"]["en"])
    with pytest.raises(CommandError, match="No pl text for 'title'"):
        translate(page, item["page"], pl)


def test_every_contact_form_links_to_the_privacy_notice_in_its_language(demo_output, client):
    cache.clear()
    for contact_page in ContactPage.objects.live():
        notice = PrivacyNoticePage.objects.get(locale=contact_page.locale)
        html = client.get(contact_page.url).content.decode()
        assert f'href="{notice.url}"' in html, contact_page.url
    assert PrivacyNoticePage.objects.get(locale__language_code="en").title == "Privacy notice"
