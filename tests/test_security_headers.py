"""The security headers (README "Security"): a strict Content-Security-Policy on the public site, and
nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options and Permissions-Policy everywhere,
cache hits included; public pages carry no inline script or style for the policy to block."""

import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache

pytestmark = pytest.mark.django_db

PUBLIC_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def parse_csp(header):
    directives = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "browsing-topics"):
        assert policy[feature] == "()", feature


def assert_public_csp(response):
    directives = parse_csp(response["Content-Security-Policy"])
    assert directives == PUBLIC_CSP
    for sources in directives.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(sources)


def test_a_public_page_has_the_strict_policy_and_every_header(client, portal):
    response = client.get(portal.pl.cluster.url)
    assert response.status_code == 200
    assert_common_headers(response)
    assert_public_csp(response)


def test_a_cache_hit_has_the_same_headers(client, portal, settings):
    settings.PAGECACHE_SECONDS = 600
    cache.clear()
    url = portal.en.cluster.url
    assert client.get(url)["X-Page-Cache"] == "miss"
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert_common_headers(hit)
    assert_public_csp(hit)
    assert hit.headers.get("Content-Security-Policy", "").count("default-src") == 1  # not stored and added again


def test_a_missing_page_has_the_strict_policy_and_every_header(client, portal):
    response = client.get("/pl/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert_common_headers(response)
    assert_public_csp(response)


def test_the_admin_has_the_headers_but_not_the_public_policy(client, portal):
    """Wagtail's admin needs inline scripts: it is left out of the policy (EXCLUDE_URL_PREFIXES)."""
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_common_headers(response)
    assert "Content-Security-Policy" not in response


def test_static_files_get_the_permissions_policy(client):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def public_urls(portal, news_hub):
    urls = []
    for tree in (portal.pl, portal.en):
        urls += [tree.home.url, tree.cluster.url, tree.news_index.url, tree.news[0].url, tree.cluster_contact.url]
        urls += [tree.portal_contact.url]
    urls += [hub.url for hub in news_hub]
    urls += ["/pl/szukaj/?q=klaster", "/en/search/?q=cluster", "/pl/nie-ma-takiej-strony/"]
    return urls


def test_public_pages_have_no_inline_script_or_style(client, portal, news_hub):
    """What the policy would block: script without src (JSON data blocks excepted), <style>, style= and on*=."""
    for url in public_urls(portal, news_hub):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        soup = BeautifulSoup(response.content, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") in DATA_SCRIPT_TYPES, (url, str(script)[:200])
        assert not soup.find_all("style"), url
        for tag in soup.find_all(True):
            attributes = [name for name in tag.attrs if name == "style" or name.startswith("on")]
            assert not attributes, (url, tag.name, attributes)
