"""The CDN hook: with FRONTEND_CACHE_PURGE_URL's backend configured, publishing a page sends an HTTP PURGE of its
URL to the proxy (here a small server on loopback that records what it receives)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


class RecordingProxy(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    RecordingProxy.received = []
    server = HTTPServer(("127.0.0.1", 0), RecordingProxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "en"])
def test_publishing_purges_the_page_from_the_proxy(portal, proxy, settings, language):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{proxy.server_port}",
        }
    }
    cluster = getattr(portal, language).cluster
    cluster.save_revision().publish()

    assert (portal.site.hostname, cluster.url) in RecordingProxy.received
