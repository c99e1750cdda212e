"""A participant registers and contributes; the secretariat publishes; everyone sees it on the dialogue page."""

import pytest

from dialogues.models import Contribution, Registration
from tests.conftest import assert_accessible, browser_login
from tests.dialogues.factories import DialogueFactory
from tests.factories import SecretariatFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_contribute_moderate_and_publish(page, settings):
    dialogue = DialogueFactory(title="Online dialogue on inclusion", capacity=20)
    participant = UserFactory(email="participant@example.org", full_name="Nadia Participant")
    staff = SecretariatFactory(email="staff@un.example")
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = [staff.email]

    page.goto("/en/dialogues/")
    page.click("text=Online dialogue on inclusion")
    assert_accessible(page)

    browser_login(page, participant.email)
    page.goto(f"/en/dialogues/{dialogue.pk}/")
    page.click("button:has-text('Register')")
    assert "You are registered" in page.content()
    assert Registration.objects.filter(dialogue=dialogue, user=participant).exists()

    page.fill("textarea[name=text]", "Cities should offer *language classes* at the workplace.")
    page.select_option("select[name=language]", "en")
    page.click("button:has-text('Send my contribution')")
    pending = page.locator("#your-contributions")
    assert "awaiting moderation" in pending.inner_text()
    assert_accessible(page)
    contribution = Contribution.objects.get()

    page.context.clear_cookies()
    browser_login(page, staff.email)
    page.goto("/en/dialogues/secretariat/moderation/")
    card = page.locator(f"[data-contribution-id='{contribution.pk}']")
    assert "language classes" in card.inner_text()
    assert_accessible(page)
    card.locator("button:has-text('Publish')").click()
    assert "The contribution is published." in page.content()

    page.context.clear_cookies()
    page.goto(f"/en/dialogues/{dialogue.pk}/")
    published = page.locator(f"[data-contribution-id='{contribution.pk}']")
    assert "Nadia Participant" in published.inner_text()
    assert published.locator("em").inner_text() == "language classes"
    assert "1 published contribution" in page.locator("#contributions-heading").inner_text()


@pytest.mark.parametrize("language,heading",
                         [("es", "Diálogos sobre migración"), ("fr", "Dialogues sur les migrations")])
def test_dialogue_list_in_each_language_is_accessible(page, language, heading):
    DialogueFactory(title="Upcoming one")
    DialogueFactory(title="Past one", past=True, kind="regional", region="americas")
    page.goto(f"/{language}/dialogues/")
    assert heading in page.locator("h1").inner_text()
    assert page.locator("[data-dialogue-id]").count() == 2
    assert_accessible(page)


def test_full_session_waiting_list_promotion_and_ics_then_moderated_contribution(page, settings):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    import icalendar
    from django.core import mail

    from dialogues import services
    from tests.dialogues.factories import RegistrationFactory

    start = datetime(2030, 3, 12, 10, tzinfo=ZoneInfo("America/New_York"))
    dialogue = DialogueFactory(title="Small-room dialogue", capacity=1, starts_at=start,
                               ends_at=start + timedelta(hours=2), join_url="https://meet.un.example/small")
    holder = UserFactory(email="holder@example.org", full_name="Holder")
    RegistrationFactory(dialogue=dialogue, user=holder)
    waiting = UserFactory(email="waiting@example.org", full_name="Wanda Waiting")

    browser_login(page, waiting.email)
    page.goto(f"/en/dialogues/{dialogue.pk}/")
    assert "1 of 1 places taken" in page.content()
    page.click("button:has-text('Join the waiting list')")
    assert "You are number 1 on the waiting list." in page.locator("#waiting-position").inner_text()
    assert page.locator("#join-link").count() == 0
    assert_accessible(page)

    mail.outbox.clear()
    page.context.clear_cookies()
    browser_login(page, holder.email)
    page.goto(f"/en/dialogues/{dialogue.pk}/")
    page.click("button:has-text('Cancel my registration')")
    assert "Your registration has been cancelled." in page.content()

    assert Registration.objects.get(dialogue=dialogue).user == waiting
    [message] = [m for m in mail.outbox if m.to == [waiting.email]]
    calendar = icalendar.Calendar.from_ical(message.attachments[0][1])
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == start
    assert event.decoded("dtstart").astimezone(ZoneInfo("UTC")).hour == 14

    page.context.clear_cookies()
    browser_login(page, waiting.email)
    page.goto(f"/en/dialogues/{dialogue.pk}/")
    assert "You are registered." in page.content()
    assert page.locator("#join-link a").get_attribute("href") == "https://meet.un.example/small"
    page.fill("textarea[name=text]", "A small room keeps the discussion honest.")
    page.click("button:has-text('Send my contribution')")
    contribution = Contribution.objects.get()

    page.context.clear_cookies()
    page.goto(f"/en/dialogues/{dialogue.pk}/")
    assert "A small room" not in page.content()
    assert "https://meet.un.example/small" not in page.content()
    services.contribution_publish(contribution_id=contribution.pk, by=SecretariatFactory())
    page.reload()
    assert "A small room keeps the discussion honest." in page.locator(
        f"[data-contribution-id='{contribution.pk}']").inner_text()
