"""Production serves static files with hashed names, compressed and cached for at least a year
(whitenoise: ten years and `immutable`, since a new version gets a new name).

Run in a fresh interpreter with the production settings: collectstatic into a temporary folder, then the
stylesheet is requested through the middleware, as gunicorn would pass the request on.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SCRIPT = """
import json
import django
from django.core.management import call_command
django.setup()
from django.conf import settings
from django.templatetags.static import static
from django.test import Client

call_command("collectstatic", interactive=False, verbosity=0)
client = Client(headers={"accept-encoding": "gzip"})
# secure=True: production redirects plain http to https.
hashed = client.get(static("css/portal.css"), secure=True)
plain = client.get("/static/css/portal.css", secure=True)
print(json.dumps({
    "storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "url": static("css/portal.css"),
    "hashed": {"status": hashed.status_code, **hashed.headers},
    "plain": {"status": plain.status_code, **plain.headers},
}))
"""


def test_production_static_files_are_hashed_compressed_and_cached_for_at_least_a_year(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "a-production-like-secret-key-that-is-long-enough-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.splitlines()[-1])

    assert served["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert served["url"].startswith("/static/css/portal.") and served["url"] != "/static/css/portal.css"
    hashed = served["hashed"]
    assert hashed["status"] == 200
    directives = [directive.strip() for directive in hashed["Cache-Control"].split(",")]
    assert "immutable" in directives and "public" in directives
    max_age = next(int(directive.split("=")[1]) for directive in directives if directive.startswith("max-age="))
    assert max_age >= 365 * 24 * 3600
    assert hashed["Content-Encoding"] == "gzip"
    plain = served["plain"]  # an unhashed name may change with the next release: cached briefly
    assert plain["status"] == 200
    assert plain["Cache-Control"] == "max-age=60, public"


MEDIA_SCRIPT = """
import django
django.setup()
from django.test import Client
from django.urls import Resolver404, resolve
try:
    resolve("/media/images/photo.txt")
except Resolver404:
    print("not served")
else:
    response = Client().get("/media/images/photo.txt", secure=True)
    print(response.status_code, b"".join(response.streaming_content).decode())
"""


def test_production_serves_uploads_only_when_told_to(tmp_path):
    """Uploads are the web server's job; SERVE_MEDIA=1 is for make audit and trials without one."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.txt").write_text("an upload")
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "a-production-like-secret-key-that-is-long-enough-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "MEDIA_ROOT": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }

    def status(**extra):
        result = subprocess.run(
            [sys.executable, "-c", MEDIA_SCRIPT], cwd=BASE_DIR, env={**env, **extra}, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()[-1]  # after production's log lines

    assert status() == "not served"
    assert status(SERVE_MEDIA="1") == "200 an upload"
