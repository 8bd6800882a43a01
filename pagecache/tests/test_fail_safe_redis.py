"""The shared cache in Redis: it works when Redis does, and an outage means misses, never errors."""

import uuid

import pytest

from django.core.cache import caches

REDIS_DOWN = {
    "BACKEND": "pagecache.backends.FailSafeRedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    "OPTIONS": {"RETRY_AFTER": 30},
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {**settings.CACHES, "shared": REDIS_DOWN}
    return caches["shared"]


@pytest.fixture
def redis_up(settings):
    """The Redis server that runs on this machine, under a key prefix of this test's own."""
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "pagecache.backends.FailSafeRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"portal-test-{uuid.uuid4().hex}",
        },
    }
    shared = caches["shared"]
    yield shared
    shared.delete_many(["answer", "counter"])


def test_an_outage_answers_like_an_empty_cache(redis_down):
    assert redis_down.get("answer", "default") == "default"
    assert redis_down.get_many(["a", "b"]) == {}
    assert redis_down.set("answer", 42) is None
    assert redis_down.add("answer", 42) is False
    assert redis_down.delete("answer") is False
    assert redis_down.has_key("answer") is False


def test_after_a_fault_redis_is_left_alone_for_a_while(redis_down, caplog):
    for _ in range(100):
        assert redis_down.get("answer") is None
    # One attempt, one logged fault: the other 99 calls did not try to connect.
    assert sum("Redis cache unavailable" in message for message in caplog.messages) == 1


def test_it_is_a_real_cache_when_redis_answers(redis_up):
    redis_up.set("answer", {"value": 42}, 30)
    assert redis_up.get("answer") == {"value": 42}
    assert redis_up.get_many(["answer", "missing"]) == {"answer": {"value": 42}}
    redis_up.add("counter", 0)
    assert redis_up.incr("counter") == 1


@pytest.mark.django_db
def test_the_site_serves_pages_uncached_while_redis_is_down(client, portal, settings, redis_down):
    settings.PAGECACHE_SECONDS = 600
    settings.PAGECACHE_ALIAS = "shared"
    for _ in range(2):
        response = client.get(portal.pl.cluster.url)
        assert response.status_code == 200
        assert response.get("X-Page-Cache") == "miss"
