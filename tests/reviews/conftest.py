import pytest

from tests.factories import FocalPointFactory, member_state


@pytest.fixture(autouse=True)
def _secretariat_without_mfa_in_tests(settings):
    """The test secretariat account may use the MFA-guarded pages (MFA itself is tested in accounts)."""
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]


@pytest.fixture
def mexico_focal_point(db):
    return FocalPointFactory(member_state=member_state("MEX")).user
