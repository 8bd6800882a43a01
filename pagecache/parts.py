"""Values a render computes once per request and, for anonymous readers, shares until the next purge.

The page cache's middleware gives an anonymous reader's request the cache generation (pagecache.store); a
RequestCache on the request keeps each value for the rest of the response and, under that generation, for every
process and app server (kept_until_next_purge). Without a generation (a signed-in user, a preview, the admin)
values live for the request only.
"""

from .store import kept_until_next_purge

_CACHE_ATTRIBUTE = "_pagecache_request_cache"


class RequestCache(dict):
    """Values computed once per response. On an anonymous reader's request the page cache has a generation
    for: also kept across requests and app servers until the next publish (pagecache.store)."""

    def __init__(self, generation=None, host=""):
        super().__init__()
        self.generation = generation
        self.host = host  # the values hold URLs: kept per scheme and host ("https://example.org/")


def request_cache(request):
    """The RequestCache kept on the request."""
    if request is None:
        return None
    cache = getattr(request, _CACHE_ATTRIBUTE, None)
    if cache is None:
        generation = getattr(request, "pagecache_generation", None)
        cache = RequestCache(generation, request.build_absolute_uri("/") if generation else "")
        setattr(request, _CACHE_ATTRIBUTE, cache)
    return cache


def cached(cache, key, compute):
    """`compute()`, once per request when `cache` is a RequestCache, and shared until the next purge when the
    request has a page-cache generation (pagecache.store.kept_until_next_purge)."""
    if cache is None:
        return compute()
    if key not in cache:  # a plain dict (tests) has no generation: it keeps values for its own life
        generation, host = getattr(cache, "generation", None), getattr(cache, "host", "")
        cache[key] = kept_until_next_purge(generation, (host, *key), compute)
    return cache[key]


def shared_value(request, key, compute):
    """`compute()` once per request and, for anonymous readers, shared until the next purge: for what a page
    shows besides its own fields (its listings), which every render of the page would otherwise read again.
    `key` names the value (e.g. the listing and the page's id); the value must not depend on the reader."""
    return cached(request_cache(request), key, compute)
