"""Load benchmark: the portal served by gunicorn as in production, measured with wrk against a minimal view.

Production settings (DJANGO_ENV=production, DEBUG off, whitenoise with the manifest storage) on PostgreSQL, plus
a benchmark-only URLconf (benchmarks/urls.py) adding a minimal Django view, the ceiling. Each page is measured
right after the minimal view, at the same concurrency, so the ratio holds even on a busy machine. Then every
export is downloaded in full, timed, with the peak RSS growth of the gunicorn workers sampled meanwhile.

    manage.py seed_scale --practices 50000 --pledges 50000 --contributions 200000 --users 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_perf .venv/bin/python benchmarks/load.py

It prints figures beside the targets; it asserts nothing.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
P95_TARGET_MS, RATIO_TARGET = 150, 0.40


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8118)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--only", default="", help="regular expression: measure matching pages only")
    parser.add_argument("--no-exports", action="store_true")
    parser.add_argument("--ceiling-once", action="store_true",
                        help="measure the minimal view once, not before each page (a quick run, as in CI)")
    args = parser.parse_args()
    env = _environment()
    os.environ.update(env)
    import django

    django.setup()
    from benchmarks.pages import EXPORTS, public_pages

    pages = [p for p in public_pages() if re.search(args.only, p[0])]
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env={
        **os.environ, **env}, check=True)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "femi_portal.wsgi", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.workers), "--timeout", "300",  # a full export streams for longer than the default 30 s
         "--access-logfile", "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null"],
        cwd=ROOT, env={**os.environ, **env})
    try:
        _wait(base)
        print(_machine())
        print(f"gunicorn {args.workers} workers, wrk {args.connections} connections, {args.duration} s per run")
        print(f"targets: p95 < {P95_TARGET_MS} ms and >= {RATIO_TARGET:.0%} of the minimal view's req/s\n")
        print(f"{'page':<24} {'req/s':>7} {'min req/s':>9} {'ratio':>6} {'p50':>6} {'p95':>6} {'p99':>6} "
              f"{'err%':>5}  verdict")
        ceiling = None
        for name, path in pages:
            _get(base + path)  # warm up (templates, caches); fails loudly on a non-200
            if ceiling is None or not args.ceiling_once:
                ceiling = _wrk(base + "/bench/minimal/", args)
            figures = _wrk(base + path, args)
            _report(name, figures, ceiling)
        if not args.no_exports:
            print(f"\n{'export':<24} {'rows':>7} {'MB':>7} {'seconds':>8} {'peak RSS growth MB':>19}")
            for name, path in EXPORTS:
                _export(name, base + path, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _environment():
    static_root = Path(tempfile.gettempdir()) / "femi-bench-static"
    return {
        "DJANGO_ENV": "production", "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "false", "STATIC_ROOT": str(static_root),
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wt_perf"),
        "LOG_LEVEL": "WARNING", "SITE_URL": "http://127.0.0.1",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/1"),
        # The API's anonymous rate limit stays on (every request is counted in Redis) but must not answer 429.
        "API_ANON_RATE": os.environ.get("API_ANON_RATE", "100000000/minute"),
    }


def _machine():
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    cpus = os.cpu_count()
    load = Path("/proc/loadavg").read_text().split()[:3]
    return f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit.stdout.strip()}, " \
           f"{cpus} CPUs, load average {' '.join(load)}"


def _wait(base):
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/bench/minimal/", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer")


def _get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        return response.read()


def _wrk(url, args):
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.duration}s", "--timeout", "10s",
         "-s", str(ROOT / "benchmarks" / "latency.lua"), url], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def _report(name, f, ceiling):
    ratio = f["rps"] / ceiling["rps"] if ceiling["rps"] else 0
    errors = 100 * (f["errors"] + f["non2xx"]) / max(f["requests"], 1)
    p95 = f["p95_us"] / 1000
    misses = [m for m, bad in (("p95", p95 >= P95_TARGET_MS), ("ratio", ratio < RATIO_TARGET),
                               ("errors", errors > 0)) if bad]
    print(f"{name:<24} {f['rps']:>7.1f} {ceiling['rps']:>9.1f} {ratio:>6.0%} {f['p50_us'] / 1000:>6.0f} "
          f"{p95:>6.0f} {f['p99_us'] / 1000:>6.0f} {errors:>5.1f}  {'MISS ' + ','.join(misses) if misses else 'ok'}",
          flush=True)


def _rss_kb(pid):
    """RSS of the gunicorn master's workers, {pid: kB}."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    sizes = {}
    for child in children:
        try:
            found = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{child}/status").read_text())
        except OSError:
            found = None  # the worker just exited
        if found:
            sizes[child] = int(found.group(1))
    return sizes


def _export(name, url, master_pid):
    before, peak, stop = _rss_kb(master_pid), {}, threading.Event()

    def sample():
        while not stop.is_set():
            for child, kb in _rss_kb(master_pid).items():
                peak[child] = max(peak.get(child, 0), kb)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.perf_counter()
    size = lines = 0
    with urllib.request.urlopen(url, timeout=600) as response:
        while chunk := response.read(1 << 16):
            size += len(chunk)
            lines += chunk.count(b"\n")
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    growth = max((peak[c] - before.get(c, peak[c]) for c in peak), default=0) / 1024
    print(f"{name:<24} {lines:>7} {size / 1e6:>7.1f} {seconds:>8.1f} {growth:>19.1f}", flush=True)


if __name__ == "__main__":
    main()
