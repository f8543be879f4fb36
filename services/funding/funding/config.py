"""Settings of the funding service (env prefix ``FUNDING_``; shared values ``TONGCHENG_``)."""

from pydantic import Field

from common.config import ServiceSettings, service_config

MONTH_DAY = r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


class Settings(ServiceSettings):
    """``FUNDING_DATABASE_URL`` moves the service from ``var/data/funding.db`` to PostgreSQL.

    Default semester spans (BRIEF §8) as ``MM-DD``, used when ``POST /semesters`` gives no dates; an autumn
    semester whose end comes before its start ends in the following year.
    """

    model_config = service_config("FUNDING_")
    service_name: str = "funding"
    autumn_starts: str = Field(default="09-01", pattern=MONTH_DAY)
    autumn_ends: str = Field(default="01-31", pattern=MONTH_DAY)
    spring_starts: str = Field(default="02-01", pattern=MONTH_DAY)
    spring_ends: str = Field(default="07-15", pattern=MONTH_DAY)
    ledger_verify_interval_s: float = Field(default=300.0, ge=0,
                                            description="seconds between background ledger verifications (0: off)")
