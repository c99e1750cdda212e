"""Production mode: refuses to start without its secrets, and passes `check --deploy` with no warning."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k3y-" + "x7Gq2pLm9Zr4Tt8Vw1Yb6Nc5Hd0Jf3Ks" * 2,
    "ALLOWED_HOSTS": "femi.example.org",
    "DATABASE_URL": "sqlite:////tmp/femi-deploy-check.sqlite3",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items()
             if k not in PRODUCTION_ENV and k not in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True,
        timeout=120,
    )


def test_production_check_deploy_has_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set when DJANGO_ENV=production" in result.stderr


def test_production_refuses_an_mfa_exemption():
    result = manage("check", env={**PRODUCTION_ENV, "SECRETARIAT_MFA_EXEMPT_EMAILS": "someone@un.org"})
    assert result.returncode != 0
    assert "MFA is mandatory" in result.stderr


def test_embedded_default_uses_sqlite_eager_celery_and_file_mail(settings):
    from django.conf import settings as live

    assert live.DATABASES["default"]["ENGINE"].endswith(("sqlite3", "postgresql"))
    if not os.environ.get("CELERY_BROKER_URL") and not os.environ.get("REDIS_URL"):
        assert live.CELERY_TASK_ALWAYS_EAGER is True
    if not os.environ.get("EMAIL_URL"):
        # pytest-django swaps the backend for locmem; the configured folder is still the documented one.
        assert Path(live.EMAIL_FILE_PATH) == ROOT / "var" / "mail"


def test_an_absolute_mail_folder_stays_absolute(tmp_path):
    result = manage("shell", "-c", "from django.conf import settings; print(settings.EMAIL_FILE_PATH)",
                    env={"EMAIL_URL": f"filemail://{tmp_path}"})
    assert result.stdout.strip().splitlines()[-1] == str(tmp_path), result.stderr
