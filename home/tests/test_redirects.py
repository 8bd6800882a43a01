"""Automatic redirects: kept for public addresses, none from addresses that never were."""

from django.test import TestCase

from wagtail.contrib.redirects.models import Redirect


def publish_now(page):
    """Publish and run what Wagtail defers to the commit (the slug-change signal)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()


def test_renaming_a_live_page_keeps_its_old_address_working(portal, client):
    news = portal.pl.news[0]
    old_url = news.url
    news.slug = "nowy-adres"
    publish_now(news)

    redirect = Redirect.objects.get()
    assert redirect.old_path == old_url.rstrip("/")
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/nowy-adres/")


def test_renaming_a_draft_creates_no_redirect(portal):
    draft = portal.polish_only_news.copy_for_translation(portal.en_locale)
    assert not draft.live
    draft.slug = "translated-slug"
    publish_now(draft)

    assert draft.live
    assert draft.url.endswith("/translated-slug/")
    assert not Redirect.objects.exists()
