"""The anonymous page cache: hits without the database, never for what must not be shared, and never stale
after anything a page shows is published, unpublished, moved or deleted."""

import pytest

from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import PortalSettings, SiteText
from pagecache.store import lookup, start_new_generation, store

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGECACHE_SECONDS = 600
    settings.PAGECACHE_PARTS_SECONDS = 600
    cache.clear()
    caches["pagecache_parts"].clear()


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def test_the_second_anonymous_request_is_served_without_the_database(client, portal, django_assert_num_queries):
    url = portal.pl.cluster.url
    first, first_html = get(client, url)
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second, second_html = get(client, url)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second_html == first_html
    for header in ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Referrer-Policy"):
        assert second[header] == first[header], header


@pytest.mark.parametrize("language", ["pl", "en"])
def test_publishing_shows_the_change_on_the_next_request(client, portal, language, publish_change):
    cluster = getattr(portal, language).cluster
    get(client, cluster.url)
    get(client, cluster.url)

    publish_change(cluster, tagline=f"Nowe hasło / new tagline {language}")

    response, html = get(client, cluster.url)
    assert response["X-Page-Cache"] == "miss"
    assert f"Nowe hasło / new tagline {language}" in html


def test_a_published_news_title_reaches_the_cached_home_page(client, portal, publish_change):
    home = portal.en.home.url
    get(client, home)

    publish_change(portal.en.news[0], title="A brand new headline")

    assert "A brand new headline" in get(client, home)[1]


def test_unpublishing_and_deleting_take_the_page_away(client, portal, on_commit):
    news = portal.pl.news[0]
    url = news.url
    assert get(client, url)[0].status_code == 200

    with on_commit():
        news.unpublish()
    assert client.get(url).status_code == 404

    cluster_url = portal.en.cluster.url
    get(client, cluster_url)
    with on_commit():
        portal.en.news[0].delete()
    assert portal.en.news[0].title not in get(client, cluster_url)[1]


def test_moving_a_page_changes_its_address_at_once(client, portal, on_commit):
    news = portal.pl.news[0]
    old_url = news.url
    get(client, old_url)

    with on_commit():
        news.move(portal.pl.home, pos="last-child")

    news.refresh_from_db()
    moved = client.get(old_url)  # Wagtail leaves a redirect from the old address
    assert moved.status_code in (301, 302)
    assert moved["Location"].endswith(news.url)


def test_a_snippet_and_a_setting_purge_every_page(client, portal, on_commit):
    url = portal.pl.news_index.url
    get(client, url)

    texts = SiteText.objects.get(locale=portal.pl_locale)
    texts.footer_text = "<p>Stopka po zmianie</p>"
    with on_commit():
        texts.save()
    assert "Stopka po zmianie" in get(client, url)[1]

    portal_settings = PortalSettings.for_site(portal.site)
    portal_settings.linkedin_url = "https://www.linkedin.com/company/klaster-po-zmianie"
    with on_commit():
        portal_settings.save()
    assert "klaster-po-zmianie" in get(client, url)[1]


def test_a_draft_does_not_purge_and_is_never_shown(client, portal, on_commit):
    cluster = portal.pl.cluster
    get(client, cluster.url)
    cluster.tagline = "Szkic, którego nikt nie widzi"
    with on_commit():
        cluster.save_revision()

    response, html = get(client, cluster.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Szkic, którego nikt nie widzi" not in html


def test_signed_in_users_are_never_cached_nor_served_from_the_cache(client, portal, django_user_model):
    url = portal.pl.cluster.url
    get(client, url)  # an anonymous copy is in the cache
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@example.org", "secret-password"))

    for _ in range(2):
        response, _html = get(client, url)
        assert "X-Page-Cache" not in response


def test_pages_with_a_form_token_errors_and_redirects_are_not_cached(client, portal):
    for _ in range(2):
        form = client.get(portal.pl.cluster_contact.url)
        assert form.status_code == 200
        assert "X-Page-Cache" not in form
        assert "csrftoken" in form.cookies

        missing = client.get("/pl/nie-ma-takiej-strony/")
        assert missing.status_code == 404
        assert "X-Page-Cache" not in missing

        root = client.get("/")
        assert root.status_code == 302
        assert "X-Page-Cache" not in root


def test_a_page_rendered_before_a_purge_is_never_served_after_it(rf, portal, client):
    """A slow render that read the old content finishes after an editor published: it is stored under the
    generation it started in, which the purge retired."""
    request = rf.get(portal.pl.cluster.url)
    generation, cached = lookup(request)
    assert cached is None
    old_render = client.get(portal.pl.cluster.url)
    cache.clear()

    generation, _ = lookup(request)
    start_new_generation()  # the editor publishes
    store(request, old_render, generation)

    assert lookup(request)[1] is None


def test_a_miss_reuses_the_site_wide_parts_until_the_next_publish(
    client, portal, django_assert_max_num_queries, publish_change
):
    """The navigation, home pages, site texts and language links a first page read are shared by the next
    page's render; a publish retires them with the pages."""
    with CaptureQueriesContext(connection) as cold:
        get(client, portal.pl.news[0].url)
    with CaptureQueriesContext(connection) as first_render:
        get(client, portal.pl.news[1].url)
    assert len(first_render) < len(cold)

    publish_change(portal.pl.cluster, short_name="NOWA")
    response, html = get(client, portal.pl.news[1].url)
    assert response["X-Page-Cache"] == "miss"
    assert "NOWA" in html  # the navigation's short name, read again after the publish
