"""Every accounts e-mail renders in each language with its real context, and links to the right page."""

from pathlib import Path

import pytest

from core.models import Notification
from core.notifications import render_notification
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(p.name.removesuffix(".subject.txt") for p in
                   (Path(__file__).resolve().parents[2] / "accounts" / "templates" / "emails").glob("*.subject.txt"))


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language,greeting", [("en", "Hello"), ("fr", "Bonjour"), ("es", "Estimado/a")])
def test_accounts_email_renders_in_each_language(template, language, greeting):
    org = OrganizationFactory(name="Casa Migrante")
    user = UserFactory(full_name="Ana Pérez", preferred_language=language)
    context = {"organization_id": org.pk, "organization": org.name, "proposer": "Luis", "applicant": "Luis",
               "applicant_email": "luis@example.org", "message": "Hola", "role": "admin", "comment": "Duplicate",
               "state": "SEN", "kind": "focal_point", "position": ""}
    note = Notification(recipient=user, to_email=user.email, language=language, template=template, context=context)
    subject, body, _html = render_notification(note)
    assert subject and "{" not in subject and "{" not in body
    assert body.startswith(f"{greeting} Ana Pérez")
    if "organization" in template or "membership_requested" in template:
        assert "Casa Migrante" in subject + body
    if "focal_point" in template:
        assert {"en": "Senegal", "fr": "Sénégal", "es": "Senegal"}[language] in subject + body
    if template.endswith(("_verified", "_requested")):
        assert f"/{language}/me/organizations/{org.pk}/" in body
