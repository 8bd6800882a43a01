"""Production: refuses to start without its secrets; hashed, compressed static files."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DEBUG, SECRET_KEY, TASKS

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
