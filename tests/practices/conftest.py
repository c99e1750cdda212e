import pytest

from accounts.models import ReviewerKind
from practices.enums import PracticeStatus
from tests.practices.factories import PracticeFactory, reviewer


@pytest.fixture
def submitted_practice(db):
    return PracticeFactory(status=PracticeStatus.SUBMITTED)


@pytest.fixture
def internal_reviewer(db):
    return reviewer(ReviewerKind.INTERNAL, user__full_name="Ingrid Internal")


@pytest.fixture
def external_reviewer(db):
    return reviewer(ReviewerKind.EXTERNAL, user__full_name="Xavier External")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Factories create many users: a fast hasher keeps these tests quick (sign-in is tested elsewhere)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
