"""Mass assignment: every create/edit form, sent with extra fields that name protected attributes (status,
submitter, organization, member_state, published_at, is_staff, reviewer, score, author, verified …), saves what
the form allows and nothing else."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import SECRETARIAT_GROUP, FocalPoint, Membership, Organization, ReviewerProfile, User
from dialogues.models import Contribution, Registration
from pledges.models import Pledge, ProgressUpdate
from practices.models import Practice
from tests.dialogues.factories import DialogueFactory
from tests.pledges.factories import NARRATIVE
from tests.practices.factories import review_data

from .world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, settings):
    settings.DIALOGUES_CONTRIBUTIONS_PER_HOUR = 10**6
    return build_world()


def extras(world):
    """Protected attributes a forged form might carry, pointing at other people's things."""
    stranger = world.users["focal_b"]
    return {
        "status": "published", "published_at": "2020-01-01 10:00", "submitter": stranger.pk,
        "organization": world.org_other.pk, "member_state": world.state_b.pk, "is_staff": "on",
        "is_superuser": "on", "is_active": "on", "groups": Group.objects.get(name=SECRETARIAT_GROUP).pk,
        "reviewer": stranger.pk, "score": "5", "author": stranger.pk, "user": stranger.pk, "created_by": stranger.pk,
        "decided_by": stranger.pk, "verified": "on", "reference": "IMRF-FORGED", "email": "forged@evil.example",
        "cycle": "1", "pledge": world.pledge_draft.pk, "dialogue": world.dialogue.pk, "assignment": "1",
        "submitted_at": "2020-01-01 10:00", "is_published": "on", "sequence": "99",
    }


def assert_plain_user(user):
    user.refresh_from_db()
    assert not (user.is_staff or user.is_superuser)
    assert not user.groups.exists()
    assert not FocalPoint.objects.filter(user=user).exists()
    assert not ReviewerProfile.objects.filter(user=user).exists()


def test_sign_up(client, world):
    response = client.post(reverse("account_signup"), {
        **extras(world), "email": "newcomer@example.org", "password1": "a-long-pass-phrase-71", "password2":
        "a-long-pass-phrase-71"})
    assert response.status_code == 302
    user = User.objects.get(email="newcomer@example.org")
    assert_plain_user(user)
    assert not Membership.objects.filter(user=user).exists()


def test_profile(client, world):
    member = world.users["member"]
    email = member.email
    client.force_login(member)
    response = client.post(reverse("accounts:profile"), {**extras(world), "full_name": "Mona M.",
                                                         "preferred_language": "fr"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name, member.preferred_language, member.email) == ("Mona M.", "fr", email)
    assert_plain_user(member)
    assert set(Membership.objects.filter(user=member).values_list("organization", flat=True)) == {world.org_x.pk}


def test_organization_proposal_stays_unverified(client, world):
    client.force_login(world.users["user"])
    response = client.post(reverse("accounts:organization_propose"), {
        **extras(world), "name": "Forged Org", "acronym": "FO", "category": "civil_society"})
    assert response.status_code == 302
    organization = Organization.objects.get(name="Forged Org")
    assert not organization.verified and organization.proposed_by == world.users["user"]


def test_review_section(client, world):
    review = world.review
    client.force_login(world.users["focal_a"])
    response = client.post(reverse("reviews:section", args=[review.pk, "policy"]), {
        **extras(world), "version": review.version, "policy_environment": "A new policy."})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.policy_environment == "A new policy."
    assert (review.status, review.member_state, review.published_at, review.cycle) == (
        "draft", world.state_a, None, world.cycle)


def practice_fields(**overrides):
    return {"title": "Community sponsorship", "summary": "Neighbours welcome refugees.",
            "description": "Local groups sponsor newcomers.", "language": "en", "version": 1, **overrides}


def assert_protected_practice(practice, world):
    assert (practice.status, practice.submitter, practice.organization, practice.member_state,
            practice.published_at) == ("draft", world.users["member"], world.org_x, None, None)
    assert not practice.assignments.exists()


def test_practice_create_and_edit(client, world):
    member = world.users["member"]
    client.force_login(member)
    response = client.post(reverse("practices:create"), {
        **extras(world), **practice_fields(submitted_as=f"org:{world.org_x.pk}")})
    assert response.status_code == 302
    practice = Practice.objects.get(title="Community sponsorship")
    assert_protected_practice(practice, world)

    draft = world.practice_draft
    response = client.post(reverse("practices:edit", args=[draft.pk]), {
        **extras(world), **practice_fields(title="Renamed", version=draft.version,
                                           submitted_as=f"org:{world.org_x.pk}")})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Renamed"
    assert_protected_practice(draft, world)


def test_practice_create_cannot_submit_for_another_organization(client, world):
    client.force_login(world.users["member"])
    response = client.post(reverse("practices:create"), practice_fields(submitted_as=f"org:{world.org_other.pk}"))
    assert response.status_code == 200  # the choice is not one of the member's: the form refuses it
    assert not Practice.objects.filter(title="Community sponsorship").exists()


def pledge_fields(world, **overrides):
    return {"pledger": f"org:{world.org_x.pk}", "title": "Centres for migrants", "narrative": NARRATIVE,
            "types": ["technical"], "scope": "national", "objectives": ["4"], "start_date": "2026-01-01",
            "target_date": "2027-01-01", "contact_name": "Ana", "contact_email": "ana@example.org", **overrides}


def assert_protected_pledge(pledge, world):
    assert (pledge.status, pledge.organization, pledge.member_state, pledge.published_at, pledge.reference) == (
        "draft", world.org_x, None, None, None)


def test_pledge_create_and_edit(client, world):
    client.force_login(world.users["member"])
    response = client.post(reverse("pledges:create"), {**extras(world), **pledge_fields(world)})
    assert response.status_code == 302
    pledge = Pledge.objects.get(title="Centres for migrants")
    assert_protected_pledge(pledge, world)
    assert pledge.created_by == world.users["member"]

    draft = world.pledge_draft
    response = client.post(reverse("pledges:edit", args=[draft.pk]), {
        **extras(world), **pledge_fields(world, title="Renamed pledge", version=draft.version)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Renamed pledge"
    assert_protected_pledge(draft, world)


def test_progress_update(client, world):
    member, pledge = world.users["member"], world.pledge_published
    client.force_login(member)
    response = client.post(reverse("pledges:progress", args=[pledge.pk]), {
        **extras(world), "progress": "in_progress", "date": date.today().isoformat(), "narrative": "Two open."})
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(narrative="Two open.")
    assert (update.status, update.author, update.pledge, update.decided_by) == ("submitted", member, pledge, None)


def test_contribution(client, world):
    author = world.users["member"]
    client.force_login(author)
    response = client.post(reverse("dialogues:contribute", args=[world.dialogue.pk]), {
        **extras(world), "dialogue": DialogueFactory().pk, "text": "My forged contribution", "language": "en"})
    assert response.status_code == 302
    contribution = Contribution.objects.get(text="My forged contribution")
    assert (contribution.status, contribution.author, contribution.dialogue, contribution.decided_by) == (
        "submitted", author, world.dialogue, None)


def test_registration(client, world):
    newcomer, stranger = world.users["member"], world.users["focal_b"]
    client.force_login(newcomer)
    response = client.post(reverse("dialogues:register", args=[world.dialogue.pk]), extras(world))
    assert response.status_code == 302
    assert Registration.objects.filter(dialogue=world.dialogue, user=newcomer).exists()
    assert not Registration.objects.filter(user=stranger).exists()


def test_consultation_input(client, world):
    author = world.users["member"]
    client.force_login(author)
    response = client.post(reverse("dialogues:consultation", args=[world.consultation.pk]), {
        **extras(world), "text": "My consultation input", "language": "en", "stakeholder_category": "civil_society"})
    assert response.status_code == 302
    contribution = Contribution.objects.get(text="My consultation input")
    assert (contribution.status, contribution.author, contribution.consultation, contribution.dialogue) == (
        "submitted", author, world.consultation, None)


def test_review_scoring(client, world):
    """The reviewer's scores: extra fields cannot move the review to another assignment or reviewer."""
    assignment = world.assignment
    client.force_login(world.users["reviewer"])
    response = client.post(reverse("practices:review", args=[assignment.pk]), {
        **extras(world), **review_data(), "submit": "1"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.reviewer == world.users["reviewer"]
    assert assignment.review.assignment_id == assignment.pk
    assert world.practice_in_review.assignments.count() == 1


def test_nobody_submits_in_the_name_of_another_state_or_organization(client, world):
    """The "submitted as" / "pledger" choice is limited to the user's own States and organizations."""
    cases = [(world.users["focal_a"], f"state:{world.state_b.pk}"),
             (world.users["member"], f"org:{world.org_other.pk}"),
             (world.users["focal_a"], f"org:{world.org_x.pk}"),
             (world.users["member"], f"state:{world.state_a.pk}")]
    for user, identity in cases:
        client.force_login(user)
        practice = client.post(reverse("practices:create"), practice_fields(submitted_as=identity))
        pledge = client.post(reverse("pledges:create"), pledge_fields(world, pledger=identity))
        assert practice.status_code == pledge.status_code == 200, (user, identity)  # the forms refuse the choice
    assert not Practice.objects.filter(title="Community sponsorship").exists()
    assert not Pledge.objects.filter(title="Centres for migrants").exists()
    # Their own identities are accepted.
    client.force_login(world.users["focal_a"])
    assert client.post(reverse("practices:create"), practice_fields(
        submitted_as=f"state:{world.state_a.pk}")).status_code == 302
    assert client.post(reverse("pledges:create"), pledge_fields(
        world, pledger=f"state:{world.state_a.pk}")).status_code == 302
    assert Practice.objects.get(title="Community sponsorship").member_state == world.state_a
    assert Pledge.objects.get(title="Centres for migrants").member_state == world.state_a
