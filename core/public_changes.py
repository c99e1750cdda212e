"""What the public sees changed: every public entry cached before is stale at once.

Public pages, fragments, figures and open-data API pages are kept for PUBLIC_CACHE_SECONDS (120 s in production).
Without this, a contribution the secretariat rejects, a review it unpublishes or a pledge it withdraws would stay
on the anonymous pages and in the API for up to that long. Each cached public entry is stored with the
*generation* of the public data it was built from (a token kept in the shared cache under GENERATION_KEY); a
save or deletion of a row that is public, or was public before the save, gives the public data a new generation
once its transaction commits, and entries of an older generation are read as misses.

The token is random, not a counter: if the cache loses it (eviction, a flush, an outage), the next reader sets a
new one, so entries of an earlier generation can never become valid again. Reading it costs nothing extra: it is
fetched together with the entry (`lookup`, one round trip).

The domain apps declare, in their AppConfig.ready(), which of their models the public sees and when
(`watch(Practice, ["status"], lambda row: row["status"] == PracticeStatus.PUBLISHED)`). Changes made with
`QuerySet.update()` send no signal and are not seen; the services change statuses through `save()`.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

GENERATION_KEY = "public:generation"


def lookup(key, *, found=None):
    """(value, generation): the value stored under `key` in the current generation of the public data (None when
    missing or stale), and that generation, to store a freshly built value with.

    `found`: what the cache held of `lookup_keys(key)`, when the caller already read them in another round trip
    (the API reads them with its rate-limit counter)."""
    if found is None:
        found = cache.get_many(lookup_keys(key))
    generation = found.get(GENERATION_KEY) or _start_generation()
    stored = found.get(key)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == generation:
        return stored[1], generation
    return None, generation


def lookup_keys(key):
    """The cache keys `lookup(key)` reads."""
    return [key, GENERATION_KEY]


def store(key, value, generation, timeout):
    """Keep `value` under `key`, as built from the public data of `generation`."""
    cache.set(key, (generation, value), timeout)


def public_data_changed():
    """Every public entry cached so far is stale once the current transaction commits (at once outside one).

    One callback per change: a transaction that changed 500 public rows (an account deleted with its published
    contributions) sets the token 500 times when it commits, a few tens of milliseconds once. (Not gathered into
    one callback per transaction: a test's transaction never commits, and a callback left pending by its set-up
    would swallow the changes made under `django_capture_on_commit_callbacks`.)"""
    transaction.on_commit(_new_generation)


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _start_generation():
    """The generation token, set now if the cache has none (first use, eviction, flush or outage)."""
    token = uuid.uuid4().hex
    if cache.add(GENERATION_KEY, token, None):
        return token
    return cache.get(GENERATION_KEY) or token


def watch(model, fields, is_public):
    """Saving or deleting a `model` row that is public, or was before the save, makes the public data new.

    `is_public(row)` answers from a dict of the row's `fields` (attribute names: `pledge_id` for a foreign key);
    `[]` and `lambda row: True` for a model whose every row is public."""
    uid = f"public-changes:{model._meta.label}"
    pre_save.connect(_remember_before(model, fields, is_public), sender=model, weak=False, dispatch_uid=uid)
    post_save.connect(_after_save(fields, is_public), sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(_after_delete(fields, is_public), sender=model, weak=False, dispatch_uid=uid)


def _row(instance, fields):
    return {name: getattr(instance, name) for name in fields}


def _remember_before(model, fields, is_public):
    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or instance._state.adding or instance.pk is None:
            instance._was_public = False
        elif update_fields is not None and not set(fields) & set(update_fields):
            instance._was_public = is_public(_row(instance, fields))  # those fields are not being written
        else:
            before = model._base_manager.filter(pk=instance.pk).values(*fields).first() if fields else {}
            instance._was_public = before is not None and is_public(before)

    return receiver


def _after_save(fields, is_public):
    def receiver(sender, instance, raw=False, **kwargs):
        if raw:
            return
        if getattr(instance, "_was_public", False) or is_public(_row(instance, fields)):
            public_data_changed()

    return receiver


def _after_delete(fields, is_public):
    def receiver(sender, instance, **kwargs):
        if is_public(_row(instance, fields)):
            public_data_changed()

    return receiver
