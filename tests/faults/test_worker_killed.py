"""A Celery worker process is killed (SIGKILL) in the middle of a task; a second worker takes the task over.

Real processes (tests/faults/worker_process.py) on the real broker and the PostgreSQL test database: tasks are
acknowledged late, so the killed worker's message stays unacknowledged in Redis and is handed to the next worker
after the visibility timeout (2 s here, CELERY_VISIBILITY_TIMEOUT). The task runs again; the summary document does
not stay "running"; every e-mail goes out exactly once (each e-mail is a file written by the workers).
"""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from core.models import Notification, NotificationStatus
from core.notifications import notify
from core.tasks import deliver_pending_notifications
from gcm.models import Cycle
from secretariat.models import SummaryDocument, SummaryKind, SummaryStatus
from secretariat.services import summary_request
from tests.factories import SecretariatFactory, UserFactory

pytestmark = pytest.mark.worker

ROOT = Path(django_settings.BASE_DIR)


def _database_url():
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Starts worker processes on the test database and broker; kills what is left at the end."""

    def __init__(self, tmp_path, broker):
        self.flag = tmp_path / "hung"
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir()
        self.env = {
            **os.environ, "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": broker,
            "EMAIL_URL": f"filemail://{self.mail_dir}", "MEDIA_ROOT": str(tmp_path / "media"),
            "CELERY_VISIBILITY_TIMEOUT": "2", "FAULTS_HANG_FLAG": str(self.flag), "PYTHONPATH": str(ROOT),
        }
        self.processes = []

    def start(self, pool="solo", **fault):
        env = {**self.env, "FAULTS_POOL": pool, **{f"FAULTS_HANG_{k.upper()}": str(v) for k, v in fault.items()}}
        process = subprocess.Popen([sys.executable, "-m", "tests.faults.worker_process"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.processes.append(process)
        return process

    def kill(self, process):
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def kill_blocked_pool_process(self):
        os.kill(int(self.flag.read_text()), signal.SIGKILL)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def recipients(self):
        """How many e-mails each address received, read from the files the workers wrote."""
        counts = Counter()
        for path in self.mail_dir.iterdir():
            for line in path.read_text().splitlines():
                if line.startswith("To: "):
                    counts[line[4:]] += 1
        return counts


@pytest.fixture
def workers(postgres, broker, reference_data, tmp_path):
    pool = Workers(tmp_path, broker)
    yield pool
    pool.stop_all()


def wait_for(condition, seconds=60, what="condition", workers=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    logs = "".join(p.stderr.read().decode(errors="replace")[-3000:] for p in (workers.processes if workers else [])
                   if p.poll() is not None)
    pytest.fail(f"timed out waiting for {what}\n{logs}")


def ready_email_sent():
    return Notification.objects.filter(template="secretariat_summary_ready", status=NotificationStatus.SENT).exists()


def _sent_before_the_fault(workers, count=3):
    """A few notifications the first worker delivers before the fault: they must not go out again."""
    users = [UserFactory() for _ in range(count)]
    notes = [notify(user, "core_test", context={"note": "before"}) for user in users]
    wait_for(lambda: Notification.objects.filter(pk__in=[n.pk for n in notes],
                                                 status=NotificationStatus.SENT).count() == count,
             what="the first notifications", workers=workers)
    return users


def test_a_worker_killed_while_building_a_summary_leaves_it_to_the_next_worker(workers):
    desk = SecretariatFactory(email="desk@un.example")
    first = workers.start(at="render")
    early = _sent_before_the_fault(workers)
    document = summary_request(by=desk, cycle=Cycle.objects.active(), kind=SummaryKind.OVERVIEW, language="es")

    wait_for(workers.flag.exists, what="the build to start", workers=workers)
    workers.kill(first)
    document.refresh_from_db()
    assert document.status == SummaryStatus.RUNNING and document.build_id  # what the killed worker left

    time.sleep(2)  # past the visibility timeout: the unacknowledged message is handed over
    workers.start()
    deliver_pending_notifications.delay()  # a beat tick meanwhile: it must not send anything again
    wait_for(lambda: SummaryDocument.objects.get(pk=document.pk).status == SummaryStatus.DONE,
             what="the summary to be built by the second worker", workers=workers)
    wait_for(ready_email_sent, what="the ready e-mail", workers=workers)

    document.refresh_from_db()
    assert document.error == "" and document.file.name.endswith(".pdf")
    assert Notification.objects.filter(template="secretariat_summary_ready").count() == 1
    assert not Notification.objects.filter(status=NotificationStatus.PENDING).exists()
    assert workers.recipients() == Counter({desk.email: 1, **{user.email: 1 for user in early}})


def test_a_worker_killed_while_sending_an_email_sends_it_once_through_the_next_worker(workers):
    first = workers.start(at="send", skip=3)
    early = _sent_before_the_fault(workers)
    late = UserFactory()
    notification = notify(late, "core_test", context={"note": "during the kill"})

    wait_for(workers.flag.exists, what="the e-mail to be on its way", workers=workers)
    workers.kill(first)
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING and notification.attempts == 0  # rolled back

    time.sleep(2)
    workers.start()
    deliver_pending_notifications.delay()
    wait_for(lambda: Notification.objects.get(pk=notification.pk).status == NotificationStatus.SENT,
             what="the e-mail to be sent by the second worker", workers=workers)
    time.sleep(1)  # a second copy (the redelivered task and the sweep both trying) would show up by now

    assert Notification.objects.get(pk=notification.pk).attempts == 1
    assert workers.recipients() == Counter({late.email: 1, **{user.email: 1 for user in early}})


def test_a_killed_pool_process_is_replaced_and_its_summary_task_runs_again(workers):
    """Production's prefork pool: the pool process dies (OOM killer, say); reject_on_worker_lost puts the task
    back at once and the same worker runs it again in a new pool process."""
    desk = SecretariatFactory(email="desk@un.example")
    worker = workers.start(pool="prefork", at="render")
    document = summary_request(by=desk, cycle=Cycle.objects.active(), kind=SummaryKind.CYCLE_STATUS, language="fr")

    wait_for(lambda: workers.flag.exists() and workers.flag.read_text(), what="the build to start",
             workers=workers)
    assert int(workers.flag.read_text()) != worker.pid  # the pool process, not the worker itself
    workers.kill_blocked_pool_process()
    wait_for(lambda: SummaryDocument.objects.get(pk=document.pk).status == SummaryStatus.DONE,
             what="the summary to be built again", workers=workers)
    wait_for(ready_email_sent, what="the ready e-mail", workers=workers)
    assert worker.poll() is None  # the worker itself lived on
    assert workers.recipients() == Counter({desk.email: 1})


def _children(pid):
    """The processes whose parent is `pid` (read from /proc: Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_pool_process_killed_while_the_compendium_parts_are_drawn_takes_its_part_processes_along(workers):
    """The compendium is drawn by part processes that the task's pool process forks: killed mid-build, it leaves
    none of them behind, and the task run again builds the whole compendium."""
    from tests.reviews.factories import complete_review

    desk = SecretariatFactory(email="desk@un.example")
    for iso3 in ("COL", "KEN", "FRA", "JPN"):
        complete_review(status="published", iso3=iso3, objectives=(1, 2))
    workers.env["SUMMARY_PDF_PROCESSES"] = "2"
    worker = workers.start(pool="prefork", at="parts")
    document = summary_request(by=desk, cycle=Cycle.objects.active(), kind=SummaryKind.COMPENDIUM, language="en")

    wait_for(lambda: workers.flag.exists() and workers.flag.read_text(), what="the parts to be drawn",
             workers=workers)
    builder = int(workers.flag.read_text())
    parts = _children(builder)
    assert builder != worker.pid and len(parts) == 2  # the pool process and its two part processes
    workers.kill_blocked_pool_process()
    wait_for(lambda: not any(_alive(pid) for pid in parts), seconds=10, what="the part processes to die",
             workers=workers)
    wait_for(lambda: SummaryDocument.objects.get(pk=document.pk).status == SummaryStatus.DONE,
             what="the compendium to be built again", workers=workers)
    wait_for(ready_email_sent, what="the ready e-mail", workers=workers)
    assert worker.poll() is None and workers.recipients() == Counter({desk.email: 1})
