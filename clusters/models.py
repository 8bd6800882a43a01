import math

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contact.models import ContactPage
from home.blocks import BodyStreamBlock
from home.page_mixins import PortalPageMixin
from news.models import NewsIndexPage
from news.queries import latest_news
from pagecache.parts import shared_value

from .colours import AA_TEXT_CONTRAST, WHITE, contrast_ratio

HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
hex_colour_validator = RegexValidator(
    HEX_COLOUR, _("Enter a colour as # followed by six hexadecimal digits, e.g. #1d5c8c.")
)


class Sector(TranslatableMixin, models.Model):
    """The economic sector a cluster works in; a snippet so its name is translated once."""

    name = models.CharField(_("name"), max_length=100)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ClusterPage(PortalPageMixin, Page):
    """One business cluster: who it is, what it wants and how to reach it.

    A single page type serves every cluster, so a third cluster is added in the admin, not in code.
    """

    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("Abbreviation used in menus and cards, e.g. SKM.")
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clusters",
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True, help_text=_("One sentence under the name."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wide picture shown at the top of the cluster's page."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#1d5c8c",
        validators=[hex_colour_validator],
        help_text=_("The cluster's colour, e.g. #1d5c8c."),
    )
    vision = RichTextField(_("vision"), blank=True, features=["bold", "italic", "link"])
    mission = RichTextField(_("mission"), blank=True, features=["bold", "italic", "link"])
    main_objective = RichTextField(_("main objective"), blank=True, features=["bold", "italic", "link", "ul"])
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsIndexPage", "contact.ContactPage"]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("sector")]),
                FieldPanel("tagline"),
                FieldRowPanel([FieldPanel("logo"), FieldPanel("hero_image")]),
                FieldPanel(
                    "accent_colour",
                    help_text=_(
                        "The cluster's colour, e.g. #1d5c8c. It must contrast with white at least 4.5:1 "
                        "(WCAG AA), so that it can carry white text or be the colour of text on white."
                    ),
                ),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("vision"), FieldPanel("mission"), FieldPanel("main_objective")],
            heading=_("Vision and mission"),
        ),
        InlinePanel("objectives", heading=_("Objectives"), label=_("Objective")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])],
            heading=_("Contact details"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("tagline"),
        index.SearchField("vision"),
        index.SearchField("mission"),
        index.SearchField("main_objective"),
        index.SearchField("body"),
    ]

    serve_select_related = ("hero_image", "logo", "sector")  # the hero, the <head>'s share image and JSON-LD

    # Language-neutral facts are kept identical in every translation.
    override_translatable_fields = [
        SynchronizedField("accent_colour", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    class Meta:
        verbose_name = _("cluster page")
        verbose_name_plural = _("cluster pages")

    def clean(self):
        """Refuse an accent colour too light to carry text, whoever chose it (WCAG 2.1 AA, 1.4.3)."""
        super().clean()
        if not self.accent_colour or not hex_colour_validator.regex.match(self.accent_colour):
            return  # the field's own validator reports the format
        ratio = contrast_ratio(self.accent_colour, WHITE)
        if ratio < AA_TEXT_CONTRAST:
            raise ValidationError(
                {
                    "accent_colour": _(
                        "The contrast of %(colour)s with white is %(ratio)s:1; at least %(minimum)s:1 is "
                        "needed (WCAG AA). Choose a darker colour."
                    )
                    % {
                        "colour": self.accent_colour,
                        # Rounded down, so that 4.499 never shows as the 4.5 it fails to reach.
                        "ratio": number_format(math.floor(ratio * 100) / 100, 2),
                        "minimum": number_format(AA_TEXT_CONTRAST, 1),
                    }
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["objectives"] = shared_value(request, ("objectives", self.pk), lambda: list(self.objectives.all()))
        # The first live news listing and contact page below the cluster, in one query (plain Pages: the
        # template only links to them).
        children = shared_value(
            request,
            ("cluster children", self.pk),
            lambda: list(Page.objects.child_of(self).live().type(NewsIndexPage, ContactPage).order_by("path")),
        )
        for name, model in (("news_index", NewsIndexPage), ("contact_page", ContactPage)):
            context[name] = next((child for child in children if issubclass(child.specific_class, model)), None)
        context["latest_news"] = shared_value(
            request, ("cluster news", self.pk), lambda: list(latest_news(self.locale_id, limit=3, within=self))
        )
        return context


class ClusterObjective(TranslatableMixin, Orderable):
    """One of a cluster's objectives; editors add and reorder them, translators translate each."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return self.text
