from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import AuditEvent, Notification
from core.workflow import DomainError, InvalidTransition, NotAllowed
from dialogues import services
from dialogues.enums import ContributionStatus, ReportStatus
from dialogues.models import Contribution, Dialogue, Material, Registration, Report
from gcm.models import RoundTable
from tests.dialogues.factories import ContributionFactory, DialogueFactory, RegistrationFactory, ReportFactory
from tests.factories import UserFactory, active_cycle

pytestmark = pytest.mark.django_db
S = ContributionStatus


def _actions(obj):
    return list(AuditEvent.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)
                .values_list("action", flat=True))


# --- Registration ------------------------------------------------------------------------------------------------

def test_registration_create_records_and_emails_a_confirmation(user, django_capture_on_commit_callbacks):
    dialogue = DialogueFactory(title="Dialogue on inclusion", location="Geneva", is_online=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(dialogue_id=dialogue.pk, user=user)
    assert Registration.objects.filter(dialogue=dialogue, user=user).exists()
    assert "registered" in _actions(dialogue)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Dialogue on inclusion" in message.subject
    assert "Geneva" in message.body and f"/en/dialogues/{dialogue.pk}/" in message.body


def test_registration_confirmation_is_in_the_users_language(django_capture_on_commit_callbacks):
    user = UserFactory(preferred_language="es")
    dialogue = DialogueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(dialogue_id=dialogue.pk, user=user)
    assert f"/es/dialogues/{dialogue.pk}/" in mail.outbox[0].body
    assert "Está inscrito" in mail.outbox[0].subject


def test_registration_confirmation_gives_the_time_in_the_recipients_profile_zone(django_capture_on_commit_callbacks):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    user = UserFactory(time_zone="Asia/Tokyo")
    start = datetime(2030, 3, 5, 10, tzinfo=ZoneInfo("America/New_York"))  # 15:00 UTC, 00:00 next day in Tokyo
    dialogue = DialogueFactory(starts_at=start, ends_at=start + timedelta(hours=1), time_zone="America/New_York")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(dialogue_id=dialogue.pk, user=user)
    body = mail.outbox[0].body
    assert "Tuesday 5 March 2030, 10:00 New York time (15:00 UTC)" in body
    assert "In your time zone (Asia/Tokyo): Wednesday 6 March 2030, 00:00" in body


def test_registration_twice_is_refused_and_stays_unique(user):
    dialogue = DialogueFactory()
    services.registration_create(dialogue_id=dialogue.pk, user=user)
    with pytest.raises(DomainError, match="already registered"):
        services.registration_create(dialogue_id=dialogue.pk, user=user)
    assert Registration.objects.filter(dialogue=dialogue, user=user).count() == 1
    assert Notification.objects.filter(template="dialogues_registered").count() == 1


def test_registration_unique_constraint_holds_in_the_database(user):
    registration = RegistrationFactory(user=user)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(dialogue=registration.dialogue, user=user)


def test_registration_when_full_goes_to_the_waiting_list(user):
    dialogue = DialogueFactory(capacity=1)
    RegistrationFactory(dialogue=dialogue)
    registration = services.registration_create(dialogue_id=dialogue.pk, user=user)
    assert registration.status == "waiting"
    assert services.waiting_position(registration) == 1


@pytest.mark.parametrize("fields", [{"registration_open": False}, {"past": True}])
def test_registration_closed_or_past_is_refused(user, fields):
    dialogue = DialogueFactory(**fields)
    with pytest.raises(NotAllowed):
        services.registration_create(dialogue_id=dialogue.pk, user=user)
    assert not Registration.objects.exists()


def test_registration_cancel_removes_it_and_records(user):
    registration = RegistrationFactory(user=user)
    services.registration_cancel(dialogue_id=registration.dialogue_id, user=user)
    assert not Registration.objects.exists()
    assert "unregistered" in _actions(registration.dialogue)


def test_registration_cancel_without_registration_is_refused(user):
    dialogue = DialogueFactory()
    with pytest.raises(DomainError):
        services.registration_cancel(dialogue_id=dialogue.pk, user=user)


# --- Contributions -----------------------------------------------------------------------------------------------

def test_contribution_submit_waits_for_moderation(user):
    dialogue = DialogueFactory()
    rt = RoundTable.objects.get(number=3)
    contribution = services.contribution_submit(dialogue_id=dialogue.pk, author=user, text=" Local inclusion ",
                                                language="es", round_table=rt)
    assert contribution.status == S.SUBMITTED
    assert contribution.text == "Local inclusion" and contribution.language == "es"
    assert contribution.round_table == rt
    assert _actions(contribution) == ["submitted"]


def test_contribution_submit_empty_is_refused(user):
    with pytest.raises(DomainError):
        services.contribution_submit(dialogue_id=DialogueFactory().pk, author=user, text="   ", language="en")


def test_contributions_past_the_hourly_limit_are_refused_with_a_message(user, settings):
    settings.DIALOGUES_CONTRIBUTIONS_PER_HOUR = 2
    dialogue = DialogueFactory()
    for n in range(2):
        services.contribution_submit(dialogue_id=dialogue.pk, author=user, text=f"Point {n}", language="en")
    with pytest.raises(DomainError) as err:
        services.contribution_submit(dialogue_id=dialogue.pk, author=user, text="One more", language="en")
    assert "2 contributions in the last hour" in err.value.message
    assert Contribution.objects.filter(author=user).count() == 2
    Contribution.objects.filter(author=user).update(created_at=timezone.now() - timedelta(hours=2))
    services.contribution_submit(dialogue_id=dialogue.pk, author=user, text="Later", language="en")


def test_contribution_publish_notifies_the_author(secretariat_user, django_capture_on_commit_callbacks):
    contribution = ContributionFactory(dialogue__title="Data dialogue")
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_publish(contribution_id=contribution.pk, by=secretariat_user)
    contribution.refresh_from_db()
    assert contribution.status == S.PUBLISHED and contribution.decided_by == secretariat_user
    event = AuditEvent.objects.get(object_id=str(contribution.pk), action="published")
    assert (event.from_status, event.to_status, event.actor) == (S.SUBMITTED, S.PUBLISHED, secretariat_user)
    assert mail.outbox[0].to == [contribution.author.email]
    assert "Data dialogue" in mail.outbox[0].subject
    assert f"/en/dialogues/contributions/{contribution.pk}/" in mail.outbox[0].body


def test_contribution_reject_gives_the_author_the_reason(secretariat_user, django_capture_on_commit_callbacks):
    contribution = ContributionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_reject(contribution_id=contribution.pk, by=secretariat_user,
                                     reason="Please don't share personal data")
    contribution.refresh_from_db()
    assert contribution.status == S.REJECTED
    assert contribution.rejection_reason == "Please don't share personal data"
    assert "Please don't share personal data" in mail.outbox[0].body  # not HTML-escaped in a text mail
    event = AuditEvent.objects.get(object_id=str(contribution.pk), action="rejected")
    assert event.comment == "Please don't share personal data"


def test_contribution_reject_without_reason_is_refused(secretariat_user):
    contribution = ContributionFactory()
    with pytest.raises(DomainError):
        services.contribution_reject(contribution_id=contribution.pk, by=secretariat_user, reason=" ")
    assert Contribution.objects.get(pk=contribution.pk).status == S.SUBMITTED


def test_published_contribution_can_be_taken_down_and_its_reports_are_upheld(secretariat_user):
    report = ReportFactory()
    services.contribution_reject(contribution_id=report.contribution_id, by=secretariat_user, reason="Abusive")
    report.refresh_from_db()
    assert report.status == ReportStatus.UPHELD and report.resolved_by == secretariat_user
    assert Contribution.objects.get(pk=report.contribution_id).status == S.REJECTED


@pytest.mark.parametrize("status", [S.PUBLISHED])
def test_contribution_publish_twice_is_refused(secretariat_user, status):
    contribution = ContributionFactory(status=status)
    with pytest.raises(InvalidTransition):
        services.contribution_publish(contribution_id=contribution.pk, by=secretariat_user)


@pytest.mark.parametrize("action", ["publish", "reject"])
def test_rejected_contribution_cannot_move(secretariat_user, action):
    contribution = ContributionFactory(status=S.REJECTED, rejection_reason="No")
    with pytest.raises(InvalidTransition, match="not possible while the item is"):  # says why, not "not allowed"
        if action == "publish":
            services.contribution_publish(contribution_id=contribution.pk, by=secretariat_user)
        else:
            services.contribution_reject(contribution_id=contribution.pk, by=secretariat_user, reason="Again")
    assert Contribution.objects.get(pk=contribution.pk).status == S.REJECTED


def test_move_map_refuses_rejected_to_published():
    from core.workflow import move
    from dialogues.enums import CONTRIBUTION_TRANSITIONS

    contribution = Contribution(status=S.REJECTED)
    with pytest.raises(InvalidTransition):
        move(contribution, S.PUBLISHED, CONTRIBUTION_TRANSITIONS)


@pytest.mark.parametrize("action", ["publish", "reject"])
def test_non_staff_cannot_moderate(user, action):
    contribution = ContributionFactory()
    with pytest.raises(NotAllowed):
        if action == "publish":
            services.contribution_publish(contribution_id=contribution.pk, by=user)
        else:
            services.contribution_reject(contribution_id=contribution.pk, by=user, reason="x")
    assert Contribution.objects.get(pk=contribution.pk).status == S.SUBMITTED


# --- Reports -----------------------------------------------------------------------------------------------------

def test_report_create_on_published_contribution(user):
    contribution = ContributionFactory(status=S.PUBLISHED)
    report = services.report_create(contribution_id=contribution.pk, reporter=user, reason="Insulting")
    assert report.status == ReportStatus.OPEN
    assert "reported" in _actions(contribution)


def test_report_twice_is_refused(user):
    contribution = ContributionFactory(status=S.PUBLISHED)
    services.report_create(contribution_id=contribution.pk, reporter=user, reason="Insulting")
    with pytest.raises(DomainError, match="already reported"):
        services.report_create(contribution_id=contribution.pk, reporter=user, reason="Again")
    assert Report.objects.filter(contribution=contribution, reporter=user).count() == 1


@pytest.mark.parametrize("status", [S.SUBMITTED, S.REJECTED])
def test_report_on_unpublished_contribution_is_refused(user, status):
    contribution = ContributionFactory(status=status)
    with pytest.raises(NotAllowed):
        services.report_create(contribution_id=contribution.pk, reporter=user, reason="x")


def test_report_own_contribution_is_refused(user):
    contribution = ContributionFactory(status=S.PUBLISHED, author=user)
    with pytest.raises(NotAllowed):
        services.report_create(contribution_id=contribution.pk, reporter=user, reason="x")


def test_reports_dismiss_keeps_the_contribution_published(secretariat_user):
    report = ReportFactory()
    other = ReportFactory(contribution=report.contribution)
    closed = services.reports_dismiss(contribution_id=report.contribution_id, by=secretariat_user, comment="Fine")
    assert closed == 2
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.DISMISSED}
    assert Contribution.objects.get(pk=report.contribution_id).status == S.PUBLISHED
    assert "dismissed" in _actions(other)


def test_reports_dismiss_without_open_report_is_refused(secretariat_user):
    contribution = ContributionFactory(status=S.PUBLISHED)
    with pytest.raises(DomainError):
        services.reports_dismiss(contribution_id=contribution.pk, by=secretariat_user)


# --- Dialogues and materials -------------------------------------------------------------------------------------

def test_dialogue_create_and_update_by_secretariat(secretariat_user):
    start = timezone.now() + timedelta(days=5)
    rt = RoundTable.objects.get(number=2)
    dialogue = services.dialogue_create(by=secretariat_user, cycle=active_cycle(), kind="regional", region="africa",
                                        title="Regional round table", language="fr", starts_at=start,
                                        ends_at=start + timedelta(hours=2), round_tables=[rt])
    assert list(dialogue.round_tables.all()) == [rt]
    services.dialogue_update(dialogue_id=dialogue.pk, by=secretariat_user, title="Renamed")
    assert Dialogue.objects.get(pk=dialogue.pk).title == "Renamed"
    assert _actions(dialogue) == ["updated", "created"]


def test_dialogue_create_checks_dates_and_region(secretariat_user):
    start = timezone.now()
    with pytest.raises(ValidationError):
        services.dialogue_create(by=secretariat_user, cycle=active_cycle(), kind="regional", title="x",
                                 starts_at=start, ends_at=start - timedelta(hours=1))


def test_dialogue_create_by_non_staff_is_refused(user):
    start = timezone.now()
    with pytest.raises(NotAllowed):
        services.dialogue_create(by=user, cycle=active_cycle(), title="x", starts_at=start,
                                 ends_at=start + timedelta(hours=1))


def test_material_needs_a_link_or_a_valid_file(secretariat_user):
    dialogue = DialogueFactory()
    with pytest.raises(ValidationError):
        services.material_add(dialogue_id=dialogue.pk, by=secretariat_user, title="Agenda", language="en")
    fake = SimpleUploadedFile("agenda.pdf", b"not really a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.material_add(dialogue_id=dialogue.pk, by=secretariat_user, title="Agenda", language="en", file=fake)
    pdf = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF",
                             content_type="application/pdf")
    material = services.material_add(dialogue_id=dialogue.pk, by=secretariat_user, title="Agenda", language="en",
                                      file=pdf)
    assert material.file.name.endswith(".pdf")
    services.material_delete(material_id=material.pk, by=secretariat_user)
    assert not Material.objects.exists()
    assert _actions(dialogue) == ["material_removed", "material_added"]
