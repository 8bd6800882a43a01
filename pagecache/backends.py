"""A Redis cache that degrades to "no cache" when Redis is unreachable.

Django's RedisCache raises on a connection error, so a Redis outage would turn every cached page into a 500.
This backend logs the fault, answers as an empty cache and, for a few seconds after a fault, does not even try
(so an outage costs readers no connection timeouts), then tries again: the site recovers by itself.
"""

import functools
import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

REDIS_FAULTS = (RedisConnectionError, RedisTimeoutError, OSError)


def _fail_safe(answer_when_down):
    """Run the cache operation unless Redis is known to be down; on a fault, log and give `answer_when_down`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return answer_when_down(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except REDIS_FAULTS as fault:
                self._down_until = time.monotonic() + self.retry_after
                logger.warning("Redis cache unavailable (%s); serving without cache for %ss", fault, self.retry_after)
                return answer_when_down(*args, **kwargs)

        return wrapper

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, *args, **kwargs):
    return default


def _empty_dict(*args, **kwargs):
    return {}


def _no_failed_keys(*args, **kwargs):
    return []


class FailSafeRedisCache(RedisCache):
    """RedisCache whose outage means cache misses, not errors. OPTIONS["RETRY_AFTER"]: seconds to skip Redis
    after a fault (default 5); socket timeouts come from OPTIONS like any redis-py pool option."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0

    get = _fail_safe(_default)(RedisCache.get)
    get_many = _fail_safe(_empty_dict)(RedisCache.get_many)
    has_key = _fail_safe(_false)(RedisCache.has_key)
    add = _fail_safe(_false)(RedisCache.add)
    set = _fail_safe(_nothing)(RedisCache.set)
    set_many = _fail_safe(_no_failed_keys)(RedisCache.set_many)
    touch = _fail_safe(_false)(RedisCache.touch)
    delete = _fail_safe(_false)(RedisCache.delete)
    delete_many = _fail_safe(_nothing)(RedisCache.delete_many)
    clear = _fail_safe(_false)(RedisCache.clear)
