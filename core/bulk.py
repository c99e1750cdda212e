"""Bulk writes for the daily sweeps: insert many rows at once, each at most once, whatever runs concurrently."""

from django.db import IntegrityError, transaction

BATCH_SIZE = 1000
ATTEMPTS = 3


def insert_missing(model, objects, *, key, existing, prepare=None):
    """Insert those of `objects` (unsaved `model` instances) whose `key` is not stored yet; return them, saved.

    `key` names the fields of a unique constraint of `model`; `existing` is a queryset of `model` holding at least
    every stored row that could share a key with `objects` (one query reads their keys). When a concurrent run
    commits some of the same keys in between, the unique constraint refuses the batch: it is rolled back to a
    savepoint and retried without them, so no key is ever inserted twice and this call returns only what it
    inserted. `prepare(obj)`, if given, completes each object about to be inserted (work spared for the others).
    Call it inside a transaction.
    """
    objects = list(objects)
    for attempt in range(ATTEMPTS):
        stored = set(existing.order_by().values_list(*key))
        todo = [obj for obj in objects if _key(obj, key) not in stored]
        if not todo:
            return []
        if prepare and attempt == 0:
            for obj in todo:
                prepare(obj)
        try:
            with transaction.atomic():
                return model.objects.bulk_create(todo, batch_size=BATCH_SIZE)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
            for obj in todo:
                obj.pk, obj._state.adding = None, True
    return []


def _key(obj, fields):
    return tuple(getattr(obj, name) for name in fields)
