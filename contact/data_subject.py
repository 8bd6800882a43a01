"""GDPR requests by e-mail address: find, export and erase a person's contact messages on every form.

A message belongs to the address if it is the stored reply address or any answer equal to it (a form may
ask for a second e-mail). Messages stored by Wagtail's plain FormSubmission are searched as well.
Comparison ignores case; each table is scanned once, which is fine for a portal's volume.
"""

import calendar

from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from .submissions import ContactSubmission


def _mentions(form_data, address):
    values = form_data.values() if isinstance(form_data, dict) else []
    return any(isinstance(value, str) and value.strip().casefold() == address for value in values)


def submissions_of(address):
    """Every stored submission (ContactSubmission, then FormSubmission) that belongs to the address."""
    address = address.strip().casefold()
    found = []
    for model in (ContactSubmission, FormSubmission):
        for submission in model.objects.select_related("page").order_by("submit_time").iterator():
            own = getattr(submission, "email", "").casefold() == address
            if own or _mentions(submission.form_data, address):
                found.append(submission)
    return found


def export_record(submission):
    record = {
        "id": submission.pk,
        "form": submission.page.title,
        "form_url": submission.page.full_url,
        "submitted_at": submission.submit_time,
        "answers": submission.form_data,
    }
    if isinstance(submission, ContactSubmission):
        record.update(
            language=submission.page.locale.language_code,
            consent=submission.consent_text,
            consent_at=submission.consent_at,
            notification=submission.notification_status,
            handled_at=submission.handled_at,
        )
    return record


def erase(submissions):
    """Delete the given submissions; returns how many."""
    for submission in submissions:
        submission.delete()
    return len(submissions)


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the month's last day if it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def older_than(months, now=None):
    """Submissions (both tables) sent before the retention cutoff, as (cutoff, [querysets])."""
    cutoff = months_before(now or timezone.now(), months)
    return cutoff, [model.objects.filter(submit_time__lt=cutoff) for model in (ContactSubmission, FormSubmission)]
