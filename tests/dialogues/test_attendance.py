"""Attending a dialogue: waiting list, calendar files, time zones, reminders, join link and recordings."""

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from dialogues import services
from dialogues.enums import RegistrationStatus
from dialogues.models import Registration, Reminder
from dialogues.timezones import VIEWER_COOKIE
from tests.dialogues.factories import DialogueFactory, RegistrationFactory
from tests.factories import SecretariatFactory, UserFactory

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")
JOIN = "https://meet.un.example/secret-room"


def _ics_start(attachment_content):
    calendar = icalendar.Calendar.from_ical(attachment_content)
    event = next(iter(calendar.walk("VEVENT")))
    return calendar, event, event.decoded("dtstart")


def test_cancellation_promotes_the_first_in_line_and_mails_an_ics(django_capture_on_commit_callbacks):
    start = datetime(2030, 3, 5, 10, tzinfo=NEW_YORK)
    dialogue = DialogueFactory(capacity=1, starts_at=start, ends_at=start + timedelta(hours=2), join_url=JOIN)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(dialogue_id=dialogue.pk, user=first)
        waiting = services.registration_create(dialogue_id=dialogue.pk, user=second)
        services.registration_create(dialogue_id=dialogue.pk, user=third)
    assert waiting.status == "waiting" and services.waiting_position(waiting) == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(dialogue_id=dialogue.pk, user=first)
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {second.pk: "registered", third.pk: "waiting"}
    [message] = mail.outbox
    assert message.to == [second.email]
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    calendar, event, dtstart = _ics_start(content)
    assert dtstart == start and dtstart.utcoffset() == timedelta(hours=-5)
    assert str(calendar["method"]) == "REQUEST" and JOIN in str(event["location"])


def test_raising_the_capacity_promotes_as_many_as_new_seats():
    dialogue = DialogueFactory(capacity=1)
    RegistrationFactory(dialogue=dialogue)
    users = [UserFactory() for _ in range(3)]
    for user in users:
        services.registration_create(dialogue_id=dialogue.pk, user=user)
    services.dialogue_update(dialogue_id=dialogue.pk, by=SecretariatFactory(), capacity=3)
    registered = set(Registration.objects.filter(status="registered").values_list("user_id", flat=True))
    assert {users[0].pk, users[1].pk} <= registered and users[2].pk not in registered


@pytest.mark.django_db(transaction=True)
def test_two_cancellations_at_once_promote_two_different_people(reference_data):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a database lock; run with DATABASE_URL on PostgreSQL.")
    dialogue = DialogueFactory(capacity=2)
    holders = [RegistrationFactory(dialogue=dialogue).user for _ in range(2)]
    waiting = [RegistrationFactory(dialogue=dialogue, status="waiting").user for _ in range(3)]
    barrier = threading.Barrier(2)

    def cancel(user):
        barrier.wait()
        try:
            services.registration_cancel(dialogue_id=dialogue.pk, user=user)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(user,)) for user in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    registered = list(Registration.objects.filter(status="registered").values_list("user_id", flat=True))
    assert sorted(registered) == sorted([waiting[0].pk, waiting[1].pk])
    assert Notification.objects.filter(template="dialogues_promoted").count() == 2


def test_feed_is_valid_filtered_and_never_carries_the_join_link(client):
    from gcm.models import RoundTable

    rt1, rt2 = RoundTable.objects.get(number=1), RoundTable.objects.get(number=2)
    first = DialogueFactory(title="On pathways", join_url=JOIN)
    first.round_tables.set([rt1])
    DialogueFactory(title="On governance").round_tables.set([rt2])
    DialogueFactory(title="Long past", past=True)
    response = client.get(reverse("dialogues:calendar_feed"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["On governance", "On pathways"]
    assert all(e["uid"] and e["dtstamp"] for e in events)
    assert calendar.walk("VTIMEZONE")  # the session zone is described
    assert JOIN.encode() not in response.content
    filtered = client.get(reverse("dialogues:calendar_feed"), {"round_table": rt2.pk})
    assert [str(e["summary"]) for e in icalendar.Calendar.from_ical(filtered.content).walk("VEVENT")] == [
        "On governance"]


def test_uid_is_stable_and_the_sequence_rises_on_change(client):
    dialogue = DialogueFactory()
    url = reverse("dialogues:ics", args=[dialogue.pk])
    before = next(iter(icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")))
    services.dialogue_update(dialogue_id=dialogue.pk, by=SecretariatFactory(), title="Moved")
    after = next(iter(icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")))
    assert before["uid"] == after["uid"]
    assert int(after["sequence"]) == int(before["sequence"]) + 1


def test_cancelled_session_sends_a_cancel_update_to_registrants(django_capture_on_commit_callbacks):
    dialogue = DialogueFactory()
    registrant = RegistrationFactory(dialogue=dialogue).user
    with django_capture_on_commit_callbacks(execute=True):
        services.dialogue_cancel(dialogue_id=dialogue.pk, by=SecretariatFactory())
    [message] = mail.outbox
    assert message.to == [registrant.email]
    calendar = icalendar.Calendar.from_ical(message.attachments[0][1])
    assert str(calendar["method"]) == "CANCEL"
    assert str(next(iter(calendar.walk("VEVENT")))["status"]) == "CANCELLED"


@pytest.mark.parametrize("day,geneva,buenos_aires", [
    (5, "16:00", "12:00"),   # New York on EST (UTC−5), Geneva on CET
    (12, "15:00", "11:00"),  # New York switched to EDT on 10 March 2030; Geneva only on 31 March
])
def test_ten_in_new_york_seen_from_geneva_and_buenos_aires(client, day, geneva, buenos_aires):
    start = datetime(2030, 3, day, 10, tzinfo=NEW_YORK)
    dialogue = DialogueFactory(starts_at=start, ends_at=start + timedelta(hours=1))
    for zone, expected in (("Europe/Zurich", geneva), ("America/Argentina/Buenos_Aires", buenos_aires)):
        client.cookies[VIEWER_COOKIE] = zone
        when = client.get(dialogue.get_absolute_url()).content.decode()
        assert "10:00" in when and "New York time" in when
        assert f"{expected}–" in when and zone.replace("_", " ") in when


def test_without_a_known_zone_the_page_shows_new_york_time_with_its_offset(client):
    start = datetime(2030, 3, 12, 10, tzinfo=NEW_YORK)
    page = client.get(DialogueFactory(starts_at=start, ends_at=start + timedelta(hours=1)).get_absolute_url())
    assert "10:00–11:00 New York time (UTC\u221204:00)" in page.content.decode()


def test_organizer_enters_the_time_in_the_session_zone(client, secretariat_user):
    from gcm.models import Cycle

    client.force_login(secretariat_user)
    client.post(reverse("dialogues:create"), {
        "cycle": Cycle.objects.active().pk, "kind": "global", "title": "From Geneva", "language": "en",
        "time_zone": "Europe/Zurich", "starts_at": "2030-01-15T16:00", "ends_at": "2030-01-15T17:00"})
    from dialogues.models import Dialogue

    assert Dialogue.objects.get().starts_at == datetime(2030, 1, 15, 15, tzinfo=UTC)


def test_reminders_go_once_per_registration_and_kind():
    now = timezone.now()
    online = DialogueFactory(starts_at=now + timedelta(minutes=50), ends_at=now + timedelta(hours=2),
                             is_online=True, join_url=JOIN)
    in_person = DialogueFactory(starts_at=now + timedelta(hours=20), ends_at=now + timedelta(hours=22),
                                is_online=False)
    later = DialogueFactory(starts_at=now + timedelta(days=3))
    for dialogue in (online, in_person, later):
        RegistrationFactory(dialogue=dialogue)
    RegistrationFactory(dialogue=online, status="waiting")
    assert services.reminders_send(now=now) == 3  # online: day before + hour before; in person: day before
    assert services.reminders_send(now=now) == 0
    kinds = sorted(Reminder.objects.values_list("registration__dialogue_id", "kind"))
    assert kinds == sorted([(online.pk, "day_before"), (online.pk, "hour_before"), (in_person.pk, "day_before")])
    reminder = Notification.objects.filter(template="dialogues_reminder", context__kind="hour_before").get()
    assert reminder.context["join_url"] == JOIN


@pytest.mark.django_db(transaction=True)
def test_reminders_two_workers_at_once_send_once(reference_data):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a database lock; the constraint is exercised above.")
    now = timezone.now()
    dialogue = DialogueFactory(starts_at=now + timedelta(hours=5), ends_at=now + timedelta(hours=6))
    RegistrationFactory(dialogue=dialogue)
    barrier, results = threading.Barrier(2), []

    def run():
        barrier.wait()
        try:
            results.append(services.reminders_send(now=now))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    assert Notification.objects.filter(template="dialogues_reminder").count() == 1


def test_join_link_only_for_participants_with_a_seat(client):
    dialogue = DialogueFactory(capacity=1, join_url=JOIN)
    holder = RegistrationFactory(dialogue=dialogue).user
    waiting = RegistrationFactory(dialogue=dialogue, status="waiting").user
    assert JOIN not in client.get(dialogue.get_absolute_url()).content.decode()
    assert JOIN not in client.get(reverse("dialogues:ics", args=[dialogue.pk])).content.decode()
    client.force_login(waiting)
    assert JOIN not in client.get(dialogue.get_absolute_url()).content.decode()
    client.force_login(holder)
    assert JOIN in client.get(dialogue.get_absolute_url()).content.decode()
    assert JOIN in client.get(reverse("dialogues:ics", args=[dialogue.pk])).content.decode().replace("\r\n ", "")


def test_join_link_is_not_in_the_registration_export(client, secretariat_user):
    dialogue = DialogueFactory(join_url=JOIN)
    RegistrationFactory(dialogue=dialogue)
    client.force_login(secretariat_user)
    assert JOIN not in client.get(reverse("dialogues:registrations_csv", args=[dialogue.pk])).content.decode()


def test_registration_page_lists_registered_and_waiting_separately(client, secretariat_user):
    dialogue = DialogueFactory(capacity=1)
    seat = RegistrationFactory(dialogue=dialogue)
    wait = RegistrationFactory(dialogue=dialogue, status="waiting")
    client.force_login(secretariat_user)
    page = client.get(reverse("dialogues:registrations", args=[dialogue.pk])).content.decode()
    assert f'data-registration-id="{seat.pk}"' in page and f'data-waiting-id="{wait.pk}"' in page
    assert f'data-registration-id="{wait.pk}"' not in page


def test_recording_and_summary_appear_and_registrants_are_told_once(client, django_capture_on_commit_callbacks):
    dialogue = DialogueFactory(past=True, summary="We agreed on **three** points.")
    RegistrationFactory(dialogue=dialogue)
    staff = SecretariatFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.recording_add(dialogue_id=dialogue.pk, by=staff, url="https://webtv.un.example/en", language="en")
        services.recording_add(dialogue_id=dialogue.pk, by=staff, url="https://webtv.un.example/es", language="es")
    assert [m.subject for m in mail.outbox] == [f"The recording is up: {dialogue.title}"]
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "https://webtv.un.example/es" in page and "(Spanish)" in page
    assert "<strong>three</strong>" in page


def test_the_profile_time_zone_wins_over_the_browser_zone(client, django_user_model):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), {
        "full_name": "Ana Ruiz", "preferred_language": "en", "time_zone": "America/Argentina/Buenos_Aires"})
    assert response.status_code == 302
    assert django_user_model.objects.get(pk=user.pk).time_zone == "America/Argentina/Buenos_Aires"

    start = datetime(2030, 3, 5, 10, tzinfo=NEW_YORK)
    dialogue = DialogueFactory(starts_at=start, ends_at=start + timedelta(hours=1))
    client.cookies[VIEWER_COOKIE] = "Europe/Zurich"  # the browser is in Geneva, the profile says Buenos Aires
    page = client.get(dialogue.get_absolute_url()).content.decode()
    assert "12:00–" in page and "America/Argentina/Buenos Aires" in page
    assert "Europe/Zurich" not in page


def test_an_unknown_profile_time_zone_is_refused_and_the_rest_of_the_form_kept(client):
    from tests.factories import UserFactory

    user = UserFactory(full_name="Before")
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), {
        "full_name": "Kept name", "preferred_language": "en", "time_zone": "Mars/Olympus_Mons"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in html and 'value="Kept name"' in html
    user.refresh_from_db()
    assert user.full_name == "Before" and user.time_zone == ""


def test_cancelling_a_session_asks_first_and_says_who_will_be_told(client, secretariat_user,
                                                                   django_capture_on_commit_callbacks):
    dialogue = DialogueFactory(capacity=1)
    RegistrationFactory(dialogue=dialogue)
    RegistrationFactory(dialogue=dialogue, status=RegistrationStatus.WAITING)
    client.force_login(secretariat_user)
    page = client.get(dialogue.get_absolute_url()).content.decode()
    cancel = reverse("dialogues:cancel", args=[dialogue.pk])
    assert f'href="{cancel}"' in page  # a link to the confirmation, not a one-click POST

    confirm = client.get(cancel).content.decode()
    dialogue.refresh_from_db()
    assert not dialogue.is_cancelled
    assert "1 registered person will be told" in confirm and "1 person on the waiting list" in confirm

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(cancel).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.is_cancelled
