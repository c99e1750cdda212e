import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)


class ApiAnonRateThrottle(AnonRateThrottle):
    """Per-address limit for the public API, counted in the shared cache (Redis in production). The rate is read
    from settings at request time so deployments and tests may change it.

    Counted in fixed windows of the rate's period (a minute for "120/minute"): one counter per address and window,
    incremented in one Redis round trip. Django REST framework's own throttle keeps the time of every request of
    the period in one cached list, read and written whole on each request: at a high rate that list, not the
    request, becomes the cost. A client may at most double its rate across a window boundary; Retry-After gives
    the seconds left in the window. While Redis is down the limit is not enforced (core.cache: fail open)."""

    scope = "api_anon"

    def get_rate(self):
        return settings.API_ANON_RATE

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_ends = (window + 1) * self.duration
        # The view may name cache entries it is about to read (its cached page): read in the same round trip.
        wanted = getattr(view, "cache_keys_to_read", lambda request: ())(request)
        count, view.cache_read = _increment(f"{self.key}:{window}", self.duration + 1, read=wanted)
        return count is None or count <= self.num_requests

    def wait(self):
        return max(1, int(self.window_ends - self.now + 0.999))


def _increment(key, timeout, *, read=()):
    """(count, found): the counter `key` plus one (created with `timeout` seconds to live), or None when the cache
    is down; and the entries of `read` that the cache holds (a dict, as `cache.get_many` gives), read in the same
    round trip on Redis."""
    from django.core.cache import caches

    from core.cache import OUTAGE, ResilientRedisCache

    cache = caches["default"]
    read = list(read)
    try:
        if isinstance(cache, ResilientRedisCache):  # SET NX EX, INCR and MGET pipelined: one round trip
            name = cache.make_and_validate_key(key)
            pipeline = cache._cache.get_client(name, write=True).pipeline(transaction=False)
            pipeline.set(name, 0, ex=timeout, nx=True)
            pipeline.incr(name)
            if read:
                pipeline.mget([cache.make_and_validate_key(wanted) for wanted in read])
            results = pipeline.execute()
            loads = cache._cache._serializer.loads
            values = results[2] if read else []
            return results[1], {wanted: loads(value) for wanted, value in zip(read, values, strict=True)
                                if value is not None}
        cache.add(key, 0, timeout)
        count = cache.incr(key)
    except OUTAGE as err:
        logger.warning("Cache unavailable for the API rate limit: %s", err)
        return None, {}
    except ValueError:  # the counter expired between add() and incr() (other backends): a new window
        cache.add(key, 1, timeout)
        count = 1
    return count, cache.get_many(read) if read else {}
