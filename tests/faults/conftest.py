"""Fault tests: outages, killed workers, races and backups. Most need the PostgreSQL/Redis pass of CI."""

import pytest
from django.db import connection


@pytest.fixture
def postgres(transactional_db):
    """Skip on SQLite: row locks, concurrent connections and pg_dump need PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): the PostgreSQL/Redis pass of CI runs this test")


@pytest.fixture
def broker(settings):
    """Skip without a real broker: these tests talk to Redis through Celery."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs CELERY_BROKER_URL (Redis): the PostgreSQL/Redis pass of CI runs this test")
    return settings.CELERY_BROKER_URL
