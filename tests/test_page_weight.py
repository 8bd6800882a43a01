"""Page weight budget: every public page type, in both languages, stays light on a phone's connection.

The demo content stands in for real pages. What is weighed is what a first visit downloads before any image:
the HTML and the stylesheets and scripts it links, each gzipped as whitenoise serves them.
"""

import gzip
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command

from home.demo_pages import demo_page_urls

BUDGET = 60 * 1024  # bytes, gzipped


@pytest.fixture
def demo(db):
    cache.clear()  # Wagtail caches the site root paths
    call_command("load_demo_content", verbosity=0)


def page_urls(language_code):
    """One address of each public page type in the language (the search with results)."""
    urls = demo_page_urls(language_code)
    return {**urls, "search": urls["search"] + "?q=klaster"}


def linked_assets(html):
    """Paths (below STATIC_URL) of the stylesheets and scripts the page links."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [link["href"] for link in soup.select('link[rel~="stylesheet"][href], link[rel~="modulepreload"][href]')]
    urls += [script["src"] for script in soup.select("script[src]")]
    paths = []
    for url in urls:
        path = urlsplit(url).path
        assert path.startswith(settings.STATIC_URL), f"{url} is not one of the portal's static files"
        paths.append(path.removeprefix(settings.STATIC_URL))
    return paths


def gzipped_size(content):
    return len(gzip.compress(content, compresslevel=9))


def weigh(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    weight = gzipped_size(response.content)
    for path in linked_assets(response.content):
        found = finders.find(path)
        assert found, f"{url} links {path}, which is not a static file"
        with open(found, "rb") as file:
            weight += gzipped_size(file.read())
    return weight


def test_every_public_page_type_weighs_at_most_60_kb_gzipped(demo, client):
    weights = {
        (language_code, page_type): weigh(client, url)
        for language_code, _name in settings.LANGUAGES
        for page_type, url in page_urls(language_code).items()
    }

    assert len(weights) == 16
    over = {page: f"{weight / 1024:.1f} KB" for page, weight in weights.items() if weight > BUDGET}
    assert not over, f"over the {BUDGET // 1024} KB budget (HTML + CSS + JS, gzipped): {over}"
