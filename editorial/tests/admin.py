"""Drive Wagtail's own admin views with the test client: the forms' data as the admin renders them."""

from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

ADMIN_HOME = "/admin/"


def form_data(client, url, form_id="page-edit-form", **changes):
    """The data the admin form at `url` would post unchanged, with `changes` applied.

    StreamFields are drawn by JavaScript, so their inputs are missing from the HTML: they are sent empty
    unless `changes` gives them (see wagtail.test.utils.form_data.streamfield).
    """
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    model = response.context.get("page", None).specific_class if response.context.get("page") else None
    for field in model._meta.get_fields() if model else ():
        if isinstance(field, StreamField) and f"{field.name}-count" not in changes:
            data[f"{field.name}-count"] = "0"
    for name, value in changes.items():
        data[name] = value
    return data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def is_refused(response):
    """Wagtail's admin answers a refusal with a redirect to its dashboard (with a message), or a 403."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == ADMIN_HOME)


def new_comment(text, field="title"):
    """The editor's data for one new comment on a field (Wagtail's commenting)."""
    management = {"TOTAL_FORMS": 1, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}
    replies = {**management, "TOTAL_FORMS": 0}
    return nested_form_data(
        {"comments": {**management, "0": {"contentpath": field, "position": "", "text": text, "replies": replies}}}
    )
