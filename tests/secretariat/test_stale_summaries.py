"""A summary document never stays "running" forever: a build whose worker died is taken over by its own redelivered
task, and the periodic sweep marks one that nobody finishes as failed, with the reason, on the summaries page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent
from gcm.models import Cycle
from secretariat.models import SummaryDocument, SummaryKind, SummaryStatus
from secretariat.services import summary_build, summary_fail_stale, summary_request
from secretariat.tasks import build_summary_task, fail_stale_summaries_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(secretariat_user):
    """A summary whose worker died mid-build 31 minutes ago (build task id "task-1")."""
    document = summary_request(by=secretariat_user, cycle=Cycle.objects.active(), kind=SummaryKind.OVERVIEW,
                               language="fr")
    SummaryDocument.objects.filter(pk=document.pk).update(
        status=SummaryStatus.RUNNING, build_id="task-1", started_at=timezone.now() - timedelta(minutes=31))
    return document


def test_the_sweep_is_scheduled_by_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["secretariat-stale-summaries"]
    assert entry["task"] == fail_stale_summaries_task.name


def test_a_summary_running_past_the_timeout_is_marked_failed_and_the_requester_told(running, secretariat_user,
                                                                                   django_capture_on_commit_callbacks,
                                                                                   settings):
    settings.SUMMARY_RUNNING_TIMEOUT = 30
    with django_capture_on_commit_callbacks(execute=True):
        assert fail_stale_summaries_task() == 1
    document = SummaryDocument.objects.get(pk=running.pk)
    assert document.status == SummaryStatus.FAILED and document.finished_at is not None
    assert "30 minutes" in document.error  # French catalogue may translate the words, not the figure
    assert AuditEvent.objects.filter(object_id=str(document.pk), action="stale_failed",
                                     from_status="running", to_status="failed").count() == 1
    assert [m.to for m in mail.outbox] == [[secretariat_user.email]]
    assert document.error in mail.outbox[0].body
    # A second sweep finds nothing more to do and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert summary_fail_stale() == 0
    assert len(mail.outbox) == 1


def test_a_summary_running_within_the_timeout_is_left_alone(running, settings):
    settings.SUMMARY_RUNNING_TIMEOUT = 45
    assert summary_fail_stale() == 0
    assert SummaryDocument.objects.get(pk=running.pk).status == SummaryStatus.RUNNING
    # Time moves on past the limit.
    assert summary_fail_stale(now=timezone.now() + timedelta(minutes=15)) == 1
    assert SummaryDocument.objects.get(pk=running.pk).status == SummaryStatus.FAILED


def test_the_failed_summary_shows_its_error_and_can_be_built_again(running, staff_client, settings,
                                                                   django_capture_on_commit_callbacks):
    page = staff_client.get(reverse("secretariat:summaries")).content.decode()
    assert f'data-summary-id="{running.pk}"' in page and "since " in page
    settings.SUMMARY_RUNNING_TIMEOUT = 30
    summary_fail_stale()
    page = staff_client.get(reverse("secretariat:summaries")).content.decode()
    # The reason is written in the document's language (the requester's), French here.
    assert "La production n’a pas abouti en 30 minutes" in page
    assert reverse("secretariat:summary_retry", args=[running.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("secretariat:summary_retry", args=[running.pk]))
    document = SummaryDocument.objects.get(pk=running.pk)
    assert document.status == SummaryStatus.DONE and document.error == ""


def test_the_redelivered_task_takes_over_its_own_running_build(running):
    assert summary_build(document_id=running.pk, build_id="task-1").status == SummaryStatus.DONE


def test_another_build_leaves_a_running_document_alone(running):
    assert summary_build(document_id=running.pk, build_id="task-2").status == SummaryStatus.RUNNING
    assert summary_build(document_id=running.pk).status == SummaryStatus.RUNNING
    assert not SummaryDocument.objects.get(pk=running.pk).file


def test_a_build_given_up_by_the_sweep_does_not_overwrite_the_next_one(running, monkeypatch):
    """The slow first build finishes after the sweep marked it failed and a second build is running."""
    from secretariat import services

    real_render = services.render_pdf

    def slow_render(*args, **kwargs):
        assert summary_fail_stale(now=timezone.now() + timedelta(hours=1)) == 1
        SummaryDocument.objects.filter(pk=running.pk).update(status=SummaryStatus.RUNNING, build_id="task-2")
        return real_render(*args, **kwargs)

    monkeypatch.setattr(services, "render_pdf", slow_render)
    summary_build(document_id=running.pk, build_id="task-1")
    document = SummaryDocument.objects.get(pk=running.pk)
    assert document.status == SummaryStatus.RUNNING and document.build_id == "task-2"


def test_the_task_passes_its_own_id_as_build_id(running):
    build_summary_task.apply(kwargs={"document_id": running.pk}, task_id="task-1")
    assert SummaryDocument.objects.get(pk=running.pk).status == SummaryStatus.DONE
