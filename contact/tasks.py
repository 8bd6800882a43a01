"""The background task that e-mails a stored message, and the helpers that queue it.

django-tasks has no retries of its own: a failed attempt queues the task again for later (run_after)
when the backend can defer (the database queue in production). The immediate backend used in development
and tests cannot; there `manage.py retry_contact_notifications` (also the safety net for a worker that
died mid-send) picks up every message whose next attempt is due.
"""

import logging

from django_tasks import task

from . import notifications

logger = logging.getLogger(__name__)


@task(backend="contact")
def deliver_notification(submission_id):
    retry_at = notifications.attempt(submission_id)
    if retry_at is not None and deliver_notification.get_backend().supports_defer:
        deliver_notification.using(run_after=retry_at).enqueue(submission_id)


def enqueue_notification(submission_id):
    """Queue the e-mail; a queue that is down leaves the message "queued" for the retry sweep."""
    try:
        deliver_notification.enqueue(submission_id)
    except Exception:  # never turn a stored message into an error page
        logger.exception("Contact message %s: could not queue its e-mail; the retry sweep will.", submission_id)
