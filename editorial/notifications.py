"""E-mail to editors in each recipient's language, sent so that a mail-server fault never breaks an action.

Wagtail sends its workflow e-mails (moderators on submission; the submitter on approval or when changes are
requested) inside the editor's request, and a server that drops the connection raises out of it. Its
notifiers are kept, and run from a task once the action is committed. Translators are told, from a task too,
when a page they translated is published again, so they know to sync and update their translation. Comment
notifications stay in the request (their context is the request's objects), but can no longer fail it.
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.admin.mail import send_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from . import tasks

logger = logging.getLogger(__name__)

# Wagtail's notifiers, by their name in wagtail.admin.signal_handlers: (signal, sender, dispatch_uid).
WAGTAIL_NOTIFIERS = {
    "task_submission_email_notifier": (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    "workflow_submission_email_notifier": (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
    ),
    "workflow_rejection_email_notifier": (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
    ),
    "workflow_approval_email_notifier": (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
    ),
}
_wagtail_notifiers = {}


class QueuedNotifier:
    """Takes the place of one of Wagtail's notifiers on its signal: queues it to run after the commit."""

    def __init__(self, name):
        self.name = name

    def __call__(self, sender=None, instance=None, user=None, **kwargs):
        args = (self.name, instance._meta.label, instance.pk, user.pk if user else None)
        transaction.on_commit(partial(tasks.enqueue, tasks.send_workflow_mail, *args), robust=True)


def send_workflow_mail_in_background():
    """Swap Wagtail's notifiers for queued ones, whichever app's ready() runs first.

    wagtail.admin connects the module-level notifiers of wagtail.admin.signal_handlers by dispatch_uid; the
    queued ones are put in the module and connected under the same uids, so connecting again is a no-op.
    """
    from wagtail.admin import signal_handlers

    for name, (signal, sender, dispatch_uid) in WAGTAIL_NOTIFIERS.items():
        notifier = getattr(signal_handlers, name)
        if not isinstance(notifier, QueuedNotifier):
            _wagtail_notifiers[name] = notifier
            setattr(signal_handlers, name, QueuedNotifier(name))
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    signal_handlers.register_signal_handlers()


def wagtail_notifier(name):
    return _wagtail_notifiers[name]


def keep_comment_mail_from_failing_the_editor():
    """Wagtail's page editor e-mails comment subscribers itself, after saving the page, and a mail server that
    drops the connection raises out of it: the editor would get an error page for a saved change. Its
    send_notification (only that view uses it) is wrapped to log the failure instead."""
    from wagtail.admin.views.pages import edit

    if not getattr(edit.send_notification, "never_raises", False):
        edit.send_notification = _never_raising(edit.send_notification)


def _never_raising(send_notification):
    def send_notification_or_log(recipient_users, notification, extra_context):
        try:
            return send_notification(recipient_users, notification, extra_context)
        except Exception:
            logger.exception("Could not send the %s notification.", notification)
            return False

    send_notification_or_log.never_raises = True
    return send_notification_or_log


def notify_translators_of_source_change(sender, instance, revision=None, **kwargs):
    """page_published: if the page is the source of translations, queue the mail to its translators."""
    is_source = Translation.objects.filter(
        source__object_id=instance.translation_key, source__locale_id=instance.locale_id
    ).exists()
    if is_source:
        editor_pk = revision.user_id if revision is not None else None
        transaction.on_commit(partial(tasks.enqueue, tasks.mail_translators, instance.pk, editor_pk), robust=True)


def translators_of(page, editor_pk=None):
    """{user: [their translations of the page]}: whoever last translated one of its strings into a language
    the page now exists in, except the editor who changed the source."""
    rows = (
        StringTranslation.objects.filter(
            context__object_id=page.translation_key,
            last_translated_by__is_active=True,
        )
        .exclude(locale_id=page.locale_id)
        .exclude(last_translated_by_id=editor_pk)
        .exclude(last_translated_by__email="")
        .values_list("last_translated_by_id", "locale_id")
        .distinct()
    )
    locales_by_user = {}
    for user_pk, locale_pk in rows:
        locales_by_user.setdefault(user_pk, set()).add(locale_pk)
    translations = {
        translated.locale_id: translated
        for translated in page.get_translations().filter(alias_of__isnull=True).select_related("locale")
    }
    users = get_user_model().objects.in_bulk(locales_by_user)
    result = {}
    for user_pk, locale_pks in locales_by_user.items():
        pages = [translations[pk] for pk in sorted(locale_pks) if pk in translations]
        if pages:
            result[users[user_pk]] = pages
    return result


def mail_translators_of(page, editor_pk=None):
    """One e-mail per translator, in their admin language; one failed address does not stop the others."""
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if source is None:
        return
    for user, translated_pages in translators_of(page, editor_pk).items():
        context = {
            "page": page,
            "source": source,
            "translations": translated_pages,
            "user": user,
            "base_url": base_url,
        }
        try:
            with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
                subject = render_to_string("editorial/notifications/source_changed_subject.txt", context)
                body = render_to_string("editorial/notifications/source_changed.txt", context)
            send_mail(" ".join(subject.split()), body.strip(), [user.email])
        except Exception:
            logger.exception("Could not tell translator %s that page %s changed.", user.pk, page.pk)
