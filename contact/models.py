from django.db import models
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.page_mixins import PortalPageMixin

from . import privacy
from .forms import ContactFormBuilder, ContactPageAdminForm
from .submissions import ContactSubmission, NotificationStatus

__all__ = ["ContactFormField", "ContactPage", "ContactSubmission", "NotificationStatus", "PrivacyNoticePage"]


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of a contact form; translatable so labels, help texts and choices read in each language."""

    page = ParentalKey("contact.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # The stored submission's keys and the field's kind must be the same in every language.
    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactPage(PortalPageMixin, AbstractEmailForm):
    """A contact form built by editors; messages are stored first, then e-mailed by a background task.

    All language versions of one form share one inbox (get_submissions). The POST is handled in
    contact.submit: rate limit, bot traps, validation, one stored message per form token.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])
    submit_label = models.CharField(
        _("submit button label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty for “Send message” in the reader's language."),
    )
    consent_label = models.CharField(
        _("consent wording"),
        max_length=255,
        blank=True,
        help_text=_(
            "The text of the required consent checkbox; a link to the privacy notice follows it. "
            "Leave empty for the standard wording in the reader's language."
        ),
    )

    parent_page_types = ["home.HomePage", "clusters.ClusterPage"]
    subpage_types = []
    max_count_per_parent = 1

    base_form_class = ContactPageAdminForm
    form_builder = ContactFormBuilder

    content_panels = [
        FormSubmissionsPanel(),
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Field")),
        FieldPanel("consent_label"),
        FieldPanel("submit_label"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]

    # Where messages go is the same in every language.
    override_translatable_fields = [
        SynchronizedField("to_address", overridable=False),
        SynchronizedField("from_address", overridable=False),
    ]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions(self):
        """Every language version's messages: one inbox per form, whichever version it is opened from."""
        return ContactSubmission.objects.filter(page__translation_key=self.translation_key).select_related(
            "page__locale"
        )

    def get_submissions_list_view_class(self):
        from .admin_views import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("language", _("Language")),
            ("consent_at", _("Consent given")),
            ("notification", _("E-mail notification")),
            ("handled", _("Handled")),
        ]

    def privacy_notice_url(self):
        """The privacy notice in this page's language (else in any language); "" if there is none."""
        return privacy.notice_url(self.locale_id)

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from .submit import handle_post

            response = handle_post(self, request)
        else:
            response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)  # a per-visitor form token and CSRF token; the visitor's own answers
        return response

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["summary"] = form_submission.labelled_answers(self) if form_submission else []
        return response

    def process_form_submission(self, form):
        raise NotImplementedError("Contact messages are stored by contact.submit.store, never sent inline.")


class PrivacyNoticePage(PortalPageMixin, Page):
    """The privacy notice the consent checkbox links to; edited and translated like any other page."""

    text = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("text")]

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
