"""Batch work at scale: PDF builds and the daily reminder sweeps, with time, peak memory and SQL query counts.

Run on the database seed_scale filled; every job runs inside a transaction that is rolled back, so the run is
repeatable (and sends nothing: notifications only ever reach the outbox table).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_perf .venv/bin/python benchmarks/batch.py [NAME-PART]
        [--profile N] [--no-vacuum] [--deferred-checks]

with NAME-PART (e.g. `sweep`) to run only the jobs whose name contains it; `--profile N` prints the N costliest
functions (cProfile, cumulative) of each measured run. On PostgreSQL each job starts with `VACUUM` of the tables the
jobs write (the shared server runs without autovacuum: the dead rows every rolled-back run leaves would slow the
next one, which a production database, autovacuumed, does not see), and checks its deferred foreign keys as it
goes (`SET CONSTRAINTS ALL IMMEDIATE`: a rolled-back run never reaches the commit where a real one pays for them;
`--deferred-checks` leaves them deferred, i.e. unmeasured, as the figures before 2026-12-03 14:00 UTC were).

Targets: review PDF < 2 s; summary of all 193 reviews < 60 s; each reminder sweep over 20,000 users < 10 s.
"cpu s" is this process's CPU time (user + system), "db cpu" that of the PostgreSQL backend serving it (read from
/proc when the server runs on this machine): on a shared machine they move far less with the load than the wall
time does. Queries are the statements Django executes; the rows a sweep streams with COPY (PostgreSQL) are not
among them. Peak memory is the growth of the process's peak RSS (tracemalloc would slow the jobs several times).
It prints figures; it asserts nothing.
"""

import argparse
import cProfile
import os
import pstats
import resource
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


VACUUMED = ("core_notification", "core_auditevent", "reviews_remindersent", "pledges_progressrequest",
            "pledges_pledge", "dialogues_reminder", "dialogues_registration", "dialogues_dialogue",
            "practices_assignment", "secretariat_summarydocument")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("only", nargs="?", default="", metavar="NAME-PART", help="run only the jobs naming it")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print each run's N costliest calls")
    parser.add_argument("--no-vacuum", action="store_true", help="do not VACUUM before each job (PostgreSQL)")
    parser.add_argument("--deferred-checks", action="store_true",
                        help="leave deferred constraints deferred: never checked, since each job is rolled back")
    options = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_perf")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA", "/tmp/femi-bench-media"))
    start = time.perf_counter()
    import weasyprint  # noqa: F401 - loaded once per worker process (see femi_portal/celery.py), not per PDF

    print(f"import weasyprint: {time.perf_counter() - start:.2f} s (once per worker process)")
    print(f"{'job':<56} {'target s':>8} {'seconds':>8} {'cpu s':>7} {'db cpu':>7} {'queries':>8} {'RSS+ MB':>8}  "
          "result")
    for name, target, job, *rest in jobs():
        if options.only in name:
            run(name, target, job, *rest, options=options)


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
        ("summary: round table 3 compilation (every contribution)", None,  # no target: a background document
         summary(SummaryKind.COMPILATION, RoundTable.objects.get(number=3))),
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


def run(name, target, job, setup=None, sweep=False, *, options):
    """Time `job` in a transaction rolled back afterwards (after `setup`, not timed). A sweep runs three times in
    that transaction: the day before (the backlog the seed leaves: nothing was ever swept), the day itself (a
    day's work, what the beat does daily), and the same day again (a rerun or a concurrent run: queues nothing)."""
    from django.db import connection, transaction

    postgresql = connection.vendor == "postgresql"
    if postgresql and not options.no_vacuum:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {', '.join(VACUUMED)}")
    with transaction.atomic():
        if postgresql and not options.deferred_checks:
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        if setup:
            setup()
        if sweep:
            measure(f"{name} (backlog, day before)", target, lambda: job(-1), options.profile)
            measure(f"{name} (the day)", target, lambda: job(0), options.profile)
            measure(f"{name} (rerun)", target, lambda: job(0), options.profile)
        else:
            measure(name, target, job, options.profile)
        transaction.set_rollback(True)


def measure(name, target, job, profile=0):
    """Seconds and queries of `job`, and the growth of the process's peak RSS. Not tracemalloc: it slows
    allocation-heavy code such as WeasyPrint's layout several times (RESULTS.md's first figures had it)."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    profiler = cProfile.Profile() if profile else None
    usage, server = resource.getrusage(resource.RUSAGE_SELF), _server_cpu()
    rss = usage.ru_maxrss
    start = time.perf_counter()
    with connection.execute_wrapper(count):
        if profiler:
            profiler.enable()
        result = job()
        if profiler:
            profiler.disable()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    peak = (after.ru_maxrss - rss) / 1024
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    db_cpu = f"{_server_cpu() - server:.2f}" if server is not None else "-"
    verdict = "—" if target is None else "ok" if seconds < target else "MISS"
    print(f"{name:<56} {target or '—':>8} {seconds:>8.2f} {cpu:>7.2f} {db_cpu:>7} {len(queries):>8} {peak:>8.1f}  "
          f"{verdict} ({_short(result)})", flush=True)
    if profiler:
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(profile)


def _server_cpu():
    """CPU seconds (user + system) the PostgreSQL backend serving this connection has used so far, read from
    /proc when the server runs on this machine; None otherwise (SQLite, or a remote server)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _short(value):
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


if __name__ == "__main__":
    main()
