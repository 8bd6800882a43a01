"""A data-subject request: `export` prints every message from an address as JSON, `erase` deletes them."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction

from contact.data_subject import erase, export_record, submissions_of


class Command(BaseCommand):
    help = "Export (JSON on standard output) or erase every contact message from an e-mail address, on all forms."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        try:
            validate_email(email.strip())
        except Exception as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        if action == "export":
            records = [export_record(submission) for submission in submissions_of(email)]
            self.stdout.write(json.dumps(records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            return
        with transaction.atomic():
            count = erase(submissions_of(email))
        self.stdout.write(f"Erased {count} message(s) from {email}.")
