"""Without Redis the cache is files that every process of the machine shares (CACHE_DIR): a publish in another
process (the scheduled publishing command, another gunicorn worker) purges the pages this one keeps."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_production_security import production

BASE_DIR = Path(__file__).resolve().parent.parent.parent

PURGE = "import django; django.setup(); from pagecache.store import start_new_generation; start_new_generation()"

pytestmark = pytest.mark.django_db


def test_a_purge_in_another_process_reaches_this_one(client, portal, settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "files": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)},
    }
    settings.PAGECACHE_ALIAS = "files"
    settings.PAGECACHE_SECONDS = 600
    url = portal.pl.cluster.url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    production_without_redis = production(tmp_path, CACHE_DIR=str(tmp_path), LOG_LEVEL="WARNING")
    subprocess.run(  # noqa: S603 - this interpreter and our own code
        [sys.executable, "-c", PURGE], cwd=BASE_DIR, env=production_without_redis, check=True, timeout=120
    )

    assert client.get(url)["X-Page-Cache"] == "miss"
