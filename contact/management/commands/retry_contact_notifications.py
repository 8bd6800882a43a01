"""Queue again every contact e-mail that is due: failed and waiting, stuck "queued", or cut off mid-send.

Run it every few minutes from cron or a systemd timer. With the database queue it is only a safety net
(failed attempts queue themselves again); with the immediate backend it is what does the retrying.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from contact.submissions import ContactSubmission, NotificationStatus
from contact.tasks import enqueue_notification

STALE = timedelta(minutes=15)  # longer than any send can take (EMAIL_TIMEOUT is seconds)


class Command(BaseCommand):
    help = "Send again the contact-form e-mails that failed or never left; --all also revives those given up."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="revive",
            help="Also retry messages that used up CONTACT_MAIL_MAX_ATTEMPTS (e.g. after fixing the mail server).",
        )

    def handle(self, *args, revive, **options):
        now = timezone.now()
        messages = ContactSubmission.objects
        stuck = messages.filter(
            notification_status=NotificationStatus.SENDING, notification_started_at__lt=now - STALE
        )
        stuck.update(notification_status=NotificationStatus.FAILED, notification_due_at=now)
        if revive:
            messages.filter(notification_status=NotificationStatus.FAILED, notification_due_at=None).update(
                notification_due_at=now
            )
        due = messages.filter(
            Q(notification_status=NotificationStatus.FAILED, notification_due_at__lte=now)
            | Q(notification_status=NotificationStatus.QUEUED, submit_time__lt=now - STALE)
        )
        ids = list(due.order_by("submit_time").values_list("pk", flat=True))
        for pk in ids:
            enqueue_notification(pk)
        sent = ContactSubmission.objects.filter(pk__in=ids, notification_status=NotificationStatus.SENT).count()
        self.stdout.write(f"Contact e-mails due: {len(ids)}; sent: {sent}; the rest are queued.")
