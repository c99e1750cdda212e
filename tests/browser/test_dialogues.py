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
