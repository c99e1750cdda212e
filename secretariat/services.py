"""Summary documents: requested by secretariat staff, built by a Celery task with WeasyPrint."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError

from accounts.roles import is_secretariat
from core.audit import record_event
from core.notifications import notify
from core.pdf import render_pdf
from core.registry import collect
from core.workflow import require
from gcm.models import RoundTable

from .models import ROUND_TABLE_KINDS, SummaryDocument, SummaryKind, SummaryStatus
from .summaries import builders, renderers

logger = logging.getLogger(__name__)


@transaction.atomic
def summary_request(*, by, cycle, kind, language, round_table=None):
    """Create a pending summary and enqueue its build after commit."""
    require(is_secretariat(by))
    if kind in ROUND_TABLE_KINDS:
        require(round_table is not None, _("Choose the round table."))
    document = SummaryDocument.objects.create(
        kind=kind, cycle=cycle, language=language, requested_by=by,
        round_table=round_table if kind in ROUND_TABLE_KINDS else None,
    )
    record_event(document, "requested", actor=by, to_status=SummaryStatus.PENDING)
    transaction.on_commit(lambda: _enqueue(document.pk))
    return document


def _enqueue(document_id):
    from .tasks import build_summary_task

    try:
        build_summary_task.delay(document_id=document_id)
    except (OSError, OperationalError):  # broker outage: the row stays pending and can be rebuilt from the console
        logger.warning("Could not enqueue summary %s.", document_id, exc_info=True)


def summary_build(*, document_id, build_id=""):
    """Build the PDF of a pending (or failed) summary; idempotent: a done document is left alone.

    `build_id` is the Celery task id. A running document is left alone too, unless its `build_id` is this one:
    then the worker that ran this very task died mid-build (acks_late redelivered the message) and this call
    takes the build over. The result is saved only while this build still holds the document, so a build that
    `summary_fail_stale` gave up on cannot overwrite what came after.
    """
    document, claimed = _claim(document_id, build_id)
    if not claimed:
        return document
    try:
        pdf = _render(document)
    except Exception as err:  # noqa: BLE001 - recorded on the row, shown in the console
        with transaction.atomic():  # the outcome and its e-mail are committed together
            if _finish(document, build_id, status=SummaryStatus.FAILED, error=str(err)[:2000]):
                _tell_requester(document, "secretariat_summary_failed", error=str(err)[:500])
        raise
    document.file.save(f"summary-{document.pk}-{document.language}.pdf", ContentFile(pdf), save=False)
    with transaction.atomic():
        if _finish(document, build_id, status=SummaryStatus.DONE, error="", file=document.file.name):
            _tell_requester(document, "secretariat_summary_ready")
    document.refresh_from_db()
    return document


def _claim(document_id, build_id):
    """Mark the document running for `build_id` when it may be built; return it and whether it was claimed."""
    with transaction.atomic():
        document = SummaryDocument.objects.select_for_update(of=("self",)).select_related(
            "cycle", "round_table", "requested_by").get(pk=document_id)
        redelivered = document.status == SummaryStatus.RUNNING and build_id and document.build_id == build_id
        if document.status not in (SummaryStatus.PENDING, SummaryStatus.FAILED) and not redelivered:
            return document, False
        document.status, document.build_id, document.started_at = SummaryStatus.RUNNING, build_id, timezone.now()
        document.save(update_fields=["status", "build_id", "started_at"])
        return document, True


def _finish(document, build_id, **fields):
    """Record the outcome if `build_id` still holds the running document; True when it did."""
    document.finished_at = timezone.now()
    return bool(SummaryDocument.objects.filter(pk=document.pk, status=SummaryStatus.RUNNING, build_id=build_id)
                .update(finished_at=document.finished_at, **fields))


def summary_fail_stale(*, now=None):
    """Periodic: mark failed every summary running longer than SUMMARY_RUNNING_TIMEOUT (minutes); return how many.

    A build whose worker died and whose message was lost (Redis keeps nothing on disk) would otherwise show
    "running" forever. The requester is told, and the console offers to build it again. Audited.
    """
    limit = settings.SUMMARY_RUNNING_TIMEOUT
    cutoff = (now or timezone.now()) - timedelta(minutes=limit)
    stale = list(SummaryDocument.objects.filter(status=SummaryStatus.RUNNING, started_at__lt=cutoff)
                 .select_related("cycle", "round_table", "requested_by"))
    failed = 0
    for document in stale:
        with translation.override(document.language):
            error = _("The build did not finish within %(minutes)s minutes (its worker probably stopped). "
                      "Build it again.") % {"minutes": limit}
        with transaction.atomic():
            if not _finish(document, document.build_id, status=SummaryStatus.FAILED, error=error):
                continue
            record_event(document, "stale_failed", from_status=SummaryStatus.RUNNING,
                         to_status=SummaryStatus.FAILED, comment=error)
            _tell_requester(document, "secretariat_summary_failed", error=error)
            failed += 1
    return failed


def compendium_draw_parts(*, cycle=None):
    """Draw and keep the compendium parts of `cycle` (default: the active one) not stored yet, in every language of
    the portal, so that the secretariat's next request, in whichever language, draws only what changed since.
    Return {language: parts drawn}. Run nightly and a few minutes after reviews are published
    (`compendium_draw_ahead_soon`)."""
    from gcm.models import Cycle

    from .summaries import compendium

    cycle = cycle or Cycle.objects.active()
    if cycle is None:
        return {}
    drawn = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            drawn[language] = compendium.draw_parts(SummaryDocument(kind=SummaryKind.COMPENDIUM, cycle=cycle,
                                                                    language=language))
    if any(drawn.values()):
        logger.info("Compendium parts of %s drawn ahead: %s.", cycle, drawn)
    return drawn


def compendium_draw_ahead_soon(sender, *, cycle_id, **kwargs):
    """reviews.signals.publication_changed (after commit): draw the compendium's changed parts in
    COMPENDIUM_DRAW_AHEAD_SECONDS, once for all the publications of that window (a cache key marks one queued).

    Never where tasks run in the request (development, tests): a publication would wait for every language's
    parts. A broker or cache outage costs only the head start (the nightly run and the request still draw); the
    publication, already committed, never fails for it."""
    from celery import current_app
    from django.core.cache import cache

    from .tasks import draw_compendium_parts_task

    delay = settings.COMPENDIUM_DRAW_AHEAD_SECONDS
    if not delay or current_app.conf.task_always_eager:
        return
    key = f"secretariat:compendium-draw-ahead:{cycle_id}"
    try:
        # The key expires before the task starts, so a publication after it expired queues a run of its own and
        # one before it is read by the queued run.
        if cache.add(key, True, timeout=max(1, delay // 2)):
            draw_compendium_parts_task.apply_async(kwargs={"cycle_id": cycle_id}, countdown=delay)
    except Exception:  # noqa: BLE001 — Redis or the broker down: see the docstring
        logger.warning("Could not queue the compendium parts of cycle %s to be drawn ahead.", cycle_id,
                       exc_info=True)


def _render(document):
    """The PDF bytes of the document, in its language: drawn in parts by the summaries that do so, else in one
    WeasyPrint pass."""
    render = renderers().get(document.kind)
    if render is not None:
        with translation.override(document.language):
            pdf = render(document)
        if pdf is not None:
            return pdf
    template, context = _template_and_context(document)
    return render_pdf(template, context, language=document.language)


def _template_and_context(document):
    """The PDF template and its context, built in the document's language."""
    build = builders().get(document.kind)
    if build is None:
        return "secretariat/summary_pdf.html", _summary_context(document)
    with translation.override(document.language):
        return build(document)


def _tell_requester(document, template, **extra):
    if document.requested_by_id and document.requested_by.email:
        with translation.override(document.language):
            title = str(document.title)
        notify(document.requested_by, template, language=document.language,
               context={"document_id": document.pk, "title": title, **extra},
               dedupe_key=f"{template}:{document.pk}:{document.finished_at or timezone.now():%Y%m%d%H%M%S%f}")


def _summary_context(document):
    with translation.override(document.language):
        if document.kind == SummaryKind.ROUND_TABLE:
            tables = [document.round_table]
        else:
            tables = list(RoundTable.objects.prefetch_related("objectives"))
        return {
            "document": document,
            "cycle": document.cycle,
            "stats": collect("home", document.cycle),
            "queues": collect("secretariat", document.requested_by) if document.requested_by else [],
            "tables": [
                {"table": table, "objectives": list(table.objectives.all()),
                 "sections": collect("round_table", table)}
                for table in tables
            ],
            "generated_at": timezone.now(),
        }
