"""The open-data API's big list pages (practices, pledges, reviews) uncached, in-process: dump and time.

Two uses, each able to run the code of another checkout (`--root`, e.g. a `git archive` of main) so the same
database is read by the old and the new code:

    # the OpenAPI schema, every list page (all cursors) and every object's detail, as JSON lines; compare with cmp
    .venv/bin/python benchmarks/api_serializers.py dump --root /tmp/main-copy --out /tmp/old.jsonl
    .venv/bin/python benchmarks/api_serializers.py dump --out /tmp/new.jsonl && cmp /tmp/old.jsonl /tmp/new.jsonl

    # ms per page, old and new alternating (one process each per round), with the share spent serializing
    .venv/bin/python benchmarks/api_serializers.py time --old-root /tmp/main-copy --rounds 3 --requests 20

Production settings (DJANGO_ENV=production, DEBUG off) with PUBLIC_CACHE_SECONDS=0, requests through Django's
test client (the whole middleware stack and DRF, no network). The database connection is opened read-only
(`default_transaction_read_only`), so a shared benchmark database is never written. DATABASE_URL defaults to
wt_perf, REDIS_URL (the rate limit's counter) to db 10. It prints figures; it asserts nothing.
"""

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("practices", "pledges", "reviews")


def _environment():
    database = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_perf")
    if database.startswith("postgres"):
        database += ("&" if "?" in database else "?") + "options=-c%20default_transaction_read_only%3Don"
    return {
        "DJANGO_ENV": "production", "DJANGO_SETTINGS_MODULE": "femi_portal.settings", "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "false", "LOG_LEVEL": "WARNING",
        "DATABASE_URL": database, "PUBLIC_CACHE_SECONDS": "0", "STATIC_ROOT": tempfile.gettempdir(),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/10"),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/11"),
        "API_ANON_RATE": "100000000/minute",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump", help="every list page and detail of practices, pledges and reviews")
    dump.add_argument("--root", default=str(ROOT), help="checkout whose code serves the requests")
    dump.add_argument("--out", required=True)
    dump.add_argument("--detail-every", type=int, default=1, help="fetch the detail of every n-th object only")
    dump.add_argument("--max-pages", type=int, default=0, help="stop each list after this many pages (0: all)")
    timing = sub.add_parser("time", help="ms per page, old and new code alternating")
    timing.add_argument("--old-root", required=True)
    timing.add_argument("--new-root", default=str(ROOT))
    timing.add_argument("--rounds", type=int, default=3)
    timing.add_argument("--requests", type=int, default=20, help="requests per page and round")
    child = sub.add_parser("_child")  # one timing round in the code of --root
    child.add_argument("--root", required=True)
    child.add_argument("--requests", type=int, required=True)
    child_dump = sub.add_parser("_dump")  # the dump, in the code of --root
    for argument in ("--root", "--out", "--detail-every", "--max-pages"):
        child_dump.add_argument(argument, required=True, type=int if argument[2] in "dm" else str)
    args = parser.parse_args()
    if args.command == "dump":
        _run_in(args.root, ["_dump", "--out", str(Path(args.out).resolve()), "--detail-every",
                            str(args.detail_every), "--max-pages", str(args.max_pages)])
    elif args.command == "time":
        _time(args)
    elif args.command == "_child":
        _setup(args.root)
        print(json.dumps(_time_pages(args.requests)))
    elif args.command == "_dump":
        _setup(args.root)
        _dump(args)


def _run_in(root, arguments, capture=False):
    """This script again, in a fresh process importing the project at `root`."""
    command = [sys.executable, str(Path(__file__).resolve()), arguments[0], "--root", root, *arguments[1:]]
    env = {**os.environ, **_environment(), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, cwd=root, env=env, check=True, text=True,
                            capture_output=capture)
    return result.stdout


def _setup(root):
    sys.path.insert(0, root)
    os.chdir(root)
    import django

    django.setup()


def _client():
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1")


def _get(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code} {response.content[:300]!r}")
    return response


# --- dump ---------------------------------------------------------------------------------------------------


def _dump(args):
    client = _client()
    lines = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for url in ("/api/v1/schema/?format=json", "/api/v1/schema/"):  # the OpenAPI schema, JSON and YAML
            out.write(json.dumps({"url": url, "body": _get(client, url).content.decode()}, ensure_ascii=False) + "\n")
            lines += 1
        for kind in KINDS:
            url, pages, ids = f"/api/v1/{kind}/", 0, []
            while url and (not args.max_pages or pages < args.max_pages):
                body = _get(client, url).content.decode()
                out.write(json.dumps({"url": url, "body": body}, ensure_ascii=False) + "\n")
                data = json.loads(body)
                ids += [row["id"] for row in data["results"]]
                url, pages, lines = data["next"], pages + 1, lines + 1
                if url:
                    url = url[url.index("/api/"):]
            for pk in ids[::args.detail_every]:
                url = f"/api/v1/{kind}/{pk}/"
                out.write(json.dumps({"url": url, "body": _get(client, url).content.decode()},
                                     ensure_ascii=False) + "\n")
                lines += 1
            print(f"{kind}: {pages} pages, {len(ids)} objects, {len(ids[::args.detail_every])} details", flush=True)
    digest = hashlib.sha256(Path(args.out).read_bytes()).hexdigest()
    print(f"{lines} answers written to {args.out}, sha256 {digest}")


# --- time ---------------------------------------------------------------------------------------------------


def _pages():
    from pledges.models import Pledge
    from practices.models import Practice

    def deep(queryset):
        """A cursor page 10,000 rows deep, as benchmarks/pages.py measures (fewer rows: the middle)."""
        ids = queryset.order_by("-pk").values_list("pk", flat=True)
        count = ids.count()
        return f"?cursor={_cursor(ids[min(10_000, count // 2)])}" if count > 100 else ""

    return [("practices", "/api/v1/practices/"), ("practices deep", "/api/v1/practices/" +
                                                   deep(Practice.objects.published())),
            ("pledges", "/api/v1/pledges/"), ("pledges deep", "/api/v1/pledges/" + deep(Pledge.objects.published())),
            ("reviews", "/api/v1/reviews/"),
            ("practice detail", f"/api/v1/practices/{Practice.objects.published().order_by('pk').first().pk}/"),
            ("pledge detail", f"/api/v1/pledges/{Pledge.objects.published().order_by('pk').first().pk}/")]


def _cursor(position):
    from base64 import b64encode
    from urllib.parse import quote, urlencode

    return quote(b64encode(urlencode({"p": position}).encode()).decode())


def _time_pages(requests):
    """{page: [wall ms, CPU ms, CPU ms serializing, CPU ms rendering JSON]} a request, over `requests` requests.

    CPU time is this process's (the database server's is not in it): on a shared machine the wall time also
    holds the waits for a core, the CPU time much less so."""
    from rest_framework import renderers, serializers

    spent = {"serialize": 0.0, "render": 0.0}

    def timed(function, bucket):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[bucket] += time.process_time() - start
        return wrapper

    for cls in (serializers.Serializer, serializers.ListSerializer):
        cls.data = property(timed(cls.data.fget, "serialize"))
    renderers.JSONRenderer.render = timed(renderers.JSONRenderer.render, "render")
    client, figures = _client(), {}
    for name, url in _pages():
        _get(client, url)  # warm: connection, imports, translations
        spent.update(serialize=0.0, render=0.0)
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(requests):
            _get(client, url)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        figures[name] = [1000 * value / requests for value in (wall, cpu, spent["serialize"], spent["render"])]
    return figures


def _time(args):
    runs = {"old": [], "new": []}
    for round_number in range(args.rounds):
        for label, root in (("old", args.old_root), ("new", args.new_root)):
            output = _run_in(root, ["_child", "--requests", str(args.requests)], capture=True)
            runs[label].append(json.loads(output.strip().splitlines()[-1]))
            print(f"round {round_number + 1} {label} done", flush=True)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"\n{args.requests} requests a page and round, {args.rounds} rounds alternating; median of the rounds; "
          f"ms a request (CPU: this process only).\nload average {load}\n")
    print(f"{'':<16}{'------------- old -------------':>32}{'------------- new -------------':>32}{'change':>14}")
    print(f"{'page':<16}" + f"{'wall':>7}{'CPU':>7}{'serialize':>11}{'render':>7}" * 2 + f"{'wall':>7}{'CPU':>7}")
    for name in runs["old"][0]:
        old = [statistics.median(run[name][i] for run in runs["old"]) for i in range(4)]
        new = [statistics.median(run[name][i] for run in runs["new"]) for i in range(4)]
        line = f"{name:<16}"
        for wall, cpu, serialize, render in (old, new):
            line += f"{wall:>7.1f}{cpu:>7.1f}{serialize:>7.1f} {100 * serialize / cpu:>2.0f}%{render:>7.1f}"
        print(line + f"{100 * (new[0] - old[0]) / old[0]:>+6.0f}%{100 * (new[1] - old[1]) / old[1]:>+6.0f}%")


if __name__ == "__main__":
    main()
