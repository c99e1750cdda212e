"""core.bulk and notify_bulk: many rows at once, each key at most once, whatever runs concurrently (COPY into a
staging table and INSERT … ON CONFLICT on PostgreSQL, bulk_create with a savepoint retry on SQLite)."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from core.audit import events_for, record_bulk_events
from core.bulk import insert_missing
from core.models import Notification
from core.notifications import Recipient, notify_bulk
from dialogues import services as dialogues
from dialogues.models import Reminder
from tests.dialogues.factories import DialogueFactory, RegistrationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FIELDS = ("registration_id", "kind")


def _reminders(n):
    registrations = RegistrationFactory.create_batch(n, dialogue=DialogueFactory())
    return registrations, [(r.pk, "day_before") for r in registrations]


def test_insert_missing_inserts_only_the_keys_not_stored_and_returns_them():
    registrations, rows = _reminders(3)
    Reminder.objects.create(registration=registrations[0], kind="day_before")
    inserted = insert_missing(Reminder, rows, fields=FIELDS, key=FIELDS, existing=Reminder.objects.all())
    assert sorted(inserted) == sorted(rows[1:])
    assert {Reminder.objects.get(pk=pk).registration_id for pk in inserted.values()} == {
        r.pk for r in registrations[1:]}
    assert insert_missing(Reminder, rows, fields=FIELDS, key=FIELDS, existing=Reminder.objects.all()) == {}
    assert Reminder.objects.count() == 3


def test_insert_missing_gives_the_other_fields_their_defaults():
    _registrations, rows = _reminders(2)
    before = timezone.now()
    insert_missing(Reminder, rows, fields=FIELDS, key=FIELDS, existing=Reminder.objects.all())
    assert all(before <= r.created_at <= timezone.now() for r in Reminder.objects.all())


def test_insert_missing_prepares_only_the_rows_it_inserts():
    registrations, rows = _reminders(3)
    Reminder.objects.create(registration=registrations[0], kind="day_before")
    moment, prepared = timezone.now() - timedelta(days=2), []

    def prepare(row):
        prepared.append(row[0])
        return (*row[:2], moment)

    inserted = insert_missing(Reminder, [(*row, None) for row in rows], fields=(*FIELDS, "created_at"), key=FIELDS,
                              prepare=prepare, existing=Reminder.objects.all())
    assert prepared == [r.pk for r in registrations[1:]]
    assert sorted(inserted) == sorted(rows[1:])
    assert set(Reminder.objects.filter(pk__in=inserted.values()).values_list("created_at", flat=True)) == {moment}


def test_keys_committed_between_the_read_and_the_insert_are_skipped_not_inserted_twice():
    """The stored keys are read first (SQLite, or a prepare on PostgreSQL); a run committing some of the same keys
    right after that read makes the unique constraint refuse them, and only the others are inserted."""
    registrations, rows = _reminders(4)
    reads = []

    def existing():
        reads.append(1)
        if len(reads) == 1:  # this run's read: nothing stored yet; then the "concurrent" run commits two keys
            Reminder.objects.bulk_create([Reminder(registration=r, kind="day_before") for r in registrations[:2]])
            return Reminder.objects.none()
        return Reminder.objects.all()

    inserted = insert_missing(Reminder, rows, fields=FIELDS, key=FIELDS, prepare=lambda row: row, existing=existing)
    assert sorted(inserted) == sorted(rows[2:])
    assert Reminder.objects.count() == 4


def test_notify_bulk_queues_each_key_once_in_each_recipients_language():
    french, spanish = UserFactory(preferred_language="fr"), UserFactory(preferred_language="es")
    context = {"note": "shared"}
    messages = [(french, "core_test", context, "k:1"), (Recipient(spanish.pk, spanish.email, "es"), "core_test",
                                                         context, "k:2"),
                (french, "core_test", context, "k:1"), (Recipient(spanish.pk, "", "es"), "core_test", context, "k:3")]
    ids = notify_bulk(messages)
    stored = {n.dedupe_key: n for n in Notification.objects.filter(pk__in=ids)}
    assert sorted(stored) == ["k:1", "k:2"]
    assert (stored["k:1"].language, stored["k:1"].to_email, stored["k:1"].recipient_id) == ("fr", french.email,
                                                                                            french.pk)
    assert (stored["k:2"].language, stored["k:2"].context) == ("es", {"note": "shared"})
    assert notify_bulk(messages) == []
    assert Notification.objects.count() == 2


def test_notify_bulk_builds_a_deferred_context_only_for_what_it_queues():
    user, built = UserFactory(), []
    notify_bulk([(user, "core_test", {"note": "first"}, "deferred:1")])

    def context(n):
        built.append(n)
        return {"note": str(n)}

    ids = notify_bulk([(user, "core_test", lambda n=n: context(n), f"deferred:{n}") for n in (1, 2)])
    assert built == [2]
    assert Notification.objects.get(pk__in=ids).context == {"note": "2"}


def test_notify_bulk_enqueues_delivery_after_commit(django_capture_on_commit_callbacks):
    users = UserFactory.create_batch(3)
    with django_capture_on_commit_callbacks(execute=True):
        notify_bulk((user, "core_test", {"note": "bulk"}, f"bulk:{user.pk}") for user in users)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in users)


def test_record_bulk_events_writes_one_audit_row_per_object():
    registrations, _rows = _reminders(2)
    record_bulk_events(type(registrations[0]), [(r.pk, f"note {r.pk}") for r in registrations], "reminded",
                       from_status="a", to_status="b")
    for registration in registrations:
        event = events_for(registration).get()
        assert (event.action, event.comment, event.from_status, event.to_status, event.actor) == (
            "reminded", f"note {registration.pk}", "a", "b", None)


@pytest.mark.django_db(transaction=True)
def test_dialogue_reminders_recorded_by_a_concurrent_run_meanwhile_are_neither_inserted_nor_notified(
        reference_data):
    """PostgreSQL: another worker has recorded two of the four reminders in a transaction still open when this run
    reads what is due (it cannot see them yet); its insert waits for that transaction, and once it commits,
    inserts and notifies only the other two."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a database lock; the SQLite retry is tested above.")
    now = timezone.now()
    dialogue = DialogueFactory(starts_at=now + timedelta(hours=5), ends_at=now + timedelta(hours=6))
    registrations = RegistrationFactory.create_batch(4, dialogue=dialogue)
    recorded, sweeping = threading.Event(), threading.Event()

    def concurrent_run():
        try:
            with transaction.atomic():
                Reminder.objects.bulk_create(Reminder(registration=r, kind="day_before") for r in registrations[:2])
                recorded.set()
                sweeping.wait(10)
                time.sleep(0.5)  # let the sweep reach its insert and wait on this transaction (either way it is right)
        finally:
            connection.close()

    thread = threading.Thread(target=concurrent_run)
    thread.start()
    assert recorded.wait(10)
    sweeping.set()
    assert dialogues.reminders_send(now=now) == 2
    thread.join()
    assert Reminder.objects.count() == 4
    notified = Notification.objects.filter(template="dialogues_reminder")
    assert sorted(notified.values_list("recipient_id", flat=True)) == sorted(r.user_id for r in registrations[2:])
