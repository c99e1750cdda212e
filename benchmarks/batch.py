"""Batch work at scale: PDF builds and the daily reminder sweeps, with time, peak memory and SQL query counts.

Run on the database seed_scale filled; every job runs inside a transaction that is rolled back, so the run is
repeatable (and sends nothing: notifications only ever reach the outbox table).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_perf .venv/bin/python benchmarks/batch.py [NAME-PART]

with NAME-PART (e.g. `sweep`) to run only the jobs whose name contains it.

Targets: review PDF < 2 s; summary of all 193 reviews < 60 s; each reminder sweep over 20,000 users < 10 s.
Peak memory is the growth of the process's peak RSS (tracemalloc would slow the jobs several times). It prints
figures; it asserts nothing.
"""

import os
import resource
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_perf")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA", "/tmp/femi-bench-media"))
    start = time.perf_counter()
    import weasyprint  # noqa: F401 - loaded once per worker process (see femi_portal/celery.py), not per PDF

    print(f"import weasyprint: {time.perf_counter() - start:.2f} s (once per worker process)")
    print(f"{'job':<56} {'target s':>8} {'seconds':>8} {'queries':>8} {'RSS+ MB':>8}  result")
    for name, target, job, *rest in jobs():
        if only in name:
            run(name, target, job, *rest)


def jobs():
    from django.utils import timezone

    from dialogues.services import reminders_send
    from gcm.models import Cycle, RoundTable
    from pledges.services import pledges_mark_inactive, pledges_request_progress_updates
    from practices.services import send_reviewer_reminders
    from reviews.enums import ReviewStatus
    from reviews.models import Review
    from reviews.services import review_build_pdf, send_deadline_reminders
    from secretariat.models import SummaryDocument, SummaryKind
    from secretariat.services import summary_build

    cycle = Cycle.objects.active()
    review = Review.objects.filter(cycle=cycle, status=ReviewStatus.PUBLISHED).order_by("pk").first()

    def summary(kind, round_table=None):
        def build():
            document = SummaryDocument.objects.create(kind=kind, cycle=cycle, language="en", round_table=round_table)
            return summary_build(document_id=document.pk).status
        return build

    # Seven days before the deadline every State that has not submitted is due (the seed's date has none due).
    deadline_day = cycle.review_deadline - timedelta(days=7)
    now = timezone.now()
    sweeps = [
        ("review deadline reminders", lambda days: send_deadline_reminders(today=deadline_day + timedelta(days)), None),
        ("reviewer reminders", lambda days: send_reviewer_reminders(today=now.date() + timedelta(days)), None),
        ("pledge progress requests", lambda days: pledges_request_progress_updates(now=now + timedelta(days)), None),
        ("pledges marked inactive", lambda days: pledges_mark_inactive(now=now + timedelta(days)), None),
        ("dialogue reminders", lambda days: reminders_send(now=now + timedelta(days)), register_everyone),
    ]
    return [
        ("review PDF (one review)", 2, lambda: review_build_pdf(review_id=review.pk)),
        ("summary: preparation overview", 60, summary(SummaryKind.OVERVIEW)),
        ("summary: round table 3 input", 60, summary(SummaryKind.ROUND_TABLE, RoundTable.objects.get(number=3))),
    ] + [(f"sweep: {name}", 10, sweep, setup, True) for name, sweep, setup in sweeps]


def register_everyone():
    """Every user registered for an online session starting in 50 minutes (both reminders due); not timed."""
    from django.utils import timezone

    from accounts.models import User
    from dialogues.models import Dialogue, Registration
    from gcm.models import Cycle

    start = timezone.now() + timedelta(minutes=50)
    dialogue = Dialogue.objects.create(cycle=Cycle.objects.active(), kind="global", title="Benchmark session",
                                       starts_at=start, ends_at=start + timedelta(hours=2), is_online=True,
                                       join_url="https://meet.example/bench")
    Registration.objects.bulk_create((Registration(dialogue=dialogue, user_id=pk)
                                      for pk in User.objects.values_list("pk", flat=True)), batch_size=2000)


def run(name, target, job, setup=None, sweep=False):
    """Time `job` in a transaction rolled back afterwards (after `setup`, not timed). A sweep runs three times in
    that transaction: the day before (the backlog the seed leaves: nothing was ever swept), the day itself (a
    day's work, what the beat does daily), and the same day again (a rerun or a concurrent run: queues nothing)."""
    from django.db import transaction

    with transaction.atomic():
        if setup:
            setup()
        if sweep:
            measure(f"{name} (backlog, day before)", target, lambda: job(-1))
            measure(f"{name} (the day)", target, lambda: job(0))
            measure(f"{name} (rerun)", target, lambda: job(0))
        else:
            measure(name, target, job)
        transaction.set_rollback(True)


def measure(name, target, job):
    """Seconds and queries of `job`, and the growth of the process's peak RSS. Not tracemalloc: it slows
    allocation-heavy code such as WeasyPrint's layout several times (RESULTS.md's first figures had it)."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with connection.execute_wrapper(count):
        result = job()
    seconds = time.perf_counter() - start
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    verdict = "ok" if seconds < target else "MISS"
    print(f"{name:<56} {target:>8} {seconds:>8.2f} {len(queries):>8} {peak:>8.1f}  {verdict} ({_short(result)})",
          flush=True)


def _short(value):
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


if __name__ == "__main__":
    main()
