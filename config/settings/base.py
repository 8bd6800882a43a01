"""Settings shared by every environment.

Secure by default: DEBUG is off and secrets come only from the environment.
dev.py and test.py loosen what they must; production.py insists on the secrets.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

CONFIG_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CONFIG_DIR.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# GENERAL
# ------------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
TIME_ZONE = "Europe/Warsaw"
USE_TZ = True

# LANGUAGES
# ------------------------------------------------------------------------------
# LANGUAGE_CODE must stay "pl" from the first migrate on: Wagtail creates the
# default locale and the root page's locale from it.
LANGUAGE_CODE = "pl"
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
# Adding a language (e.g. ("de", "Deutsch"), ("cs", "Čeština")) here is enough:
# home.locales creates its Locale on the next migrate.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("pl", "Polski"),
    ("en", "English"),
]
LOCALE_PATHS = [CONFIG_DIR / "locale"]
# Admin slugs are transliterated to ASCII (Łódź -> lodz), as public URLs must be typeable.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# DATABASES
# ------------------------------------------------------------------------------
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# APPS
# ------------------------------------------------------------------------------
LOCAL_APPS = [
    "users",
    "home",
    "clusters",
    "news",
    "contact",
    "translations",
    "editorial",
    "pagecache",
]
THIRD_PARTY_APPS = [
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (same app label)
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # backup codes
]
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
INSTALLED_APPS = LOCAL_APPS + THIRD_PARTY_APPS + DJANGO_APPS

# Django's advice for new projects: a custom user model from day one (README).
AUTH_USER_MODEL = "users.User"

# Sign-in throttle (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name from one address,
# that pair is refused for AXES_COOLOFF_MINUTES, with a translated 429 page; a good sign-in resets the count.
# AxesBackend, not AxesStandaloneBackend: it can also load the session's user (it is a ModelBackend), which
# matters when a test or a tool signs a user in without a password through the first backend.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "users.views.sign_in_locked"
AXES_CLIENT_IP_CALLABLE = "contact.ratelimit.client_address"  # honours CONTACT_TRUSTED_PROXY_HEADER

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache and whitenoise, so cache hits and static files get these headers too.
    "config.security.permissions_policy",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pagecache.middleware.AnonymousPageCacheMiddleware",  # a hit answers before sessions or the database
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "users.two_factor.TwoFactorMiddleware",  # optional two-factor sign-in for the admin (README, Security)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Uploaded files are served by the web server in front of the portal. SERVE_MEDIA=1 lets the portal serve them
# itself when there is none (make audit, a trial on one machine): simple, not fast.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-MAIL
# ------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A blackholed mail server must not hold a worker forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# WAGTAIL
# ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Cluster Portal"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name authenticator apps show next to the code
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# PostgreSQL has no Polish text-search configuration: "simple" (no stemming, no stop words) for every language;
# home.search adds fuzzy, accent-insensitive matching (README "Search"). Changing it needs `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}
# Uploads (README "Security"): office documents and images only, never HTML, SVG or scripts. Documents are
# always downloaded as attachments (none opens in the browser, PDF included), through Wagtail's serve view,
# which checks collection privacy and adds nosniff and "Content-Security-Policy: default-src 'none'".
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry scripts
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000  # 50 megapixels: any camera's photo, no decompression bomb
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A translation of a live page must not go public before it is translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off unless a DeepL key is given. wagtail-localize calls DeepL inside the
# translator's request; a missing key would crash it, so the translator is configured only with one.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"], "TIMEOUT": 30},
    }

# CACHE (pagecache app; README "Caching")
# ------------------------------------------------------------------------------
# Redis when REDIS_URL is set, shared by every app server; a Redis outage means cache misses, never errors.
# Otherwise files in CACHE_DIR, shared by every process of this machine (the server's workers, the scheduled
# publishing command), so that a publish in one of them purges the pages the others keep.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "pagecache.backends.FailSafeRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
# Each process's own copy of the page cache's shared parts (pagecache.store.kept_until_next_purge): a render
# asks the shared cache only for the generation, not for each part, once its process has seen them.
CACHES["pagecache_parts"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pagecache-parts",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# Anonymous readers' pages are kept this many seconds (0 turns the page cache off); every publish purges them.
PAGECACHE_SECONDS = int(os.environ.get("PAGECACHE_SECONDS", "3600"))
# The parts every page repeats (site lookup, navigation, header, footer, news cards, pictures), rendered once and
# shared by anonymous readers' page renders until the next purge, also with the page cache off (0 turns it off).
PAGECACHE_PARTS_SECONDS = int(os.environ.get("PAGECACHE_PARTS_SECONDS", "3600"))
PAGECACHE_ALIAS = "default"
# `make bench` only: route /bench/floor, a trivial view measuring the framework (home/bench.py). Never in production.
BENCH_FLOOR_VIEW = env_bool("BENCH_FLOOR_VIEW", False)
# A CDN or caching proxy in front of the portal is told to purge a page's URLs when it is published or
# unpublished: FRONTEND_CACHE_PURGE_URL for a proxy that accepts HTTP PURGE (Varnish, nginx), or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }

# SECURITY HEADERS (README "Security"; production.py adds HTTPS, HSTS and the cookie settings)
# ------------------------------------------------------------------------------
# Django's SecurityMiddleware sends nosniff, Referrer-Policy and Cross-Origin-Opener-Policy; these are its
# defaults, written out. X_FRAME_OPTIONS stays "DENY": Wagtail's preview view allows SAMEORIGIN itself.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
# Content-Security-Policy (django-csp) for the public site: no inline script or style, no nonce (the page cache
# would give every reader the same one). The Wagtail and Django admins need inline scripts: excluded.
# Editors may embed YouTube and Vimeo videos. production.py adds the S3 media host to img-src when used.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# Sessions are kept in the database (Django's default): they survive a Redis outage, and a cache-backed session
# ("cached_db") has unguarded cache calls. Signing in or out changes the session key.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# LOGGING
# ------------------------------------------------------------------------------
# Plain text on the console; production.py switches to one JSON object per line (LOG_FORMAT=json).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.jsonlog.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# PORTAL
# ------------------------------------------------------------------------------
NEWS_PER_PAGE = int(os.environ.get("NEWS_PER_PAGE", "10"))

# CONTACT FORMS (contact app; README "Contact forms")
# ------------------------------------------------------------------------------
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
# The "contact" backend sends the notification e-mails. Immediate (inside the request, after the
# submission is committed) unless production.py or CONTACT_TASKS_BACKEND picks the database queue.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "contact": {
        "BACKEND": os.environ.get("CONTACT_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    },
}
CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5/600")  # stored submissions / seconds, per client
CONTACT_TRUSTED_PROXY_HEADER = os.environ.get("CONTACT_TRUSTED_PROXY_HEADER", "")  # e.g. X-Forwarded-For
CONTACT_MIN_SECONDS = float(os.environ.get("CONTACT_MIN_SECONDS", "3"))
CONTACT_FORM_MAX_AGE = int(os.environ.get("CONTACT_FORM_MAX_AGE", str(2 * 24 * 3600)))
CONTACT_MAX_BODY_BYTES = int(os.environ.get("CONTACT_MAX_BODY_BYTES", str(1024 * 1024)))
CONTACT_MESSAGE_MAX_LENGTH = int(os.environ.get("CONTACT_MESSAGE_MAX_LENGTH", "10000"))
CONTACT_MAIL_MAX_ATTEMPTS = int(os.environ.get("CONTACT_MAIL_MAX_ATTEMPTS", "20"))
CONTACT_MAIL_RETRY_SECONDS = int(os.environ.get("CONTACT_MAIL_RETRY_SECONDS", "60"))
CONTACT_RETENTION_MONTHS = int(os.environ.get("CONTACT_RETENTION_MONTHS", "24"))
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware"), "contact.middleware.body_size_limit")

# EDITORIAL WORKFLOW (editorial app; README "Editorial workflow")
# ------------------------------------------------------------------------------
# Workflow and translator e-mails are sent by tasks on this backend, so a mail-server fault never breaks an
# editor's action. Immediate (after the commit, inside the request) unless EDITORIAL_TASKS_BACKEND picks the
# database queue (django_tasks_db.DatabaseBackend, worked off by `manage.py db_worker --backend editorial`).
TASKS["editorial"] = {
    "BACKEND": os.environ.get("EDITORIAL_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
}
