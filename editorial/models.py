from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection


class ClusterTeam(models.Model):
    """A cluster's communication officers: their group and their collection of images and documents.

    Keyed by the cluster's translation_key, so all language versions of the cluster share one team.
    Made, renamed and given its permissions by editorial.teams whenever a ClusterPage is saved.
    """

    translation_key = models.UUIDField(_("cluster's translation key"), unique=True, editable=False)
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="cluster_team")
    collection = models.OneToOneField(
        Collection, verbose_name=_("collection"), on_delete=models.CASCADE, related_name="cluster_team"
    )

    class Meta:
        verbose_name = _("cluster team")
        verbose_name_plural = _("cluster teams")

    def __str__(self):
        return self.group.name
