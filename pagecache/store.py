"""What the anonymous page cache keeps, under which key, and how it is emptied.

Every stored page carries the cache *generation* it was rendered in; purging starts a new generation, so one
purge empties the cache of every app server at once (the generation lives in the shared cache) without having
to know which URLs showed the changed content. A hit is one round trip: the generation and the page together.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

GENERATION_KEY = "pagecache:generation"
EXCLUDED_PATH_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz")
REQUEST_HEADERS_THAT_CHANGE_THE_PAGE = ("HTTP_AUTHORIZATION",)


def page_cache():
    return caches[settings.PAGECACHE_ALIAS]


def page_key(request):
    """One entry per host, path and query string; the language is part of the path (/pl/, /en/)."""
    return f"pagecache:page:{request.get_host()}:{request.get_full_path()}"


def _cookies_that_change_the_page():
    """The session (a signed-in user, or a reader who unlocked a private page) and pending messages."""
    return (settings.SESSION_COOKIE_NAME, "messages")


def is_cacheable_request(request):
    """Only anonymous readers' GETs of public pages; a signed-in user's pages are never shared."""
    return (
        (settings.PAGECACHE_SECONDS > 0 or settings.PAGECACHE_PARTS_SECONDS > 0)
        and request.method == "GET"
        and not any(cookie in request.COOKIES for cookie in _cookies_that_change_the_page())
        and not any(request.META.get(header) for header in REQUEST_HEADERS_THAT_CHANGE_THE_PAGE)
        and not request.path.startswith(EXCLUDED_PATH_PREFIXES)
    )


def is_cacheable_response(response):
    """A complete 200 that is the same for every anonymous reader: it sets no cookie (a form's CSRF token sets
    one) and is not marked private. Its "Vary: Cookie" is kept: it only tells other caches about the session,
    and requests with a session cookie never reach this cache."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def lookup(request):
    """(generation, cached response or None). The generation is started when there is none yet. With the page
    cache off only the generation is read: the shared parts are kept under it."""
    key = page_key(request) if settings.PAGECACHE_SECONDS > 0 else None
    found = page_cache().get_many([GENERATION_KEY, key] if key else [GENERATION_KEY])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = start_new_generation()
    entry = found.get(key) if key else None
    if entry is None or entry["generation"] != generation:
        return generation, None
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"].items():
        response[header] = value
    return generation, response


def store(request, response, generation):
    """Keep the response under the generation it was rendered in: if a purge happened meanwhile, the entry is
    already stale and will never be served."""
    entry = {
        "generation": generation,
        "status": response.status_code,
        "content": response.content,
        "headers": dict(response.items()),  # cacheable responses set no cookies, so no header is private
    }
    page_cache().set(page_key(request), entry, settings.PAGECACHE_SECONDS)


def start_new_generation():
    """Purge every cached page on every app server sharing this cache."""
    generation = uuid.uuid4().hex
    page_cache().set(GENERATION_KEY, generation, None)
    return generation


_MISSING = object()


def kept_until_next_purge(generation, key, compute):
    """`compute()`, shared by every app server until the next purge: for values and HTML fragments derived
    from public content alone (the navigation, the site texts, the header), which a page-cache miss would
    otherwise read from the database and render again. `generation` is the one the page-cache middleware
    read for this request; without one (a signed-in user, a preview, the parts cache off) nothing is kept."""
    if not generation or settings.PAGECACHE_PARTS_SECONDS <= 0:
        return compute()
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    cache_key = f"pagecache:value:{generation}:{digest}"
    local = caches["pagecache_parts"]  # this process's copies: the key names the generation, so never stale
    value = local.get(cache_key, _MISSING)
    if value is _MISSING:
        value = page_cache().get(cache_key, _MISSING)
        if value is _MISSING:
            value = compute()
            page_cache().set(cache_key, value, settings.PAGECACHE_PARTS_SECONDS)
        local.set(cache_key, value, settings.PAGECACHE_PARTS_SECONDS)
    return value
