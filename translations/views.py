"""The translation status report (every item left to translate that the user may edit, by language) and the
translators' way to submit a finished page translation for approval."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from .status import translation_status


class LocaleFilterForm(forms.Form):
    locale = forms.ModelChoiceField(
        queryset=Locale.objects.all(),
        to_field_name="language_code",
        required=False,
        label=gettext_lazy("Language"),
        empty_label=gettext_lazy("All languages"),
    )


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/report.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        form = LocaleFilterForm(self.request.GET)
        locale = form.cleaned_data["locale"] if form.is_valid() else None
        return super().get_context_data(
            form=form, statuses=translation_status(self.request.user, locale=locale), **kwargs
        )


@require_POST
def submit_for_approval(request, translation_id):
    """Save a finished page translation as a draft and start its approval workflow.

    wagtail-localize's editor can only publish, which needs publish permission and skips workflows. This is
    the translators' way to the public: the same moderation as any other change to the page.
    """
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    back = request.POST.get("next") or reverse("translation_status_report")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("translation_status_report")
    names = {"title": page.get_admin_display_title(), "language": translation.target_locale.get_display_name()}

    total, done = translation.get_progress()
    if done < total:
        messages.error(request, _("Translate every string of “%(title)s” first.") % names)
        return redirect(back)
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("“%(title)s” has no approval workflow: ask a moderator to publish it.") % names)
        return redirect(back)

    with transaction.atomic():
        translation.save_target(user=request.user, publish=False)
        page = Page.objects.get(pk=page.pk).specific
        if page.workflow_in_progress:  # resubmitted: the moderators review the new version
            page.current_workflow_state.cancel(user=request.user)
        workflow.start(page, request.user)
    messages.success(request, _("“%(title)s” in %(language)s was submitted for approval.") % names)
    return redirect(back)
