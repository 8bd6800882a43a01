"""`make cluster-demo`: two app servers behind nginx, then an app server, Redis and PostgreSQL fail in turn.

Builds a throwaway portal in a temporary folder, as the README's *Deployment* section describes: a private
PostgreSQL cluster (initdb, run as the postgres user when started as root) and a private Redis on free loopback
ports, `migrate` + `load_demo_content` + `collectstatic`, two gunicorn app servers (config/gunicorn.py, the
production settings) and one nginx configured from deploy/nginx.conf (TLS with a self-signed certificate, so
the production settings' https redirect and secure cookies stay on). Then it checks, printing PASS or FAIL:

  a) a page published on app server 1 is seen at once on app server 2 and through nginx, in both languages;
  b) killing app server 1 while a client sends 20 requests a second through nginx: no failed request;
  c) stopping Redis: pages are still served (uncached); starting it again brings the cache hits back;
  d) stopping PostgreSQL: the translated 503 page and /healthz 503, cached pages still served; starting it
     again: the site recovers by itself within seconds, without restarting the app servers.

Exits 1 if any check fails. Everything it starts is stopped and the folder removed at the end, also on Ctrl-C.
Not part of `make test`: it needs nginx, redis-server and the PostgreSQL server binaries (Debian packages).
"""

import contextlib
import glob
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import string
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = BASE_DIR / "deploy" / "nginx.conf"
PYTHON = sys.executable
HOST = "127.0.0.1"
# Client side: nginx's certificate is self-signed, made by this script.
TLS_CONTEXT = ssl._create_unverified_context()  # noqa: S323 - our own throwaway certificate on loopback
STREAM_RATE = 20  # requests per second in check b
STREAM_SECONDS = 8
RECOVERY_LIMIT = 10  # seconds the site may take to recover after Redis or PostgreSQL is back

# Python run with the demo's settings: the cluster page to publish, in both languages.
PAGES_CODE = """
import json
import django
django.setup()
from wagtail.models import Locale
from clusters.models import ClusterPage
pl = ClusterPage.objects.live().filter(locale=Locale.objects.get(language_code="pl")).order_by("path").first()
en = pl.get_translation(Locale.objects.get(language_code="en"))
print(json.dumps({"pl": {"id": pl.id, "url": pl.url}, "en": {"id": en.id, "url": en.url}}))
"""

# manage.py shell -c: edit the page's title in both languages and publish it (the page cache is purged on publish).
PUBLISH_CODE = """
from wagtail.models import Page
for page_id in {ids}:
    page = Page.objects.get(id=page_id).specific
    page.title = page.title + " {marker}"
    page.save_revision().publish()
"""

results = []


def check(name, ok, detail=""):
    results.append((name, ok))
    print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f"  [{detail}]" if detail else ""), flush=True)


def step(message):
    print(f"--- {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def need(program, package):
    path = shutil.which(program)
    if not path:
        raise SystemExit(f"make cluster-demo needs {program}: apt-get install {package}")
    return path


def postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if not found:
        raise SystemExit("make cluster-demo needs the PostgreSQL server: apt-get install postgresql")
    return Path(found[-1]).parent


@contextlib.contextmanager
def dead_or_alive(signals=(signal.SIGINT, signal.SIGTERM, signal.SIGHUP)):
    """Ctrl-C, SIGTERM and SIGHUP end the demo through the `finally` that stops everything (SIGINT is handled
    even when the demo was started in the background, which ignores it)."""

    def stop(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = {signum: signal.signal(signum, stop) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def header(self, name):
        return self.headers.get(name.lower(), "")

    @property
    def h1(self):
        match = re.search(r"<h1[^>]*>(.*?)</h1>", self.body, re.S)
        return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()) if match else ""

    @property
    def lang(self):
        match = re.search(r'<html lang="([^"]+)"', self.body)
        return match.group(1) if match else ""

    def __str__(self):
        return f"{self.status}, X-Page-Cache {self.header('X-Page-Cache') or '-'}, {self.seconds * 1000:.0f} ms"


def get(port, path, tls=True, timeout=10):
    """GET through nginx (https) or straight from an app server (http, with the header nginx would add)."""
    headers = {"Host": HOST, "Connection": "close"}
    if tls:
        connection = http.client.HTTPSConnection(HOST, port, timeout=timeout, context=TLS_CONTEXT)
    else:
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        headers["X-Forwarded-Proto"] = "https"
    started = time.monotonic()
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        headers = {name.lower(): value for name, value in response.getheaders()}
        return Response(response.status, headers, body, time.monotonic() - started)
    except OSError as error:
        return Response(None, {}, str(error), time.monotonic() - started)
    finally:
        connection.close()


def wait_for(condition, timeout, interval=0.25):
    """Seconds until condition() was true, or None after `timeout` seconds."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(interval)
    return None


class Cluster:
    """Everything the demo starts, in one temporary folder; stop() undoes it all."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="cluster-demo-"))
        self.root.chmod(0o755)  # the postgres user and nginx's workers read below it
        self.pg_bin = postgres_bin()
        self.pg_data = self.root / "postgres"
        self.pg_port, self.redis_port = free_port(), free_port()
        self.app_ports = [free_port(), free_port()]
        self.https_port, self.http_port = free_port(), free_port()
        self.apps = [None, None]
        self.redis = self.nginx = None
        self.pg_started = False

    # PostgreSQL -------------------------------------------------------------------------------------------------
    def as_postgres(self, command):
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command

    def init_postgres(self):
        self.pg_data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.pg_data, "postgres", "postgres")
        subprocess.run(
            self.as_postgres(
                [str(self.pg_bin / "initdb"), "-D", str(self.pg_data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
                + ["--locale=C"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start_postgres(self):
        # fsync off: a throwaway cluster, built faster.
        options = f"-p {self.pg_port} -h {HOST} -k {self.pg_data} -c fsync=off"
        command = [str(self.pg_bin / "pg_ctl"), "-D", str(self.pg_data), "-l", str(self.pg_data / "log")]
        subprocess.run(
            self.as_postgres([*command, "-o", options, "-w", "start"]),
            check=True,
            stdout=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches the demo, which stops the server itself
        )
        self.pg_started = True

    def stop_postgres(self, mode="fast"):
        subprocess.run(
            self.as_postgres([str(self.pg_bin / "pg_ctl"), "-D", str(self.pg_data), "-m", mode, "-w", "stop"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.pg_started = False

    # Redis ----------------------------------------------------------------------------------------------------
    def start_redis(self):
        (self.root / "redis").mkdir(exist_ok=True)
        self.redis = subprocess.Popen(
            [need("redis-server", "redis-server"), "--port", str(self.redis_port), "--bind", HOST, "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.root / "redis"), "--logfile", str(self.root / "redis/log")],
            start_new_session=True,
        )
        ping = [need("redis-cli", "redis-tools"), "-p", str(self.redis_port), "ping"]
        if wait_for(lambda: subprocess.run(ping, capture_output=True, text=True).stdout.strip() == "PONG", 10) is None:
            raise SystemExit("the private Redis did not start")

    def stop_redis(self):
        self.redis.terminate()
        self.redis.wait(timeout=10)
        self.redis = None

    # The portal -----------------------------------------------------------------------------------------------
    def environment(self, app=None):
        """The production settings with what a real server's /etc/portal/portal.env would hold."""
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "cluster-demo-only-" + uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": f"postgres://postgres@{HOST}:{self.pg_port}/portal?connect_timeout=2",
            "CONN_MAX_AGE": "60",  # persistent connections: CONN_HEALTH_CHECKS must notice a restarted server
            "REDIS_URL": f"redis://{HOST}:{self.redis_port}/0",
            "MEDIA_ROOT": str(self.root / "media"),
            "STATIC_ROOT": str(self.root / "static"),
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}:{self.https_port}",
            "CONTACT_TRUSTED_PROXY_HEADER": "X-Forwarded-For",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }
        env.pop("DEBUG", None)
        env.pop("SERVE_MEDIA", None)  # nginx serves the uploads
        if app is not None:
            env["GUNICORN_BIND"] = f"{HOST}:{self.app_ports[app]}"
            env["GUNICORN_ACCESS_LOG"] = str(self.root / f"app{app + 1}-access.log")
        return env

    def manage(self, *command, capture=False):
        result = subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=BASE_DIR,
            env=self.environment(app=0),
            check=True,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            text=True,
        )
        return result.stdout

    def build(self):
        subprocess.run(
            [str(self.pg_bin / "createdb"), "-h", HOST, "-p", str(self.pg_port), "-U", "postgres", "portal"],
            check=True,
            env={**os.environ, "PGPASSWORD": ""},
        )
        for command in (["migrate", "--no-input"], ["load_demo_content"], ["collectstatic", "--no-input"]):
            started = time.monotonic()
            self.manage(*command)
            print(f"    manage.py {' '.join(command)} ({time.monotonic() - started:.0f} s)", flush=True)

    def start_app(self, app):
        log = open(self.root / f"app{app + 1}.log", "ab")  # noqa: SIM115 - kept open by the server
        self.apps[app] = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "config/gunicorn.py"],
            cwd=BASE_DIR,
            env=self.environment(app),
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group: killed whole, workers included
        )
        log.close()
        up = wait_for(lambda: get(self.app_ports[app], "/healthz", tls=False, timeout=2).status == 200, 60)
        if up is None:
            raise SystemExit(f"app server {app + 1} did not start: see {self.root}/app{app + 1}.log")

    def kill_app(self, app, sig=signal.SIGKILL):
        """The whole app server at once, master and workers, as when its machine dies."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.apps[app].pid, sig)
        self.apps[app].wait(timeout=30)
        self.apps[app] = None

    # nginx ----------------------------------------------------------------------------------------------------
    def start_nginx(self):
        nginx = need("nginx", "nginx")
        prefix = self.root / "nginx"
        prefix.mkdir()
        certificate, key = prefix / "portal.crt", prefix / "portal.key"
        subprocess.run(
            [need("openssl", "openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
            + ["-subj", f"/CN={HOST}", "-addext", f"subjectAltName=IP:{HOST}"]
            + ["-keyout", str(key), "-out", str(certificate)],
            check=True,
            capture_output=True,
        )
        key.chmod(0o600)
        site = string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(
            PORTAL_SERVER_NAME=HOST,
            PORTAL_HTTP_LISTEN=f"{HOST}:{self.http_port}",
            PORTAL_HTTPS_LISTEN=f"{HOST}:{self.https_port}",
            PORTAL_TLS_CERTIFICATE=str(certificate),
            PORTAL_TLS_CERTIFICATE_KEY=str(key),
            PORTAL_APP_1=f"{HOST}:{self.app_ports[0]}",
            PORTAL_APP_2=f"{HOST}:{self.app_ports[1]}",
            PORTAL_MEDIA_ROOT=str(self.root / "media"),
        )
        unfilled = re.findall(r"\$\{PORTAL_\w+\}", site)
        if unfilled:
            raise SystemExit(f"deploy/nginx.conf has placeholders the demo does not fill in: {unfilled}")
        (prefix / "portal.conf").write_text(site)
        # The main configuration a Debian nginx has in /etc/nginx/nginx.conf, reduced to a private instance.
        (prefix / "nginx.conf").write_text(
            f"""daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/portal.conf;
}}
"""
        )
        command = [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
        subprocess.run([*command, "-t", "-q"], check=True)
        self.nginx = subprocess.Popen(command, start_new_session=True)
        if wait_for(lambda: get(self.https_port, "/healthz", timeout=2).status == 200, 20) is None:
            raise SystemExit(f"nginx did not start: see {prefix}/error.log")

    # The end --------------------------------------------------------------------------------------------------
    def stop(self):
        """Stop whatever is running, whatever state the demo ended in, and remove the folder."""
        if self.nginx is not None:
            self.nginx.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.nginx.wait(timeout=10)
        for app, server in enumerate(self.apps):
            if server is not None:
                self.kill_app(app, signal.SIGTERM)
        if self.redis is not None:
            self.stop_redis()
        if self.pg_started:
            with contextlib.suppress(subprocess.CalledProcessError):
                self.stop_postgres(mode="immediate")
        shutil.rmtree(self.root, ignore_errors=True)


# The checks ---------------------------------------------------------------------------------------------------
def check_publishing(cluster, pages):
    step("a) publish on app server 1, read on app server 2 and through nginx")
    app1, app2 = cluster.app_ports
    nginx = cluster.https_port
    for language in ("pl", "en"):
        get(app1, pages[language]["url"], tls=False)
        shared = get(app2, pages[language]["url"], tls=False)
        check(
            f"{language}: a page rendered by app server 1 is a cache hit on app server 2 (shared Redis)",
            shared.status == 200 and shared.header("X-Page-Cache") == "hit",
            str(shared),
        )
    marker = "demo-" + uuid.uuid4().hex[:8]
    ids = [pages["pl"]["id"], pages["en"]["id"]]
    cluster.manage("shell", "-c", PUBLISH_CODE.format(ids=ids, marker=marker))
    print(f"    published the title with {marker!r} through app server 1's settings (manage.py shell)", flush=True)
    for language in ("pl", "en"):
        fresh = get(app2, pages[language]["url"], tls=False)
        check(
            f"{language}: the next request on app server 2 is a cache miss with the new title (purged on publish)",
            fresh.status == 200 and marker in fresh.h1 and fresh.header("X-Page-Cache") != "hit",
            f"{fresh}, h1 {fresh.h1!r}",
        )
        through_nginx = get(nginx, pages[language]["url"])
        check(
            f"{language}: and through nginx",
            through_nginx.status == 200 and marker in through_nginx.h1,
            f"{through_nginx}, h1 {through_nginx.h1!r}",
        )


def check_failover(cluster, pages, fail_timeout):
    step(f"b) kill app server 1 during a stream of {STREAM_RATE} requests/s through nginx")
    paths = [pages["pl"]["url"], pages["en"]["url"], "/healthz"]
    records = []

    def client():
        started = time.monotonic()
        for number in range(STREAM_RATE * STREAM_SECONDS):
            delay = started + number / STREAM_RATE - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            sent = time.monotonic() - started
            response = get(cluster.https_port, paths[number % len(paths)], timeout=10)
            records.append((sent, sent + response.seconds, response.status))

    stream = threading.Thread(target=client)
    stream.start()
    time.sleep(2.5)
    cluster.kill_app(0)
    killed_at = 2.5
    stream.join()
    failed = [record for record in records if record[2] != 200]
    longest = 0.0
    window_start = None
    for sent, done, status in records:
        if status != 200 and window_start is None:
            window_start = sent
        if status != 200:
            longest = max(longest, done - window_start)
        else:
            window_start = None
    slowest = max(done - sent for sent, done, status in records)
    error_log = (cluster.root / "nginx" / "error.log").read_text()
    retried = error_log.count("while connecting to upstream") + error_log.count("upstream prematurely closed")
    print(
        f"    {len(records)} requests in {STREAM_SECONDS} s, app server 1 killed at {killed_at} s; "
        f"nginx logged {retried} upstream errors (requests it passed to app server 2); slowest {slowest * 1000:.0f} ms",
        flush=True,
    )
    check(
        f"no request failed for longer than the passive health check's fail_timeout ({fail_timeout} s)",
        longest <= fail_timeout and len(records) == STREAM_RATE * STREAM_SECONDS,
        f"{len(failed)} failed of {len(records)}, longest failure window {longest:.2f} s",
    )
    check("no request failed at all (proxy_next_upstream)", not failed, f"{len(failed)} failed")
    cluster.start_app(0)
    print("    app server 1 started again", flush=True)


def check_redis_outage(cluster, pages):
    step("c) stop Redis, then start it again")
    nginx, path = cluster.https_port, pages["en"]["url"]
    get(nginx, path)
    before = get(nginx, path)
    check(
        "before: the page is a cache hit through nginx",
        before.status == 200 and before.header("X-Page-Cache") == "hit",
        str(before),
    )
    cluster.stop_redis()
    during = [get(nginx, path) for _ in range(6)]
    check(
        "Redis down: the page is still served through nginx, uncached",
        all(r.status == 200 and r.header("X-Page-Cache") != "hit" for r in during),
        "; ".join(str(r) for r in during[:3]) + "; ...",
    )
    cluster.start_redis()
    restarted = time.monotonic()
    back = wait_for(lambda: get(nginx, path).header("X-Page-Cache") == "hit", RECOVERY_LIMIT + 10)
    check(
        f"Redis back: cache hits again within {RECOVERY_LIMIT + 10} s (FailSafeRedisCache retries after 5 s)",
        back is not None,
        f"first hit {time.monotonic() - restarted:.1f} s after Redis started" if back is not None else "no hit",
    )
    # Every worker of both app servers uses Redis again once its 5 s pause after the fault is over.
    time.sleep(max(0.0, restarted + 6 - time.monotonic()))


def check_database_outage(cluster, pages):
    step("d) stop PostgreSQL, then start it again")
    nginx = cluster.https_port
    cached = pages["pl"]["url"]
    wait_for(lambda: get(nginx, cached).header("X-Page-Cache") == "hit", 10)
    server_pids = [server.pid for server in cluster.apps]
    cluster.stop_postgres()
    for language in ("en", "pl"):
        response = get(nginx, f"{pages[language]['url']}?uncached={uuid.uuid4().hex}")
        english = response.h1 == "Service temporarily unavailable"
        check(
            f"PostgreSQL down: an uncached {language} page is the {language} 503 page with Retry-After",
            response.status == 503
            and response.header("Retry-After").isdigit()
            and response.lang == language
            and response.h1
            and english == (language == "en"),
            f"{response.status}, Retry-After {response.header('Retry-After') or '-'}, lang {response.lang}, "
            f"h1 {response.h1!r}",
        )
    health = get(nginx, "/healthz")
    check(
        "PostgreSQL down: /healthz answers 503 through nginx", health.status == 503, f"{health.status} {health.body}"
    )
    hits = [get(nginx, cached) for _ in range(4)]  # both app servers, several workers
    check(
        "PostgreSQL down: a cached page is still served from Redis",
        all(hit.status == 200 and hit.header("X-Page-Cache") == "hit" for hit in hits),
        "; ".join(str(hit) for hit in hits),
    )
    cluster.start_postgres()
    back = wait_for(
        lambda: get(nginx, f"{pages['en']['url']}?uncached={uuid.uuid4().hex}").status == 200, RECOVERY_LIMIT
    )
    health = get(nginx, "/healthz")
    check(
        f"PostgreSQL back: uncached pages and /healthz answer 200 within {RECOVERY_LIMIT} s",
        back is not None and health.status == 200,
        f"{back:.1f} s after PostgreSQL was ready" if back is not None else "not recovered",
    )
    check(
        "...without restarting the app servers",
        [server.pid for server in cluster.apps] == server_pids and all(s.poll() is None for s in cluster.apps),
    )


def main():
    fail_timeout = int(re.search(r"fail_timeout=(\d+)s", NGINX_TEMPLATE.read_text()).group(1))
    for program, package in (("nginx", "nginx"), ("redis-server", "redis-server"), ("openssl", "openssl")):
        need(program, package)
    cluster = Cluster()
    print(f"Cluster demo in {cluster.root}", flush=True)
    try:
        with dead_or_alive():
            step(f"private PostgreSQL on {HOST}:{cluster.pg_port}, Redis on {HOST}:{cluster.redis_port}")
            cluster.init_postgres()
            cluster.start_postgres()
            cluster.start_redis()
            step("the database with the demo content, static files")
            cluster.build()
            pages = json.loads(
                subprocess.run(
                    [PYTHON, "-c", PAGES_CODE],
                    cwd=BASE_DIR,
                    env=cluster.environment(),
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.splitlines()[-1]  # after the production settings' log lines
            )
            step(
                f"app servers on {HOST}:{cluster.app_ports[0]} and {HOST}:{cluster.app_ports[1]}, "
                f"nginx on https://{HOST}:{cluster.https_port}/"
            )
            cluster.start_app(0)
            cluster.start_app(1)
            cluster.start_nginx()
            check_publishing(cluster, pages)
            check_failover(cluster, pages, fail_timeout)
            check_redis_outage(cluster, pages)
            check_database_outage(cluster, pages)
    except KeyboardInterrupt:
        print("\nInterrupted: stopping everything", flush=True)
        return 130
    finally:
        cluster.stop()
        print(f"Stopped nginx, the app servers, Redis and PostgreSQL; removed {cluster.root}", flush=True)
    failed = [name for name, ok in results if not ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} checks passed" + (": FAILED" if failed else "."))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
