from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation management")

    def ready(self):
        from .roles import ensure_translators_group, grant_new_root_page

        post_migrate.connect(ensure_translators_group, sender=self)
        # Page subclasses send post_save with their own class as sender, so the handler filters for itself.
        post_save.connect(grant_new_root_page, dispatch_uid="translations.grant_new_root_page")
