"""The one settings module. Everything a deployment changes comes from the environment.

FOURSIGHT_ENV picks the posture:
* ``production``: secrets required, HTTPS-only cookies and HSTS, two-factor sign-in for everyone;
* ``demo`` (the default): a local demo on 127.0.0.1 over plain HTTP with generated data;
* ``test``: as demo, with fast password hashing for the test suite.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


FOURSIGHT_ENV = env("FOURSIGHT_ENV", "demo")
if FOURSIGHT_ENV not in {"production", "demo", "test"}:
    raise ImproperlyConfigured(
        f"FOURSIGHT_ENV must be production, demo or test, not {FOURSIGHT_ENV!r}"
    )
PRODUCTION = FOURSIGHT_ENV == "production"
DATA_DIR = Path(env("FOURSIGHT_DATA_DIR", str(Path.cwd()))).resolve()


def _secret_key() -> str:
    configured = env("FOURSIGHT_SECRET_KEY")
    if configured:
        return configured
    if PRODUCTION:
        raise ImproperlyConfigured("FOURSIGHT_SECRET_KEY must be set in production")
    # Demo and test: a random key kept beside the demo database, never committed.
    key_file = DATA_DIR / ".foursight-secret-key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("FOURSIGHT_DEBUG", False) and not PRODUCTION
ALLOWED_HOSTS = env_list(
    "FOURSIGHT_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
)
CSRF_TRUSTED_ORIGINS = env_list("FOURSIGHT_CSRF_TRUSTED_ORIGINS")

FORCE_NAME = env("FOURSIGHT_FORCE", "Wessex")
SERVICE_NAME = "Foursight"

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "ninja",  # serves the API docs' Swagger UI from /static/ (no CDN, no inline script)
    "foursight.access",
    "foursight.audit",
    "foursight.records",
    "foursight.people",
    "foursight.triage",
    "foursight.measures",
    "foursight.plans",
    "foursight.web",
    "foursight.ops",
    "foursight.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that can fail a request, so error pages get the headers too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "foursight.access.middleware.PrivatePagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "foursight.audit.middleware.AuditChannelMiddleware",
    "foursight.access.middleware.SignInRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "foursight.urls"
WSGI_APPLICATION = "foursight.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "foursight.web.context.service",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'foursight.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions serialise writers, so the audit hash chain never forks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "access.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if FOURSIGHT_ENV == "test":
    # Argon2 is deliberately slow; the suite signs in hundreds of times.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "access:sign-in"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "access:sign-in"

# Two-factor sign-in: required for every account outside the demo.
FOURSIGHT_REQUIRE_2FA = env_bool("FOURSIGHT_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = f"{SERVICE_NAME} ({FORCE_NAME})"

# Idle timeout: the session ends after this many seconds without a request.
SESSION_COOKIE_AGE = int(env("FOURSIGHT_IDLE_TIMEOUT_SECONDS", "1800"))
# API bearer tokens stop working this many days after they are created.
API_TOKEN_DAYS = int(env("FOURSIGHT_API_TOKEN_DAYS", "90"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling against guessing (django-axes): lock a username+address after 5 failures.
AXES_FAILURE_LIMIT = int(env("FOURSIGHT_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("FOURSIGHT_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "foursight.access.views.locked_out"
AXES_ENABLED = env_bool("FOURSIGHT_LOGIN_THROTTLING", True)
# Behind a reverse proxy every request comes from the proxy's address: say how many proxies
# append to X-Forwarded-For so throttling sees the client's address instead.
FOURSIGHT_TRUSTED_PROXIES = int(env("FOURSIGHT_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "foursight.access.throttling.client_address"

# Optional OpenID Connect sign-in through the force's own identity provider.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("foursight.access.oidc.ForceOIDCBackend")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            *(["OIDC_OP_JWKS_ENDPOINT"] if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) else []),
        )
        if not globals()[name]
    ]
    if _missing:
        raise ImproperlyConfigured(f"OIDC_RP_CLIENT_ID is set, so set {', '.join(_missing)} too")
    OIDC_USE_PKCE = True
    OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", True)
    LOGIN_REDIRECT_URL_FAILURE = "/sign-in/?force-account=refused"
# Which claims name the account and carry its role. The role claim's values (a string or a list)
# are Role values, or are translated by OIDC_ROLE_MAP ("idp-value=role,idp-value=role").
OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_ROLE_CLAIM = env("OIDC_ROLE_CLAIM", "foursight_role")
OIDC_ROLE_MAP = {
    idp_value.strip(): role.strip()
    for idp_value, _, role in (item.partition("=") for item in env_list("OIDC_ROLE_MAP"))
}

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page uses, switched off.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("FOURSIGHT_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's health check
    SECURE_HSTS_SECONDS = int(env("FOURSIGHT_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("FOURSIGHT_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# No inline script or style anywhere but base.html's one nonce'd line; GOV.UK Frontend and our own
# scripts are ES modules served from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Static files and uploads ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("FOURSIGHT_STATIC_ROOT", str(DATA_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if FOURSIGHT_ENV == "test"
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env("FOURSIGHT_MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

# --- Foursight engines ----------------------------------------------------------------------
LINKAGE_BACKEND = env("FOURSIGHT_LINKAGE_BACKEND", "duckdb")
# The match probability at which two mentions are one person (docs/linkage.md: how it was chosen).
LINKAGE_THRESHOLD = float(env("FOURSIGHT_LINKAGE_THRESHOLD", "0.7"))
SCREENING_WINDOW_DAYS = int(env("FOURSIGHT_SCREENING_WINDOW_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("FOURSIGHT_LOG_LEVEL", "WARNING")},
    # Splink reports EM training details at WARNING; they are not problems for the user.
    "loggers": {"splink": {"level": "ERROR"}},
}
