"""Shared pytest fixtures: a minimal bilingual portal built in the test database.

Tests run with --no-migrations, so nothing creates the Root page, the HomePage or the Site for us:
`make_portal` builds Root > HomePage (pl) + its English translation, one cluster with its news index,
news items and contact page, a portal contact page, the SiteText snippets and the PortalSettings.
"""

import datetime
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.conf import settings
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from wagtail.contrib.forms.utils import get_form_types
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from clusters.models import ClusterObjective, ClusterPage, Sector
from contact.models import ContactFormField, ContactPage
from home.models import HomePage, PortalSettings, SiteText
from home.search_setup import create_sqlite_fts_table, enable_fuzzy_search
from news.models import NewsHubPage, NewsIndexPage, NewsPage

FIRST_NEWS_DATE = datetime.date(2025, 3, 14)


def make_image(title, size=(800, 450), colour="#4a7a96"):
    """A small PNG stored through the default storage (in memory in the test settings)."""
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """The page's translation in `locale` with the given fields, published (as a translator would)."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def stream(*blocks):
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


@dataclass
class LanguageTree:
    """The pages of one language."""

    home: HomePage
    cluster: ClusterPage
    news_index: NewsIndexPage
    cluster_contact: ContactPage
    portal_contact: ContactPage
    news: list = field(default_factory=list)  # newest first


@dataclass
class Portal:
    pl_locale: Locale
    en_locale: Locale
    site: Site
    pl: LanguageTree
    en: LanguageTree
    polish_only_news: NewsPage  # the oldest item, never translated
    images: dict = field(default_factory=dict)

    def add_news(self, count):
        """Add `count` older news items, each live in Polish and English."""
        start = len(self.pl.news)
        with _no_index_updates():
            for number in range(start, start + count):
                _add_news_item(self, number)


def _news_date(number):
    return FIRST_NEWS_DATE - datetime.timedelta(days=number)


def _add_news_item(portal, number, translated=True):
    """A live news item in Polish and, if `translated`, its English translation (same translation_key).

    Created live in one save, without revisions: cheaper than copy_for_translation + publish, which the
    structural pages go through, and the same rows for the reader-facing side.
    """
    image = make_image(f"news-{number}", size=(480, 270))
    item = NewsPage(
        title=f"Aktualność {number}",
        slug=f"aktualnosc-{number}",
        locale=portal.pl_locale,
        date=_news_date(number),
        summary=f"Streszczenie aktualności {number}.",
        listing_image=image,
        body=stream(("paragraph", f"<p>Treść aktualności {number}.</p>")),
        live=True,
    )
    item.tags.add("energia", "innowacje")
    portal.pl.news_index.add_child(instance=item)
    portal.pl.news.append(item)
    if translated:
        translation = NewsPage(
            title=f"News item {number}",
            slug=f"news-item-{number}",
            locale=portal.en_locale,
            translation_key=item.translation_key,
            date=item.date,
            summary=f"Summary of news item {number}.",
            listing_image=image,
            body=stream(("paragraph", f"<p>Text of news item {number}.</p>")),
            live=True,
        )
        translation.tags.add("energy", "innovation")
        portal.en.news_index.add_child(instance=translation)
        portal.en.news.append(translation)
    return item


@contextmanager
def _no_index_updates():
    """Skip the search and reference index updates (inline tasks in the tests) while building."""
    search = {name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    with disable_reference_index_auto_update(), override_settings(WAGTAILSEARCH_BACKENDS=search):
        yield


def build_portal(news_count=3):
    """Build the bilingual tree; `news_count` Polish news items, all but the oldest also in English."""
    with _no_index_updates():
        return _build_portal(news_count)


def _build_portal(news_count):
    if news_count < 1:
        raise ValueError("news_count must be at least 1: the oldest item is the Polish-only one.")
    cache.clear()  # Site root paths are cached; a fresh tree must not see another test's.
    pl, _ = Locale.objects.get_or_create(language_code="pl")
    en, _ = Locale.objects.get_or_create(language_code="en")

    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=pl)
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    images = {
        "logo": make_image("logo", size=(300, 120), colour="#ffffff"),
        "hero": make_image("hero", size=(800, 300)),
        "body": make_image("body", size=(800, 500)),
    }

    home = root.add_child(
        instance=HomePage(
            title="Portal klastrów",
            slug="home",
            locale=pl,
            introduction="<p>Regionalne klastry biznesowe w jednym miejscu.</p>",
        )
    )
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    PortalSettings.objects.create(
        site=site,
        contact_email="portal@example.org",
        linkedin_url="https://www.linkedin.com/company/example",
    )
    site_text = SiteText.objects.create(
        locale=pl,
        organisation_name="Związek Klastrów Regionu",
        tagline="Razem dla innowacji",
        footer_text="<p>Stopka po polsku.</p>",
    )
    site_text_en = site_text.copy_for_translation(en)
    site_text_en.organisation_name = "Regional Cluster Association"
    site_text_en.tagline = "Innovating together"
    site_text_en.footer_text = "<p>Footer in English.</p>"
    site_text_en.save()

    sector = Sector.objects.create(name="Energetyka", locale=pl)
    sector_en = sector.copy_for_translation(en)
    sector_en.name = "Energy"
    sector_en.save()

    cluster = ClusterPage(
        title="Klaster Zielonej Energii",
        slug="klaster-zielonej-energii",
        short_name="KZE",
        sector=sector,
        tagline="Czysta energia dla regionu.",
        logo=images["logo"],
        hero_image=images["hero"],
        accent_colour="#2e7d32",
        vision="<p>Wizja klastra.</p>",
        mission="<p>Misja klastra.</p>",
        main_objective="<p>Główny cel klastra.</p>",
        address="ul. Przykładowa 1\n00-001 Warszawa",
        email="biuro@kze.example.org",
        phone="+48 22 123 45 67",
    )
    cluster.objectives = [ClusterObjective(text="Pierwszy cel"), ClusterObjective(text="Drugi cel")]
    home.add_child(instance=cluster)

    news_index = cluster.add_child(
        instance=NewsIndexPage(title="Aktualności", slug="aktualnosci", intro="Wiadomości klastra.")
    )
    cluster_contact = _contact_page(cluster, "Kontakt z klastrem", "kontakt")
    portal_contact = _contact_page(home, "Kontakt", "kontakt")

    cluster.body = stream(
        ("heading", {"heading_text": "Kim jesteśmy", "level": "h2"}),
        ("paragraph", "<p>Akapit o klastrze.</p>"),
        (
            "image",
            {
                "image": {"image": images["body"].pk, "alt_text": "Turbiny wiatrowe", "decorative": False},
                "caption": "Farma wiatrowa",
                "attribution": "Jan Kowalski",
            },
        ),
        ("quote", {"text": "Energia łączy.", "attribute_name": "Prezes"}),
        (
            "call_to_action",
            {
                "heading": "Dołącz do nas",
                "text": "Napisz do klastra.",
                "page": cluster_contact.pk,
                "button_label": "Napisz",
            },
        ),
    )
    cluster.save()
    for page in (home, cluster, news_index):
        publish(page)

    home_en = translate(
        home, en, title="Cluster portal", introduction="<p>Regional business clusters in one place.</p>"
    )
    cluster_en = translate(
        cluster,
        en,
        title="Green Energy Cluster",
        slug="green-energy-cluster",
        short_name="GEC",
        sector=sector_en,
        tagline="Clean energy for the region.",
        vision="<p>The cluster's vision.</p>",
        mission="<p>The cluster's mission.</p>",
        main_objective="<p>The cluster's main objective.</p>",
    )
    for objective, text in zip(cluster_en.objectives.all(), ["First objective", "Second objective"], strict=True):
        objective.text = text
        objective.save()
    news_index_en = translate(news_index, en, title="News", slug="news", intro="The cluster's news.")
    cluster_contact_en = _translate_contact(cluster_contact, en, "Contact the cluster", "contact")
    portal_contact_en = _translate_contact(portal_contact, en, "Contact", "contact")

    portal = Portal(
        pl_locale=pl,
        en_locale=en,
        site=site,
        pl=LanguageTree(home, cluster, news_index, cluster_contact, portal_contact),
        en=LanguageTree(home_en, cluster_en, news_index_en, cluster_contact_en, portal_contact_en),
        polish_only_news=None,
        images=images,
    )
    for number in range(news_count - 1):
        _add_news_item(portal, number)
    portal.polish_only_news = _add_news_item(portal, news_count - 1, translated=False)
    return portal


FORM_FIELDS = [
    {"label": "Imię i nazwisko", "clean_name": "name", "field_type": "singleline", "required": True},
    {
        "label": "E-mail",
        "clean_name": "email",
        "field_type": "email",
        "required": True,
        "help_text": "Odpowiemy na ten adres.",
    },
    {
        "label": "Temat",
        "clean_name": "topic",
        "field_type": "radio",
        "required": False,
        "choices": "Członkostwo\nWspółpraca",
    },
    {"label": "Wiadomość", "clean_name": "message", "field_type": "multiline", "required": True},
]
FORM_LABELS_EN = ["Full name", "E-mail", "Topic", "Message"]


def _contact_page(parent, title, slug):
    page = ContactPage(
        title=title,
        slug=slug,
        intro="<p>Napisz do nas.</p>",
        thank_you_text="<p>Dziękujemy za wiadomość.</p>",
        to_address="biuro@example.org",
        from_address="portal@example.org",
        subject="Wiadomość z portalu",
    )
    page.form_fields = [ContactFormField(sort_order=order, **spec) for order, spec in enumerate(FORM_FIELDS)]
    parent.add_child(instance=page)
    return publish(page)


def _translate_contact(page, locale, title, slug):
    translation = translate(
        page,
        locale,
        title=title,
        slug=slug,
        intro="<p>Write to us.</p>",
        thank_you_text="<p>Thank you for your message.</p>",
    )
    for form_field, label in zip(translation.form_fields.order_by("sort_order"), FORM_LABELS_EN, strict=True):
        form_field.label = label
        if form_field.help_text:
            form_field.help_text = "We will answer to this address."
        form_field.save()
    return translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Add the django_migrations table, which --no-migrations leaves out: wagtail-localize reads it when it
    records a translation source (SQLite forgives the missing table, PostgreSQL aborts the transaction).
    Also what migrations give the search: the FTS5 table on SQLite, the fuzzy-search extensions on PostgreSQL."""
    with django_db_blocker.unblock():
        for alias in connections:
            MigrationRecorder(connections[alias]).ensure_schema()
            create_sqlite_fts_table(connections[alias])
            enable_fuzzy_search(connections[alias])


@pytest.fixture(autouse=True)
def _forget_form_content_types():
    """Wagtail memoises the form pages' content types (an lru_cache); a transactional test's flush recreates
    the content types with new ids, after which the forms inbox would refuse every form page."""
    get_form_types.cache_clear()


@pytest.fixture
def make_portal(db):
    """Factory: `make_portal(news_count=N)` builds the bilingual tree with N Polish news items
    (the oldest one is not translated, so English has N - 1)."""
    return build_portal


@pytest.fixture
def portal(make_portal):
    """The bilingual tree with three news items."""
    return make_portal(news_count=3)


def add_news_hub(portal):
    """The portal news page under each home page, /pl/aktualnosci/ and /en/news/ (Polish, English)."""
    with _no_index_updates():
        hub = portal.pl.home.add_child(
            instance=NewsHubPage(
                title="Aktualności klastrów", slug="aktualnosci", intro="Wiadomości ze wszystkich klastrów."
            )
        )
        publish(hub)
        hub_en = translate(hub, portal.en_locale, title="Cluster news", slug="news", intro="News from every cluster.")
    return hub, hub_en


@pytest.fixture
def news_hub(portal):
    """The portal's news pages, (Polish, English), added to the `portal` tree."""
    return add_news_hub(portal)


@pytest.fixture
def fetch(client):
    """`fetch(url, status=200)`: GET the URL, check the status and return the parsed HTML."""

    def get(url, status=200, **extra):
        response = client.get(url, **extra)
        assert response.status_code == status, f"{url}: {response.status_code}"
        return BeautifulSoup(response.content, "html.parser")

    return get
