"""End to end in a real browser: submit → assign → two reviewers accept and review → decision → published,
found by search and by facet. Accessibility checked on the main screens."""

import pytest

from accounts.models import ReviewerKind
from gcm.models import MemberState, Objective
from practices.models import Practice
from tests.conftest import assert_accessible, browser_login
from tests.factories import MembershipFactory, OrganizationFactory, ReviewerProfileFactory, SecretariatFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WORD = "zanzibarite"  # a word only this practice's description contains


def sign_in(page, email):
    page.context.clear_cookies()
    browser_login(page, email)


def fill_practice(page, organization):
    objective = Objective.objects.get(number=15)
    page.fill("#id_title", "Night school for migrant workers")
    page.fill("#id_summary", "Evening classes that lead to recognised diplomas.")
    page.fill("#id_description", f"Teachers volunteer in the **{WORD}** programme every evening.")
    page.select_option("#id_submitted_as", f"org:{organization.pk}")
    page.select_option("#id_countries", [str(MemberState.objects.get(iso3="COL").pk)])
    page.select_option("#id_region", "americas")
    page.check(f"input[name=objectives][value='{objective.pk}']")
    page.select_option("#id_primary_objective", str(objective.pk))
    page.fill("#id_start_date", "2021-03-01")
    page.check("input[name=implementation_status][value=fully]")
    page.fill("#id_results", "1,200 graduates in three years.")
    for criterion in ["innovative", "replicable", "sustainable", "relevant", "coherent", "timely"]:
        page.fill(f"#id_narrative_{criterion}", f"Because it is {criterion}.")
    page.fill("#id_contact_name", "Ana Teacher")
    page.fill("#id_contact_email", "ana@example.org")


def review(page, assignment_id, score):
    page.goto(f"/en/practices/assignments/{assignment_id}/")
    page.click("text=Accept the invitation")
    page.wait_for_url(f"**/assignments/{assignment_id}/review/")
    assert_accessible(page)
    for criterion in ["innovative", "replicable", "sustainable", "relevant", "coherent", "timely"]:
        page.check(f"input[name=score_{criterion}][value='{score}']")
    page.fill("#id_comments_for_submitter", "Well documented.")
    page.check("input[name=recommendation][value=publish]")
    page.click("button[name=submit]")
    page.wait_for_url(f"**/assignments/{assignment_id}/")
    assert "your review is submitted" in page.content()


def test_submit_assign_review_decide_publish_and_find(page, settings):
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]
    organization = OrganizationFactory(name="Night Schools Network")
    author = MembershipFactory(organization=organization).user
    SecretariatFactory(email="staff@un.example")
    internal = ReviewerProfileFactory(kind=ReviewerKind.INTERNAL, user__full_name="Una Internal",
                                      objectives=[15]).user
    external = ReviewerProfileFactory(kind=ReviewerKind.EXTERNAL, user__full_name="Ext Ernal", objectives=[15]).user
    conflicted = ReviewerProfileFactory(user__full_name="Con Flicted", organization=organization).user

    # Submit
    sign_in(page, author.email)
    page.goto("/en/practices/new/")
    assert_accessible(page)
    fill_practice(page, organization)
    page.click("button[name=save]")
    page.wait_for_url("**/edit/")
    practice = Practice.objects.get()
    page.click("text=Continue to submission")
    assert "Eligibility checklist" in page.content()
    for name in ["implemented", "relevant", "principles", "evidence", "consent"]:
        page.check(f"input[name={name}]")
    page.click("text=Submit the practice")
    page.wait_for_url(f"**/practices/{practice.pk}/")
    assert "submitted for peer review" in page.content()

    # Assign: the conflicted reviewer cannot be invited
    sign_in(page, "staff@un.example")
    page.goto(f"/en/practices/manage/{practice.pk}/assign/")
    assert_accessible(page)
    assert page.locator(f"tr[data-reviewer-id='{conflicted.pk}'] button").count() == 0
    assert "Conflict of interest" in page.locator(f"tr[data-reviewer-id='{conflicted.pk}']").inner_text()
    for person in (internal, external):
        page.click(f"tr[data-reviewer-id='{person.pk}'] button[type=submit]")
        page.wait_for_load_state()
    assignments = {a.reviewer_id: a.pk for a in practice.assignments.all()}
    assert set(assignments) == {internal.pk, external.pk}

    # Two reviewers accept and review
    for person, score in ((internal, 4), (external, 5)):
        sign_in(page, person.email)
        review(page, assignments[person.pk], score)

    # Decision
    sign_in(page, "staff@un.example")
    page.goto(f"/en/practices/manage/{practice.pk}/")
    assert_accessible(page)
    assert "4.5" in page.locator("td[data-mean]").first.inner_text()
    page.check("input[name=decision][value=publish]")
    page.click("text=Record the decision")
    page.wait_for_load_state()
    assert Practice.objects.get(pk=practice.pk).status == "published"

    # Found by search and by facet, anonymously
    page.context.clear_cookies()
    page.goto("/en/practices/")
    page.fill("#id_q", WORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(f"[data-practice-id='{practice.pk}']").count() == 1
    page.goto("/en/practices/")
    assert_accessible(page)
    page.click("[data-facet='objective'] [data-facet-value='15']")
    page.wait_for_url("**objective=15**")
    assert page.locator(f"[data-practice-id='{practice.pk}']").count() == 1
    page.click(f"[data-practice-id='{practice.pk}'] h3 a")
    assert WORD in page.content() and "Una Internal" not in page.content()
    assert_accessible(page)
