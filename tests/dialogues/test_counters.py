"""The stored published counts (dialogues/counters.py): equal to the real count after every service transition,
filled by the migration and the seeds, and read by the pages and the API instead of a COUNT per request."""

import contextlib
import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from dialogues import services
from dialogues.enums import ContributionStatus, ReportStatus
from dialogues.models import Consultation, Contribution, Dialogue, Report
from gcm.models import Cycle, RoundTable
from tests.dialogues.factories import ContributionFactory, DialogueFactory, ReportFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
S = ContributionStatus


def stored(dialogue):
    return Dialogue.objects.get(pk=dialogue.pk).published_contribution_count


def real(dialogue):
    return Contribution.objects.filter(dialogue=dialogue, status=S.PUBLISHED).count()


def assert_exact(*dialogues):
    assert [stored(d) for d in dialogues] == [real(d) for d in dialogues]


def _submit(dialogue, author=None):
    return services.contribution_submit(dialogue_id=dialogue.pk, author=author or UserFactory(), text="My point",
                                        language="en")


def _consultation():
    today = timezone.now().date()
    return Consultation.objects.create(cycle=Cycle.objects.active(), round_table=RoundTable.objects.get(number=3),
                                       guiding_question="How do cities include newcomers?",
                                       opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=10),
                                       languages=["en"])


def test_every_transition_keeps_the_count_exact_and_the_other_dialogue_alone(secretariat_user):
    first, second = DialogueFactory(), DialogueFactory()
    ContributionFactory.create_batch(3, dialogue=second, status=S.PUBLISHED)
    a, b, c = _submit(first), _submit(first), _submit(first)
    assert (stored(first), stored(second)) == (0, 3)  # submitting publishes nothing
    services.contribution_publish(contribution_id=a.pk, by=secretariat_user)
    services.contribution_publish(contribution_id=b.pk, by=secretariat_user)
    assert (stored(first), stored(second)) == (2, 3)
    services.contribution_reject(contribution_id=c.pk, by=secretariat_user, reason="Off topic")
    assert stored(first) == 2  # rejecting a pending one leaves the published count alone
    services.contribution_reject(contribution_id=a.pk, by=secretariat_user, reason="Spam")
    assert (stored(first), stored(second)) == (1, 3)  # a take-down counts down
    assert_exact(first, second)


def test_report_decisions_keep_the_count_exact(secretariat_user):
    dialogue = DialogueFactory()
    kept, removed = ReportFactory(contribution__dialogue=dialogue), ReportFactory(contribution__dialogue=dialogue)
    assert stored(dialogue) == 2
    services.reports_dismiss(contribution_id=kept.contribution_id, by=secretariat_user)
    assert stored(dialogue) == 2
    services.contribution_reject(contribution_id=removed.contribution_id, by=secretariat_user, reason="Abuse")
    assert Report.objects.get(pk=removed.pk).status == ReportStatus.UPHELD
    assert stored(dialogue) == 1
    assert_exact(dialogue)


def test_a_refused_transition_leaves_the_count_as_it_was(secretariat_user):
    dialogue = DialogueFactory()
    published = ContributionFactory(dialogue=dialogue, status=S.PUBLISHED)
    with pytest.raises(Exception, match="not possible"):
        services.contribution_publish(contribution_id=published.pk, by=secretariat_user)
    assert stored(dialogue) == 1


def test_the_count_is_recomputed_not_incremented(secretariat_user):
    """A figure gone wrong (a deletion outside the services) is put right by the next moderation."""
    dialogue = DialogueFactory()
    ContributionFactory.create_batch(2, dialogue=dialogue, status=S.PUBLISHED)
    Dialogue.objects.filter(pk=dialogue.pk).update(published_contribution_count=40)
    services.contribution_publish(contribution_id=_submit(dialogue).pk, by=secretariat_user)
    assert stored(dialogue) == 3


def test_consultation_inputs_are_counted_on_the_consultation(secretariat_user):
    consultation, dialogue = _consultation(), DialogueFactory()
    inputs = [services.consultation_input_submit(consultation_id=consultation.pk, author=UserFactory(),
                                                 text=f"Input {i}", language="en") for i in range(2)]
    for contribution in inputs:
        services.contribution_publish(contribution_id=contribution.pk, by=secretariat_user)
    services.contribution_reject(contribution_id=inputs[0].pk, by=secretariat_user, reason="Off topic")
    assert Consultation.objects.get(pk=consultation.pk).published_input_count == 1
    assert stored(dialogue) == 0


def test_migration_backfill_fills_every_count():
    dialogues = DialogueFactory.create_batch(3)
    ContributionFactory.create_batch(4, dialogue=dialogues[0], status=S.PUBLISHED)
    ContributionFactory.create_batch(2, dialogue=dialogues[0], status=S.SUBMITTED)
    ContributionFactory(dialogue=dialogues[1], status=S.REJECTED)
    consultation = _consultation()
    ContributionFactory.create_batch(2, dialogue=None, consultation=consultation, status=S.PUBLISHED)
    Dialogue.objects.update(published_contribution_count=7)
    Consultation.objects.update(published_input_count=7)
    migration = importlib.import_module("dialogues.migrations.0005_published_counts")
    migration.fill_published_counts(apps, None)
    assert [stored(d) for d in dialogues] == [4, 0, 0]
    assert Consultation.objects.get(pk=consultation.pk).published_input_count == 2


# --- Where the count is read ---------------------------------------------------------------------------------------

def test_list_page_and_api_show_the_stored_count(client):
    dialogue = DialogueFactory(title="Counted dialogue")
    ContributionFactory.create_batch(3, dialogue=dialogue, status=S.PUBLISHED)
    ContributionFactory(dialogue=dialogue, status=S.SUBMITTED)
    assert "3 contributions" in client.get(reverse("dialogues:list")).content.decode()
    rows = client.get("/api/v1/dialogues/").json()["results"]
    assert [(r["id"], r["published_contribution_count"]) for r in rows] == [(dialogue.pk, 3)]


def test_dialogue_detail_pages_through_every_published_contribution(client):
    dialogue = DialogueFactory()
    ContributionFactory.create_batch(21, dialogue=dialogue, status=S.PUBLISHED)
    first, second = (client.get(dialogue.get_absolute_url(), {"page": page}) for page in (1, 2))
    assert first.context["page_obj"].paginator.count == 21 and first.context["page_obj"].paginator.num_pages == 2
    assert first.content.count(b"data-contribution-id") == 20
    assert second.content.count(b"data-contribution-id") == 1


def test_consultation_page_uses_the_stored_count(client, django_assert_max_num_queries):
    consultation = _consultation()
    ContributionFactory.create_batch(2, dialogue=None, consultation=consultation, status=S.PUBLISHED)
    with django_assert_max_num_queries(50) as captured:
        response = client.get(consultation.get_absolute_url())
    assert response.context["page_obj"].paginator.count == 2
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"] and "dialogues_contribution" in q["sql"]]


def test_dialogue_admin_save_does_not_write_back_a_stale_count(rf, secretariat_user):
    dialogue = DialogueFactory()
    edited = Dialogue.objects.get(pk=dialogue.pk)  # read by the admin form before a contribution is published
    ContributionFactory(dialogue=dialogue, status=S.PUBLISHED)
    edited.title = "Renamed"
    admin.site.get_model_admin(Dialogue).save_model(rf.post("/"), edited, form=None, change=True)
    assert (Dialogue.objects.get(pk=dialogue.pk).title, stored(dialogue)) == ("Renamed", 1)


def test_contribution_admin_cannot_delete(client, secretariat_user):
    contribution = ContributionFactory(status=S.PUBLISHED)
    secretariat_user.is_superuser = True
    secretariat_user.save()
    client.force_login(secretariat_user)
    assert client.get(reverse("admin:dialogues_contribution_changelist")).status_code == 200
    response = client.post(reverse("admin:dialogues_contribution_delete", args=[contribution.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Contribution.objects.filter(pk=contribution.pk).exists()



def recounts(callbacks):
    """The recounts among a transaction's on-commit callbacks (beside them: the public caches' new generation)."""
    return [callback for callback in callbacks if isinstance(callback, services._RecountAfterCommit)]


def test_deleting_an_author_account_recounts_the_dialogues_it_had_published_in(secretariat_user,
                                                                               django_capture_on_commit_callbacks):
    dialogue, other = DialogueFactory(), DialogueFactory()
    leaving, staying = UserFactory(), UserFactory()
    for author, place in ((leaving, dialogue), (leaving, dialogue), (staying, dialogue), (leaving, other)):
        services.contribution_publish(contribution_id=_submit(place, author).pk, by=secretariat_user)
    _submit(dialogue, leaving)  # pending: not counted either way
    assert (stored(dialogue), stored(other)) == (3, 1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        leaving.delete()  # as the admin does: the account and, by cascade, its contributions
    assert len(recounts(callbacks)) == 1  # three deleted published contributions, two places: one recount of each
    assert (stored(dialogue), stored(other)) == (1, 0)
    assert_exact(dialogue, other)


def test_a_rolled_back_deletion_leaves_no_stale_recount_behind(secretariat_user, django_capture_on_commit_callbacks):
    """The gathered recount lives among the transaction's on-commit callbacks: a savepoint rolled back drops it,
    and the next deletion registers its own."""
    dialogue = DialogueFactory()
    kept, removed = (_submit(dialogue) for _ in range(2))
    for contribution in (kept, removed):
        services.contribution_publish(contribution_id=contribution.pk, by=secretariat_user)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            with contextlib.suppress(RuntimeError), transaction.atomic():
                Contribution.objects.get(pk=kept.pk).delete()
                raise RuntimeError("rolled back")
            Contribution.objects.get(pk=removed.pk).delete()
    assert len(recounts(callbacks)) == 1
    assert stored(dialogue) == 1
    assert_exact(dialogue)
