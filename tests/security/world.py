"""The small world every access test runs in: two States, two organizations, one user per role, and one object of
each kind owned by State A (Colombia) or organization X, so that the "focal point of State B" and "other
organization" roles prove that other tenants are refused.

`url_kwargs(name, world)` fills the arguments of every URL pattern with these objects; `missing_kwargs` gives the
same arguments pointing at objects that do not exist (for the "hidden answers like missing" body comparison).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.enums import MembershipRole, MembershipStatus
from accounts.models import FocalPoint
from core.audit import record_event
from dialogues.enums import ContributionStatus
from dialogues.models import Consultation, Material
from gcm.models import Cycle, RoundTable
from pledges.enums import PledgeStatus, UpdateStatus
from practices.enums import AssignmentStatus, PracticeStatus
from practices.models import Attachment, Clarification
from reviews.models import CoEditorInvitation, DeadlineExtension, ReviewAttachment
from secretariat.models import SummaryDocument, SummaryKind, SummaryStatus
from tests.dialogues.factories import ContributionFactory, DialogueFactory, RegistrationFactory
from tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    OrganizationFactory,
    ReviewerProfileFactory,
    SecretariatFactory,
    UserFactory,
    member_state,
)
from tests.pledges.factories import PartnerFactory, PledgeFactory, ProgressUpdateFactory, PublishedPledgeFactory
from tests.practices.factories import AssignmentFactory, PracticeFactory
from tests.reviews.factories import complete_review

# The reviewer's identity: strings distinctive enough that finding them anywhere is a leak (single-blind review).
REVIEWER_NAME = "Quillon Vexbardine"
REVIEWER_EMAIL = "q.vexbardine@zorblat-review.example"
REVIEWER_ORG = "Zorblat Institute of Peer Assessment"
REVIEWER_ORG_ACRONYM = "ZIPAQ"
REVIEWER_SECRETS = (REVIEWER_NAME, "Vexbardine", REVIEWER_EMAIL, "zorblat", REVIEWER_ORG, REVIEWER_ORG_ACRONYM)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MISSING = 999_999

ROLES = ("anon", "user", "member", "org_admin", "focal_a", "focal_b", "reviewer", "secretariat")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def restore_files(self):
        """Write back the world's files that a (rolled-back) request deleted from storage."""
        for field_file in self.objects.get("_files", ()):
            if not field_file.storage.exists(field_file.name):
                path = Path(field_file.storage.path(field_file.name))
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(PDF_BYTES)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world():
    """Create the world (reference data comes from the migrations)."""
    w = World()
    state_a, state_b = member_state("COL"), member_state("MEX")
    cycle = Cycle.objects.active()
    org_x = OrganizationFactory(name="Organization X", acronym="ORGX")
    org_other = OrganizationFactory(name="Organization Other", acronym="ORGO")
    reviewer_org = OrganizationFactory(name=REVIEWER_ORG, acronym=REVIEWER_ORG_ACRONYM)

    member = MembershipFactory(organization=org_x, user__full_name="Mona Member").user
    org_admin = MembershipFactory(organization=org_x, role=MembershipRole.ADMIN, user__full_name="Olga Admin").user
    focal_a = FocalPointFactory(member_state=state_a, user__full_name="Alba Focal").user
    focal_b = FocalPointFactory(member_state=state_b, user__full_name="Bruno Focal").user
    reviewer = ReviewerProfileFactory(
        user__full_name=REVIEWER_NAME, user__email=REVIEWER_EMAIL, organization=reviewer_org,
        objectives=[5],
    ).user
    w.users = {
        "anon": None,
        "user": UserFactory(full_name="Ursula User"),
        "member": member,
        "org_admin": org_admin,
        "focal_a": focal_a,
        "focal_b": focal_b,
        "reviewer": reviewer,
        "secretariat": SecretariatFactory(email="staff@un.example", full_name="Sam Secretariat"),
    }
    o = w.objects
    o.update(state_a=state_a, state_b=state_b, cycle=cycle, org_x=org_x, org_other=org_other,
             reviewer_org=reviewer_org)
    o["pending_membership"] = MembershipFactory(organization=org_x, status=MembershipStatus.PENDING)
    o["unverified_org"] = OrganizationFactory(name="Unverified Org", verified=False, proposed_by=w.users["user"])
    o["focal_point_a"] = FocalPoint.objects.get(user=focal_a)

    # Voluntary review of State A (a draft: only A's focal points and the secretariat may see it).
    review = complete_review(iso3="COL", created_by=focal_a)
    o["review"] = review
    o["review_attachment"] = ReviewAttachment.objects.create(
        review=review, title="National report", uploaded_by=focal_a,
        file=ContentFile(PDF_BYTES, name="national-report.pdf"))
    o["extension"] = DeadlineExtension.objects.create(
        review=review, requested_by=focal_a, requested_until=date.today() + timedelta(days=30), reason="Elections.")
    invitation = CoEditorInvitation.objects.create(member_state=state_a, email="colleague@gov.example",
                                                   invited_by=focal_a)
    from reviews.services import invitation_token

    o["invitation_token"] = invitation_token(invitation)

    # Practices of organization X: a draft (hidden from everyone but X and the secretariat) and one in review.
    draft = PracticeFactory(organization=org_x, submitter=member, title="Draft practice of X")
    o["practice_draft"] = draft
    record_event(draft, "created", actor=member)  # its history page (secretariat) lists this event
    o["practice_attachment"] = Attachment.objects.create(
        practice=draft, kind="document", title="Evidence", file=ContentFile(PDF_BYTES, name="evidence.pdf"))
    in_review = PracticeFactory(organization=org_x, submitter=member, status=PracticeStatus.IN_REVIEW,
                                title="Practice of X in review")
    o["practice_in_review"] = in_review
    assignment = AssignmentFactory(practice=in_review, reviewer=reviewer, status=AssignmentStatus.ACCEPTED)
    o["assignment"] = assignment
    o["clarification"] = Clarification.objects.create(assignment=assignment, question="Which districts?")
    o["practice_published"] = PracticeFactory(organization=org_x, submitter=member,
                                              status=PracticeStatus.PUBLISHED, title="Published practice of X")

    # Pledges of organization X.
    o["pledge_draft"] = PledgeFactory(organization=org_x, created_by=member, title="Draft pledge of X")
    o["pledge_submitted"] = PledgeFactory(organization=org_x, created_by=member, status=PledgeStatus.SUBMITTED,
                                          title="Submitted pledge of X")
    o["pledge_published"] = PublishedPledgeFactory(organization=org_x, created_by=member,
                                                   title="Published pledge of X")
    o["pledge_published"].supporting_file.save("plan.pdf", ContentFile(PDF_BYTES), save=True)
    other_pledge = PledgeFactory(organization=org_other, status=PledgeStatus.SUBMITTED, title="Joint pledge of O")
    o["partner"] = PartnerFactory(pledge=other_pledge, organization=org_x)
    update = ProgressUpdateFactory(pledge=o["pledge_published"], author=member, status=UpdateStatus.SUBMITTED)
    update.evidence_file.save("report.pdf", ContentFile(PDF_BYTES), save=True)
    o["update"] = update

    # Dialogues: one dialogue, a material file, a contribution awaiting moderation, a consultation.
    dialogue = DialogueFactory()
    o["dialogue"] = dialogue
    o["material"] = Material.objects.create(dialogue=dialogue, title="Concept note",
                                            file=ContentFile(PDF_BYTES, name="concept.pdf"))
    RegistrationFactory(dialogue=dialogue, user=w.users["user"])
    o["contribution"] = ContributionFactory(dialogue=dialogue, author=w.users["user"],
                                            status=ContributionStatus.SUBMITTED, text="A contribution of User")
    o["contribution_published"] = ContributionFactory(dialogue=dialogue, author=w.users["user"],
                                                      status=ContributionStatus.PUBLISHED)
    today = timezone.localdate()
    o["consultation"] = Consultation.objects.create(
        cycle=cycle, round_table=RoundTable.objects.get(number=1), guiding_question="What works?",
        opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=10), languages=["en", "es"])

    summary = SummaryDocument.objects.create(kind=SummaryKind.OVERVIEW, cycle=cycle, language="en",
                                             status=SummaryStatus.DONE, requested_by=w.users["secretariat"],
                                             finished_at=timezone.now())
    summary.file.save("overview.pdf", ContentFile(PDF_BYTES), save=True)
    o["summary"] = summary
    o["practice_ct"] = ContentType.objects.get_for_model(draft)

    o["_files"] = [o["review_attachment"].file, o["practice_attachment"].file, o["pledge_published"].supporting_file,
                   update.evidence_file, o["material"].file, summary.file]

    from api.opendata import folder

    folder().mkdir(parents=True, exist_ok=True)
    o["open_data_name"] = "femi-open-data-2026-01-01.zip"
    (folder() / o["open_data_name"]).write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty ZIP
    return w


# URL arguments: the object each pattern is exercised with (see also the matrix's notes).
KWARGS = {
    "gcm:objective": lambda w: {"number": 5},
    "gcm:round_table": lambda w: {"number": 1},
    "account_confirm_email": lambda w: {"key": "not-a-key"},
    "account_reset_password_from_key": lambda w: {"uidb36": "zz", "key": "not-a-key"},
    "accounts:organization_join": lambda w: {"pk": w.org_x.pk},
    "accounts:organization_manage": lambda w: {"pk": w.org_x.pk},
    "accounts:membership_approve": lambda w: {"pk": w.pending_membership.pk},
    "accounts:membership_refuse": lambda w: {"pk": w.pending_membership.pk},
    "accounts:membership_remove": lambda w: {"pk": w.pending_membership.pk},
    "reviews:detail": lambda w: {"year": w.cycle.year, "iso3": "COL"},
    "reviews:pdf": lambda w: {"year": w.cycle.year, "iso3": "COL"},
    "reviews:start": lambda w: {"state_id": w.state_a.pk},
    "reviews:workspace": lambda w: {"pk": w.review.pk},
    "reviews:section": lambda w: {"pk": w.review.pk, "section": "contact"},
    "reviews:objectives": lambda w: {"pk": w.review.pk},
    "reviews:entry": lambda w: {"pk": w.review.pk, "number": 5},
    "reviews:entry_delete": lambda w: {"pk": w.review.pk, "number": 5},
    "reviews:attachments": lambda w: {"pk": w.review.pk},
    "reviews:attachment_delete": lambda w: {"pk": w.review.pk, "attachment_id": w.review_attachment.pk},
    "reviews:attachment": lambda w: {"pk": w.review.pk, "attachment_id": w.review_attachment.pk},
    "reviews:submit": lambda w: {"pk": w.review.pk},
    "reviews:history": lambda w: {"pk": w.review.pk},
    "reviews:extension": lambda w: {"pk": w.review.pk},
    "reviews:invite": lambda w: {"pk": w.review.pk},
    "reviews:accept_invitation": lambda w: {"token": w.invitation_token},
    "reviews:moderate": lambda w: {"pk": w.review.pk},
    "reviews:action": lambda w: {"pk": w.review.pk, "action": "return"},
    "reviews:extension_decide": lambda w: {"extension_id": w.extension.pk},
    "practices:detail": lambda w: {"pk": w.practice_draft.pk},
    "practices:edit": lambda w: {"pk": w.practice_draft.pk},
    "practices:attachment_add": lambda w: {"pk": w.practice_draft.pk},
    "practices:attachment": lambda w: {"pk": w.practice_attachment.pk},
    "practices:attachment_remove": lambda w: {"pk": w.practice_attachment.pk},
    "practices:submit": lambda w: {"pk": w.practice_draft.pk},
    "practices:withdraw": lambda w: {"pk": w.practice_draft.pk},
    "practices:answer": lambda w: {"pk": w.clarification.pk},
    "practices:assignment": lambda w: {"pk": w.assignment.pk},
    "practices:accept": lambda w: {"pk": w.assignment.pk},
    "practices:decline": lambda w: {"pk": w.assignment.pk},
    "practices:review": lambda w: {"pk": w.assignment.pk},
    "practices:ask": lambda w: {"pk": w.assignment.pk},
    "practices:manage_detail": lambda w: {"pk": w.practice_in_review.pk},
    "practices:assign": lambda w: {"pk": w.practice_in_review.pk},
    "practices:publish": lambda w: {"pk": w.practice_in_review.pk},
    "pledges:detail": lambda w: {"pk": w.pledge_draft.pk},
    "pledges:edit": lambda w: {"pk": w.pledge_draft.pk},
    "pledges:file": lambda w: {"pk": w.pledge_published.pk},
    "pledges:withdraw": lambda w: {"pk": w.pledge_draft.pk},
    "pledges:progress": lambda w: {"pk": w.pledge_published.pk},
    "pledges:decide": lambda w: {"pk": w.pledge_submitted.pk, "decision": "publish"},
    "pledges:partner_respond": lambda w: {"pk": w.partner.pk},
    "pledges:update_file": lambda w: {"pk": w.update.pk},
    "pledges:update_decide": lambda w: {"pk": w.update.pk, "decision": "publish"},
    "dialogues:detail": lambda w: {"pk": w.dialogue.pk},
    "dialogues:ics": lambda w: {"pk": w.dialogue.pk},
    "dialogues:register": lambda w: {"pk": w.dialogue.pk},
    "dialogues:unregister": lambda w: {"pk": w.dialogue.pk},
    "dialogues:contribute": lambda w: {"pk": w.dialogue.pk},
    "dialogues:material": lambda w: {"pk": w.material.pk},
    "dialogues:consultation": lambda w: {"pk": w.consultation.pk},
    "dialogues:consultation_edit": lambda w: {"pk": w.consultation.pk},
    "dialogues:contribution": lambda w: {"pk": w.contribution.pk},
    "dialogues:report": lambda w: {"pk": w.contribution_published.pk},
    "dialogues:edit": lambda w: {"pk": w.dialogue.pk},
    "dialogues:materials": lambda w: {"pk": w.dialogue.pk},
    "dialogues:cancel": lambda w: {"pk": w.dialogue.pk},
    "dialogues:recording_add": lambda w: {"pk": w.dialogue.pk},
    "dialogues:material_delete": lambda w: {"pk": w.material.pk},
    "dialogues:registrations": lambda w: {"pk": w.dialogue.pk},
    "dialogues:registrations_csv": lambda w: {"pk": w.dialogue.pk},
    "dialogues:publish": lambda w: {"pk": w.contribution.pk},
    "dialogues:reject": lambda w: {"pk": w.contribution.pk},
    "dialogues:dismiss_reports": lambda w: {"pk": w.contribution_published.pk},
    "dialogues:compilation": lambda w: {"number": 1},
    "dialogues:compilation_pdf": lambda w: {"number": 1},
    "secretariat:object_history": lambda w: {"content_type_id": w.practice_ct.pk,
                                             "object_id": str(w.practice_draft.pk)},
    "secretariat:bulk": lambda w: {"queue": "pledges"},
    "secretariat:organization_verify": lambda w: {"pk": w.unverified_org.pk},
    "secretariat:organization_decline": lambda w: {"pk": w.unverified_org.pk},
    "secretariat:focal_point_remove": lambda w: {"pk": w.focal_point_a.pk},
    "secretariat:reviewer_edit": lambda w: {"pk": w.users["reviewer"].reviewer_profile.pk},
    "secretariat:reviewer_deactivate": lambda w: {"pk": w.users["reviewer"].reviewer_profile.pk},
    "secretariat:reviewer_reactivate": lambda w: {"pk": w.users["reviewer"].reviewer_profile.pk},
    "secretariat:summary_download": lambda w: {"pk": w.summary.pk},
    "secretariat:summary_retry": lambda w: {"pk": w.summary.pk},
    "opendata:download": lambda w: {"name": w.open_data_name},
    # The open-data API (published objects only; format-suffix variants use ".json").
    "api:cycle-detail": lambda w: {"year": w.cycle.year},
    "api:objective-detail": lambda w: {"number": 5},
    "api:principle-detail": lambda w: {"slug": "people-centred"},
    "api:round-table-detail": lambda w: {"number": 1},
    "api:member-state-detail": lambda w: {"iso3": "COL"},
    "api:review-detail": lambda w: {"pk": w.review.pk},
    "api:practice-detail": lambda w: {"pk": w.practice_draft.pk},
    "api:pledge-detail": lambda w: {"pk": w.pledge_draft.pk},
    "api:dialogue-detail": lambda w: {"pk": w.dialogue.pk},
    "api:contribution-detail": lambda w: {"pk": w.contribution.pk},
}

# Arguments that name an object: replaced by a missing one for the body comparison.
OBJECT_ARGS = {"pk", "state_id", "attachment_id", "extension_id", "iso3", "token", "object_id", "name", "year"}


def missing_kwargs(kwargs):
    """The same arguments, with every object reference pointing at nothing."""
    replaced = {}
    for key, value in kwargs.items():
        if key not in OBJECT_ARGS:
            replaced[key] = value
        elif key == "iso3":
            replaced[key] = "XYZ"
        elif key == "token":
            replaced[key] = "no-such-token"
        elif key == "name":
            replaced[key] = "femi-open-data-1999-01-01.zip"
        else:
            replaced[key] = str(MISSING) if isinstance(value, str) else MISSING
    return replaced
