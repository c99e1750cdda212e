"""The API's anonymous rate limit: one counter per address and window (the rate's period), so its cost does not
grow with the rate; a clear 429 with the seconds left in the window; the next window starts afresh; fail open
while Redis is down."""

import json

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from api import throttling
from tests.core.test_cache import DOWN

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1_800_000_000.0 + 20}  # 20 s into a minute
    monkeypatch.setattr(throttling.ApiAnonRateThrottle, "timer", lambda self: now["t"])
    return now


def test_the_limit_counts_per_window_and_tells_how_long_to_wait(client, settings, clock):
    settings.API_ANON_RATE = "3/minute"
    url = reverse("api:objective-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429 and refused["Retry-After"] == "40"
    assert "detail" in json.loads(refused.content)
    clock["t"] += 39
    assert client.get(url)["Retry-After"] == "1"
    clock["t"] += 1  # the next minute
    assert [client.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_each_address_has_its_own_counter(client, settings, clock):
    settings.API_ANON_RATE = "2/minute"
    url = reverse("api:objective-list")
    assert [client.get(url, REMOTE_ADDR="192.0.2.1").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(url, REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(CACHES=DOWN)
def test_while_redis_is_down_the_api_answers_unlimited(client, settings):
    caches["default"].close()
    settings.API_ANON_RATE = "1/minute"
    url = reverse("api:objective-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]


@pytest.mark.skipif("ResilientRedisCache" not in str(__import__("django.conf").conf.settings.CACHES["default"]),
                    reason="the Redis path of the counter; runs where the tests use Redis (CI's second pass)")
def test_on_redis_the_counter_is_one_key_that_expires_with_its_window(client, settings, clock):
    settings.API_ANON_RATE = "5/minute"
    client.get(reverse("api:objective-list"), REMOTE_ADDR="192.0.2.9")
    cache = caches["default"]
    window = int(clock["t"] // 60)
    name = cache.make_and_validate_key(f"throttle_api_anon_192.0.2.9:{window}")
    redis = cache._cache.get_client(name)
    assert int(redis.get(name)) == 1 and 0 < redis.ttl(name) <= 61


def test_a_cached_api_page_is_read_with_the_rate_limit_counter_not_after_it(client, settings, monkeypatch):
    """One round trip for a cached answer on Redis (the counter and the page pipelined); on other caches the page
    is read once, beside the counter. The page read with the counter is the one served, until public data change."""
    from core.cache import ResilientRedisCache
    from core.public_changes import _new_generation

    settings.PUBLIC_CACHE_SECONDS = 120
    url = reverse("api:objective-list")
    first = client.get(url)
    reads, cache = [], caches["default"]
    real_get_many = type(cache).get_many
    monkeypatch.setattr(type(cache), "get_many", lambda self, keys, *a, **kw: reads.append(list(keys))
                        or real_get_many(self, keys, *a, **kw))
    again = client.get(url)
    assert again.status_code == 200 and again.content == first.content and again["ETag"] == first["ETag"]
    assert len(reads) == (0 if isinstance(cache, ResilientRedisCache) else 1)
    _new_generation()  # something public changed: the page read with the counter is stale, built again
    assert client.get(url).content == first.content
