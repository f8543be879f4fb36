"""Settings of the enrollment service (env prefix ``ENROLLMENT_``; shared values ``TONGCHENG_``)."""

from common.config import ServiceSettings, service_config


class Settings(ServiceSettings):
    """``ENROLLMENT_DATABASE_URL`` moves the service from ``var/data/enrollment.db`` to PostgreSQL."""

    model_config = service_config("ENROLLMENT_")
    service_name: str = "enrollment"
