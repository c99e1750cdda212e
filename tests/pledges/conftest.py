import pytest


@pytest.fixture(autouse=True)
def _secretariat_without_mfa(settings):
    """The test secretariat account may moderate without an authenticator (MFA has its own tests)."""
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]
