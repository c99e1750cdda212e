"""A focal point fills two sections, saves, submits with gaps (sees every gap), completes and submits; the
secretariat returns it, the State resubmits, the secretariat accepts and publishes. In a real browser."""

import re

import pytest

from reviews.models import Review
from tests.conftest import assert_accessible, browser_login
from tests.factories import FocalPointFactory, SecretariatFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _secretariat_without_mfa(settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]


def _sign_out(page):
    page.click("form[action*='logout'] button[type=submit]")
    page.wait_for_load_state()


def _save_section(page, link_text, fields):
    page.click(f"text={link_text}")
    for selector, value in fields.items():
        page.fill(selector, value)
    page.click("button:has-text('Save')")
    assert page.locator(".alert-success").inner_text() == "Saved."


def test_focal_point_drafts_submits_with_gaps_completes_and_secretariat_returns_then_publishes(page):
    focal_point = FocalPointFactory().user
    SecretariatFactory(email="staff@un.example")

    browser_login(page, focal_point.email)
    page.goto("/en/reviews/mine/")
    page.click("button:has-text('Start the review')")
    assert re.search(r"/en/reviews/edit/\d+/$", page.url)
    workspace = page.url

    # Two sections, saved one at a time.
    page.click("text=Contact and consultation process")
    page.select_option("#id_language", "es")
    page.fill("#id_contact_name", "Camila Rojas")
    page.fill("#id_contact_email", "camila@cancilleria.example")
    page.fill("#id_government_bodies", "Ministerio del Trabajo; Migración Colombia")
    page.check("input[name=stakeholders_consulted][value=migrants]")
    page.check("input[name=stakeholders_consulted][value=academia]")
    page.fill("#id_consultation_process", "Talleres regionales en 2029.")
    assert_accessible(page)
    page.click("button:has-text('Save')")
    _save_section(page, "Policy and institutional environment", {"#id_policy_environment": "Estatuto temporal."})
    assert "2 of 6 sections complete" in page.content()

    # Submitting with gaps lists every missing item, with links to the sections.
    page.click("button:has-text('Submit to the Network Secretariat')")
    gaps = page.locator("#submit-gaps")
    assert "4 items are missing" in gaps.inner_text()
    links = [gaps.locator("a").nth(i).inner_text() for i in range(gaps.locator("a").count())]
    assert links == ["Progress per GCM objective", "Guiding principles", "Means of implementation and partnerships",
                     "Next steps and priorities"]
    assert_accessible(page)

    # Complete the rest, following the links of the gap list.
    gaps.locator("a", has_text="Progress per GCM objective").click()
    page.select_option("#id_objective", "5")
    page.click("button:has-text('Report on this objective')")
    page.fill("#id_progress", "Más vías regulares.")
    page.fill("#id_support_needed", "Asistencia técnica.")
    page.click("button:has-text('Save')")
    assert page.locator("tr[data-objective='5']").count() == 1
    page.goto(workspace)
    _save_section(page, "Guiding principles", {"#id_principles_narrative": "Enfoque de derechos."})
    _save_section(page, "Means of implementation and partnerships", {"#id_means_of_implementation": "Presupuesto."})
    _save_section(page, "Next steps and priorities", {"#id_next_steps": "Ampliar la integración."})
    assert "6 of 6 sections complete" in page.content()
    page.click("button:has-text('Submit to the Network Secretariat')")
    assert "was submitted" in page.locator(".alert-success").inner_text()
    review = Review.objects.get()
    assert review.status == "submitted"
    _sign_out(page)

    # The secretariat returns it with comments.
    browser_login(page, "staff@un.example")
    page.goto("/en/reviews/secretariat/")
    page.click(f"tr[data-review-id='{review.pk}'] a")
    assert_accessible(page)
    page.fill("#id_comment", "Indiquen las fechas de los talleres.")
    page.click("button:has-text('Return to the State')")
    assert page.locator("[data-status]").get_attribute("data-status") == "returned"
    _sign_out(page)

    # The State sees the comments, revises and resubmits.
    browser_login(page, focal_point.email)
    page.goto(workspace)
    assert "Indiquen las fechas de los talleres." in page.locator("#return-comment").inner_text()
    _save_section(page, "Contact and consultation process",
                  {"#id_consultation_process": "Talleres regionales en marzo y abril de 2029."})
    page.click("button:has-text('Submit to the Network Secretariat')")
    assert Review.objects.get().status == "submitted"
    _sign_out(page)

    # The secretariat accepts and publishes; the review is public.
    browser_login(page, "staff@un.example")
    page.goto(f"/en/reviews/secretariat/{review.pk}/")
    page.click("button:has-text('Accept')")
    page.click("button:has-text('Publish')")
    assert page.locator("[data-status]").get_attribute("data-status") == "published"
    _sign_out(page)
    page.goto("/es/reviews/")
    assert page.locator(f"[data-review-id='{review.pk}']").count() == 1
    page.click(f"[data-review-id='{review.pk}'] a.fw-semibold")
    assert "marzo y abril de 2029" in page.content()
    assert_accessible(page)
