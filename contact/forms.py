"""The visitor's form: the editor's fields, made safe, plus the fields every contact form must have.

Every text field gets a maximum length and loses its control characters (contact.text). The fixed fields:
the consent checkbox (required; its wording and the privacy notice link are the page's), a honeypot that
people never see and screen readers never announce, and the signed form token (contact.tokens).
"""

import django.forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from . import tokens
from .text import clean_multiline, clean_single_line

CONSENT = "privacy_consent"
HONEYPOT = "hp_website"
TOKEN = "form_token"  # noqa: S105 - a field name
RESERVED_NAMES = frozenset({CONSENT, HONEYPOT, TOKEN, "csrfmiddlewaretoken"})
DEFAULT_CONSENT_LABEL = _(
    "I agree that the data I enter here is used to answer my message, as explained in the privacy notice."
)
EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 2000
NUMBER_MAX_LENGTH = 40


class SingleLineField(django.forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return clean_single_line(value).strip() if value else value


class MultiLineField(django.forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return clean_multiline(value).strip() if value else value


class EmailField(django.forms.EmailField):
    def to_python(self, value):
        value = super().to_python(value)
        return clean_single_line(value).strip() if value else value


class URLField(django.forms.URLField):
    def to_python(self, value):
        return super().to_python(clean_single_line(value) if isinstance(value, str) else value)


class NumberField(django.forms.DecimalField):
    """A number, refused before it is parsed if it is absurdly long."""

    def to_python(self, value):
        if isinstance(value, str) and len(value) > NUMBER_MAX_LENGTH:
            raise django.forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class ContactFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        return SingleLineField(max_length=255, **options)

    def create_multiline_field(self, field, options):
        return MultiLineField(max_length=settings.CONTACT_MESSAGE_MAX_LENGTH, widget=django.forms.Textarea, **options)

    def create_hidden_field(self, field, options):
        return SingleLineField(max_length=255, widget=django.forms.HiddenInput, **options)

    def create_email_field(self, field, options):
        return EmailField(max_length=EMAIL_MAX_LENGTH, **options)

    def create_url_field(self, field, options):
        return URLField(max_length=URL_MAX_LENGTH, assume_scheme="https", **options)

    def create_dropdown_field(self, field, options):
        """An optional drop-down starts empty, so nobody sends a choice they never made."""
        choice_field = super().create_dropdown_field(field, options)
        if not field.required:
            choice_field.choices = [("", "—"), *choice_field.choices]
        return choice_field

    def create_number_field(self, field, options):
        return NumberField(**options)

    @property
    def formfields(self):
        """The editor's fields; a reserved name (refused by the admin form) never replaces a fixed field."""
        return {name: field for name, field in super().formfields.items() if name not in RESERVED_NAMES}

    def get_form_class(self):
        fields = self.formfields
        return type("ContactForm", (ContactForm,), {**fields, "field_order": [*fields, CONSENT, HONEYPOT, TOKEN]})


class ContactForm(BaseForm):
    privacy_consent = django.forms.BooleanField(
        required=True,
        label=DEFAULT_CONSENT_LABEL,
        error_messages={"required": _("Please agree to the privacy notice, so that we can answer you.")},
    )
    hp_website = django.forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=django.forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = django.forms.CharField(required=False, widget=django.forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(TOKEN, tokens.issue())
        consent = self.fields[CONSENT]
        if self.page is not None:
            consent.label = self.page.consent_label or DEFAULT_CONSENT_LABEL
            notice_url = self.page.privacy_notice_url()
            if notice_url:
                consent.help_text = format_html('<a href="{}">{}</a>', notice_url, _("Read the privacy notice"))

    def editor_fields(self):
        """The fields the page's editors chose, in their order."""
        return [self[name] for name in self.fields if name not in RESERVED_NAMES]

    def honeypot_filled(self):
        return bool(str(self.data.get(HONEYPOT, "")).strip())

    def renew_token(self):
        """A fresh token for a person whose page was open too long; they have filled the form in already."""
        self.data = self.data.copy()
        self.data[TOKEN] = tokens.issue(backdate=settings.CONTACT_MIN_SECONDS)


class ContactPageAdminForm(WagtailAdminFormPageForm):
    """The page editor's form: a field may not take a name the contact form keeps for itself."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if form.cleaned_data.get("DELETE"):
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in RESERVED_NAMES:
                form.add_error("label", _("This label is reserved for the contact form itself; choose another."))
        return cleaned_data
