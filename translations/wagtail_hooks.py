"""Admin wiring: the guarded wagtail-localize views, the translator's limits, the dashboard panel, the report."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import guards
from .panels import TranslationStatusPanel
from .roles import edits_page_only_as_translator, edits_snippets_only_as_translator, exclude_pages_only_translatable
from .views import TranslationStatusReportView, submit_for_approval


@hooks.register("register_admin_urls", order=-1)  # before wagtail-localize's, which mounts the same paths
def register_admin_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            guards.SubmitPageTranslationView.as_view(),
            name="translations_submit_page",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guards.SubmitSnippetTranslationView.as_view(),
            name="translations_submit_snippet",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            guards.UpdateTranslationsView.as_view(),
            name="translations_update",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            guards.convert_to_alias,
            name="translations_convert_to_alias",
        ),
        path("reports/translation-status/", TranslationStatusReportView.as_view(), name="translation_status_report"),
        path(
            "translations/<int:translation_id>/submit-for-approval/",
            submit_for_approval,
            name="translations_submit_for_approval",
        ),
    ]


def refuse(request):
    messages.error(request, _("As a translator you can change content only in the translation editor."))
    return redirect("wagtailadmin_home")


# Runs after wagtail-localize's hook, which answers first with its own editor on synced translations.
@hooks.register("before_edit_page", order=100)
@hooks.register("before_delete_page")
@hooks.register("before_convert_alias_page")
def refuse_page_to_translators(request, page):
    if edits_page_only_as_translator(request.user, page):
        return refuse(request)
    return None


@hooks.register("before_bulk_action")
def refuse_page_bulk_actions_to_translators(request, action_type, objects, action_class_instance):
    if any(isinstance(obj, Page) and edits_page_only_as_translator(request.user, obj) for obj in objects):
        return refuse(request)
    return None


@hooks.register("before_edit_snippet", order=100)
def refuse_snippet_to_translators(request, instance):
    if edits_snippets_only_as_translator(request.user, type(instance)):
        return refuse(request)
    return None


@hooks.register("construct_admin_api")
def guard_admin_api_page_actions(router):
    router.register_endpoint("pages", guards.PagesAdminAPIViewSet)


@hooks.register("filter_form_submissions_for_user")
def hide_form_submissions_from_translators(user, editable_forms):
    """Editing a contact page for its translation is no reason to read the messages sent through it."""
    return exclude_pages_only_translatable(user, editable_forms)


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("translation_status_report"),
        icon_name="wagtail-localize-language",
        order=9100,
    )
