"""The stored contact message: the visitor's answers, their consent, and what became of the e-mail.

A custom submission model (ContactPage.get_submission_class), so the consent, the duplicate guard and the
notification status live in the same row, written in the same transaction as the message itself.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.contrib.forms.models import AbstractFormSubmission


def display_value(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class ContactSubmission(AbstractFormSubmission):
    email = models.EmailField(_("visitor's e-mail address"), max_length=254, blank=True, db_index=True)
    consent_text = models.TextField(_("consent wording"), blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True)
    # sha256 of the form token's nonce and the answers: a resent POST of the same form is one message.
    dedupe_key = models.CharField(max_length=64, unique=True, editable=False)

    notification_status = models.CharField(
        _("e-mail notification"), max_length=8, choices=NotificationStatus.choices, default=NotificationStatus.QUEUED
    )
    notification_attempts = models.PositiveIntegerField(_("sending attempts"), default=0)
    notification_error = models.TextField(_("last sending error"), blank=True)
    notification_due_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    notification_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    notified_at = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)

    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        indexes = [
            models.Index(fields=["submit_time"], name="contact_submit_time_idx"),
            models.Index(fields=["notification_status", "notification_due_at"], name="contact_notification_idx"),
        ]

    def get_data(self):
        """The answers plus the columns every contact inbox shows (see ContactPage.get_data_fields)."""
        return {
            **super().get_data(),
            "language": self.page.locale.language_code if self.page_id else "",
            "consent_at": self.consent_at or "",
            "notification": self.notification_summary(),
            "handled": self.handled_at or "",
        }

    def labelled_answers(self, page):
        """(label, text) for each answered field, with the labels of `page` (one language version)."""
        pairs = []
        for field in page.get_form_fields():
            value = self.form_data.get(field.clean_name)
            if value not in (None, "", []):
                pairs.append((field.label, display_value(value)))
        return pairs

    def notification_summary(self):
        status = self.get_notification_status_display()
        if self.notification_status == NotificationStatus.FAILED:
            return ngettext(
                "%(status)s (%(attempts)d attempt): %(error)s",
                "%(status)s (%(attempts)d attempts): %(error)s",
                self.notification_attempts,
            ) % {
                "status": status,
                "attempts": self.notification_attempts,
                "error": self.notification_error[:200],
            }
        return status
