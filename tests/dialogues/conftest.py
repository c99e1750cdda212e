import pytest


@pytest.fixture
def secretariat_user(secretariat_user, settings):
    """Secretariat staff, exempted from the MFA set-up that the /secretariat/ paths otherwise demand first."""
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = [secretariat_user.email]
    return secretariat_user
