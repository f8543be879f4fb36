"""Gateway settings (env prefix ``GATEWAY_``; shared values ``TONGCHENG_``)."""

from pathlib import Path

from pydantic import AliasChoices, Field

from common.config import REPO_ROOT, SuiteSettings, service_config


class Settings(SuiteSettings):
    model_config = service_config("GATEWAY_")
    credentials_file: Path = Field(default=REPO_ROOT / "var" / "credentials.json",
                                   description="SHA-256(token) → role, department, subject")
    points_url: str = "http://127.0.0.1:8101"
    verification_url: str = "http://127.0.0.1:8102"
    enrollment_url: str = "http://127.0.0.1:8103"
    funding_url: str = "http://127.0.0.1:8104"
    timeout_s: float = Field(default=30.0, description="default per-upstream timeout, seconds")
    timeouts_s: dict[str, float] = Field(default_factory=dict, description='per-upstream overrides, {"points": 5}')
    connect_timeout_s: float = 1.0
    retries: int = Field(default=2, description="extra attempts for idempotent calls on connection failure")
    breaker_failures: int = Field(default=5, description="consecutive failures that open an upstream's circuit")
    breaker_reset_s: float = Field(default=5.0, description="seconds an open circuit waits before a trial call")
    rate_per_s: float = Field(default=2000.0, description="sustained requests per second per credential")
    rate_burst: int = Field(default=4000, description="burst allowance per credential")
    rate_storage: str = Field(default="memory://",
                              description="where rate-limit counts live: memory:// (this process) or "
                                          "redis://host:port/db (shared by every gateway process using it)")
    rate_key_prefix: str = Field(default="tongcheng-gw", description="prefix of the rate-limit keys in Redis")
    console_url: str = Field(default="http://127.0.0.1:8105", description="the staff console behind /console/")
    console_secret: str = Field(default="", validation_alias=AliasChoices("TONGCHENG_CONSOLE_SECRET", "console_secret"),
                                description="key of the console's per-person staff tokens (empty: none accepted)")

    def upstreams(self) -> dict[str, str]:
        return {"points": self.points_url, "verification": self.verification_url,
                "enrollment": self.enrollment_url, "funding": self.funding_url}
