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


@pytest.fixture(autouse=True)
def _staff_mfa_exempt(settings):
    """The test secretariat account uses the practice screens without setting up an authenticator."""
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]
