"""A Redis outage must not break pages: the cache degrades to misses and dropped writes."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from accounts.models import User

DOWN = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@override_settings(CACHES=DOWN)
def test_cache_operations_degrade_when_redis_is_unreachable():
    cache = caches["default"]
    assert cache.get("k", "fallback") == "fallback"
    cache.set("k", 1)
    assert cache.add("k", 1) is True
    assert cache.incr("k") == 1
    assert cache.get_many(["a", "b"]) == {}
    cache.delete("k")


@pytest.mark.django_db
@override_settings(CACHES=DOWN)
def test_sign_in_still_works_while_redis_is_down(client):
    from tests.factories import PASSWORD, UserFactory

    user = UserFactory(email="down@example.org")
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).last_login is not None


@override_settings(CACHES=DOWN)
def test_one_redis_client_serves_every_operation():
    """Django's own client is rebuilt for each operation (a third of a cached page's time); ours is reused."""
    cache = caches["default"]
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first and cache._cache.get_client("c", write=True) is first
    assert cache.get("k", "fallback") == "fallback"  # and still degrades when Redis is down
