"""Production: refuses to start without its secrets; hashed, compressed static files."""

import copy
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CONTENT_SECURITY_POLICY, DEBUG, LOGGING, SECRET_KEY, STORAGES, TASKS, env_bool

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=0.")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random string, "
        'e.g. python -c "import secrets; print(secrets.token_urlsafe(50))".'
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Set the ALLOWED_HOSTS environment variable to the site's "
        "host names, comma-separated (e.g. ALLOWED_HOSTS=klastry.example.pl)."
    )

# Contact and editorial notifications go through the database queue, worked off by
# `manage.py db_worker --backend contact` and `--backend editorial`.
TASKS["contact"]["BACKEND"] = os.environ.get("CONTACT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS["editorial"]["BACKEND"] = os.environ.get("EDITORIAL_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")

# HTTPS (README "Security")
# ------------------------------------------------------------------------------
# The portal answers over https only: behind a reverse proxy (nginx) that terminates TLS and tells the portal
# the scheme in X-Forwarded-Proto. Trust that header only behind a proxy that always sets it (nginx:
# `proxy_set_header X-Forwarded-Proto $scheme;`); SECURE_PROXY_SSL_HEADER="" trusts nothing.
# ALLOW_PLAIN_HTTP=1 turns redirects, HSTS and secure cookies off: for `make audit` on 127.0.0.1 only.
ALLOW_PLAIN_HTTP = env_bool("ALLOW_PLAIN_HTTP", False)
HTTPS = not ALLOW_PLAIN_HTTP
_proxy_ssl_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto").strip()
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers may probe over plain http
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600))) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading commits the whole domain to https in browsers for months: opt in with SECURE_HSTS_PRELOAD=1.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]  # W021: "no HSTS preload"

# Cookies: Secure, HttpOnly and SameSite=Lax, with the __Host- prefix (only this host, path /, https only).
# The CSRF cookie can be HttpOnly: the admin takes the token from the page, and the public site has no script
# that reads it.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-django_language"

# UPLOADED FILES (README "Configuration")
# ------------------------------------------------------------------------------
# On the local disk (MEDIA_ROOT) unless AWS_STORAGE_BUCKET_NAME names an S3-compatible bucket (django-storages).
# The credentials are read by boto3 from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an instance role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,  # e.g. https://s3.example.net (MinIO...)
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,  # a CDN host name in front of it
        "default_acl": None,  # the bucket's policy decides who reads what
        "querystring_auth": False,  # plain URLs: cached pages outlive signed ones
        "file_overwrite": False,
    }
    STORAGES = {**STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3}}
    if _s3["custom_domain"]:
        _media_origins = [f"https://{_s3['custom_domain']}"]
    elif _s3["endpoint_url"]:
        _media_origins = [_s3["endpoint_url"].rstrip("/")]
    else:
        _media_origins = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if _s3["region_name"]:
            _media_origins.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_s3['region_name']}.amazonaws.com")
    CONTENT_SECURITY_POLICY = copy.deepcopy(CONTENT_SECURITY_POLICY)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _media_origins

# LOGGING
# ------------------------------------------------------------------------------
# One JSON object per line (time, level, logger, message, extra fields, traceback) on stdout, for the log
# collector (systemd's journal, a container runtime); LOG_FORMAT=text keeps plain lines. A management command
# whose output is data writes it to a file (`dumpdata -o backup.json`), not to stdout.
if os.environ.get("LOG_FORMAT", "json") == "json":
    LOGGING["handlers"]["console"] = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
        "formatter": "json",
    }
