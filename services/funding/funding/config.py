"""Settings of the funding service (env prefix ``FUNDING_``; shared values ``TONGCHENG_``)."""

from common.config import ServiceSettings, service_config


class Settings(ServiceSettings):
    """``FUNDING_DATABASE_URL`` moves the service from ``var/data/funding.db`` to PostgreSQL."""

    model_config = service_config("FUNDING_")
    service_name: str = "funding"
