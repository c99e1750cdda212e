"""Batch work at scale: PDF builds and the daily reminder sweeps, with time, peak memory and SQL query counts.

Run on the database seed_scale filled; every job runs inside a transaction that is rolled back, so the run is
repeatable (and sends nothing: notifications only ever reach the outbox table).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_perf .venv/bin/python benchmarks/batch.py

Targets: review PDF < 2 s; summary of all 193 reviews < 60 s; each reminder sweep over 20,000 users < 10 s.
Peak memory is what Python allocated (tracemalloc), which also slows the jobs a little. It prints figures; it
asserts nothing.
"""

import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_perf")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA", "/tmp/femi-bench-media"))
    print(f"{'job':<34} {'target s':>8} {'seconds':>8} {'queries':>8} {'peak MB':>8}  result")
    for name, target, job in jobs():
        run(name, target, job)


def jobs():
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

    return [
        ("review PDF (one review)", 2, lambda: review_build_pdf(review_id=review.pk)),
        ("summary: preparation overview", 60, summary(SummaryKind.OVERVIEW)),
        ("summary: round table 3 input", 60, summary(SummaryKind.ROUND_TABLE, RoundTable.objects.get(number=3))),
        ("sweep: review deadline reminders", 10, send_deadline_reminders),
        ("sweep: reviewer reminders", 10, send_reviewer_reminders),
        ("sweep: pledge progress requests", 10, pledges_request_progress_updates),
        ("sweep: pledges marked inactive", 10, pledges_mark_inactive),
    ]


def run(name, target, job):
    from django.db import connection, transaction

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    tracemalloc.start()
    start = time.perf_counter()
    with connection.execute_wrapper(count), transaction.atomic():
        result = job()
        transaction.set_rollback(True)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    verdict = "ok" if seconds < target else "MISS"
    print(f"{name:<34} {target:>8} {seconds:>8.2f} {len(queries):>8} {peak:>8.1f}  {verdict} ({_short(result)})",
          flush=True)


def _short(value):
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


if __name__ == "__main__":
    main()
