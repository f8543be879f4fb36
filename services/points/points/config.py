"""Settings of the points service (env prefix ``POINTS_``; shared values ``TONGCHENG_``)."""

from common.config import ServiceSettings, service_config


class Settings(ServiceSettings):
    """``POINTS_DATABASE_URL`` moves the service from ``var/data/points.db`` to PostgreSQL."""

    model_config = service_config("POINTS_")
    service_name: str = "points"
