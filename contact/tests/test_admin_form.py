"""The page editor: a form field may not take a name that the contact form keeps for itself."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from contact.models import ContactPage


@pytest.fixture
def admin(client, portal, django_user_model):
    user = django_user_model.objects.create_superuser("szef", "szef@example.org", "secret-password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def add_contact_page(client, parent, label):
    data = nested_form_data(
        {
            "title": "Napisz",
            "slug": "napisz",
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "to_address": "biuro@example.org",
            "from_address": "",
            "subject": "",
            "consent_label": "",
            "submit_label": "",
            "form_fields": inline_formset(
                [
                    {
                        "label": label,
                        "field_type": "singleline",
                        "required": "on",
                        "help_text": "",
                        "choices": "",
                        "default_value": "",
                    }
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    return client.post(reverse("wagtailadmin_pages:add", args=["contact", "contactpage", parent.pk]), data)


@pytest.mark.parametrize("label", ["Privacy consent", "Hp website", "Form token"])
def test_a_reserved_name_is_refused(admin, portal, label):
    ContactPage.objects.filter(pk=portal.en.portal_contact.pk).delete()  # one contact page per parent
    response = add_contact_page(admin, portal.en.home, label)

    assert response.status_code == 200
    assert "This label is reserved for the contact form itself" in response.content.decode()
    assert not ContactPage.objects.filter(slug="napisz").exists()


def test_an_ordinary_label_is_accepted(admin, portal):
    ContactPage.objects.filter(pk=portal.en.portal_contact.pk).delete()
    response = add_contact_page(admin, portal.en.home, "Company")

    assert response.status_code == 302
    assert ContactPage.objects.get(slug="napisz").form_fields.get().clean_name == "company"
