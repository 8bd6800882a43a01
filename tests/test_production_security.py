"""Production's hardened settings, read in a fresh interpreter as a server would (README "Security"):
`check --deploy` is clean; http is redirected to https (not /healthz) and https answers carry one year of HSTS;
the cookies are Secure, HttpOnly, Lax and __Host- named; ALLOW_PLAIN_HTTP=1 (make audit) turns that off;
AWS_STORAGE_BUCKET_NAME switches uploads to S3; the logs are JSON lines."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SCRIPT = """
import json
import logging
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from django.test import Client

def answer(response):
    return {"status": response.status_code, **response.headers}

client = Client()
names = [
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_NAME", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_NAME", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE", "LANGUAGE_COOKIE_NAME", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE", "SESSION_ENGINE", "STORAGES", "CONTENT_SECURITY_POLICY",
]
logging.getLogger("portal.test").warning("a structured line", extra={"path": "/pl/"})
print(json.dumps({
    "settings": {name: getattr(settings, name, None) for name in names},
    "storage": type(storages["default"]).__module__,
    "media_url": storages["default"].url("images/photo.png"),
    "http_page": answer(client.get("/pl/")) if settings.SECURE_SSL_REDIRECT else None,
    "http_health": answer(client.get("/healthz")),
    "https_health": answer(client.get("/healthz", secure=True)),
    "proxied_health": answer(client.get("/healthz", headers={"x-forwarded-proto": "https"})),
}, default=list))
"""


def production(tmp_path, **environment):
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        **environment,
    }
    return env


def run_production(tmp_path, **environment):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=BASE_DIR,
        env=production(tmp_path, **environment),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    *logs, served = result.stdout.splitlines()  # the script prints its answer last, after any log line
    return json.loads(served), "\n".join(logs)


def test_check_deploy_reports_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production(tmp_path, ALLOWED_HOSTS="example.org"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # W021 (no HSTS preload) is silenced until SECURE_HSTS_PRELOAD=1: preloading commits the whole domain.
    assert "System check identified no issues (1 silenced)." in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stdout and "WARNINGS" not in result.stderr


def test_https_only_with_hsts_and_host_only_secure_cookies(tmp_path):
    served, _logs = run_production(tmp_path)
    settings = served["settings"]

    assert served["http_page"]["status"] == 301
    assert served["http_page"]["Location"] == "https://testserver/pl/"
    assert served["http_health"]["status"] == 200  # load balancers probe over plain http
    for name in ("https_health", "proxied_health"):  # directly, or behind nginx's X-Forwarded-Proto
        assert served[name]["status"] == 200, name
        assert served[name]["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains", name
    assert "Strict-Transport-Security" not in served["http_health"]
    assert settings["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert settings["SECURE_HSTS_PRELOAD"] is False

    for cookie, name in (("SESSION", "__Host-sessionid"), ("CSRF", "__Host-csrftoken"), ("LANGUAGE", None)):
        assert settings[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert settings[f"{cookie}_COOKIE_HTTPONLY"] is True, cookie
        assert settings[f"{cookie}_COOKIE_SAMESITE"] == "Lax", cookie
        assert settings[f"{cookie}_COOKIE_NAME"].startswith("__Host-"), cookie
        if name:
            assert settings[f"{cookie}_COOKIE_NAME"] == name
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_hsts_preload_is_opt_in(tmp_path):
    served, _logs = run_production(tmp_path, SECURE_HSTS_PRELOAD="1", SECURE_HSTS_SECONDS="63072000")
    assert served["https_health"]["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"


def test_allow_plain_http_is_for_the_audit_only(tmp_path):
    served, _logs = run_production(tmp_path, ALLOW_PLAIN_HTTP="1")
    settings = served["settings"]
    assert settings["SECURE_SSL_REDIRECT"] is False
    assert served["http_health"]["status"] == 200
    assert "Strict-Transport-Security" not in served["https_health"]
    assert settings["SESSION_COOKIE_SECURE"] is False
    assert settings["SESSION_COOKIE_NAME"] == "sessionid"  # a __Host- cookie needs https
    assert settings["CSRF_COOKIE_HTTPONLY"] is True


def test_uploads_stay_on_the_local_disk_by_default(tmp_path):
    served, _logs = run_production(tmp_path)
    assert served["settings"]["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert served["storage"] == "django.core.files.storage.filesystem"
    assert served["settings"]["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "data:"]


def test_a_bucket_name_switches_uploads_to_s3(tmp_path):
    """No network: the storage is built and asked for a URL, which needs no request."""
    served, _logs = run_production(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="test-key-id",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )
    default = served["settings"]["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "portal-media"
    assert "secret" not in json.dumps(default).lower()  # credentials stay in the environment, for boto3
    assert served["storage"] == "storages.backends.s3"
    assert served["media_url"] == "https://media.example.org/images/photo.png"
    img_src = served["settings"]["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert img_src == ["'self'", "data:", "https://media.example.org"]


def test_logs_are_json_lines_on_stdout(tmp_path):
    _served, logs = run_production(tmp_path)
    entries = [json.loads(line) for line in logs.splitlines()]  # every line of stdout is one JSON object
    entry = next(entry for entry in entries if entry["logger"] == "portal.test")
    assert entry["level"] == "WARNING"
    assert entry["message"] == "a structured line"
    assert entry["path"] == "/pl/"
    assert entry["time"].endswith("+00:00")
