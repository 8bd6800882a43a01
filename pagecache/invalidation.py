"""When the public site changes, start a new page-cache generation.

Publishing, unpublishing, moving or deleting a page (translations are pages too), and saving or deleting any
snippet, site setting, image, document, tag, site or locale may change what any page shows: the home page lists
news, every page shows the navigation and footer. Purging everything is simple and never stale; pages render
again on their next request. Drafts and revisions do not purge: they are not public.
"""

import functools

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .store import start_new_generation


def purge_after_commit(**kwargs):
    """After the commit: a reader whose request starts after the purge must find the new content in the
    database, never re-cache the old one under the new generation."""
    transaction.on_commit(start_new_generation)


@functools.cache
def public_content_models():
    """The non-page models whose saving may change a public page (asked on first use: snippets registered in
    wagtail_hooks.py are only known once every app is ready)."""
    from taggit.models import Tag

    return frozenset(
        {
            *get_snippet_models(),
            *settings_registry,
            get_image_model(),
            get_document_model(),
            Tag,
            Site,
            Locale,
        }
    )


def purge_when_public_content_changes(sender, **kwargs):
    if sender in public_content_models():
        purge_after_commit()


def purge_when_a_live_page_is_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_after_commit()


def connect_purge_signals():
    page_published.connect(purge_after_commit, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_after_commit, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_after_commit, dispatch_uid="pagecache-moved")
    post_save.connect(purge_when_public_content_changes, dispatch_uid="pagecache-saved")
    post_delete.connect(purge_when_public_content_changes, dispatch_uid="pagecache-deleted")
    post_delete.connect(purge_when_a_live_page_is_deleted, dispatch_uid="pagecache-page-deleted")
