"""Public list pages at scale: SQL queries and response time with few and many published rows.

DESIGN §5 asks for a constant number of queries whatever the row count, and pagination. This script builds a
throw-away database (SQLite by default, or DATABASE_URL), publishes rows in steps and prints, per page, the
query count and the median response time over a few requests. It prints figures; it asserts nothing.

    .venv/bin/python benchmarks/list_pages.py --rows 200 2000
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("practices", "/en/practices/"),
    ("practices, search", "/en/practices/?q=practice"),
    ("pledges", "/en/pledges/"),
    ("pledge dashboard", "/en/pledges/dashboard/"),
    ("reviews", "/en/reviews/"),
    ("dialogues", "/en/dialogues/"),
    ("objective 5", "/en/objectives/5/"),
    ("home", "/en/"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[20, 500], help="row counts to measure at")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"{'rows':>6}  {'page':<20} {'queries':>7} {'median ms':>10}")
    created = 0
    for target in sorted(args.rows):
        created += populate(target - created)
        for name, url in PAGES:
            queries, ms = measure(url, args.repeat)
            print(f"{target:>6}  {name:<20} {queries:>7} {ms:>10.1f}")


def populate(count):
    """Publish `count` more practices, pledges and dialogue contributions."""
    from django.utils import timezone

    from practices.enums import PracticeStatus
    from tests.dialogues.factories import ContributionFactory, DialogueFactory
    from tests.pledges.factories import PublishedPledgeFactory
    from tests.practices.factories import PracticeFactory

    now = timezone.now()
    dialogue = DialogueFactory()
    for _ in range(max(count, 0)):
        PracticeFactory(status=PracticeStatus.PUBLISHED, published_at=now)
        PublishedPledgeFactory()
        ContributionFactory(dialogue=dialogue, status="published")
    return max(count, 0)


def measure(url, repeat):
    from django.db import connection
    from django.test import Client

    client = Client()
    client.get(url)  # warm caches (templates, translations)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return len(executed), statistics.median(timings)


if __name__ == "__main__":
    main()
