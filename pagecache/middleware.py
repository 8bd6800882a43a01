"""Serve anonymous readers' pages from the shared cache, before sessions, users or the database are touched."""

from django.conf import settings

from .store import is_cacheable_request, is_cacheable_response, lookup, store


class AnonymousPageCacheMiddleware:
    """Placed right after the security and static-file middleware: a hit answers without running the rest of
    the stack; a miss is rendered as usual and kept when the response is the same for every reader."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        generation, cached = lookup(request)
        request.pagecache_generation = generation  # site-wide values are kept under it too (store.py)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if settings.PAGECACHE_SECONDS > 0 and is_cacheable_response(response):
            store(request, response, generation)
            response["X-Page-Cache"] = "miss"
        return response
