"""Settings, read from the environment by small typed helpers that fail loudly.

THREADLINE_DATABASE_URL chooses the database: ``sqlite:///path/to/db.sqlite3`` (the default,
embedded, WAL mode) or ``postgres://user@host:port/name``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def database_from_url(url: str) -> dict[str, object]:
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative/path or sqlite:////absolute/path, as dj-database-url reads them.
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": url[len("sqlite:///") :],
            # WAL lets the web server read while an ingest writes. SQLite's own page cache is
            # 2 MB unless told otherwise; a borough's chronology is hundreds of megabytes and a
            # child's page reads the adults' entries from all over it, so a larger cache and
            # memory-mapped reads keep those pages at hand.
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; "
                    "PRAGMA temp_store=MEMORY;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # A file rather than memory: in-memory SQLite shares one cache between connections
            # and fails at once where two workers (threads) write, instead of waiting its turn.
            "TEST": {
                "NAME": os.environ.get("THREADLINE_TEST_SQLITE_NAME")
                or str(PROJECT_DIR / "var" / "test-db.sqlite3")
            },
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parsed.path.lstrip("/") or "threadline",
            "USER": parsed.username or "postgres",
            "PASSWORD": parsed.password or "",
            "HOST": parsed.hostname or "127.0.0.1",
            "PORT": str(parsed.port or 5432),
            # Reuse connections between requests: opening one costs more than a page's queries.
            "CONN_MAX_AGE": int(os.environ.get("THREADLINE_CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
            "TEST": {"NAME": os.environ.get("THREADLINE_TEST_PG_NAME") or None},
        }
    raise ImproperlyConfigured(f"THREADLINE_DATABASE_URL has an unknown scheme: {url!r}")


DEBUG = env_bool("THREADLINE_DEBUG", True)
SECRET_KEY = env_str("THREADLINE_SECRET_KEY", "demo-only-secret-key-change-me-in-production")
if not DEBUG and SECRET_KEY.startswith("demo-only"):
    raise ImproperlyConfigured("THREADLINE_SECRET_KEY must be set when THREADLINE_DEBUG is off")
ALLOWED_HOSTS = env_str("THREADLINE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

DATABASES = {
    "default": database_from_url(
        env_str(
            "THREADLINE_DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'var' / 'threadline.sqlite3'}"
        )
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "threadline.agencies",
    "threadline.people",
    "threadline.matching",
    "threadline.casework",
    "threadline.chronology",
    "threadline.access",
    "threadline.feeds",
    "threadline.checks",
    "threadline.meetings",
    "threadline.stepdown",
    "threadline.assessments",
    "threadline.plans",
    "threadline.transfers",
    "threadline.sharing",
    "threadline.learning",
    "threadline.recommendations",
    "threadline.indicators",
    "threadline.network",
    "threadline.signin",
    "threadline.web",
    "threadline.demo",
    "threadline.bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "threadline.web.security.SecurityHeadersMiddleware",
    # Django's, with an idle timeout that does not write the session on every request, and the
    # request's audit entries and session change in one commit (see threadline.web.middleware).
    "threadline.web.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "threadline.signin.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]
# Lock-out first (django-axes refuses a locked account before the password is even checked).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "threadline.signin.backends.PractitionerBackend",
]
# Five wrong passwords for one username lock it for fifteen minutes, from wherever they came.
AXES_FAILURE_LIMIT = int(env_str("THREADLINE_SIGN_IN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(env_str("THREADLINE_LOCK_OUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username"]
# Not by address as well: a council's or a trust's staff share a handful of addresses, and one
# office's mistyped passwords would lock out everyone in it.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "signin/locked_out.html"
AXES_VERBOSE = False
# Every user proves a code from an authenticator app after their password (threadline.signin).
THREADLINE_TWO_FACTOR = env_bool("THREADLINE_TWO_FACTOR", True)
OTP_TOTP_ISSUER = "Threadline"

ROOT_URLCONF = "threadline.urls"
WSGI_APPLICATION = "threadline.wsgi.application"
AUTH_USER_MODEL = "agencies.Practitioner"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = PROJECT_DIR / "var" / "static"
THREADLINE_SIGNING_KEY_FILE = PROJECT_DIR / env_str("THREADLINE_KEY_FILE", "var/signing-key.pem")

# Signed out after 30 minutes without activity. Activity restarts the timeout, but the session is
# saved again at most once every SESSION_REFRESH_SECONDS (threadline.web.middleware), not on every
# request: so the timeout ends between 29 and 30 minutes after the last activity, never later.
SESSION_COOKIE_AGE = int(env_str("THREADLINE_SESSION_SECONDS", str(30 * 60)))
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# In production Threadline is served over TLS only: secure cookies, HTTPS redirects and HSTS,
# each overridable from the environment (behind a proxy that ends TLS, set
# THREADLINE_BEHIND_TLS_PROXY so Django trusts its X-Forwarded-Proto).
SESSION_COOKIE_SECURE = env_bool("THREADLINE_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("THREADLINE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(env_str("THREADLINE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env_bool("THREADLINE_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Argon2 for passwords; PBKDF2 still reads hashes made before.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

EMAIL_BACKEND = env_str(
    "THREADLINE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["threadline.feeds.auth.FeedTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Threadline agency feed API",
    "DESCRIPTION": "Agency systems send people, relationships, involvements, status episodes and "
    "chronology events to the shared record. The body is the JSON Lines feed format of "
    "docs/feed.schema.json.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("THREADLINE_LOG_LEVEL", "WARNING")},
}

# Matching people across feeds (threadline.matching). The model ships trained on synthetic
# feeds; `threadline link --train` re-estimates it from the record held and writes it here.
THREADLINE_MATCH_MODEL = PROJECT_DIR / env_str("THREADLINE_MATCH_MODEL", "var/match-model.json")
# Link automatically at or above the first match probability; review at or above the second.
THREADLINE_MATCH_THRESHOLDS = (
    float(env_str("THREADLINE_MATCH_LINK_AT", "0.99")),
    float(env_str("THREADLINE_MATCH_REVIEW_AT", "0.80")),
)
