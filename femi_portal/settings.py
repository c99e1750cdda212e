"""FEMI Portal settings, read from the environment (django-environ).

Embedded default (no variables set): SQLite file, eager Celery, e-mail written as files under var/mail.
Production (DJANGO_ENV=production): SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL are required, HTTPS hardening
is on, and `manage.py check --deploy` passes with no warning.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"


def _required_in_production(name, dev_default):
    if PRODUCTION and name not in env.ENVIRON:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production.")
    return dev_default


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=_required_in_production("SECRET_KEY", "dev-only-key-not-for-production"))
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=_required_in_production("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "testserver"])
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_countries",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Our apps: shared infrastructure first, then reference data and accounts, then the domain.
    "core",
    "gcm",
    "accounts",
    "reviews",
    "practices",
    "pledges",
    "dialogues",
    "secretariat",
    "api",
    "search",
]

MIDDLEWARE = [
    "core.security.SecurityHeadersMiddleware",
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public pages for cookie-less visitors (core/page_cache.py): inside the HTTPS redirect, host check and
    # security headers above (added again on every hit), before the session, language, CSRF and user below.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SecretariatMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

# Strict CSP: no inline script or style anywhere (templates load static files only); see core/security.py.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
])
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

ROOT_URLCONF = "femi_portal.urls"
WSGI_APPLICATION = "femi_portal.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default=_required_in_production("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if PRODUCTION else 0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# django-allauth: e-mail login, mandatory verification, rate limits (on the shared cache), TOTP MFA.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[FEMI] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "FEMI Portal"
# Accounts that may use the secretariat console without MFA: the demo account only, never in production.
SECRETARIAT_MFA_EXEMPT_EMAILS = env.list(
    "SECRETARIAT_MFA_EXEMPT_EMAILS", default=[] if PRODUCTION else ["secretariat@demo.femi.example"]
)
if PRODUCTION and SECRETARIAT_MFA_EXEMPT_EMAILS:
    raise ImproperlyConfigured("SECRETARIAT_MFA_EXEMPT_EMAILS must be empty in production: MFA is mandatory.")

LANGUAGE_CODE = "en"
# The six UN official languages in UN order (the order of the language bar), each named in its own language.
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers per language (femi_portal/formats/): templates use named formats, such as "DATE_FORMAT".
FORMAT_MODULE_PATH = ["femi_portal.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
# Upload caps (bytes) used by core.uploads.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=25 * 1024 * 1024)
# Office documents (zip packages) may not expand past this when opened: refuses zip bombs.
UPLOAD_MAX_UNCOMPRESSED_BYTES = env.int("UPLOAD_MAX_UNCOMPRESSED_BYTES", default=200 * 1024 * 1024)

# E-mail: files under var/mail by default, so a newcomer can open what the portal sends.
EMAIL_DIR = VAR_DIR / "mail"
EMAIL_URL = env("EMAIL_URL", default=f"filemail://{EMAIL_DIR}")
vars().update(env.email_url_config(EMAIL_URL))
if EMAIL_URL.startswith("filemail:///"):
    # django-environ drops the leading "/" of an absolute folder, which then lands under the working directory.
    EMAIL_FILE_PATH = EMAIL_URL.removeprefix("filemail://")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="FEMI Portal <no-reply@femi.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Redis: Celery broker and the shared cache (rate limits). Without it tasks run eagerly in-process.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Eager tasks still build a producer; the in-memory transport keeps Celery from pointing it at localhost AMQP.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# visibility_timeout: seconds before Redis hands an unacknowledged task (its worker died) to another worker; longer
# than the longest task (a summary PDF), or a slow task would run twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 2, "interval_start": 0, "interval_step": 0.5,
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}
CELERY_BEAT_SCHEDULE = {
    "secretariat-daily-digest": {"task": "secretariat.send_daily_digest", "schedule": crontab(hour=7, minute=0)},
    "secretariat-stale-summaries": {"task": "secretariat.fail_stale_summaries", "schedule": timedelta(minutes=5)},
    "deliver-notifications": {"task": "core.deliver_pending_notifications", "schedule": timedelta(minutes=1)},
    "review-deadline-reminders": {
        "task": "reviews.send_deadline_reminders",
        "schedule": crontab(hour=6, minute=0),
    },
    "practice-reviewer-reminders": {
        "task": "practices.send_reviewer_reminders",
        "schedule": crontab(hour=6, minute=15),
    },
    "pledge-progress-requests": {
        "task": "pledges.request_progress_updates",
        "schedule": crontab(hour=6, minute=30),
    },
    "pledge-mark-inactive": {"task": "pledges.mark_inactive", "schedule": crontab(hour=6, minute=45)},
    "open-data-zip": {"task": "api.build_open_data", "schedule": crontab(hour=2, minute=30)},
    "compendium-parts": {"task": "secretariat.draw_compendium_parts", "schedule": crontab(hour=3, minute=0)},
    "dialogue-reminders": {"task": "dialogues.send_reminders", "schedule": timedelta(minutes=10)},
}

CACHE_URL = env("CACHE_URL", default=REDIS_URL)
CACHES = {
    "default": (
        {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            # Fail fast when Redis is down: pages degrade (see core/cache.py) instead of hanging.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Seconds public aggregates (facet counts, totals, dashboards), fragments and whole anonymous pages are cached;
# 0 in development and tests.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=120 if PRODUCTION else 0)
# The public pages kept whole for visitors who send no cookie (core/page_cache.py), by URL name: each depends on
# nothing of an anonymous request but its address (path, query string, host). A page that turns out to hold a
# CSRF token, set a cookie or write the session is still never stored.
ANONYMOUS_PAGE_CACHE_VIEWS = frozenset({
    "gcm:home", "gcm:objectives", "gcm:objective", "gcm:round_table",
    "practices:list", "practices:detail", "practices:feed", "practices:feed_atom",
    "pledges:list", "pledges:dashboard", "pledges:detail",
    "reviews:list", "reviews:detail",
    "dialogues:list", "dialogues:detail", "dialogues:consultations", "dialogues:consultation",
    "dialogues:contribution",
    "search:results", "opendata:index",
})
# Open-data API (api/): public, read-only, anonymous; rate-limited per address in the shared cache.
API_ANON_RATE = env("API_ANON_RATE", default="120/minute")
OPEN_DATA_KEEP = env.int("OPEN_DATA_KEEP", default=7)  # nightly ZIPs kept under MEDIA_ROOT/open-data/
OPEN_DATA_LICENCE_NAME = env("OPEN_DATA_LICENCE_NAME", default="Creative Commons Attribution 4.0 International")
OPEN_DATA_LICENCE_URL = env("OPEN_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["api.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StableCursorPagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ApiAnonRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.PublicApiSchema",
    # Behind the reverse proxy: how many proxies append to X-Forwarded-For, so the limit counts the client.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=None),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "FEMI Portal open data API",
    "DESCRIPTION": "Read-only access to everything the IMRF preparation portal publishes: reference data, "
    "published voluntary reviews, practices, pledges, dialogues and contributions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
MESSAGE_TAGS = {40: "danger"}

# Minutes a summary document may stay "running" before the periodic sweep marks it failed (its worker died).
# A round-table compilation larger than this many contributions is a summary document (drawn in the background),
# not a PDF drawn in the request (dialogues.views.CompilationPdfView).
COMPILATION_PDF_LIMIT = env.int("COMPILATION_PDF_LIMIT", default=1000)
SUMMARY_RUNNING_TIMEOUT = env.int("SUMMARY_RUNNING_TIMEOUT", default=30)
# Seconds after a review is published (or unpublished) before the compendium's changed parts are drawn ahead in
# every language, gathering the publications of that window into one run; 0 leaves it to the nightly run.
COMPENDIUM_DRAW_AHEAD_SECONDS = env.int("COMPENDIUM_DRAW_AHEAD_SECONDS", default=600)
# Processes that draw the parts of a long summary (the compendium) at once; 1 draws them one after the other.
SUMMARY_PDF_PROCESSES = env.int("SUMMARY_PDF_PROCESSES", default=len(os.sched_getaffinity(0)) if hasattr(
    os, "sched_getaffinity") else os.cpu_count() or 1)

# Outbox delivery: attempts before a notification is marked failed.
NOTIFICATION_MAX_ATTEMPTS = 6

PORTAL_NAME = _("FEMI Portal")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"harfbuzz_fallback": {"()": "core.logging.DropHarfBuzzFallback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["harfbuzz_fallback"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO" if PRODUCTION else "WARNING")},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True  # no script reads the token: forms carry it
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")
