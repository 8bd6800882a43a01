from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin

from clusters.models import ClusterPage
from news.queries import latest_news
from pagecache.parts import request_cache, shared_value

from .blocks import BodyStreamBlock
from .page_mixins import PortalPageMixin

HOME_NEWS_COUNT = 6


class HomePage(PortalPageMixin, Page):
    """The portal's front page in one language: introduction, the clusters, the latest news."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["clusters.ClusterPage", "news.NewsHubPage", "contact.ContactPage", "contact.PrivacyNoticePage"]

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from news.feeds import feed_links  # news.feeds reads the site texts defined below

        from . import navigation  # reads the models defined below

        context = super().get_context(request, *args, **kwargs)
        context["clusters"] = shared_value(
            request,
            ("home clusters", self.pk),
            lambda: list(
                ClusterPage.objects.child_of(self)
                .live()
                .select_related("logo", "sector")
                .prefetch_related("logo__renditions")
            ),
        )
        context["latest_news"] = shared_value(
            request, ("home news", self.pk), lambda: list(latest_news(self.locale_id, limit=HOME_NEWS_COUNT))
        )
        site, language_code = navigation.site_for_request(request), self.locale.language_code
        context["news_hub"] = news_hub = navigation.news_hub(site, language_code, request_cache(request))
        context["feeds"] = feed_links(news_hub, request) if news_hub else []
        return context


class SiteText(TranslatableMixin, models.Model):
    """Reader-facing texts of the whole portal: a translatable snippet, one per language,
    because contrib.settings cannot be translated."""

    organisation_name = models.CharField(_("organisation name"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("organisation_name"), FieldPanel("tagline"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site text")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return self.organisation_name


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Configuration that is the same in every language: where mail goes, the social profiles."""

    contact_email = models.EmailField(
        _("default contact e-mail"), blank=True, help_text=_("Used where a page names no address of its own.")
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("linkedin_url"), FieldPanel("youtube_url"), FieldPanel("x_url")],
            heading=_("Social media profiles"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @property
    def social_links(self):
        """(name, address) of every profile that is set, in a fixed order."""
        fields = ["facebook_url", "linkedin_url", "youtube_url", "x_url"]
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name)) for name in fields if getattr(self, name)
        ]
