"""Settings of the points service (env prefix ``POINTS_``; shared values ``TONGCHENG_``)."""

from pydantic import Field

from common.config import ServiceSettings, service_config


class Settings(ServiceSettings):
    """``POINTS_DATABASE_URL`` moves the service from ``var/data/points.db`` to PostgreSQL;
    ``POINTS_VERIFICATION_URL`` names the verification service whose facts are scored."""

    model_config = service_config("POINTS_")
    service_name: str = "points"
    verification_url: str = Field(default="http://127.0.0.1:8102",
                                  description="base URL of the verification service (GET /facts)")
    facts_page_size: int = Field(default=1000, ge=1, le=1000,
                                 description="CaseFacts fetched per page by a scoring job (one commit per page)")
    job_lease_s: float = Field(default=15.0, gt=0,
                               description="lease of a running scoring job, seconds: renewed every third of it while "
                                           "its process lives; another points process takes the job over after it")
