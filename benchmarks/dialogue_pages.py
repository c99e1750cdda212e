"""The dialogue pages and the open-data dialogues endpoint, in process, on a database loaded by `seed_scale`.

Prints, per page, the SQL queries, the time spent in SQL and the median and p95 response time over some requests
through the Django test client, with the public cache off (PUBLIC_CACHE_SECONDS=0: every request pays the full
price, as the first one after the cache expires does). It asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/femi_bench PUBLIC_CACHE_SECONDS=0 \\
        .venv/bin/python benchmarks/dialogue_pages.py --repeat 20
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pages():
    from dialogues.models import Dialogue
    from gcm.models import RoundTable

    dialogue = Dialogue.objects.order_by("pk").first()
    return [
        ("dialogues", "/en/dialogues/"),
        ("dialogue detail", f"/en/dialogues/{dialogue.pk}/"),
        ("dialogue deep page", f"/en/dialogues/{dialogue.pk}/?page=500"),
        ("round table page", RoundTable.objects.get(number=3).get_absolute_url()),
        ("api dialogues", "/api/v1/dialogues/"),
    ]


def measure(client, path, repeat):
    """(queries, SQL ms, median ms, p95 ms) of GET `path`, after a warm-up request."""
    from django.db import connection

    if client.get(path).status_code != 200:
        raise SystemExit(f"{path} does not answer 200")
    sql_ms, timings, queries = [], [], 0
    for _ in range(repeat):
        spent = []

        def timed(execute, sql, params, many, context, spent=spent):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent.append(time.perf_counter() - start)

        start = time.perf_counter()
        with connection.execute_wrapper(timed):
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
        sql_ms.append(sum(spent) * 1000)
        queries = len(spent)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return queries, statistics.median(sql_ms), statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20, help="requests per page")
    repeat = parser.parse_args().repeat
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    __import__("django").setup()
    from django.conf import settings
    from django.test import Client

    from dialogues.models import Contribution, Dialogue

    settings.ALLOWED_HOSTS = ["*"]
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
          f"PUBLIC_CACHE_SECONDS={settings.PUBLIC_CACHE_SECONDS}, {Dialogue.objects.count()} dialogues, "
          f"{Contribution.objects.count()} contributions ({Contribution.objects.published().count()} published)")
    print(f"{'page':<20} {'queries':>7} {'SQL ms':>8} {'median ms':>10} {'p95 ms':>8}")
    client = Client()
    for name, path in pages():
        queries, sql, median, p95 = measure(client, path, repeat)
        print(f"{name:<20} {queries:>7} {sql:>8.1f} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
