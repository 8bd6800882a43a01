"""`make bench`: requests per second and latency of the public pages, served as in production; not part of CI.

Builds a throwaway PostgreSQL database with the demo content, collects the static files, then serves the portal
with gunicorn (config/gunicorn.py, 2 workers, the production settings, Redis as the shared cache) and measures
with wrk on 127.0.0.1 the home, cluster, news listing, news and contact pages (Polish):

- **hits**: the page cache on (PAGECACHE_SECONDS=3600), each page requested once beforehand;
- **misses**: the page cache off (PAGECACHE_SECONDS=0, a second gunicorn): every request runs the view and
  renders the templates, reusing the shared parts (PAGECACHE_PARTS_SECONDS: the route, the navigation, the
  header and footer, the cards and pictures, the listings) as a page-cache miss does between two publishes;
- **cold**: the page cache and its shared parts off (a third gunicorn): every request reads everything from
  the database, as the first render of each page after a publish does (reported, no target);
- **ceiling**: nginx serving a saved copy of the same HTML (what no Python server can beat);
- **floor**: a trivial Django view on the hits' gunicorn, through every middleware (BENCH_FLOOR_VIEW=1).

The contact page carries a CSRF token, so it is never cached: its "hits" are misses too. Prints one table and
checks the targets: cache hits at least 80 % of the floor's requests per second, misses at least 150 requests
per second. Exits 1 when a target is missed. Everything it starts (gunicorn, nginx, the database, the Redis
database BENCH_REDIS_DB, the temporary folder) is stopped or removed at the end, also on Ctrl-C.

Environment: BENCH_SECONDS (per measurement, default 10), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
BENCH_REDIS_DB (11: emptied before and after), BENCH_POSTGRES (postgres://postgres@127.0.0.1:5432).
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "11"))
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"

HIT_SHARE_OF_FLOOR = 0.8
MISSES_PER_SECOND = 150
# The production settings redirect plain http to https; wrk speaks to gunicorn as nginx would, saying the
# client's request was https (SECURE_PROXY_SSL_HEADER). Nothing in the settings is weakened for the benchmark.
FORWARDED_HTTPS = {"X-Forwarded-Proto": "https"}
NEVER_CACHED = {"contact"}  # a CSRF token in the form: the page cache never keeps it

PAGES_CODE = """
import json
import django
django.setup()
from home.demo_pages import demo_page_urls
urls = demo_page_urls("pl")
print(json.dumps({name: urls[name] for name in ("home", "cluster", "news listing", "news", "contact")}))
"""

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/html;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


class Stopped(Exception):
    """SIGTERM or SIGHUP: clean up as on Ctrl-C."""


def _stop(signum, frame):
    raise Stopped(signal.Signals(signum).name)


def tool(name):
    """The full path of a program on PATH."""
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"make bench needs {name}: apt-get install -y wrk nginx postgresql-client")
    return path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def environment(tmp, database, port, pagecache_seconds, parts_seconds=3600):
    """The production settings on a throwaway database, answering on 127.0.0.1:`port`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "0",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "CONN_MAX_AGE": "60",  # persistent connections, as a production server would keep them
        "REDIS_URL": REDIS_URL,
        "PAGECACHE_SECONDS": str(pagecache_seconds),
        "PAGECACHE_PARTS_SECONDS": str(parts_seconds),
        "BENCH_FLOOR_VIEW": "1",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "CONTACT_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EDITORIAL_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": str(tmp / f"access-{port}.log"),
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }


def run(command, env, **kwargs):
    return subprocess.run(command, cwd=BASE_DIR, env=env, check=True, **kwargs)


def build_site(env, database):
    print(f"Creating the database {database} with the demo content", flush=True)
    admin = {**os.environ, "PGCONNECT_TIMEOUT": "5"}
    subprocess.run(
        [tool("psql"), f"{POSTGRES}/postgres", "-qc", f'CREATE DATABASE "{database}"'], env=admin, check=True
    )
    for command in (["migrate", "--no-input"], ["load_demo_content"], ["collectstatic", "--no-input"]):
        print(f"  manage.py {' '.join(command)}", flush=True)
        run([PYTHON, "manage.py", *command], env, stdout=subprocess.DEVNULL)
    pages = run([PYTHON, "-c", PAGES_CODE], env, capture_output=True, text=True).stdout
    return json.loads(pages.splitlines()[-1])  # after the production settings' log lines


def drop_database(database):
    subprocess.run(
        [tool("psql"), f"{POSTGRES}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'],
        check=False,
        stdout=subprocess.DEVNULL,
    )


def fetch(url, headers=FORWARDED_HTTPS):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own http://127.0.0.1
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our own http://127.0.0.1
        return response.status, dict(response.headers), response.read()


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server for {url} stopped before it answered")
        try:
            if fetch(url)[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def start_gunicorn(env):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "config/gunicorn.py"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # stopped by us, never by the terminal's Ctrl-C halfway through a request
    )


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def parse_duration(text):
    """wrk's "1.23ms", "456.00us", "1.01s" in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, headers=FORWARDED_HTTPS):
    """(requests/s, p50 ms, p99 ms, non-2xx responses and socket errors) of one wrk run."""
    command = [tool("wrk"), f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = parse_duration(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failures = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return {"rps": rps, "p50": p50, "p99": p99, "failures": failures}


def measure(label, url, headers=FORWARDED_HTTPS):
    print(f"  wrk {label}: {url}", flush=True)
    result = wrk(url, headers)
    if result["failures"]:
        print(f"    {result['failures']} failed requests (non-2xx/3xx or socket errors)", flush=True)
    return result


def start_nginx(tmp, port):
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port))
    return subprocess.Popen([tool("nginx"), "-c", str(conf), "-p", str(tmp)], start_new_session=True)


def cell(result):
    if result is None:
        return " | | "
    return f"{result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f}"


def report(pages, hits, misses, cold, ceiling, floor):
    print()
    print(f"wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s on 127.0.0.1; {os.cpu_count()} cores; latency in ms")
    print()
    print(
        "| page | hits req/s | hits p50 | hits p99 | misses req/s | misses p50 | misses p99 "
        "| cold req/s | cold p50 | cold p99 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in pages:
        label = f"{name} (never cached: CSRF token; hits are misses)" if name in NEVER_CACHED else name
        print(f"| {label} | {cell(hits[name])} | {cell(misses[name])} | {cell(cold[name])} |")
    print(f"| ceiling: nginx, saved HTML of the home page | {cell(ceiling)} | {cell(None)} | {cell(None)} |")
    print(f"| floor: trivial Django view, same gunicorn | {cell(floor)} | {cell(None)} | {cell(None)} |")
    print()
    verdicts = []
    for name in pages:
        if name not in NEVER_CACHED:
            share = hits[name]["rps"] / floor["rps"]
            verdicts.append((share >= HIT_SHARE_OF_FLOOR, f"{name}: hits {share:.0%} of the floor (target 80 %)"))
    for name in pages:
        rate = misses[name]["rps"]
        verdicts.append((rate >= MISSES_PER_SECOND, f"{name}: misses {rate:.0f} req/s (target {MISSES_PER_SECOND})"))
    every_run = [*hits.values(), *misses.values(), *cold.values(), ceiling, floor]
    failed_requests = sum(result["failures"] for result in every_run)
    verdicts.append((failed_requests == 0, f"failed requests: {failed_requests}"))
    for passed, text in verdicts:
        print(f"{'PASS' if passed else 'FAIL'}  {text}")
    return all(passed for passed, _ in verdicts)


def benchmark(tmp, database):
    hits_port, misses_port, cold_port, nginx_port = free_port(), free_port(), free_port(), free_port()
    hits_env = environment(tmp, database, hits_port, pagecache_seconds=3600)
    misses_env = environment(tmp, database, misses_port, pagecache_seconds=0)
    cold_env = environment(tmp, database, cold_port, pagecache_seconds=0, parts_seconds=0)
    pages = build_site(hits_env, database)
    processes = []
    try:
        hits_server = start_gunicorn(hits_env)
        processes.append(hits_server)
        misses_server = start_gunicorn(misses_env)
        processes.append(misses_server)
        cold_server = start_gunicorn(cold_env)
        processes.append(cold_server)
        hits_root, misses_root = f"http://127.0.0.1:{hits_port}", f"http://127.0.0.1:{misses_port}"
        cold_root = f"http://127.0.0.1:{cold_port}"
        for root, server in ((hits_root, hits_server), (misses_root, misses_server), (cold_root, cold_server)):
            wait_until_up(f"{root}/healthz", server)

        html = tmp / "html"
        for name, path in pages.items():  # warm up (renditions, page cache) and keep a copy for nginx
            for _ in range(2):
                status, headers, content = fetch(hits_root + path)
            expected = "miss" if name in NEVER_CACHED else "hit"
            if status != 200 or headers.get("X-Page-Cache", "miss") != expected:
                raise SystemExit(f"{path}: status {status}, X-Page-Cache {headers.get('X-Page-Cache')}")
            fetch(misses_root + path)
            fetch(cold_root + path)
            target = html / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        os.chmod(tmp, 0o755)  # noqa: S103 - nginx's workers read the copies as an unprivileged user
        nginx = start_nginx(tmp, nginx_port)
        processes.append(nginx)
        wait_until_up(f"http://127.0.0.1:{nginx_port}{pages['home']}", nginx)

        print("Measuring", flush=True)
        ceiling = measure("ceiling (nginx)", f"http://127.0.0.1:{nginx_port}{pages['home']}", headers={})
        floor = measure("floor (trivial view)", f"{hits_root}/bench/floor")
        hits = {name: measure(f"{name}, hits", hits_root + path) for name, path in pages.items()}
        stop(hits_server)  # the servers share two cores: one at a time
        misses = {name: measure(f"{name}, misses", misses_root + path) for name, path in pages.items()}
        stop(misses_server)
        cold = {name: measure(f"{name}, cold", cold_root + path) for name, path in pages.items()}
    finally:
        for process in reversed(processes):
            stop(process)
    return report(pages, hits, misses, cold, ceiling, floor)


def main():
    for name in ("wrk", "nginx", "psql"):
        tool(name)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    database = f"portal_bench_{os.getpid()}"
    tmp = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    try:
        flush_redis()
        passed = benchmark(tmp, database)
    except (KeyboardInterrupt, Stopped) as reason:
        print(f"\nStopped ({reason or 'Ctrl-C'}); cleaning up", flush=True)
        passed = False
    finally:
        drop_database(database)
        try:
            flush_redis()
        except Exception as fault:  # noqa: BLE001 - report and go on cleaning up
            print(f"Could not empty Redis database {REDIS_DB}: {fault}")
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
