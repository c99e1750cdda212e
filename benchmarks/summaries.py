"""Summary documents at scale: build time, SQL queries, pages and size of each secretariat summary PDF.

The headline figure is the compendium with every one of the 193 Member States' reviews published, each
answering all 23 objectives. The script builds a throw-away database (SQLite by default, or DATABASE_URL),
fills it, then builds each summary through the real service and prints figures; it asserts nothing.

    .venv/bin/python benchmarks/summaries.py
    .venv/bin/python benchmarks/summaries.py --states 50 --objectives 5
    .venv/bin/python benchmarks/summaries.py --kinds compendium --processes 1

The compendium is drawn in parts by SUMMARY_PDF_PROCESSES processes (--processes; default the CPUs); its log line
gives the time of each phase. Its drawn parts are kept, so `--rebuild` builds it again after one review changed
(what the secretariat gets from the second request of a cycle on): only that review's part is drawn again.

    .venv/bin/python benchmarks/summaries.py --kinds compendium --rebuild

The worker draws the parts ahead of any request (after publications, and nightly): `--drawn-ahead` does that first,
in English, as the worker would, then times the secretariat's request, which finds every part drawn.

    .venv/bin/python benchmarks/summaries.py --kinds compendium --drawn-ahead
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWER = ("The national plan was updated with municipalities and civil society; a joint working group meets "
          "every quarter and publishes its minutes. ") * 3


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--states", type=int, default=193, help="published reviews (at most 193)")
    parser.add_argument("--objectives", type=int, default=23, help="objectives answered per review")
    parser.add_argument("--kinds", nargs="+", default=["compendium", "cycle_status", "practice_digest",
                                                        "pledge_campaign"])
    parser.add_argument("--processes", type=int, help="SUMMARY_PDF_PROCESSES for the compendium (default: the CPUs)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build the compendium again after one review changed (its stored parts reused)")
    parser.add_argument("--drawn-ahead", action="store_true",
                        help="draw the compendium's parts first, as the worker does after publications, then time "
                             "the request")
    args = parser.parse_args()
    if args.processes:
        os.environ["SUMMARY_PDF_PROCESSES"] = str(args.processes)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp())
    import django

    django.setup()
    import logging

    from django.core.management import call_command

    logging.getLogger("secretariat.summaries.book").setLevel(logging.INFO)  # the phases of a book in parts

    call_command("migrate", verbosity=0)
    staff, cycle = populate(args.states, args.objectives)
    from django.conf import settings

    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; "
          f"{args.states} published reviews × {args.objectives} objectives; "
          f"{settings.SUMMARY_PDF_PROCESSES} PDF processes; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"{'document':<18} {'seconds':>8} {'queries':>8} {'pages':>6} {'KiB':>8}")
    for kind in args.kinds:
        if kind == "compendium" and args.drawn_ahead:
            print(f"{'  drawn ahead':<18} {draw_ahead(cycle):>8.1f}")
        seconds, queries, pages, size = measure(staff, cycle, kind)
        print(f"{kind:<18} {seconds:>8.1f} {queries:>8} {pages:>6} {size / 1024:>8.0f}")
        if kind == "compendium" and args.rebuild:
            from reviews.models import Review

            changed = Review.objects.filter(cycle=cycle).order_by("pk")[len(ANSWER) % args.states]
            Review.objects.filter(pk=changed.pk).update(next_steps=ANSWER + " Updated after the first build.")
            seconds, queries, pages, size = measure(staff, cycle, kind)
            print(f"{'  again, 1 changed':<18} {seconds:>8.1f} {queries:>8} {pages:>6} {size / 1024:>8.0f}")


def populate(states, objectives):
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from accounts.models import SECRETARIAT_GROUP, User
    from gcm.models import Cycle, MemberState, Objective
    from reviews.enums import ReviewStatus
    from reviews.models import ObjectiveEntry, Review

    staff = User.objects.create_user(email="bench@un.example", password="x-bench-password-1")
    staff.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    cycle = Cycle.objects.active()
    now = timezone.now()
    chosen = list(Objective.objects.order_by("number")[:objectives])
    for state in MemberState.objects.members().order_by("iso3")[:states]:
        review = Review.objects.create(cycle=cycle, member_state=state, status=ReviewStatus.PUBLISHED, language="en",
                                       submitted_at=now, published_at=now, consultation_process=ANSWER,
                                       policy_environment=ANSWER, next_steps=ANSWER)
        ObjectiveEntry.objects.bulk_create(
            ObjectiveEntry(review=review, objective=o, progress=ANSWER, challenges=ANSWER,
                           good_practices=ANSWER, support_needed=ANSWER) for o in chosen)
    return staff, cycle


def draw_ahead(cycle):
    """Draw the English compendium's parts as the worker's draw-ahead run does; return the seconds it took."""
    from django.utils import translation

    from secretariat.models import SummaryDocument, SummaryKind
    from secretariat.summaries import compendium

    start = time.perf_counter()
    with translation.override("en"):
        compendium.draw_parts(SummaryDocument(kind=SummaryKind.COMPENDIUM, cycle=cycle, language="en"))
    return time.perf_counter() - start


def measure(staff, cycle, kind):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader

    from secretariat.models import SummaryDocument
    from secretariat.services import summary_build

    # A pending row, as summary_request() leaves it; built here in the foreground so it can be timed.
    document = SummaryDocument.objects.create(kind=kind, cycle=cycle, language="en", requested_by=staff)
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        document = summary_build(document_id=document.pk)
    seconds = time.perf_counter() - start
    with document.file.open("rb") as handle:
        content = handle.read()
    return seconds, len(ctx.captured_queries), len(PdfReader(io.BytesIO(content)).pages), len(content)


if __name__ == "__main__":
    main()
