"""The contact inbox in the admin: one list for every language version of a form, with the status
columns, export, "mark as handled", and access decided by page permissions alone."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from contact.models import ContactSubmission, NotificationStatus

from .conftest import valid_data

XSS = '<img src=x onerror=alert(1)>"><script>alert(1)</script>'


@pytest.fixture
def messages(portal, send):
    """A message through the Polish and one through the English version of the cluster's form."""
    send(portal.pl.cluster_contact, valid_data(name="Anna Polska"))
    send(portal.en.cluster_contact, valid_data(name="Ann English", email="ann@example.com"))
    return ContactSubmission.objects.order_by("pk")


def in_english(user):
    """The admin in English for this user (the portal's default language is Polish)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def superuser(portal, django_user_model):
    return in_english(django_user_model.objects.create_superuser("szef", "szef@example.org", "secret-password"))


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def officer(portal, django_user_model):
    """May edit the cluster's pages in both languages (what the officer roles will give), nothing else."""
    user = django_user_model.objects.create_user("officer", "officer@example.org", "secret-password")
    group = Group.objects.create(name="Cluster officers")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for cluster in (portal.pl.cluster, portal.en.cluster):
        GroupPagePermission.objects.create(group=group, page=cluster, permission_type="change")
    user.groups.add(group)
    return in_english(user)


def assert_refused(response):
    """Wagtail's admin answers a permission error with a redirect to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def inbox_url(page, **query):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def table(response):
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")][1:]
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")][1:] for tr in soup.select("table.listing tbody tr")
    ]
    return headings, rows


@pytest.mark.parametrize(
    ("language", "labels"),
    [("pl", ["Imię i nazwisko", "E-mail", "Temat", "Wiadomość"]), ("en", ["Full name", "E-mail", "Topic", "Message"])],
)
def test_every_language_in_one_list_with_the_same_columns(portal, messages, admin, language, labels):
    response = admin.get(inbox_url(getattr(portal, language).cluster_contact))

    headings, rows = table(response)
    assert response.status_code == 200
    assert headings == [
        "Submission date",
        *labels,
        "Language",
        "Consent given",
        "E-mail notification",
        "Handled",
        "Action",
    ]
    assert [(row[1], row[5]) for row in rows] == [("Ann English", "en"), ("Anna Polska", "pl")]  # newest first
    assert {row[7] for row in rows} == {"sent"}
    assert {row[9] for row in rows} == {"Mark as handled"}


def test_another_forms_messages_stay_out(portal, messages, admin, send):
    send(portal.pl.portal_contact, valid_data(name="Do portalu"))

    _, rows = table(admin.get(inbox_url(portal.pl.cluster_contact)))
    assert "Do portalu" not in {row[1] for row in rows}
    _, portal_rows = table(admin.get(inbox_url(portal.en.portal_contact)))
    assert [row[1] for row in portal_rows] == ["Do portalu"]


def test_a_failed_notification_shows_in_the_list(portal, messages, admin):
    ContactSubmission.objects.filter(pk=messages[0].pk).update(
        notification_status=NotificationStatus.FAILED, notification_attempts=3, notification_error="SMTPError: down"
    )

    _, rows = table(admin.get(inbox_url(portal.pl.cluster_contact)))
    assert rows[1][7] == "failed (3 attempts): SMTPError: down"


def test_xss_in_answers_is_escaped_in_the_list(portal, send, admin):
    send(portal.pl.cluster_contact, valid_data(name=XSS, message=XSS))

    response = admin.get(inbox_url(portal.pl.cluster_contact))
    html = response.content.decode()
    assert XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not BeautifulSoup(html, "html.parser").select("table.listing img, table.listing script")


def test_csv_export_has_both_languages_and_the_status(portal, messages, admin):
    response = admin.get(inbox_url(portal.en.cluster_contact, export="csv"))

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Submission date",
        "Full name",
        "E-mail",
        "Topic",
        "Message",
        "Language",
        "Consent given",
        "E-mail notification",
        "Handled",
    ]
    assert [(row[1], row[5], row[7]) for row in rows[1:]] == [
        ("Anna Polska", "pl", "sent"),
        ("Ann English", "en", "sent"),
    ]


def test_xlsx_export_has_both_languages(portal, messages, admin):
    response = admin.get(inbox_url(portal.pl.cluster_contact, export="xlsx"))

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][:2] == ("Submission date", "Imię i nazwisko")
    assert [row[1] for row in values[1:]] == ["Anna Polska", "Ann English"]


class TestMarkAsHandled:
    def mark(self, client, page, **data):
        url = reverse("contact_mark_handled", args=[page.pk])
        return client.post(url, {**data, "next": inbox_url(page)})

    def test_handled_then_not_handled(self, portal, messages, admin, superuser):
        message = messages[1]  # the English one, marked from the Polish inbox
        response = self.mark(admin, portal.pl.cluster_contact, handle=message.pk)

        assert response.status_code == 302
        assert response["Location"] == inbox_url(portal.pl.cluster_contact)
        message.refresh_from_db()
        assert message.handled_at is not None
        assert message.handled_by == superuser
        _, rows = table(admin.get(inbox_url(portal.pl.cluster_contact)))
        assert rows[0][9] == "Mark as not handled"
        assert rows[0][8] != ""

        self.mark(admin, portal.pl.cluster_contact, unhandle=message.pk)
        message.refresh_from_db()
        assert (message.handled_at, message.handled_by) == (None, None)

    def test_filter_by_handled(self, portal, messages, admin):
        self.mark(admin, portal.pl.cluster_contact, handle=messages[0].pk)

        _, handled = table(admin.get(inbox_url(portal.pl.cluster_contact, handled="true")))
        _, waiting = table(admin.get(inbox_url(portal.pl.cluster_contact, handled="false")))
        assert [row[1] for row in handled] == ["Anna Polska"]
        assert [row[1] for row in waiting] == ["Ann English"]

    def test_only_by_post(self, portal, messages, admin):
        url = reverse("contact_mark_handled", args=[portal.pl.cluster_contact.pk])

        assert admin.get(url, {"handle": messages[0].pk}).status_code == 405

    def test_a_message_of_another_form_cannot_be_marked_through_this_one(self, portal, messages, admin, send):
        send(portal.pl.portal_contact, valid_data(name="Do portalu"))
        other = ContactSubmission.objects.get(page=portal.pl.portal_contact)

        assert_refused(self.mark(admin, portal.pl.cluster_contact, handle=other.pk))
        other.refresh_from_db()
        assert other.handled_at is None


class TestOfficerAccess:
    def test_the_officer_sees_and_handles_the_clusters_inbox(self, portal, messages, client, officer):
        client.force_login(officer)

        _, rows = table(client.get(inbox_url(portal.en.cluster_contact)))
        assert len(rows) == 2
        response = client.post(
            reverse("contact_mark_handled", args=[portal.en.cluster_contact.pk]), {"handle": messages[0].pk}
        )
        assert response.status_code == 302

    def test_the_officer_cannot_reach_the_portals_inbox(self, portal, messages, client, officer, send):
        send(portal.pl.portal_contact, valid_data(name="Do portalu"))
        other = ContactSubmission.objects.get(page=portal.pl.portal_contact)
        client.force_login(officer)

        assert_refused(client.get(inbox_url(portal.pl.portal_contact)))
        assert_refused(client.get(inbox_url(portal.pl.portal_contact, export="csv")))
        assert_refused(
            client.post(reverse("contact_mark_handled", args=[portal.pl.portal_contact.pk]), {"handle": other.pk})
        )
        other.refresh_from_db()
        assert other.handled_at is None

    def test_anonymous_visitors_are_sent_to_the_login(self, portal, messages, client):
        response = client.post(
            reverse("contact_mark_handled", args=[portal.pl.cluster_contact.pk]), {"handle": messages[0].pk}
        )

        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
        assert not ContactSubmission.objects.filter(handled_at__isnull=False).exists()
