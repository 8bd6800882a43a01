# Cluster Portal: `make run` to serve the demo, `make test` to run every check.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
PORT ?= 8000
MANAGE := $(PY) manage.py
export CHROMIUM ?= /usr/bin/chromium

.PHONY: help run test lint format check messages messages-check install install-dev browser audit bench cluster-demo

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install it (e.g. apt-get install python3.11 python3.11-venv) or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime-installed

install: $(VENV)/.runtime-installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.dev-installed ## Install the development and test requirements too

run: install ## Migrate, load the demo content on first run, serve http://127.0.0.1:$(PORT)/
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content --only-if-empty
	@# Scheduled publishing (go-live and expiry dates): publish_scheduled every minute, as cron does in production.
	@# The loop watches make itself ($$PPID), so it ends within a second of make run ending, however it ends.
	@(seconds=0; while kill -0 $$PPID 2>/dev/null; do sleep 1; \
	  if (( ++seconds % 60 == 0 )); then $(MANAGE) publish_scheduled >/dev/null; fi; done) &
	@# Contact e-mails are sent inside the request in development; a queue backend needs its worker.
	@if [[ "$${CONTACT_TASKS_BACKEND:-}" == *django_tasks_db* ]]; then \
	  echo "Starting the contact e-mail worker (db_worker --backend contact) in the background"; \
	  $(MANAGE) db_worker --backend contact & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT); \
	else \
	  $(MANAGE) runserver 127.0.0.1:$(PORT); \
	fi

test: install-dev lint check browser ## Lint, Django checks and the whole test suite, browser tests included
	$(PY) -m pytest -n auto --dist loadfile

browser: ## Make sure Debian's Chromium is there for the browser tests (installs it when run as root)
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Debian's Chromium. Install it with:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y chromium"; \
	    echo "(or point CHROMIUM=/path/to/chromium at another build), then run make test again."; \
	    exit 1; \
	  fi; \
	fi

lint: install-dev ## ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev ## Fix what ruff can fix and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install-dev ## manage.py check and makemigrations --check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

messages: install-dev ## Update the Polish catalogue from the code and templates, then compile it
	$(MANAGE) makemessages --locale pl --add-location file --ignore 'var/*' --ignore 'node_modules/*'
	$(MANAGE) compilemessages --locale pl --ignore '.venv'

messages-check: install-dev ## Fail if the committed Polish catalogue is incomplete, stale or not compiled
	$(PY) -m pytest tests/test_message_catalogue.py

audit: install browser ## Lighthouse on a throwaway demo site served as in production (needs npm; not part of make test)
	@command -v npm >/dev/null || { echo "make audit needs Node.js 20 or later and npm"; exit 1; }
	@# Lighthouse drives the Chromium at CHROME_PATH; nothing may download a browser of its own.
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	CHROME_PATH=$(CHROMIUM) $(PY) scripts/audit.py

bench: install ## wrk on the public pages: cache hits, misses, nginx ceiling, Django floor (needs wrk, nginx, PostgreSQL, Redis; not in make test)
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "make bench needs wrk and nginx: apt-get install -y wrk nginx"; exit 1; }
	$(PY) scripts/bench.py

cluster-demo: install ## Two app servers behind nginx with private PostgreSQL and Redis, then outages (not in make test)
	$(PY) scripts/cluster_demo.py
