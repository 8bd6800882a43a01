from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .models import PrivacyNoticePage
        from .privacy import forget

        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(forget, sender=PrivacyNoticePage, dispatch_uid=f"contact-privacy-{id(signal)}")
