from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache for anonymous readers")

    def ready(self):
        from .invalidation import connect_purge_signals

        connect_purge_signals()
