"""Gunicorn settings: `gunicorn -c config/gunicorn.py`, used by `make audit` and meant for production.

Everything a server may need to change comes from the environment, like the Django settings.
"""

import os

wsgi_app = "config.wsgi:application"
# Behind a reverse proxy keep the default and point the proxy at it.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: two per core plus one, gunicorn's own advice for a mostly I/O-bound site.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A worker is replaced now and then, so a slow leak cannot grow for ever.
max_requests = 1000
max_requests_jitter = 100
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# Load the application before forking: a broken setting stops the server at once, and workers share memory.
preload_app = True
# No runtime management socket (gunicorn 24+ opens one in the home folder by default): systemd or the
# container runtime restarts and stops the server.
control_socket_disable = True
