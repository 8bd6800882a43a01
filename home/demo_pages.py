"""One address of each public page type in the demo content: what the accessibility and page-weight tests,
`make audit` and `make bench` visit, found the same way everywhere."""

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from clusters.models import ClusterPage
from contact.models import ContactPage, PrivacyNoticePage
from news.models import NewsHubPage, NewsIndexPage, NewsPage


def demo_page_urls(language_code):
    """{page type: path} in `language_code`: the first cluster, its news listing, its newest news item and its
    contact page, the portal pages, and the search form."""
    locale = Locale.objects.get(language_code=language_code)
    cluster = ClusterPage.objects.live().filter(locale=locale).order_by("path").first()
    with translation.override(language_code):
        search = reverse("search")
    return {
        "home": f"/{language_code}/",
        "cluster": cluster.url,
        "news listing": NewsIndexPage.objects.live().child_of(cluster).get().url,
        "news": NewsPage.objects.live().filter(locale=locale).order_by("-date").first().url,
        "news hub": NewsHubPage.objects.live().get(locale=locale).url,
        "contact": ContactPage.objects.live().child_of(cluster).get().url,
        "privacy notice": PrivacyNoticePage.objects.live().get(locale=locale).url,
        "search": search,
    }
