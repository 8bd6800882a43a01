from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from wagtail.signals import page_published

        from clusters.models import ClusterPage

        from .notifications import (
            keep_comment_mail_from_failing_the_editor,
            notify_translators_of_source_change,
            send_workflow_mail_in_background,
        )
        from .roles import ensure_editorial_roles
        from .teams import on_cluster_page_saved

        post_migrate.connect(ensure_editorial_roles, sender=self)
        post_save.connect(on_cluster_page_saved, sender=ClusterPage, dispatch_uid="editorial.cluster_team")
        page_published.connect(notify_translators_of_source_change, dispatch_uid="editorial.notify_translators")
        send_workflow_mail_in_background()
        keep_comment_mail_from_failing_the_editor()
