"""The contact inbox in Wagtail's admin: Wagtail's submissions list with the status columns and filters,
and the "mark as handled" action.

Access is exactly Wagtail's: the form pages a user may see submissions of (get_forms_for_user, which the
filter_form_submissions_for_user hooks narrow). Opened from any language version of a form, the inbox shows
the messages of every version (ContactPage.get_submissions).
"""

import django_filters

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView
from wagtail.models import Page

from .submissions import NotificationStatus


class ContactSubmissionsFilterSet(SubmissionsListFilterSet):
    notification_status = django_filters.ChoiceFilter(
        label=_("E-mail notification"), choices=NotificationStatus.choices
    )
    handled = django_filters.BooleanFilter(label=_("Handled"), method="filter_handled")

    def filter_handled(self, queryset, name, value):
        return queryset.filter(handled_at__isnull=not value)


class ContactSubmissionsListView(SubmissionsListView):
    results_template_name = "contact/admin/submissions_results.html"
    filterset_class = ContactSubmissionsFilterSet

    def stream_csv(self, queryset):
        """Wagtail's CSV rows, produced in the admin user's language: the response is streamed after the
        request's language is gone, which would give headings and statuses in the site's default language."""
        return in_language(super().stream_csv(queryset), translation.get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            handled = {submission.pk: submission.handled_at is not None for submission in context["submissions"]}
            for row in context["data_rows"]:
                row["handled"] = handled[row["model_id"]]
            context["handled_url"] = reverse("contact_mark_handled", args=[self.form_page.pk])
        return context


def in_language(rows, language):
    while True:
        with translation.override(language):
            row = next(rows, None)
        if row is None:
            return
        yield row


@require_POST
def mark_handled(request, page_id):
    """Mark one message as handled (or, with "unhandle", as not handled yet)."""
    if not get_forms_for_user(request.user).filter(pk=page_id).exists():
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    handle = "handle" in request.POST
    submission_id = request.POST.get("handle" if handle else "unhandle", "")
    # Only a message of this form's inbox; anything else is refused like a page without permission.
    submission = page.get_submissions().filter(pk=submission_id if submission_id.isdigit() else None).first()
    if submission is None:
        raise PermissionDenied
    if handle:
        submission.handled_at, submission.handled_by = timezone.now(), request.user
        messages.success(request, _("The message is marked as handled."))
    else:
        submission.handled_at, submission.handled_by = None, None
        messages.success(request, _("The message is marked as not handled yet."))
    submission.save(update_fields=["handled_at", "handled_by"])
    return redirect(
        get_valid_next_url_from_request(request) or reverse("wagtailforms:list_submissions", args=[page_id])
    )
