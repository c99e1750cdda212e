"""The permission matrix (tests/security/matrix.py) against the real portal: every URL pattern × every role × GET
and POST. Also: a hidden object answers the same 404 page as a missing one, and no GET changes anything."""

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from .access import body_of, classify, fill, kwargs_for, normalized, request, url_patterns
from .matrix import ADMIN_EXCEPTIONS, ADMIN_ROLES, EXPECTED, ROLES
from .world import build_world, missing_kwargs

pytestmark = pytest.mark.django_db

PATTERNS = url_patterns()
SITE = [p for p in PATTERNS if not p.is_admin]
ADMIN = [p for p in PATTERNS if p.is_admin]


@pytest.fixture
def world(db):
    return build_world()


def sign_in(client, world, role):
    if world.users[role] is not None:
        client.force_login(world.users[role])


def test_every_url_pattern_has_a_line_in_the_matrix():
    unnamed = [p.route for p in SITE if p.name.endswith("<unnamed>")]
    assert not unnamed, f"URL patterns without a name (name them, then add them to the matrix): {unnamed}"
    missing = sorted({f"{p.name}  ({p.route})" for p in SITE if p.name not in EXPECTED})
    assert not missing, "URL patterns without a line in tests/security/matrix.py:\n  " + "\n  ".join(missing)
    stale = sorted(set(EXPECTED) - {p.name for p in SITE})
    assert not stale, f"matrix lines for URLs that no longer exist: {stale}"
    assert len(ADMIN) > 50, "the Django admin's patterns are part of the walk"


def snapshot():
    """Every row of every model (sessions aside): a change to any field of any row shows."""
    state = {}
    for model in apps.get_models():
        if model is Session or not model._meta.managed:
            continue
        state[model._meta.label] = sorted(map(repr, model._default_manager.order_by().values_list()))
    return state


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_matrix_says(client, world, role):
    sign_in(client, world, role)
    before = snapshot()
    wrong, writing_gets, bodies = [], [], []
    for pattern in SITE:
        if pattern.name not in EXPECTED:
            continue  # reported by test_every_url_pattern_has_a_line_in_the_matrix
        kwargs = kwargs_for(pattern, world)
        path = fill(pattern, kwargs)
        for method in ("GET", "POST"):
            response, writes = request(client, method, path, world=world, rollback=method == "POST")
            got, expected = classify(response), EXPECTED[pattern.name][method][role]
            if got != expected:
                wrong.append(f"{method} {path} ({pattern.name}) as {role}: {got}, the matrix says {expected}")
            if method == "GET" and writes:
                writing_gets.append(f"GET {path} as {role} wrote: {writes}")
            if got == "404" and set(kwargs) & {"pk", "attachment_id", "iso3", "year", "extension_id", "state_id"}:
                missing_path = fill(pattern, missing_kwargs(kwargs))
                missing, _ = request(client, method, missing_path, world=world)
                if missing.status_code != 404 or (normalized(body_of(response), path)
                                                  != normalized(body_of(missing), missing_path)):
                    bodies.append(f"{method} {path} ({pattern.name}) as {role}: its 404 differs from {missing_path}'s")
    assert not wrong, f"{len(wrong)} cells differ from tests/security/matrix.py:\n" + "\n".join(wrong)
    assert not bodies, "a hidden object must answer exactly like a missing one:\n" + "\n".join(bodies)
    assert not writing_gets, "GET requests must not change data:\n" + "\n".join(writing_gets)
    after = snapshot()
    changed = [label for label in before if before[label] != after[label]]
    assert not changed, f"the GETs of the matrix changed rows of {changed}"


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_django_admin_is_for_staff_only(client, world, role):
    """One rule for every admin pattern: non-staff are sent to the admin's sign-in; staff get past it."""
    sign_in(client, world, role)
    staff = role == "secretariat"
    wrong = []
    for pattern in ADMIN:
        path = fill(pattern, kwargs_for(pattern, world))
        for method in ("GET",) if staff else ("GET", "POST"):
            response, writes = request(client, method, path, world=world)
            got = classify(response)
            if (staff and (got == "A" or response.status_code >= 500)) or (
                    not staff and got != ADMIN_EXCEPTIONS.get(pattern.name, "A")):
                wrong.append(f"{method} {path} ({pattern.name}) as {role}: {got}")
            if method == "GET" and writes:
                wrong.append(f"GET {path} as {role} wrote: {writes}")
    assert not wrong, "\n".join(wrong)
