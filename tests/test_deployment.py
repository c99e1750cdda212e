"""The deployment files describe a stack that can start: every command names real code."""

import importlib
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def check_command(argv):
    program = argv[0]
    if program == "gunicorn":
        module, _, attribute = next(a for a in argv[1:] if ":" in a and not a.startswith("-")).partition(":")
        assert callable(getattr(importlib.import_module(module), attribute))
    elif program == "celery":
        app = argv[argv.index("-A") + 1]
        assert importlib.import_module(app).celery_app.main == "femi_portal"
        assert argv[argv.index("-A") + 2] in ("worker", "beat")
    elif program == "python":
        assert argv[1] == "manage.py" and (ROOT / "manage.py").exists()
        assert argv[2] in get_commands()
    else:
        pytest.fail(f"unknown program in command: {argv}")


@pytest.mark.parametrize("name", ["migrate", "web", "worker", "beat"])
def test_each_app_service_command_names_a_real_module(name):
    check_command(COMPOSE["services"][name]["command"])


def test_the_stack_has_postgres_redis_and_exactly_one_beat():
    services = COMPOSE["services"]
    assert {"db", "redis", "migrate", "web", "worker", "beat"} <= set(services)
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    for name in ("db", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name


def test_dockerfile_default_command_is_gunicorn_on_the_wsgi_app():
    line = next(line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD"))
    check_command(yaml.safe_load(line[3:].strip()))


def test_healthz_answers_without_a_known_host(client, db):
    response = client.get("/healthz", HTTP_HOST="container-internal:8000")
    assert response.status_code == 200 and response.content == b"ok"


def test_celery_beat_schedule_names_registered_tasks():
    from django.conf import settings

    from femi_portal.celery import app

    app.loader.import_default_modules()
    missing = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] not in app.tasks]
    assert not missing, f"beat schedules unknown tasks: {missing}"


