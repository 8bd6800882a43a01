"""templates/contact/: the form (labels, help texts, errors, CSRF) and the thank-you page."""

import pytest
from bs4 import BeautifulSoup

from contact.models import ContactSubmission

from .conftest import valid_data


@pytest.fixture
def form(portal, fetch):
    return fetch(portal.en.cluster_contact.url).find("form", class_="contact-form")


def test_intro_and_form(portal, fetch):
    soup = fetch(portal.en.cluster_contact.url)

    assert soup.h1.get_text(strip=True) == "Contact the cluster"
    assert "Write to us." in soup.find(class_="page-intro").get_text()
    form = soup.find("form", class_="contact-form")
    assert form["method"] == "post"
    assert form["action"] == portal.en.cluster_contact.url


def test_csrf_token(form):
    assert form.find("input", attrs={"type": "hidden", "name": "csrfmiddlewaretoken"})["value"]


def test_every_input_has_a_label_bound_to_it(form):
    for name, label in [("name", "Full name"), ("email", "E-mail"), ("message", "Message")]:
        control = form.find(attrs={"name": name})
        bound = form.find("label", attrs={"for": control["id"]})
        assert bound is not None, name
        assert bound.get_text(" ", strip=True).startswith(label)


def test_radio_buttons_are_a_fieldset_with_a_legend(form):
    fieldset = form.find("input", attrs={"name": "topic"}).find_parent("fieldset")

    assert fieldset.legend.get_text(strip=True) == "Topic"
    for radio in fieldset.find_all("input", attrs={"type": "radio"}):
        assert form.find("label", attrs={"for": radio["id"]})


def test_help_text_is_tied_to_its_input(form):
    email = form.find("input", attrs={"name": "email"})

    help_text = form.find(id=email["aria-describedby"])
    assert help_text.get_text(strip=True) == "We will answer to this address."


def test_required_fields_are_marked_and_the_mark_explained(form):
    assert "required" in form.find("input", attrs={"name": "name"}).attrs
    assert "required" not in form.find("input", attrs={"name": "topic"}).attrs
    assert form.find("label", attrs={"for": "id_name"}).find(class_="required-mark")
    assert (
        form.find("p", class_="form-note").get_text(strip=True) == "Fields marked with an asterisk (*) are required."
    )


def test_submit_button(form):
    button = form.find("button")

    assert button["type"] == "submit"
    assert button.get_text(strip=True) == "Send message"


def test_no_error_summary_before_sending(form):
    assert form.find(attrs={"role": "alert"}) is None


class TestErrors:
    @pytest.fixture
    def soup(self, portal, client):
        data = valid_data(name="", email="not-an-address", message="", privacy_consent=None)
        response = client.post(portal.en.cluster_contact.url, data)
        assert response.status_code == 200
        return BeautifulSoup(response.content, "html.parser")

    def test_summary_at_the_top_with_links_to_the_fields(self, soup):
        summary = soup.find(attrs={"role": "alert"})

        assert summary.find_parent("form") is not None
        assert summary.find_previous(class_="form-field") is None  # above every field
        assert summary.h2.get_text(strip=True) == "Please correct the following:"
        assert {link["href"] for link in summary.find_all("a")} == {
            "#id_name",
            "#id_email",
            "#id_message",
            "#id_privacy_consent",
        }
        for link in summary.find_all("a"):
            assert soup.find(id=link["href"][1:])

    def test_each_error_next_to_its_field_and_described_by_it(self, soup):
        email = soup.find("input", attrs={"name": "email"})

        assert email["aria-invalid"] == "true"
        described_by = email["aria-describedby"].split()
        assert described_by == ["id_email_helptext", "id_email_error"]
        error = soup.find(id="id_email_error")
        assert error.get_text(strip=True)
        assert error.find_parent(class_="form-field") is email.find_parent(class_="form-field")

    def test_values_are_kept(self, soup):
        assert soup.find("input", attrs={"name": "email"})["value"] == "not-an-address"

    def test_the_title_says_there_is_an_error(self, soup):
        assert soup.title.get_text().startswith("Error:")


def test_landing_page_shows_the_thank_you_text(portal, send):
    response = send(portal.pl.cluster_contact, valid_data(name="Anna"))

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert len(soup.find_all("h1")) == 1
    assert "Dziękujemy za wiadomość." in soup.main.get_text()
    assert soup.main.find("a", class_="back-link")["href"] == "/pl/"
    assert soup.html["lang"] == "pl"
    assert ContactSubmission.objects.count() == 1


def test_landing_page_shows_what_was_sent(portal, send):
    soup = BeautifulSoup(send(portal.en.cluster_contact, valid_data(topic="Członkostwo")).content, "html.parser")

    summary = soup.find("section", class_="message-summary")
    pairs = dict(zip(summary.select("dt"), summary.select("dd"), strict=True))
    assert {dt.get_text(strip=True): dd.get_text(strip=True) for dt, dd in pairs.items()} == {
        "Full name": "Anna Nowak",
        "E-mail": "anna@example.org",
        "Topic": "Członkostwo",
        "Message": "Dzień dobry",
    }


def test_the_error_summary_takes_the_focus(portal, client):
    response = client.post(portal.en.cluster_contact.url, valid_data(message=""))

    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert summary["tabindex"] == "-1"
    assert "autofocus" in summary.attrs
