"""A Redis cache that degrades instead of failing.

The shared cache holds rate-limit counters and short-lived stashes. If Redis is unreachable, pages must keep
working (drafts are saved in the database; notifications wait in the outbox), so reads miss and writes are
dropped, with a warning in the log. Rate limits (and TOTP replay protection) are not enforced while Redis
is down: the portal fails open rather than locking everyone out.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


def _degrade(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE as err:
                logger.warning("Cache unavailable during %s: %s", method.__name__, err)
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` (with its table of ~170 response callbacks) for every cache
    operation, a third of a cached page's time; one per connection pool is enough: `redis.Redis` is thread-safe
    and takes a connection from the pool for each command (the pool reconnects after an outage or a fork)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_reused_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    get = _degrade(_default)(RedisCache.get)
    set = _degrade(None)(RedisCache.set)
    # add() answers True ("stored"): allauth takes its rate-limit lock and its TOTP replay marker with add().
    add = _degrade(True)(RedisCache.add)
    touch = _degrade(False)(RedisCache.touch)
    delete = _degrade(False)(RedisCache.delete)
    get_many = _degrade(lambda *args, **kwargs: {})(RedisCache.get_many)
    set_many = _degrade(lambda *args, **kwargs: [])(RedisCache.set_many)
    delete_many = _degrade(None)(RedisCache.delete_many)
    has_key = _degrade(False)(RedisCache.has_key)
    clear = _degrade(None)(RedisCache.clear)

    @_degrade(lambda key, delta=1, version=None: delta)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)
