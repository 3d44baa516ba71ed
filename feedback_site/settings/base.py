"""Settings shared by every environment. Everything that differs comes from the environment."""

import base64
import hashlib
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "insecure-local-development-key-change-me")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Our apps, lowest layer first (docs/architecture.md).
    "core",
    "cms",
    "surveys",
    "themes",
    "coproduction",
    "insights",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "import_export",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.site_memo.SiteSettingsMemoMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.MfaRequiredMiddleware",
    "core.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "feedback_site.urls"
WSGI_APPLICATION = "feedback_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_context",
                "core.context_processors.kiosk_mode",
            ],
        },
    },
]
# Every Django form renders through GOV.UK Frontend templates (templates/components/forms/).
FORM_RENDERER = "core.forms.GovUKFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any query it costs highly, which the dashboard's counts over a
    # few thousand rows are: compiling took 170 ms of a 430 ms query at 1,000,000 responses,
    # and no query here runs long enough to win it back.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            # Django's, with one Redis client a pool and incr in one round trip (core.cache).
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": CACHE_URL,
            # Sites (or a load test) sharing one Redis keep apart.
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", ""),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts: sign in by email, invitations only (no public sign-up), MFA for staff.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
ACCOUNT_ADAPTER = "core.accounts.InvitationOnlyAccountAdapter"
MFA_ADAPTER = "core.accounts.EncryptedSecretsMFAAdapter"
# Fernet keys for MFA secrets at rest, newest first (comma-separated; `core.secrets`). Outside
# production a key is derived from SECRET_KEY so `make run` and the tests need nothing set.
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS", "") or [
    base64.urlsafe_b64encode(hashlib.sha256(f"mfa:{SECRET_KEY}".encode()).digest()).decode()
]
# Fernet keys for backup files (`backup_export`), the same way.
BACKUP_ENCRYPTION_KEYS = env_list("BACKUP_ENCRYPTION_KEYS", "") or [
    base64.urlsafe_b64encode(hashlib.sha256(f"backup:{SECRET_KEY}".encode()).digest()).decode()
]
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("SITE_NAME", "How Did We Do")
ACCOUNT_FORMS = {
    "login": "core.accounts.LoginForm",
    "reset_password": "core.accounts.ResetPasswordForm",
    "reset_password_from_key": "core.accounts.ResetPasswordKeyForm",
    "change_password": "core.accounts.ChangePasswordForm",
    "reauthenticate": "core.accounts.ReauthenticateForm",
}
MFA_FORMS = {
    "activate_totp": "core.accounts.ActivateTOTPForm",
    "authenticate": "core.accounts.AuthenticateForm",
}
# The Wagtail admin signs in through allauth, so login throttling and MFA apply there too.
WAGTAILADMIN_LOGIN_URL = "account_login"
# Pages restricted to signed-in people send them to the same sign-in, never Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Passwords are reset and changed through allauth only (throttled, and MFA still applies).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
LOGIN_REDIRECT_URL = "/admin/"
# Where people without the staff admin (board members) land after signing in.
MEMBER_HOME_URL = "coproduction:board-list"
LOGIN_URL = "account_login"
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(60 * 60 * 8)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("pl", _("Polish")),
    ("ur", _("Urdu")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# Localised formats are always on (Django 5 dropped USE_L10N); ours fill the gaps in Django's.
FORMAT_MODULE_PATH = ["feedback_site.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static_build",
    BASE_DIR / "static_src" / "static",
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
]
# Files browsers ask for at the site's root, whatever the page says (/favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "static_src" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / env("MEDIA_DIR", "media")

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "feedback@council.example")

WAGTAIL_SITE_NAME = env("SITE_NAME", "Adult Social Care: How Did We Do")
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents go through Wagtail's view (never straight from media), so meeting papers are checked.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

SILENCED_SYSTEM_CHECKS = []

# Security headers that are safe in every environment; production adds HSTS and secure cookies.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
# The admin's CSP (core.middleware) as report-only: browsers report violations, block nothing.
ADMIN_CSP_REPORT_ONLY = env_bool("ADMIN_CSP_REPORT_ONLY", False)
# No Gravatar in the admin: it would tell gravatar.com who is signed in (a hash of their email)
# and need an outside image host in the admin's CSP. Staff get Wagtail's default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Request logs would otherwise carry query strings; the access log comes from the proxy.
        "django.server": {"level": "WARNING"},
    },
}

# How Did We Do: (submissions, seconds) per client before "please try again later".
# Generous, because a day centre's tablet or a care home shares one address.
# Load balancers and proxies in front of the app, as CIDRs ("10.0.0.0/8,192.168.1.5"): rate
# limits (surveys and sign-in) read the client from X-Forwarded-For only past these.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
SURVEY_RATE_LIMIT = (int(env("SURVEY_RATE_LIMIT", "30")), 600)
# Receipt lookups, receipt pages and withdrawals per client per 10 minutes.
RECEIPT_RATE_LIMIT = (int(env("RECEIPT_RATE_LIMIT", "20")), 600)
# How staff screens show comments to people without the unredacted-text permission.

# Themes engine. Safeguarding flags must get an outcome within this many hours.
# A flag is due by the end of the day this many days after the day it was raised (whole days: a
# time of day would tie it to the moment the response was sent).
SAFEGUARDING_RESPONSE_DAYS = int(env("SAFEGUARDING_RESPONSE_DAYS", "1"))
# A queued tagging run looks for waiting responses once more this long after it finds none:
# for a response that saw the run queued just before a worker started it (themes.services).
TAGGING_GRACE_SECONDS = float(env("TAGGING_GRACE_SECONDS", "2"))

# Retention (UK GDPR storage limitation), applied daily by `manage.py apply_retention`.
# See surveys/retention.py and docs/privacy/dpia.md. The privacy notice states these periods.
RETENTION_FREE_TEXT_MONTHS = int(env("RETENTION_FREE_TEXT_MONTHS", "24"))
# True: old comments keep only their redacted form (the themes engine redacts). False: removed.
RETENTION_FREE_TEXT_REDACT = env_bool("RETENTION_FREE_TEXT_REDACT", True)
RETENTION_CONTACT_DAYS_AFTER_CLOSE = int(env("RETENTION_CONTACT_DAYS_AFTER_CLOSE", "30"))
RETENTION_OPEN_CONTACT_MONTHS = int(env("RETENTION_OPEN_CONTACT_MONTHS", "12"))
# Finished exports' files (which may hold quotes) are deleted this long after they were made.
RETENTION_EXPORT_DAYS = int(env("RETENTION_EXPORT_DAYS", "7"))
# Unset: anonymous answers are kept for trend reporting. A number: whole responses deleted after it.
RETENTION_RESPONSE_YEARS = int(env("RETENTION_RESPONSE_YEARS", "0")) or None
# A closed receipt (the hash of a taken-back or deleted feedback's code) is forgotten after this.
RETENTION_CLOSED_RECEIPT_MONTHS = int(env("RETENTION_CLOSED_RECEIPT_MONTHS", "24"))
# The model learned from staff reviews lives in the database (themes.ThemeModelVersion); an old
# THEMES_MODEL_PATH pickle is ignored (docs/decisions/0013-learned-model-in-the-database.md).
# Staff imports: a checked file waits in this storage (an alias in STORAGES, shared by every app
# server) between the preview and the confirm; it is deleted on import or after this many minutes.
IMPORT_PENDING_STORAGE = "default"
IMPORT_PENDING_MINUTES = int(env("IMPORT_PENDING_MINUTES", "60"))
# How many synthetic responses `seed_demo` spreads over 18 months (the tests use fewer).
DEMO_RESPONSES = int(env("DEMO_RESPONSES", "360"))
