from django.urls import path

from wagtail import hooks

from .admin_views import mark_handled


@hooks.register("register_admin_urls")
def register_contact_admin_urls():
    return [path("contact/submissions/<int:page_id>/handled/", mark_handled, name="contact_mark_handled")]
