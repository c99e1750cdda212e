"""Pledge workflow: transitions allowed and refused, references, partners, audit trail and e-mails."""

from decimal import Decimal

import pytest
from django.core import mail

from core.audit import events_for
from core.drafts import StaleEdit
from core.workflow import InvalidTransition, NotAllowed
from gcm.models import Cycle
from pledges import services
from pledges.enums import PartnerStatus, PledgeStatus, PledgeType
from pledges.models import Pledge
from tests.factories import FocalPointFactory, MembershipFactory, OrganizationFactory, member_state
from tests.pledges.factories import NARRATIVE, PartnerFactory, PledgeFactory, PublishedPledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledger(organization):
    return MembershipFactory(organization=organization).user


@pytest.fixture
def draft(organization):
    return PledgeFactory(organization=organization)


def _data(**overrides):
    return {"title": "Open centres", "narrative": NARRATIVE, "organization": None, "member_state": None,
            "types": [PledgeType.TECHNICAL], "scope": "national", **overrides}


def test_pledge_create_for_own_organization_saves_a_draft(pledger, organization):
    pledge = services.pledge_create(by=pledger, data=_data(organization=organization))
    assert pledge.status == PledgeStatus.DRAFT
    assert pledge.cycle == Cycle.objects.active()
    assert events_for(pledge)[0].action == "created"


def test_pledge_create_for_another_organization_is_refused(pledger):
    with pytest.raises(NotAllowed):
        services.pledge_create(by=pledger, data=_data(organization=OrganizationFactory()))
    assert not Pledge.objects.exists()


def test_pledge_create_for_a_state_needs_its_focal_point(user, focal_point):
    with pytest.raises(NotAllowed):
        services.pledge_create(by=user, data=_data(member_state=member_state("COL")))
    pledge = services.pledge_create(by=focal_point, data=_data(member_state=member_state("COL")))
    assert pledge.member_state.iso3 == "COL"


def test_pledge_update_with_a_stale_version_is_refused_and_keeps_the_newer_text(pledger, draft):
    services.pledge_update(pledge_id=draft.pk, by=pledger, version=draft.version, data={"title": "First"})
    with pytest.raises(StaleEdit):
        services.pledge_update(pledge_id=draft.pk, by=pledger, version=draft.version, data={"title": "Second"})
    assert Pledge.objects.get(pk=draft.pk).title == "First"


def test_pledge_submit_with_missing_items_lists_every_gap(pledger, organization):
    pledge = services.pledge_create(by=pledger, data={"title": "Thin", "organization": organization,
                                                      "narrative": "Too short.", "types": [PledgeType.FINANCIAL]})
    with pytest.raises(services.IncompletePledge) as err:
        services.pledge_submit(pledge_id=pledge.pk, by=pledger)
    fields = [field for field, _message in err.value.problems]
    assert fields == ["narrative", "scope", "objectives", "target_date", "amount", "contact_email"]
    assert "The narrative has 10 characters; it needs at least 300." in dict(err.value.problems)["narrative"]
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.DRAFT


def test_pledge_submit_accepts_a_principle_instead_of_an_objective(pledger, organization):
    pledge = PledgeFactory(organization=organization, objectives=[])
    pledge.principles.set([1])
    services.pledge_submit(pledge_id=pledge.pk, by=pledger)
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.SUBMITTED


def test_pledge_submit_notifies_secretariat_and_invites_partner_members(
    pledger, draft, secretariat_user, django_capture_on_commit_callbacks
):
    partner_member = MembershipFactory().user
    PartnerFactory(pledge=draft, organization=partner_member.memberships.get().organization)
    focal = FocalPointFactory(member_state=member_state("MEX")).user
    PartnerFactory(pledge=draft, organization=None, member_state=member_state("MEX"))
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_submit(pledge_id=draft.pk, by=pledger)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([secretariat_user.email, partner_member.email, focal.email])
    assert Pledge.objects.get(pk=draft.pk).status == PledgeStatus.SUBMITTED


def test_pledge_publish_gives_sequential_references_never_reused(pledger, organization, secretariat_user):
    cycle = Cycle.objects.active()
    first, second = PledgeFactory(organization=organization), PledgeFactory(organization=organization)
    for pledge in (first, second):
        services.pledge_submit(pledge_id=pledge.pk, by=pledger)
        services.pledge_publish(pledge_id=pledge.pk, by=secretariat_user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.reference, second.reference) == (f"{cycle.code}-P-0001", f"{cycle.code}-P-0002")
    services.pledge_withdraw(pledge_id=second.pk, by=pledger)
    third = PledgeFactory(organization=organization)
    services.pledge_submit(pledge_id=third.pk, by=pledger)
    services.pledge_publish(pledge_id=third.pk, by=secretariat_user)
    assert Pledge.objects.get(pk=third.pk).reference == f"{cycle.code}-P-0003"
    assert Pledge.objects.get(pk=second.pk).reference == f"{cycle.code}-P-0002"


def test_pledge_publish_from_draft_is_refused(draft, secretariat_user):
    with pytest.raises(InvalidTransition):
        services.pledge_publish(pledge_id=draft.pk, by=secretariat_user)
    assert Pledge.objects.get(pk=draft.pk).status == PledgeStatus.DRAFT


def test_pledge_publish_by_a_pledger_is_refused(pledger, draft):
    services.pledge_submit(pledge_id=draft.pk, by=pledger)
    with pytest.raises(NotAllowed):
        services.pledge_publish(pledge_id=draft.pk, by=pledger)


def test_pledge_return_needs_a_comment_then_can_be_resubmitted(
    pledger, draft, secretariat_user, django_capture_on_commit_callbacks
):
    services.pledge_submit(pledge_id=draft.pk, by=pledger)
    with pytest.raises(NotAllowed):
        services.pledge_return(pledge_id=draft.pk, by=secretariat_user, comment="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_return(pledge_id=draft.pk, by=secretariat_user, comment="Add the target group.")
    assert Pledge.objects.get(pk=draft.pk).status == PledgeStatus.RETURNED
    assert "Add the target group." in mail.outbox[-1].body
    assert mail.outbox[-1].to == [pledger.email]
    services.pledge_submit(pledge_id=draft.pk, by=pledger)
    event = events_for(draft)[0]
    assert (event.action, event.from_status, event.to_status) == ("submitted", "returned", "submitted")


def test_pledge_reject_is_final(pledger, draft, secretariat_user):
    services.pledge_submit(pledge_id=draft.pk, by=pledger)
    services.pledge_reject(pledge_id=draft.pk, by=secretariat_user, reason="Not a GCM commitment.")
    with pytest.raises(NotAllowed):
        services.pledge_withdraw(pledge_id=draft.pk, by=pledger)
    with pytest.raises(InvalidTransition):
        services.pledge_publish(pledge_id=draft.pk, by=secretariat_user)
    assert Pledge.objects.get(pk=draft.pk).moderation_comment == "Not a GCM commitment."


def test_withdrawn_pledge_cannot_be_edited(pledger, draft):
    services.pledge_withdraw(pledge_id=draft.pk, by=pledger, reason="Duplicate")
    with pytest.raises(NotAllowed):
        services.pledge_update(pledge_id=draft.pk, by=pledger, version=draft.version, data={"title": "x"})


def test_partner_confirm_makes_the_pledge_joint_and_decline_does_not(pledger, organization, secretariat_user):
    pledge = PublishedPledgeFactory(organization=organization)
    yes, no = PartnerFactory(pledge=pledge), PartnerFactory(pledge=pledge)
    yes_user = MembershipFactory(organization=yes.organization).user
    no_user = MembershipFactory(organization=no.organization).user
    services.partner_decline(partner_id=no.pk, by=no_user)
    assert not Pledge.objects.get(pk=pledge.pk).is_joint
    services.partner_confirm(partner_id=yes.pk, by=yes_user)
    assert Pledge.objects.get(pk=pledge.pk).is_joint
    with pytest.raises(NotAllowed):  # an answer is final
        services.partner_confirm(partner_id=no.pk, by=no_user)


def test_partner_answer_by_an_outsider_is_refused(organization, user):
    partner = PartnerFactory(pledge=PublishedPledgeFactory(organization=organization))
    with pytest.raises(NotAllowed):
        services.partner_confirm(partner_id=partner.pk, by=user)
    assert partner.__class__.objects.get(pk=partner.pk).status == PartnerStatus.INVITED


def test_pledge_update_keeps_answered_partners_and_drops_removed_ones(pledger, draft):
    keep, drop = OrganizationFactory(), OrganizationFactory()
    services.pledge_update(pledge_id=draft.pk, by=pledger, version=1,
                           data={"partner_organizations": [keep, drop], "partner_states": [member_state("FRA")]})
    assert draft.partners.count() == 3
    services.pledge_update(pledge_id=draft.pk, by=pledger, version=2,
                           data={"partner_organizations": [keep], "partner_states": []})
    assert [p.organization for p in draft.partners.all()] == [keep]


def test_non_financial_pledge_drops_amount(pledger, draft):
    services.pledge_update(pledge_id=draft.pk, by=pledger, version=1,
                           data={"types": [PledgeType.TECHNICAL], "amount": Decimal("10"), "currency": "USD",
                                 "to_mptf": True})
    draft.refresh_from_db()
    assert (draft.amount, draft.currency, draft.to_mptf) == (None, "", False)


PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_replacing_the_supporting_file_removes_the_old_one_after_commit(pledger, draft,
                                                                       django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_update(pledge_id=draft.pk, by=pledger, version=draft.version, data={},
                               supporting_file=SimpleUploadedFile("first.pdf", PDF_BYTES))
    first = Pledge.objects.get(pk=draft.pk)
    storage, first_name = first.supporting_file.storage, first.supporting_file.name
    assert storage.exists(first_name)
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_update(pledge_id=draft.pk, by=pledger, version=first.version, data={},
                               supporting_file=SimpleUploadedFile("second.pdf", PDF_BYTES))
    second = Pledge.objects.get(pk=draft.pk)
    assert "second" in second.supporting_file.name and storage.exists(second.supporting_file.name)
    assert not storage.exists(first_name)


def test_a_stale_save_with_a_file_keeps_the_stored_file_and_drops_the_upload(pledger, draft, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.pledge_update(pledge_id=draft.pk, by=pledger, version=draft.version, data={"title": "Newer"})
    with pytest.raises(StaleEdit):
        services.pledge_update(pledge_id=draft.pk, by=pledger, version=draft.version, data={},
                               supporting_file=SimpleUploadedFile("late.pdf", PDF_BYTES))
    uploads = list((settings.MEDIA_ROOT).rglob("late*.pdf")) if settings.MEDIA_ROOT.exists() else []
    assert uploads == []
    assert not Pledge.objects.get(pk=draft.pk).supporting_file
