"""What is left to translate, per target locale, among the pages and snippets a user may edit.

An item is *missing* (a live source, no translation in the locale; aliases do not count), *in progress* (a
wagtail-localize translation below 100 %), *ready* (a page translation at 100 % whose translated text is not
public yet and not awaiting approval: the translator submits it for approval) or *out of date* (the source was
published or changed after its last sync). Everything is read in a fixed number of queries, however many pages there are: the tree, the
sources and the translations with their progress are fetched in bulk and matched here.
"""

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

READY, IN_PROGRESS, OUTDATED, MISSING = "ready", "in_progress", "outdated", "missing"
STATUS_LABELS = {
    READY: _("Ready for approval"),
    IN_PROGRESS: _("In progress"),
    OUTDATED: _("Out of date"),
    MISSING: _("Missing"),
}
STATUSES = tuple(STATUS_LABELS)  # the display order
ACTION_LABELS = {
    READY: _("Submit for approval"),
    IN_PROGRESS: _("Continue translating"),
    OUTDATED: _("Sync"),
    MISSING: _("Translate"),
}


@dataclass(frozen=True)
class Item:
    status: str
    title: str
    kind: str
    source_locale: Locale
    target_locale: Locale
    percent: int  # of the strings translated
    url: str  # where to act: submit, translation editor, sync, or (POST) submit for approval

    @property
    def is_action_a_post(self):
        return self.status == READY

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def action_label(self):
        return ACTION_LABELS[self.status]


@dataclass
class LocaleStatus:
    locale: Locale
    items: list

    @property
    def counts(self):
        """[(status, label, count)] in display order, zeros included."""
        return [
            (status, label, sum(item.status == status for item in self.items))
            for status, label in STATUS_LABELS.items()
        ]


@dataclass
class _Version:
    """One locale's version of a page or snippet, as far as the status needs it."""

    key: UUID
    locale_id: int
    title: str
    kind: str
    is_page: bool
    live: bool
    last_published_at: object  # datetime or None
    in_moderation: bool
    editable: bool
    edit_url: str
    submit_url: str
    changed_after: Callable[[dict], bool]  # given the TranslationSource row it was extracted into


def translation_status(user, locale=None):
    """[LocaleStatus] for every target locale (or only `locale`), each listing its items in display order."""
    locales = {item.id: item for item in Locale.objects.all()}
    targets = [locale] if locale is not None else list(locales.values())
    sources = {
        row["id"]: row for row in TranslationSource.objects.values("id", "object_id", "locale_id", "last_updated_at")
    }
    translations = {
        (sources[row["source_id"]]["object_id"], row["target_locale_id"]): row for row in _translations_with_progress()
    }
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    matcher = _Matcher(
        locales=locales,
        sources=sources,
        source_keys={(row["object_id"], row["locale_id"]) for row in sources.values()},
        translations=translations,
        default_locale_id=next((pk for pk, item in locales.items() if item.language_code == default_code), None),
    )
    items = defaultdict(list)
    for versions in (_page_versions(user), _snippet_versions(user, sources)):
        for item in matcher.items(versions, targets):
            items[item.target_locale.id].append(item)
    return [
        LocaleStatus(target, sorted(items[target.id], key=lambda item: (STATUSES.index(item.status), item.title)))
        for target in targets
    ]


def _translations_with_progress():
    """Enabled translations with `total` and `done` string counts, as Translation.get_progress() counts them."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )

    def count(queryset):
        counted = queryset.order_by().values("source_id").annotate(count=Count("pk")).values("count")
        return Coalesce(Subquery(counted[:1]), 0)

    # wagtail-localize never fills Translation.translations_last_updated_at, so ask the strings themselves.
    last_translated = (
        StringTranslation.objects.filter(
            locale_id=OuterRef("target_locale_id"), context__object_id=OuterRef("source__object_id")
        )
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            total=count(segments),
            done=count(segments.filter(Exists(translated))),
            last_translated_at=Subquery(last_translated),
        )
        .values("id", "source_id", "target_locale_id", "total", "done", "last_translated_at")
    )


@dataclass
class _Matcher:
    locales: dict
    sources: dict
    source_keys: set
    translations: dict
    default_locale_id: int | None

    def items(self, versions, targets):
        groups = defaultdict(dict)
        for version in versions:
            groups[version.key][version.locale_id] = version
        for key, by_locale in groups.items():
            for target in targets:
                if target.id in by_locale:
                    item = self.translation_item(key, by_locale, target)
                else:
                    item = self.missing_item(key, by_locale, target)
                if item is not None:
                    yield item

    def translation_item(self, key, by_locale, target):
        """Out of date or in progress; None for a finished one or one made without wagtail-localize."""
        translation = self.translations.get((key, target.id))
        if translation is None:
            return None
        source = self.sources[translation["source_id"]]
        original = by_locale.get(source["locale_id"])
        if original is None:
            return None
        total, done = translation["total"], translation["done"]
        percent = done * 100 // total if total else 100
        if original.editable and original.changed_after(source):
            url = reverse("wagtail_localize:update_translations", args=[source["id"]])
            return self.item(OUTDATED, original, target, percent, url)
        translated = by_locale[target.id]
        if not translated.editable:
            return None
        if percent < 100:
            return self.item(IN_PROGRESS, original, target, percent, translated.edit_url)
        if translated.in_moderation or not _has_unpublished_translation(translation, source, translated):
            return None
        url = reverse("translations_submit_for_approval", args=[translation["id"]])
        return self.item(READY, original, target, percent, url)

    def missing_item(self, key, by_locale, target):
        """The version to translate from: the one already a source, else the default locale's."""
        original = min(
            by_locale.values(),
            key=lambda version: (
                (key, version.locale_id) not in self.source_keys,
                version.locale_id != self.default_locale_id,
                version.locale_id,
            ),
        )
        if not (original.live and original.editable):
            return None
        url = f"{original.submit_url}?{urlencode({'select_locale': target.language_code})}"
        return self.item(MISSING, original, target, 0, url)

    def item(self, status, original, target, percent, url):
        return Item(status, original.title, original.kind, self.locales[original.locale_id], target, percent, url)


def _page_versions(user):
    """Every non-alias page but the root, in one query, plus one for the user's editable pages."""
    editable = set(
        policy_registry.get_by_type(Page)
        .instances_user_has_permission_for(user, "change")
        .values_list("pk", flat=True)
    )
    in_moderation = set(
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    rows = Page.objects.filter(depth__gt=1, alias_of__isnull=True).values(
        "pk",
        "translation_key",
        "locale_id",
        "draft_title",
        "live",
        "last_published_at",
        "content_type__app_label",
        "content_type__model",
    )
    for row in rows:
        model = apps.get_model(row["content_type__app_label"], row["content_type__model"])
        yield _Version(
            key=row["translation_key"],
            locale_id=row["locale_id"],
            title=row["draft_title"],
            kind=model._meta.verbose_name,
            is_page=True,
            live=row["live"],
            last_published_at=row["last_published_at"],
            in_moderation=str(row["pk"]) in in_moderation,
            editable=row["pk"] in editable,
            edit_url=reverse("wagtailadmin_pages:edit", args=[row["pk"]]),
            submit_url=reverse("wagtail_localize:submit_page_translation", args=[row["pk"]]),
            changed_after=_published_after(row["last_published_at"]),
        )


def _snippet_versions(user, sources):
    """Every translatable snippet of the models the user may change: one query per model, plus one for the
    content of their sources."""
    models = [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and user.has_perm(get_permission_name("change", model))
    ]
    plain = [model for model in models if not issubclass(model, DraftStateMixin | ClusterableModel)]
    contents = {}
    if plain:
        of_plain_models = Q()
        for model in plain:
            of_plain_models |= Q(
                specific_content_type__app_label=model._meta.app_label,
                specific_content_type__model=model._meta.model_name,
            )
        contents = dict(TranslationSource.objects.filter(of_plain_models).values_list("id", "content_json"))
    for model in models:
        opts = model._meta
        for instance in model.objects.all():
            yield _Version(
                key=instance.translation_key,
                locale_id=instance.locale_id,
                title=str(instance),
                kind=opts.verbose_name,
                is_page=False,
                live=instance.live if isinstance(instance, DraftStateMixin) else True,
                last_published_at=getattr(instance, "last_published_at", None),
                in_moderation=False,
                editable=True,
                edit_url=reverse(
                    f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[quote(instance.pk)]
                ),
                submit_url=reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[opts.app_label, opts.model_name, quote(instance.pk)],
                ),
                changed_after=_snippet_changed_after(instance, contents),
            )


def _has_unpublished_translation(translation, source, translated):
    """Pages only (a snippet without drafts is public once saved): never published, or strings translated or
    synced since the last publishing."""
    if not translated.is_page:
        return False
    if not translated.live or translated.last_published_at is None:
        return True
    changed = max(filter(None, [translation["last_translated_at"], source["last_updated_at"]]))
    return changed > translated.last_published_at


def _published_after(last_published_at):
    """Sync extracts the published version, so a source is newer than its sync once published after it."""
    return lambda source: last_published_at is not None and last_published_at > source["last_updated_at"]


def _snippet_changed_after(instance, contents):
    """Snippets without drafts have no timestamp: compare their fields with the synced content, as
    wagtail-localize does before a sync. A clusterable one would cost a query per item, so it is not checked."""
    if isinstance(instance, DraftStateMixin):
        return _published_after(instance.last_published_at)
    if isinstance(instance, ClusterableModel):
        return lambda source: False
    current = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    return lambda source: source["id"] in contents and json.loads(contents[source["id"]]) != current
