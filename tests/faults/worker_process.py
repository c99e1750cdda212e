"""A real Celery worker process for the kill tests: `python -m tests.faults.worker_process`.

Configured from the environment like production (DATABASE_URL, CELERY_BROKER_URL, EMAIL_URL, MEDIA_ROOT,
CELERY_VISIBILITY_TIMEOUT). For the fault, FAULTS_HANG_AT names a step ("render": a summary PDF; "parts": the
compendium's front matter, while part processes draw its parts; "send": an e-mail going out) and FAULTS_HANG_FLAG
a file: after FAULTS_HANG_SKIP normal calls, the next call of that step
creates the file and blocks, so the test knows the task is mid-way and kills the process. A worker started when
the file already exists never blocks. The file holds the id of the blocked process.
"""

import os
import time
from pathlib import Path

import django


def _hang_once(original, flag, skip):
    calls = {"n": 0}

    def step(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > skip and not flag.exists():
            flag.write_text(str(os.getpid()))
            time.sleep(600)  # killed here
        return original(*args, **kwargs)

    return step


def _install_fault():
    where, flag = os.environ.get("FAULTS_HANG_AT"), os.environ.get("FAULTS_HANG_FLAG")
    if not where or not flag:
        return
    skip = int(os.environ.get("FAULTS_HANG_SKIP", "0"))
    if where == "render":
        from secretariat import services

        services.render_pdf = _hang_once(services.render_pdf, Path(flag), skip)
    elif where == "parts":
        from secretariat.summaries import book

        book.lay_out_front = _hang_once(book.lay_out_front, Path(flag), skip)
    elif where == "send":
        from django.core.mail.backends.filebased import EmailBackend

        EmailBackend.send_messages = _hang_once(EmailBackend.send_messages, Path(flag), skip)
    else:
        raise SystemExit(f"unknown FAULTS_HANG_AT={where!r}")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "femi_portal.settings")
    django.setup()
    _install_fault()
    from femi_portal.celery import app

    # FAULTS_POOL=prefork: one pool process does the work (production's default pool); solo: this process does.
    pool = os.environ.get("FAULTS_POOL", "solo")
    app.worker_main(["worker", f"--pool={pool}", "--concurrency=1", "--loglevel=WARNING", "--without-mingle",
                     "--without-gossip", "--hostname", f"faults-{os.getpid()}@%h"])


if __name__ == "__main__":
    main()
