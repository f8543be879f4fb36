"""Settings base shared by every service (pydantic-settings).

Each service subclasses :class:`ServiceSettings` with its own env prefix (``POINTS_``, ``FUNDING_`` ...).
Values shared by the whole suite (the internal identity secret, the data folder) are read from the
``TONGCHENG_`` prefix and from ``var/secrets.env`` written by ``make setup``.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
SECRETS_FILE = Path(os.environ.get("TONGCHENG_SECRETS_FILE", REPO_ROOT / "var" / "secrets.env"))
PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret"}


def _suite(name: str) -> AliasChoices:
    return AliasChoices(f"TONGCHENG_{name.upper()}", name)


class SuiteSettings(BaseSettings):
    """Settings every process of the suite shares (prefix ``TONGCHENG_``)."""

    model_config = SettingsConfigDict(env_prefix="TONGCHENG_", env_file=SECRETS_FILE, extra="ignore")

    # Suite-wide values keep the TONGCHENG_ name whatever prefix a service's own settings use.
    internal_secret: str = Field(default="", validation_alias=_suite("internal_secret"),
                                 description="HMAC key for identity tokens between gateway and services")
    data_dir: Path = Field(default=REPO_ROOT / "var" / "data", validation_alias=_suite("data_dir"),
                           description="folder of the SQLite files")
    log_level: str = Field(default="INFO", validation_alias=_suite("log_level"))
    max_body_bytes: int = Field(default=1_000_000, validation_alias=_suite("max_body_bytes"),
                                description="largest request body accepted, bytes (413 above)")
    max_json_depth: int = Field(default=32, validation_alias=_suite("max_json_depth"),
                                description="deepest JSON nesting accepted (422 above)")
    tracing: str = Field(default="", validation_alias=_suite("tracing"),
                         description="OpenTelemetry tracing: empty (off), 'console' or 'on' (common.tracing)")

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> "SuiteSettings":
        if self.internal_secret.strip().lower() in PLACEHOLDER_SECRETS or len(self.internal_secret) < 32:
            raise ValueError(
                "TONGCHENG_INTERNAL_SECRET is missing or too short (>= 32 chars); run `make setup` "
                "or `python -m tongcheng.secrets` to generate var/secrets.env"
            )
        return self


class ServiceSettings(SuiteSettings):
    """Base of a service's settings; subclasses set ``env_prefix`` and ``service_name``.

    ``database_url`` is the one setting that moves a service from its SQLite file to PostgreSQL,
    e.g. ``POINTS_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/tongcheng_points``.

    ``worker_threads`` (``TONGCHENG_WORKER_THREADS``, the same for every service) is how many sync endpoint calls a
    process runs at once; the others wait their turn. Why 8 and not anyio's 40: :func:`common.app.build_app`.
    """

    service_name: str = "service"
    database_url: str = ""
    upstream_timeout_s: float = 10.0
    worker_threads: int = Field(default=8, ge=1, le=256, validation_alias=_suite("worker_threads"),
                                description="worker threads for sync endpoints, per process (anyio limiter)")
    # Access records (common.access) are kept through the season's school year and this many years more, then
    # purged by `tongcheng purge-access-log` (POST /access-log/purge on each service), never silently.
    access_log_keep_years: int = Field(default=1, ge=0, le=30, description="years after the season's school year")

    @model_validator(mode="after")
    def _default_sqlite(self) -> "ServiceSettings":
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.database_url = f"sqlite:///{self.data_dir / (self.service_name + '.db')}"
        return self


def service_config(prefix: str) -> SettingsConfigDict:
    """The ``model_config`` of a service settings class: its own prefix, the shared secrets file."""
    return SettingsConfigDict(env_prefix=prefix, env_file=SECRETS_FILE, extra="ignore")
