from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Portal home and site-wide content")

    def ready(self):
        from .locales import create_content_locales
        from .redirects import skip_redirects_from_unpublished_addresses
        from .slugs import use_transliterating_slugify

        post_migrate.connect(create_content_locales, sender=self)
        use_transliterating_slugify()
        skip_redirects_from_unpublished_addresses()
