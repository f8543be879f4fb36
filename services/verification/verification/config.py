"""Settings of the verification service (env prefix ``VERIFICATION_``; shared values ``TONGCHENG_``)."""

from common.config import ServiceSettings, service_config


class Settings(ServiceSettings):
    """``VERIFICATION_DATABASE_URL`` moves the service from ``var/data/verification.db`` to PostgreSQL."""

    model_config = service_config("VERIFICATION_")
    service_name: str = "verification"
