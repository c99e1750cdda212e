import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret


@pytest.fixture
def staff_client(client, secretariat_user):
    """A client signed in as secretariat staff with TOTP set up (so the MFA guard lets it through)."""
    TOTP.activate(secretariat_user, generate_totp_secret())
    client.force_login(secretariat_user)
    return client
