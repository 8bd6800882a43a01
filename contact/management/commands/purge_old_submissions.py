"""Delete form submissions older than the retention period (CONTACT_RETENTION_MONTHS; GDPR storage
limitation). Schedule it daily."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from contact.data_subject import older_than


class Command(BaseCommand):
    help = "Delete contact messages older than CONTACT_RETENTION_MONTHS (default 24) months."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Override CONTACT_RETENTION_MONTHS.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, months, dry_run, **options):
        months = settings.CONTACT_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("The retention period must be at least one month.")
        cutoff, querysets = older_than(months)
        with transaction.atomic():
            count = sum(queryset.count() for queryset in querysets)
            if not dry_run:
                for queryset in querysets:
                    queryset.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} submission(s) sent before {cutoff:%Y-%m-%d}.")
