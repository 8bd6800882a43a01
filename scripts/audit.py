"""`make audit`: Lighthouse on a throwaway demo portal served as in production; fails below the targets.

Builds var/audit/ from nothing (SQLite database with the demo content, media, collected static files),
serves it with gunicorn and the production settings (DEBUG off, whitenoise) on 127.0.0.1, then runs
Lighthouse (npm, installed by `make audit` from package-lock.json) in Debian's Chromium on the main page
types in both languages. Prints the scores; exits 1 if a page scores below 95 in performance or below 100
in accessibility, best practices or SEO. Reports are kept in var/audit/reports/ (JSON).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
AUDIT_DIR = BASE_DIR / "var" / "audit"
REPORTS_DIR = AUDIT_DIR / "reports"
LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
PYTHON = sys.executable

TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The page types to audit, by name, found in the audit's Django by home.demo_pages.
AUDITED = ("home", "cluster", "news listing", "news", "contact")
PAGES_CODE = f"""
import json
import django
django.setup()
from home.demo_pages import demo_page_urls
urls = {{code: demo_page_urls(code) for code in ("pl", "en")}}
print(json.dumps({{f"{{code}} {{name}}": urls[code][name] for code in urls for name in {AUDITED!r}}}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def audit_environment(port):
    """The production settings, pointed at var/audit/ and allowed to answer on 127.0.0.1 over plain http."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "audit-only-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{AUDIT_DIR / 'db.sqlite3'}",
        "MEDIA_ROOT": str(AUDIT_DIR / "media"),
        "STATIC_ROOT": str(AUDIT_DIR / "static"),
        "SERVE_MEDIA": "1",  # no web server in front of gunicorn here
        "ALLOW_PLAIN_HTTP": "1",  # no TLS on 127.0.0.1: no https redirect, HSTS or Secure cookies
        "CONTACT_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",  # no worker needed
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": str(AUDIT_DIR / "access.log"),
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }


def build_site(env):
    """A fresh demo portal in var/audit/: database, demo content, search index and static files."""
    shutil.rmtree(AUDIT_DIR, ignore_errors=True)
    REPORTS_DIR.mkdir(parents=True)
    for command in (
        ["migrate", "--no-input"],
        ["load_demo_content"],
        ["update_index"],
        ["collectstatic", "--no-input"],
    ):
        print(f"manage.py {' '.join(command)}", flush=True)
        subprocess.run([PYTHON, "manage.py", *command], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_until_up(url, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before it served the site")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own http://127.0.0.1
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def lighthouse(name, url, env, attempts=3):
    """Scores (0-100) of one page, mobile form factor; the JSON report goes to var/audit/reports/.

    Headless Chromium now and then fails to record the trace (NO_NAVSTART, NO_FCP): such a run is repeated."""
    report = REPORTS_DIR / f"{name.replace(' ', '-')}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--form-factor=mobile",
        f"--only-categories={','.join(TARGETS)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    env = {**env, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in range(1, attempts + 1):
        if subprocess.run(command, env=env).returncode == 0:
            categories = json.loads(report.read_text())["categories"]
            if all(categories[key]["score"] is not None for key in TARGETS):
                return {key: round(categories[key]["score"] * 100) for key in TARGETS}
        print(f"  Lighthouse could not measure {name} (attempt {attempt} of {attempts})", flush=True)
    raise SystemExit(f"Lighthouse failed {attempts} times on {url}")


def failures(report_path):
    """The titles of the failed audits that count towards a score, for the summary."""
    report = json.loads(report_path.read_text())
    failed = set()
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failed.add(f"{audit['id']} ({audit['score']})")
    return sorted(failed)


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make audit` (it runs npm ci first).")
    port = free_port()
    env = audit_environment(port)
    build_site(env)
    pages = json.loads(
        subprocess.run(
            [PYTHON, "-c", PAGES_CODE], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
        ).stdout.splitlines()[-1]  # after the production settings' log lines
    )
    root = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "config/gunicorn.py"], cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL
    )
    try:
        wait_until_up(f"{root}/healthz", server)
        scores = {}
        for name, path in pages.items():
            print(f"Lighthouse: {name} ({path})", flush=True)
            scores[name] = lighthouse(name, root + path, env)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print()
    print(f"| page | {' | '.join(TARGETS)} |")
    print(f"|---|{'---|' * len(TARGETS)}")
    below = []
    for name, page_scores in scores.items():
        print(f"| {name} | {' | '.join(str(page_scores[key]) for key in TARGETS)} |")
        if any(page_scores[key] < target for key, target in TARGETS.items()):
            below.append(name)
    if below:
        print("\nBelow the targets (" + ", ".join(f"{key} {target}" for key, target in TARGETS.items()) + "):")
        for name in below:
            report = REPORTS_DIR / f"{name.replace(' ', '-')}.json"
            print(f"  {name}: {', '.join(failures(report))}  [{report.relative_to(BASE_DIR)}]")
        return 1
    print("\nEvery page meets the targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
