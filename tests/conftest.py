"""Shared fixtures. Reference data (objectives, States, cycles) comes from the data migrations."""

import functools
import os
import shutil
from pathlib import Path

import pytest
from django.core import mail

from tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    OrganizationFactory,
    SecretariatFactory,
    UserFactory,
)

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Uploads and generated files go to a temporary folder, e-mail to memory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
    # The shared staff account (`secretariat_user`) may work without TOTP; MFA has its own tests.
    settings.SECRETARIAT_MFA_EXEMPT_EMAILS = ["staff@un.example"]
    mail.outbox = []


@pytest.fixture(autouse=True)
def _celery_eager_unless_worker_test(request):
    """Tasks run in-process, except in tests marked `worker`, which start a real worker on the real broker."""
    from femi_portal.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = "worker" not in request.keywords
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English: a request in another language must not leak into the next test."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and stashes never leak between tests (also on the shared Redis cache)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def secretariat_user(db):
    return SecretariatFactory(email="staff@un.example")


@pytest.fixture
def organization(db):
    return OrganizationFactory()


@pytest.fixture
def org_member(db, organization):
    return MembershipFactory(organization=organization).user


@pytest.fixture
def focal_point(db):
    """A focal point of Colombia."""
    return FocalPointFactory().user


# --- Browser tests (Playwright driving Debian's Chromium; never a downloaded browser) ---------------------------

@pytest.fixture(scope="session")
def _browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium package.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests need it.")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(_browser, live_server, settings, reference_data):
    """A fresh browser page; `page.base_url` is the live server's address."""
    settings.ALLOWED_HOSTS = ["*"]
    context = _browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def browser_login(page, email, password="correct-horse-battery-9", language="en"):
    """Sign in through the real allauth form."""
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form[action*='login'] button[type=submit]")
    page.wait_for_load_state()


AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@functools.cache
def _axe_source():
    if not AXE_SCRIPT.exists():
        message = f"{AXE_SCRIPT} is missing: run `npm ci` (axe-core is pinned in package.json)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE_SCRIPT.read_text(encoding="utf-8")


def assert_accessible(page):
    """axe-core from the project's npm packages (node_modules/axe-core, injected through the browser's devtools
    protocol, so the strict CSP stays on): no serious or critical violation."""
    page.evaluate(_axe_source())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})" for v in bad)


def load_reference_data():
    """Reload what the data migrations create; transactional tests flush it."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.contrib.sites.models import Site

    from gcm.loading import load
    from gcm.models import MemberState

    if not MemberState.objects.exists():
        load(apps)
    Group.objects.get_or_create(name="secretariat")
    Site.objects.update_or_create(pk=1, defaults={"domain": "testserver", "name": "FEMI Portal"})


@pytest.fixture
def reference_data(transactional_db):
    load_reference_data()
