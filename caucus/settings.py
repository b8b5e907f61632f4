"""Settings for Caucus, all read from the environment with safe defaults for the demo.

Every value a deployment changes is an environment variable (or ``NAME_FILE`` naming a file
that holds it, for secrets). Bad values are refused at start-up with the variable's name.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """The variable, or the contents of the file named by ``NAME_FILE``, or the default."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def envbool(name: str, default: str) -> bool:
    value = env(name, default).lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: str) -> int:
    value = env(name, default)
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def load_env_file(path: Path) -> None:
    """``NAME=value`` lines of ``path`` as defaults: the real environment always wins. `make
    run` writes the demo's (its own random SECRET_KEY, CAUCUS_DEMO=true) into the data folder,
    so `caucus otp-code team` and the other commands work there as the README writes them."""
    if not path.is_file():
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        if not sep or not name.strip().isidentifier():
            raise ValueError(f"{path}, line {number}: expected NAME=value")
        os.environ.setdefault(name.strip(), value.strip())


if not envbool("CAUCUS_TESTING", "false"):  # tests never read a developer's demo settings
    load_env_file(
        Path(
            os.environ.get("CAUCUS_ENV_FILE")
            or Path(os.environ.get("CAUCUS_DATA_DIR") or BASE_DIR / "var") / "caucus.env"
        )
    )


DEBUG = envbool("DEBUG", "false")
TESTING = envbool("CAUCUS_TESTING", "false")
DEMO = envbool("CAUCUS_DEMO", "false")
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING or DEMO):
        raise RuntimeError("SECRET_KEY must be set (or SECRET_KEY_FILE) outside the demo")
    SECRET_KEY = "caucus-demo-only-not-secret"  # noqa: S105 - demo and tests only

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    # Django's admin behind the staff sign-in and its second factor (caucus/accounts/admin_site.py).
    "caucus.accounts.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "caucus.accounts",
    "caucus.audit",
    "caucus.orgs",
    "caucus.members",
    "caucus.table",
    "caucus.updates",
    "caucus.sheets",
    "caucus.costing",
    "caucus.site",
    "caucus.votes",
    "caucus.delivery",
    "caucus.readiness",
    "caucus.commitments",
    "caucus.api",
    "caucus.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Member pages for visitors not signed in, from the page cache, before sessions and the rest.
    "caucus.site.cached_pages.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Django's LocaleMiddleware, with the member's roster language and English staff pages: it
    # needs the signed-in user, so it comes after authentication (caucus/site/languages.py).
    "caucus.site.languages.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "caucus.urls"
WSGI_APPLICATION = "caucus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "caucus" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "caucus.accounts.context_processors.roles",
            ],
        },
    }
]

DATA_DIR = Path(env("CAUCUS_DATA_DIR", str(BASE_DIR / "var")))
# Connections are kept (and checked before reuse): a new SQLite connection reads the whole
# schema before its first query, about 4 ms, more than a signed-in member's stored page costs.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'caucus.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker share the file without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # A database cache is shared by every process (web, worker), so rate limits hold.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "caucus_cache",
        }
    }

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
if REDIS_URL and TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    # django-rq's app: its `caucus rqworker` runs the tasks (docs/delivery.md, "Workers").
    INSTALLED_APPS.append("django_rq")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "table:home"
LOGOUT_REDIRECT_URL = "site:home"

LANGUAGE_CODE = "en"
# The member pages' languages (docs/languages.md), each named in itself for the switcher.
# Staff pages stay in English.
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh-hans", "简体中文"),
    ("tl", "Tagalog"),
    ("vi", "Tiếng Việt"),
]
LOCALE_PATHS = [BASE_DIR / "caucus" / "locale"]
# Dates and times by name (DATE_FORMAT, SHORT_DATE_FORMAT...), one set per language.
FORMAT_MODULE_PATH = "caucus.formats"
TIME_ZONE = env("TIME_ZONE", "America/Chicago")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# caucus/static is not inside an app, so the finders (and collectstatic) need to be told.
STATICFILES_DIRS = [BASE_DIR / "caucus" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(DATA_DIR / "media")))
if DEBUG or TESTING:
    _staticfiles_backend = "django.contrib.staticfiles.storage.StaticFilesStorage"
elif DEMO:
    # Hashed names from collectstatic's manifest, as in production, without compressing every
    # file again on each `make run` (seconds, for a server on loopback).
    _staticfiles_backend = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
else:
    _staticfiles_backend = "whitenoise.storage.CompressedManifestStaticFilesStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _staticfiles_backend},
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Who sends a stored file once its view has checked the right to it: Django itself, or the web
# server in front ("nginx": X-Accel-Redirect to CAUCUS_FILE_INTERNAL_URL, an internal location
# aliased to MEDIA_ROOT; docs/deployment.md).
CAUCUS_FILE_SENDER = env("CAUCUS_FILE_SENDER", "django")
if CAUCUS_FILE_SENDER not in ("django", "nginx"):
    raise ValueError(f"CAUCUS_FILE_SENDER must be django or nginx, not {CAUCUS_FILE_SENDER!r}")
CAUCUS_FILE_INTERNAL_URL = env("CAUCUS_FILE_INTERNAL_URL", "/_stored/")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = envint("EMAIL_PORT", "1025")
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "10")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Caucus <noreply@caucus.invalid>")

# Sessions are read from the cache (Redis, or the database cache's one plain query) and kept in
# the database too, so none is lost with the cache: a signed-in member's page is read first.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "false")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("SECURE_PROXY_SSL", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    # Caucus runs on a host name of its own (caucus.example.org), so HTTPS for its sub-hosts
    # costs nothing; a deployment on a domain's apex turns this off.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true")
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")
# Browsers' HSTS preload list binds the whole registrable domain for months: its owner opts in
# (SECURE_HSTS_PRELOAD=true), so `check --deploy` need not nag every deployment about it.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Caucus")
# The admin never shows authenticator secrets (caucus/accounts/admin.py removes them too).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Staff pages need a verified second factor. Only the demo may turn this off, never production.
CAUCUS_REQUIRE_2FA = envbool("CAUCUS_REQUIRE_2FA", "true")

RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "caucus.accounts.views.ratelimited"
# Logins: attempts per account (named by user name or e-mail) and per address before a pause.
CAUCUS_LOGIN_RATE = env("CAUCUS_LOGIN_RATE", "5/m")
CAUCUS_REPORT_RATE = env("CAUCUS_REPORT_RATE", "10/h")
CAUCUS_MAGIC_LINK_MINUTES = envint("CAUCUS_MAGIC_LINK_MINUTES", "30")

# E-mail domains that belong to the employer: a member's address there is flagged on import.
CAUCUS_EMPLOYER_EMAIL_DOMAINS = envlist("CAUCUS_EMPLOYER_EMAIL_DOMAINS", "")

# Uploads: the largest roster file (CSV or XLSX) taken, and the most an Office file (XLSX, DOCX)
# may unpack to; a larger file is refused at the form, before anything parses it.
CAUCUS_MAX_UPLOAD_MB = envint("CAUCUS_MAX_UPLOAD_MB", "25")
CAUCUS_MAX_UNPACKED_MB = envint("CAUCUS_MAX_UNPACKED_MB", "100")
if CAUCUS_MAX_UPLOAD_MB < 1 or CAUCUS_MAX_UNPACKED_MB < 1:
    raise ValueError("CAUCUS_MAX_UPLOAD_MB and CAUCUS_MAX_UNPACKED_MB must be at least 1")
# A roster import that would mark more than this percentage of a union's members as no longer
# on the roster waits for someone to type the count (0: ask before any member is dropped).
CAUCUS_ROSTER_DROP_CONFIRM_SHARE = envint("CAUCUS_ROSTER_DROP_CONFIRM_SHARE", "10")
if not 0 <= CAUCUS_ROSTER_DROP_CONFIRM_SHARE <= 100:
    raise ValueError("CAUCUS_ROSTER_DROP_CONFIRM_SHARE is a percentage, from 0 to 100")

# Delivery (caucus.delivery, docs/delivery.md): how many rows a worker claims at a time, how
# long a claim lasts before another worker may take the rows of a worker presumed dead, how
# many chains of send tasks run side by side (one per worker you run), retries and the pause.
CAUCUS_DELIVERY_BATCH = envint("CAUCUS_DELIVERY_BATCH", "200")
CAUCUS_DELIVERY_LEASE_SECONDS = envint("CAUCUS_DELIVERY_LEASE_SECONDS", "120")
CAUCUS_DELIVERY_PARALLEL = envint("CAUCUS_DELIVERY_PARALLEL", "1")
CAUCUS_DELIVERY_MAX_ATTEMPTS = envint("CAUCUS_DELIVERY_MAX_ATTEMPTS", "5")
CAUCUS_DELIVERY_RETRY_SECONDS = envint("CAUCUS_DELIVERY_RETRY_SECONDS", "60")
# A send pauses itself when this many of its messages failed and they are at least
# CAUCUS_DELIVERY_PAUSE_SHARE percent of those tried (a bad relay, not a few bad addresses).
CAUCUS_DELIVERY_PAUSE_FAILURES = envint("CAUCUS_DELIVERY_PAUSE_FAILURES", "20")
CAUCUS_DELIVERY_PAUSE_SHARE = envint("CAUCUS_DELIVERY_PAUSE_SHARE", "50")
CAUCUS_DELIVERY_FROM = env("CAUCUS_DELIVERY_FROM", DEFAULT_FROM_EMAIL)
# The right-hand side of each message's stable Message-ID, and where replies and DSNs go.
CAUCUS_DELIVERY_MESSAGE_ID_DOMAIN = env(
    "CAUCUS_DELIVERY_MESSAGE_ID_DOMAIN", SITE_URL.split("//")[-1].split(":")[0].split("/")[0]
)
CAUCUS_DELIVERY_RETURN_PATH = env("CAUCUS_DELIVERY_RETURN_PATH", "")
# A sheet PDF or document larger than this is linked from the e-mail rather than attached.
CAUCUS_DELIVERY_ATTACH_MAX_KB = envint("CAUCUS_DELIVERY_ATTACH_MAX_KB", "1024")
# Member pages from the page cache: how often a web process asks whether anything was
# published or edited since it stored its pages (0: on every request, as the tests do).
CAUCUS_PAGE_CACHE_CHECK_SECONDS = envint("CAUCUS_PAGE_CACHE_CHECK_SECONDS", "0" if TESTING else "1")
# Texts: the provider (console sink by default; "caucus.delivery.sms.TwilioBackend" with the
# TWILIO_* variables), and the price of one segment, for the estimate before sending.
CAUCUS_SMS_BACKEND = env("CAUCUS_SMS_BACKEND", "caucus.delivery.sms.ConsoleBackend")
CAUCUS_SMS_SEGMENT_COST = env("CAUCUS_SMS_SEGMENT_COST", "0.0083")
CAUCUS_SMS_CURRENCY = env("CAUCUS_SMS_CURRENCY", "USD")
TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN")
TWILIO_FROM = env("TWILIO_FROM")
TWILIO_MESSAGING_SERVICE_SID = env("TWILIO_MESSAGING_SERVICE_SID")
# Bounce and complaint webhooks (django-anymail): a shared secret in the webhook URL's basic
# auth, and each provider's own signing key where it signs its posts.
ANYMAIL = {
    key: value
    for key, value in {
        "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET"),
        "MAILGUN_WEBHOOK_SIGNING_KEY": env("MAILGUN_WEBHOOK_SIGNING_KEY"),
        "POSTMARK_SERVER_TOKEN": env("POSTMARK_SERVER_TOKEN"),
    }.items()
    if value
}

# Votes (caucus.votes, docs/votes.md). Voting credentials are stored as HMAC-SHA256 under this
# key, kept outside the database (empty: derived from SECRET_KEY, so rotating that voids them).
CAUCUS_VOTE_CREDENTIAL_KEY = env("CAUCUS_VOTE_CREDENTIAL_KEY")
# Wrong voting codes a member's address may try before a pause.
CAUCUS_VOTE_CODE_RATE = env("CAUCUS_VOTE_CODE_RATE", "10/m")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint narrates every PDF it makes at INFO ("Step 2 - Fetching and parsing CSS").
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The demo's own pages (the mailbox of every message the demo sent), for `make run` only.
CAUCUS_DEMO_MAILBOX = DATA_DIR / "mailbox" if DEMO else None
