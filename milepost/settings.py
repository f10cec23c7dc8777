"""Milepost settings: one file, driven by environment variables (see .env.example)."""

import importlib.util
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default).strip().lower()
    if value not in {"true", "false", "1", "0", "yes", "no"}:
        raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")
    return value in {"true", "1", "yes"}


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envaddresses(name: str) -> list[str]:
    """Comma-separated IP addresses or networks (``10.0.0.5, 10.1.0.0/16``), checked."""
    import ipaddress

    found = [a.strip() for a in os.getenv(name, "").split(",") if a.strip()]
    for address in found:
        try:
            ipaddress.ip_network(address, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks, not {address!r}"
            ) from None
    return found


def default_data_dir() -> Path:
    # The user's data directory, as XDG says; MILEPOST_DATA_DIR overrides it.
    xdg = os.getenv("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "milepost"


DATA_DIR = Path(os.getenv("MILEPOST_DATA_DIR") or default_data_dir())

DEBUG = envbool("MILEPOST_DEBUG", "false")
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.getenv("MILEPOST_REQUIRE_SECRET_KEY"):
        raise ImproperlyConfigured("Set SECRET_KEY in production.")
    # A laptop install gets a key of its own, kept in the data directory, never in the repo.
    from milepost.secret import local_secret_key

    SECRET_KEY = local_secret_key(DATA_DIR)

ALLOWED_HOSTS = [h.strip() for h in os.getenv("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000")
# Without SITE_URL, links in what a request serves (the calendar feed) use the request's host.
SITE_URL_FROM_REQUEST = not os.getenv("SITE_URL")

INSTALLED_APPS = [
    "milepost.accounts",  # first: its createsuperuser (which adds the profile) wins over auth's
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "milepost",  # base templates, static files and the commands serve and demo
    "milepost.reflection",
    "milepost.goals",
    "milepost.paper",
    "milepost.calculator",
    "milepost.runs",
    "milepost.nudges",
    "milepost.rounds",
    "milepost.dashboard",
    "milepost.coaching",
    "milepost.portability",
    # Last, so that our db_worker (milepost/management/commands/) wins over its own.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "milepost.accounts.middleware.SecurityHeadersMiddleware",  # CSP and Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "milepost.accounts.middleware.TimezoneMiddleware",
    "milepost.accounts.middleware.PrivateNoStoreMiddleware",
]

# django-ninja's own Swagger page and files, so that the API docs load nothing from a CDN. Its
# folders are listed here rather than "ninja" in INSTALLED_APPS: an installed app is imported
# at start-up, and ninja (with pydantic) costs every command about 0.1 s that only the API needs.
NINJA_DIR = Path(importlib.util.find_spec("ninja").origin).parent

ROOT_URLCONF = "milepost.urls"
WSGI_APPLICATION = "milepost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "milepost.accounts.context_processors.profile",
                "milepost.reflection.context_processors.rest_banner",
                "milepost.nudges.context_processors.demo_banner",
            ],
        },
    }
]


def database_config() -> dict:
    url = os.getenv("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=envint("DB_CONN_MAX_AGE", "60"))
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.getenv("MILEPOST_SQLITE_PATH") or str(DATA_DIR / "milepost.sqlite3"),
        # WAL lets the task worker write while the web process reads.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["milepost.accounts.backends.ProfileBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "milepost.accounts.passwords.NotOnlySpacesValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"
# Failed logins within LOGIN_LOCKOUT_MINUTES (milepost/accounts/models.py, LoginFailure):
# per account from one client address; per client address over all accounts; per account from
# all addresses, after which an address that has failed on it waits (others still sign in).
LOGIN_MAX_FAILURES = envint("LOGIN_MAX_FAILURES", "5")
LOGIN_ADDRESS_MAX_FAILURES = envint("LOGIN_ADDRESS_MAX_FAILURES", "20")
LOGIN_ACCOUNT_MAX_FAILURES = envint("LOGIN_ACCOUNT_MAX_FAILURES", "50")
LOGIN_LOCKOUT_MINUTES = envint("LOGIN_LOCKOUT_MINUTES", "15")
# Sign-ups tried from one client address within the window (SignupAttempt); then it waits.
SIGNUP_MAX_PER_ADDRESS = envint("SIGNUP_MAX_PER_ADDRESS", "10")
SIGNUP_WINDOW_MINUTES = envint("SIGNUP_WINDOW_MINUTES", "60")
# Password-reset requests from one client address within the window (PasswordResetAttempt).
PASSWORD_RESET_MAX_PER_ADDRESS = envint("PASSWORD_RESET_MAX_PER_ADDRESS", "5")
PASSWORD_RESET_WINDOW_MINUTES = envint("PASSWORD_RESET_WINDOW_MINUTES", "60")
# How long a password-reset link works (Django's own setting, in seconds): one hour.
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", "3600")
# How long a link confirming an e-mail address works, and how soon another may be sent.
VERIFY_EMAIL_DAYS = envint("VERIFY_EMAIL_DAYS", "3")
VERIFY_RESEND_MINUTES = envint("VERIFY_RESEND_MINUTES", "5")
# Requests a minute from one client address, not signed in, to a page costly to make (the
# blank worksheet PDF; milepost/web.py, throttle_anonymous); then a plain 429 for the minute.
ANONYMOUS_HEAVY_PER_MINUTE = envint("MILEPOST_ANONYMOUS_HEAVY_PER_MINUTE", "30")
# Read by milepost/reflection/theme_model.py (pure, so from the environment); checked here.
THEME_MODEL = envbool("MILEPOST_THEME_MODEL", "true")
# The reverse proxies whose X-Forwarded-For names the client (milepost/web.py, client_address).
MILEPOST_TRUSTED_PROXIES = envaddresses("MILEPOST_TRUSTED_PROXIES")

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT") or DATA_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing one
STATICFILES_DIRS = [NINJA_DIR / "static"]  # its files are under ninja/ there
# milepost/static is found as the "milepost" app's, like each app's own static files.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Milepost <milepost@localhost>")

# Each process keeps the pages it rendered (milepost/accounts/pagecache.py): the keys carry a
# version that changes with the runner's data, so a per-process cache is never stale. Off while
# MILEPOST_DEBUG is on, so a template being edited shows at once. Bounded by bytes as well as
# by entries (milepost/accounts/memorycache.py), least recently used first out.
CACHES = {
    "default": {
        "BACKEND": "milepost.accounts.memorycache.BoundedMemoryCache",
        "OPTIONS": {
            "MAX_ENTRIES": envint("MILEPOST_PAGE_CACHE_ENTRIES", "2000"),
            "MAX_BYTES": envint("MILEPOST_PAGE_CACHE_MB", "64") * 1024 * 1024,
        },
    },
    # Behind each process's own: the pages one web process rendered, for the others on this
    # machine (a file each in the private data directory, so a page is rendered once, not once
    # per process), bounded by entries and by bytes on disk.
    "pages": {
        "BACKEND": "milepost.accounts.memorycache.BoundedFileCache",
        "LOCATION": str(DATA_DIR / "pagecache"),
        "OPTIONS": {
            "MAX_ENTRIES": envint("MILEPOST_SHARED_PAGE_CACHE_ENTRIES", "3000"),
            "MAX_BYTES": envint("MILEPOST_SHARED_PAGE_CACHE_MB", "256") * 1024 * 1024,
        },
    },
}
PAGE_CACHE = envbool("MILEPOST_PAGE_CACHE", "false" if DEBUG else "true")

TASKS = {"default": {"BACKEND": os.getenv("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# The product's own knobs.
MAX_ACTIVE_GOALS = envint("MILEPOST_MAX_ACTIVE_GOALS", "3")
DEFAULT_REST_DAYS = envint("MILEPOST_DEFAULT_REST_DAYS", "3")

# Run imports: upload size, archive limits and the processes that read files (.env.example).
MAX_UPLOAD_MB = envint("MILEPOST_MAX_UPLOAD_MB", "2048")
DATA_UPLOAD_MAX_NUMBER_FILES = envint("MILEPOST_MAX_UPLOAD_FILES", "5000")
IMPORT_MAX_FILE_MB = envint("MILEPOST_IMPORT_MAX_FILE_MB", "64")
IMPORT_MAX_UNPACKED_MB = envint("MILEPOST_IMPORT_MAX_UNPACKED_MB", "8192")
IMPORT_MAX_FILES = envint("MILEPOST_IMPORT_MAX_FILES", "100000")
IMPORT_PROCESSES = envint("MILEPOST_IMPORT_PROCESSES", "2")
# A running import not heard from for this long was interrupted: its page offers to resume it.
IMPORT_STALE_MINUTES = envint("MILEPOST_IMPORT_STALE_MINUTES", "10")
if min(MAX_UPLOAD_MB, DATA_UPLOAD_MAX_NUMBER_FILES, IMPORT_MAX_FILE_MB, IMPORT_PROCESSES) < 1:
    raise ImproperlyConfigured("Upload and import limits must be 1 or more.")
# Large uploads are spooled in the private data directory, not in the shared /tmp.
FILE_UPLOAD_TEMP_DIR = DATA_DIR / "tmp"
# A Milepost export given to the importer (`milepost import`, the import page) is restored by
# this function: it knows every app, so it lives above the runs app that calls it.
IMPORT_EXPORT_RESTORER = "milepost.portability.restoring.import_entries"
# Finished exports are kept this many days for their download link.
EXPORT_KEEP_DAYS = envint("MILEPOST_EXPORT_KEEP_DAYS", "7")
FILE_UPLOAD_TEMP_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A sign-in lasts 3 days (Django's default is 14), then the runner signs in again.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(3 * 24 * 60 * 60))
if envbool("MILEPOST_HTTPS", "false"):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Asking browsers to hard-code HTTPS for the whole domain is hard to undo: opt in.
    SECURE_HSTS_PRELOAD = envbool("MILEPOST_HSTS_PRELOAD", "false")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "preload is not set": by choice
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in os.getenv("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}
