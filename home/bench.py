"""The framework floor of `make bench`: the cheapest page Django can answer through the whole middleware stack.

Routed only when the BENCH_FLOOR_VIEW setting is on (environment BENCH_FLOOR_VIEW=1, which scripts/bench.py
sets for its own gunicorn), so no public server exposes it. It reads no database and is never kept in the
page cache (never_cache), so every request runs every middleware and this view.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def floor(request):
    return HttpResponse(b"ok\n", content_type="text/plain")
