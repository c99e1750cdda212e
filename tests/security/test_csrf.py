"""Every URL that accepts a POST (per the permission matrix) refuses one without a CSRF token, and runs nothing."""

import pytest
from django.test import Client

from .access import fill, kwargs_for, request, url_patterns
from .matrix import EXPECTED, ROLES
from .world import build_world

pytestmark = pytest.mark.django_db

ACCEPTS = {"200", "302"}  # the view ran on an empty POST: a form shown again, or a service run (or refused)


def post_targets():
    """(pattern, role): each URL that takes a POST (not 405 for every role), with the role to send it as."""
    targets = []
    for pattern in url_patterns():
        row = EXPECTED.get(pattern.name)
        if pattern.is_admin or row is None:
            continue
        if all(code == "405" for code in row["POST"].values()):
            continue
        # The first role the view lets through; for a POST every role is refused (e.g. retrying a summary that
        # did not fail), the secretariat: the CSRF check must come first anyway.
        role = next((r for r in ROLES if row["POST"][r] in ACCEPTS), "secretariat")
        targets.append((pattern, role))
    return targets


def test_the_csrf_test_covers_the_state_changing_views():
    names = {pattern.name for pattern, _ in post_targets()}
    assert {"practices:create", "practices:withdraw", "pledges:decide", "reviews:submit", "dialogues:register",
            "secretariat:focal_point_remove", "accounts:membership_approve", "account_login"} <= names
    assert len(names) > 80


def test_every_post_without_a_csrf_token_is_refused():
    world = build_world()
    clients = {}
    accepted = []
    for pattern, role in post_targets():
        client = clients.get(role)
        if client is None:
            client = clients[role] = Client(enforce_csrf_checks=True)
            if world.users[role] is not None:
                client.force_login(world.users[role])
        path = fill(pattern, kwargs_for(pattern, world))
        response, writes = request(client, "POST", path, world=world)
        if response.status_code != 403 or writes:
            accepted.append(f"POST {path} ({pattern.name}) as {role}: {response.status_code}, wrote {writes}")
    assert not accepted, "POSTs without a CSRF token must answer 403 and change nothing:\n" + "\n".join(accepted)
