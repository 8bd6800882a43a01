"""The e-mail that tells a form's officers about a new message, and one attempt at sending it.

Plain text only (nothing the visitor typed is ever interpreted as HTML), the form's labels in the form's
language, Reply-To the visitor's validated address, every header value reduced to one clean line.
An attempt first claims the row (queued, or failed and due) with a conditional UPDATE, so a retry
sweep and a deferred task never send the same message twice at the same time.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .submissions import ContactSubmission, NotificationStatus
from .text import clean_single_line

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts):
    """Wait before attempt number attempts + 1: the base interval, doubled each time, at most 6 hours."""
    seconds = settings.CONTACT_MAIL_RETRY_SECONDS * 2 ** min(attempts - 1, 20)
    return min(timedelta(seconds=seconds), MAX_BACKOFF)


def recipients(page):
    addresses = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if addresses:
        return addresses
    from home.models import PortalSettings  # the portal's address catches a form without one

    site = page.get_site()
    fallback = PortalSettings.for_site(site).contact_email if site else ""
    return [fallback] if fallback else []


def body(submission, page):
    lines = [_("A new message was sent through the form “%(title)s”:") % {"title": page.title}, ""]
    for label, value in submission.labelled_answers(page):
        lines.append(f"{label}:\n{value}" if "\n" in value else f"{label}: {value}")
    lines += [
        "",
        _("Consent: %(wording)s") % {"wording": submission.consent_text},
        _("Sent: %(time)s, from %(url)s")
        % {
            "time": date_format(timezone.localtime(submission.submit_time), "DATETIME_FORMAT"),
            "url": page.get_full_url(),
        },
        _("Message number: %(number)s") % {"number": submission.pk},
    ]
    return "\n".join(lines)


def message_id(submission, from_email):
    try:
        domain = from_email.rpartition("@")[2].encode("idna").decode("ascii")
    except UnicodeError:
        domain = "localhost"
    return f"<contact-{submission.pk}-{submission.dedupe_key[:16]}@{domain or 'localhost'}>"


def build_message(submission):
    page = submission.page.specific
    with translation.override(page.locale.language_code):
        subject = page.subject or _("Message from the contact form: %(title)s") % {"title": page.title}
        from_email = page.from_address or settings.DEFAULT_FROM_EMAIL
        message = EmailMessage(
            subject=clean_single_line(subject).strip()[:200],
            body=body(submission, page),
            from_email=from_email,
            to=recipients(page),
            reply_to=[submission.email] if submission.email else None,
            headers={
                "Auto-Submitted": "auto-generated",
                # Stable across retries, so a copy sent twice (a worker killed mid-send) reads as one.
                "Message-ID": message_id(submission, from_email),
            },
        )
    if not message.to:
        raise ValueError("The form has no recipient address and the portal has no contact e-mail.")
    return message


def claim(submission_id, now):
    """Mark the message as being sent, if it is waiting; False if it is sent, being sent or not yet due."""
    waiting = Q(notification_status=NotificationStatus.QUEUED) | Q(
        notification_status=NotificationStatus.FAILED, notification_due_at__lte=now
    )
    return bool(
        ContactSubmission.objects.filter(waiting, pk=submission_id).update(
            notification_status=NotificationStatus.SENDING, notification_started_at=now
        )
    )


def attempt(submission_id):
    """Try to send once. Returns when to try again (None: sent, not waiting, or given up)."""
    now = timezone.now()
    if not claim(submission_id, now):
        return None
    submission = ContactSubmission.objects.select_related("page__locale").get(pk=submission_id)
    rows = ContactSubmission.objects.filter(pk=submission_id)
    try:
        build_message(submission).send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - whatever went wrong, the message stays and is retried
        attempts = submission.notification_attempts + 1
        retry_at = now + backoff(attempts) if attempts < settings.CONTACT_MAIL_MAX_ATTEMPTS else None
        rows.update(
            notification_status=NotificationStatus.FAILED,
            notification_attempts=F("notification_attempts") + 1,
            notification_error=f"{type(error).__name__}: {error}"[:1000],
            notification_due_at=retry_at,
        )
        logger.warning("Contact message %s: e-mail attempt %s failed: %s", submission_id, attempts, error)
        return retry_at
    rows.update(
        notification_status=NotificationStatus.SENT,
        notification_attempts=F("notification_attempts") + 1,
        notification_error="",
        notification_due_at=None,
        notified_at=timezone.now(),
    )
    return None
