"""Fill an empty portal with bilingual demo content: the home page, two clusters with news and contact
forms, the portal's snippets and settings, and (on development machines) an admin account.

Idempotent: what exists is found again (pages by slug, snippets by name, images by title) and left alone,
so a second run creates nothing. Translations go through wagtail-localize's own models, so translators
later see them as finished work they can sync and edit.
"""

from datetime import timedelta

from anyascii import anyascii

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

from clusters.models import ClusterObjective, ClusterPage, Sector
from contact.models import ContactFormField, ContactPage, PrivacyNoticePage
from home import demo_content as content
from home.demo_images import ensure_image
from home.models import HomePage, PortalSettings, SiteText
from news.models import NewsHubPage, NewsIndexPage, NewsPage

LANGUAGES = ("pl", "en")
# Content keys that hold a page's child objects, and the model of each child.
CHILD_MODELS = {"objectives": ClusterObjective, "form_fields": ContactFormField}
DEMO_USERNAME = "admin"
DEMO_PASSWORD = "changeme"  # noqa: S105 - a documented demo account, created only on request outside DEBUG


class Command(BaseCommand):
    help = "Load the bilingual demo content (two clusters, news, contact forms); running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-accounts",
            action="store_true",
            help=f"Create the superuser {DEMO_USERNAME}/{DEMO_PASSWORD} even though DEBUG is off.",
        )
        parser.add_argument(
            "--only-if-empty",
            action="store_true",
            help="Do nothing if any cluster page exists (for loading the demo on the first run only).",
        )

    def handle(self, *args, with_demo_accounts, only_if_empty, **options):
        if only_if_empty and ClusterPage.objects.exists():
            self.stdout.write("Demo content is already there; nothing to do.")
            return
        with transaction.atomic():
            load_content()
            self.create_demo_accounts(with_demo_accounts)
        for locale in Locale.objects.order_by("language_code"):
            count = Page.objects.filter(locale=locale, depth__gt=1).count()
            self.stdout.write(f"Pages in {locale.language_code}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def create_demo_accounts(self, with_demo_accounts):
        """A known password is fine on a developer's machine, never silently on a real site.

        One account per role, each in its role's group; the roles are put back to their definitions first,
        after load_content, so they cover the pages created there. Existing accounts are left as they are.
        """
        if not settings.DEBUG and not with_demo_accounts:
            self.stdout.write("DEBUG is off: no demo accounts created (use --with-demo-accounts to force).")
            return
        from editorial.roles import ensure_editorial_roles
        from editorial.teams import team_for
        from translations.roles import ensure_translators_group

        moderators, _workflow = ensure_editorial_roles()
        accounts = [  # username, role, group (None for the superuser)
            (DEMO_USERNAME, "superuser", None),
            ("translator", "translator", ensure_translators_group()),
            ("moderator", "moderator", moderators),
        ]
        for username, bundle in (("officer-multimedia", content.MULTIMEDIA), ("officer-environment", content.EKOPARK)):
            language = bundle["source"]
            slug = with_slug(bundle["page"])["slug"][language]
            cluster = ClusterPage.objects.filter(slug=slug, locale__language_code=language).first()
            if cluster is None:
                self.stdout.write(f"No cluster {slug!r}: the account {username} is not created.")
            else:
                accounts.append((username, f"communication officer of {cluster.title}", team_for(cluster).group))
        if not settings.DEBUG:
            names = ", ".join(f"{username} ({role})" for username, role, _group in accounts)
            self.stdout.write(
                self.style.WARNING(
                    f"DEBUG is off but --with-demo-accounts was given: the accounts {names} have the password "
                    f"{DEMO_PASSWORD!r}. Change it or delete the accounts."
                )
            )
        user_model = get_user_model()
        for username, role, group in accounts:
            user = user_model.objects.filter(username=username).first()
            if user is None:
                create = user_model.objects.create_user if group else user_model.objects.create_superuser
                user = create(username, f"{username}@example.com", DEMO_PASSWORD)
                self.stdout.write(f"Created the account {username}: {role} (password {DEMO_PASSWORD!r}).")
            if group is not None:
                user.groups.add(group)


def load_content():
    """Build everything in tree order, so each translation finds its parent already translated."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    home = ensure_home_page(locales["pl"])
    fill_home_page(home)
    homes = {"pl": home, "en": translate(home, content.HOME, locales["en"])}

    sectors = {}
    for key, sector_content in content.SECTORS.items():
        sectors[key] = ensure_snippet(Sector, sector_content, locales["pl"], key_fields=["name"])
        translate(sectors[key], sector_content, locales["en"])
    site_text = ensure_snippet(SiteText, content.SITE_TEXT, locales["pl"], key_fields=[])
    translate(site_text, content.SITE_TEXT, locales["en"])
    fill_portal_settings(Site.objects.get(is_default_site=True))

    for cluster in content.CLUSTERS:
        build_cluster(cluster, homes, sectors, locales)
    translate(ensure_page(homes["pl"], NewsHubPage, content.NEWS_HUB, "pl"), content.NEWS_HUB, locales["en"])

    portal_contact = ensure_page(homes["pl"], ContactPage, content.PORTAL_CONTACT, "pl")
    translate(portal_contact, content.PORTAL_CONTACT, locales["en"])
    privacy_notice = ensure_page(homes["pl"], PrivacyNoticePage, content.PRIVACY_NOTICE, "pl")
    translate(privacy_notice, content.PRIVACY_NOTICE, locales["en"])


def ensure_home_page(locale):
    """The Polish HomePage that is the default Site's root.

    Migrations create it; a database built straight from the models (tests) has no root page, no site and
    no home page, so those are created here.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.child_of(root).filter(locale=locale).first()
    if home is None:
        home = root.add_child(instance=HomePage(title=content.HOME["title"]["pl"], slug="home", locale=locale))
        home.save_revision().publish()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def fill_home_page(home):
    """Give the home page its demo title and introduction, but only while it is still blank,
    so an editor's work is never overwritten."""
    if home.introduction:
        return
    home.title = home.draft_title = content.HOME["title"]["pl"]
    home.introduction = content.HOME["introduction"]["pl"]
    home.save_revision().publish()


def fill_portal_settings(site):
    """Set the e-mail and social profiles that are still empty; language-neutral, so no translation."""
    portal_settings = PortalSettings.for_site(site)
    missing = {name: value for name, value in content.PORTAL_SETTINGS.items() if not getattr(portal_settings, name)}
    if missing:
        for name, value in missing.items():
            setattr(portal_settings, name, value)
        portal_settings.save()


def build_cluster(cluster, homes, sectors, locales):
    """One cluster's pages in its source language, then their translations, parents first.

    The newest news item stays untranslated on purpose: it is the translators' waiting work.
    """
    source = cluster["source"]
    target = next(code for code in LANGUAGES if code != source)
    page = ensure_page(
        homes[source],
        ClusterPage,
        cluster["page"],
        source,
        sector=sectors[cluster["sector"]].get_translation(locales[source]),
        logo=ensure_image(**cluster["logo"]),
        hero_image=ensure_image(**cluster["hero_image"]),
    )
    news_index = ensure_page(page, NewsIndexPage, cluster["news_index"], source)
    news = [
        ensure_page(
            news_index,
            NewsPage,
            item["page"],
            source,
            date=timezone.localdate() - timedelta(days=item["days_ago"]),
            listing_image=ensure_image(**item["image"]),
        )
        for item in cluster["news"]
    ]
    contact_page = ensure_page(page, ContactPage, cluster["contact"], source)
    add_call_to_action(page, cluster["call_to_action"], contact_page, source)

    translate(page, {**cluster["page"], "call_to_action": cluster["call_to_action"]}, locales[target])
    translate(news_index, cluster["news_index"], locales[target])
    newest = min(cluster["news"], key=lambda item: item["days_ago"])
    for news_page, item in zip(news, cluster["news"], strict=True):
        if item is not newest:
            translate(news_page, item["page"], locales[target])
    translate(contact_page, cluster["contact"], locales[target])


def ensure_page(parent, model, page_content, language, **fields):
    """The page with this content's slug under the parent; created and published if it is missing."""
    values = localized(with_slug(page_content), language)
    page = model.objects.child_of(parent).filter(slug=values["slug"]).first()
    if page is not None:
        return page
    for name, child_model in CHILD_MODELS.items():
        if name in values:
            values[name] = [child_model(sort_order=i, **child) for i, child in enumerate(values[name])]
    if "body" in values:
        values["body"] = [{"type": block_type, "value": value} for block_type, value in values["body"]]
    tags = values.pop("tags", [])
    page = model(**values, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_call_to_action(page, block_content, linked_page, language):
    """Append the call to action once; it points to the cluster's contact page, which can only be
    created after the cluster page it lives under."""
    if any(block.block_type == "call_to_action" for block in page.body):
        return
    value = {**localized(block_content, language), "page": linked_page.pk}
    page.body = [*page.body.raw_data, {"type": "call_to_action", "value": value}]
    page.save_revision().publish()


def ensure_snippet(model, snippet_content, locale, key_fields):
    """The snippet in this locale whose key fields match the content; created if missing."""
    values = localized(snippet_content, locale.language_code)
    lookup = {name: values[name] for name in key_fields}
    return model.objects.filter(locale=locale, **lookup).first() or model.objects.create(locale=locale, **values)


def translate(instance, instance_content, target_locale):
    """Translate a page or snippet through wagtail-localize, from the content it was built from.

    Every string segment of the source gets a StringTranslation, so the Translation shows 100 % done
    and stays editable in the translation editor. A segment without a text in the target language is
    an error: nothing may silently stay in the source language. Returns the translated instance.
    """
    mapping = translation_mapping(instance_content, instance.locale.language_code, target_locale.language_code)
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=target_locale)
    added = False
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        if text not in mapping:
            raise CommandError(
                f"No {target_locale.language_code} text for {segment.context.path!r} of {instance!r}: {text!r}"
            )
        _, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={"data": mapping[text], "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        added = added or created
    if added or not instance.has_translation(target_locale):
        publish_translation(instance, translation)
    return instance.get_translation(target_locale)


def publish_translation(instance, translation):
    """Save the translated object and publish it now.

    save_target(publish=True) defers a page's publishing to the end of the outer transaction, with the
    page as it was then: a translated parent given children meanwhile is published back to numchild=0 and
    its children vanish from the site (wagtail-localize #773). So pages are saved as a draft and their
    fresh revision published at once.
    """
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return
    translation.save_target(publish=False)
    translation.get_target_instance().get_latest_revision().publish()


def translation_mapping(instance_content, source, target):
    """{source segment: target segment} for every language pair in the content.

    Texts are cut into segments exactly as wagtail-localize cuts the stored fields, so the keys match
    the source's StringSegments. Texts with no target language yet are left out.
    """
    mapping = {}
    for pair in language_pairs(with_slug(instance_content)):
        if target not in pair:
            continue
        source_segments, target_segments = segments(pair[source]), segments(pair[target])
        if len(source_segments) != len(target_segments):
            raise CommandError(f"The {source} and {target} texts have different structures: {pair!r}")
        for source_segment, target_segment in zip(source_segments, target_segments, strict=True):
            if mapping.setdefault(source_segment, target_segment) != target_segment:
                raise CommandError(f"Two different {target} texts for {source_segment!r}")
    return mapping


def segments(text):
    """Rich text (HTML, starting with a tag) gives one segment per block; plain text is one segment,
    escaped, with <br> for line breaks."""
    if text.startswith("<"):
        return [string.data for string, _attrs in extract_strings(text)[1]]
    return [StringValue.from_plaintext(text).data]


def language_pairs(value):
    """Every {"pl": ..., "en": ...} text in a content structure, in order."""
    if is_language_pair(value):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from language_pairs(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from language_pairs(item)


def localized(value, language):
    """The content structure in one language: each language pair is replaced by its text."""
    if is_language_pair(value):
        return value[language]
    if isinstance(value, dict):
        return {key: localized(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [localized(item, language) for item in value]
    return value


def is_language_pair(value):
    return isinstance(value, dict) and bool(value) and set(value) <= set(LANGUAGES)


def with_slug(page_content):
    """Page content with its slugs: given, or made from the title. Slugs are transliterated to ASCII
    ("Łódź" -> "lodz"), because wagtail-localize's own slugify would drop the letters it cannot map."""
    if not isinstance(page_content, dict) or "title" not in page_content or "slug" in page_content:
        return page_content
    slugs = {language: slugify(anyascii(title)) for language, title in page_content["title"].items()}
    return {**page_content, "slug": slugs}
