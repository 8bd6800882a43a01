"""The dashboard panel: what is left to translate, counted per language, and the first few items."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from .status import translation_status

ITEMS_SHOWN = 5


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "translations/dashboard_panel.html"
    order = 150  # above the moderation and recent-edits panels

    def get_context_data(self, parent_context):
        statuses = translation_status(parent_context["request"].user)
        items = [item for status in statuses for item in status.items]
        return {
            "statuses": statuses,
            "items": items[:ITEMS_SHOWN],
            "total": len(items),
            "report_url": reverse("translation_status_report"),
        }
