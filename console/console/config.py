"""Console settings (env prefix ``CONSOLE_``; shared values ``TONGCHENG_``)."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, model_validator

from common.config import ServiceSettings, service_config


class Settings(ServiceSettings):
    """``database_url`` (``CONSOLE_DATABASE_URL``) is the one setting that moves the console's accounts and sessions
    from ``var/data/console.db`` to PostgreSQL, as for the services."""

    model_config = service_config("CONSOLE_")
    service_name: str = "console"
    gateway_url: str = Field(default="http://127.0.0.1:8000", description="where the console calls the services")
    gateway_timeout_s: float = Field(default=120.0, description="seconds a call through the gateway may take")
    console_secret: str = Field(default="", validation_alias=AliasChoices("TONGCHENG_CONSOLE_SECRET", "console_secret"),
                                description="key of the per-person staff tokens the gateway trusts (≥ 32 chars)")
    idle_minutes: int = Field(default=30, ge=1, le=24 * 60, description="a session ends after this idle time")
    lockout_failures: int = Field(default=5, ge=1, description="wrong passwords for a username before a pause")
    lockout_minutes: int = Field(default=15, ge=1, description="how long sign-in is refused after those")
    secure_cookies: Literal["auto", "always", "never"] = Field(
        default="auto", description="cookie Secure flag: auto = when the request came over TLS (X-Forwarded-Proto)")
    season: int = Field(default=2025, description="the season the pages open on (each page lets one choose)")
    password_hash_profile: Literal["rfc9106-low-memory", "tests-only-fast"] = Field(
        default="rfc9106-low-memory", description="argon2 parameters of new password hashes (console.accounts."
        "HASH_PROFILES); tests-only-fast (1 MiB, one pass) is for the test suite only, never a real console")

    @model_validator(mode="after")
    def _console_secret(self) -> "Settings":
        if len(self.console_secret) < 32 or self.console_secret == self.internal_secret:
            raise ValueError("TONGCHENG_CONSOLE_SECRET is missing, too short (>= 32 chars) or equal to the internal "
                             "secret; run `make setup` or `python -m tongcheng.secrets` to add it to var/secrets.env")
        return self
