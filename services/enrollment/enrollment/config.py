"""Settings of the enrollment service (env prefix ``ENROLLMENT_``; shared values ``TONGCHENG_``).

Every number the bureau may change per season is a setting here, never a constant in code (BRIEF preamble):
the private-school scale norms (BRIEF §7), the 95 % public-share target (plan 二(一)), the publication window
(公示, BRIEF §4 step 6), the school-year start of purchased seats and the withdrawal cut-off.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field, field_validator

from common.config import ServiceSettings, service_config
from enrollment.rules import AgeRange


def _month_day(value: str) -> str:
    try:
        date.fromisoformat(f"2024-{value}")  # a leap year, so 02-29 passes
    except ValueError:
        raise ValueError(f"expected MM-DD, got {value!r}") from None
    return value


class Settings(ServiceSettings):
    """``ENROLLMENT_DATABASE_URL`` moves the service from ``var/data/enrollment.db`` to PostgreSQL."""

    model_config = service_config("ENROLLMENT_")
    service_name: str = "enrollment"

    # Upstreams (ENROLLMENT_VERIFICATION_URL, ENROLLMENT_POINTS_URL, ENROLLMENT_FUNDING_URL).
    verification_url: str = "http://127.0.0.1:8102"
    points_url: str = "http://127.0.0.1:8101"
    funding_url: str = "http://127.0.0.1:8104"

    # BRIEF §7: approved capacity (核定规模) of a private migrant school.
    class_limit_primary: int = Field(default=45, ge=1, description="pupils per class, primary")
    class_limit_junior: int = Field(default=50, ge=1, description="pupils per class, junior")
    floor_norm_primary: Decimal = Field(default=Decimal("6"), gt=0, description="m² of floor area per pupil")
    floor_norm_junior: Decimal = Field(default=Decimal("7"), gt=0, description="m² of floor area per pupil")
    land_norm_primary: Decimal = Field(default=Decimal("18"), gt=0, description="m² of land area per pupil")
    land_norm_junior: Decimal = Field(default=Decimal("23"), gt=0, description="m² of land area per pupil")

    # Plan 二(一): share of placed eligible children in public schools, percent.
    public_share_target: Decimal = Field(default=Decimal("95"), ge=0, le=100, description="percent")
    # BRIEF §4 step 6: publication window (公示) in working days after the publishing day (official calendar:
    # rules.is_working_day).
    publication_window_days: int = Field(default=5, ge=1, le=60)
    # Purchased seats start on the autumn semester start of the season year (MM-DD).
    school_year_start: str = "09-01"
    # Applications may be withdrawn up to and including this day of the season year (MM-DD); it mirrors the
    # rulebook cut-off date (积分截止日, BRIEF §3 default 30 April).
    withdraw_cutoff: str = "04-30"
    # A guardian at least this old (full years) on the child's birth day, and born before the child (rule code
    # guardian_age, issue 13).
    guardian_min_age: int = Field(default=14, ge=0, le=60, description="years")
    # BRIEF §5 E3: the ages an entry grade takes, full years on child_age_on (MM-DD) of the season year. Older than
    # child_max_age is refused at submission (age_out_of_range) unless the bureau recorded an exception for the
    # child (POST /age-exceptions); child_min_age is empty by default: a child too young is E3, the rulebook's
    # min_age (points scores the family ineligible). JSON in the environment: ENROLLMENT_CHILD_MAX_AGE='{"1": 8}'.
    child_max_age: dict[int, Annotated[int, Field(ge=0, le=30)]] = Field(
        default_factory=lambda: {1: 8, 7: 15}, description="grade → oldest age taken (full years)")
    child_min_age: dict[int, Annotated[int, Field(ge=0, le=30)]] = Field(
        default_factory=dict, description="grade → youngest age taken (full years); empty: E3 decides")
    child_age_on: str = "08-31"
    # Key of the keyed hashes that find a child by ID number or phone (enrollment.search); None = derived from the
    # internal secret. Changing it needs the stored hashes recomputed.
    search_key: str | None = Field(default=None, min_length=32, description="HMAC key of the search hashes")
    # The key the stored hashes were made with, while they are re-keyed to search_key (`tongcheng
    # rekey-search-hashes`): searches match a hash under either; unset once the re-keying reports none left.
    search_key_previous: str | None = Field(default=None, min_length=32,
                                            description="the previous HMAC key of the search hashes, while re-keying")
    # Fixed "today" (Asia/Shanghai) for rehearsals and tests; None = the real date.
    today: date | None = None

    # Outbox dispatcher (hand-overs to verification and funding).
    outbox_dispatcher: bool = Field(default=True, description="start the background dispatcher thread")
    outbox_interval_s: float = Field(default=1.0, gt=0, description="seconds between dispatcher passes")
    outbox_batch_size: int = Field(default=1000, ge=1, le=1000, description="cases per POST /cases/batch")
    outbox_backoff_s: float = Field(default=2.0, gt=0, description="first retry delay, doubled per failure")
    outbox_backoff_max_s: float = Field(default=300.0, gt=0, description="longest retry delay")
    outbox_lease_s: float = Field(default=15.0, gt=0, description="lease of a claimed row, seconds: renewed every "
                                  "third of it while its process lives, taken over by another process after it")

    # Follow verification's facts and points' scores to put verified and scored in the platform's feed
    # (enrollment.progress_feed), on every dispatcher pass.
    progress_feed: bool = Field(default=True, description="record verified and scored events")
    # Webhooks of the platform (enrollment.webhooks): the longest wait for a receiver's answer, and the backoff of a
    # receiver that did not take an event (doubled per failure up to the longest).
    webhook_timeout_s: float = Field(default=5.0, gt=0, description="seconds per delivery attempt")
    webhook_backoff_s: float = Field(default=2.0, gt=0, description="first retry delay, seconds")
    webhook_backoff_max_s: float = Field(default=300.0, gt=0, description="longest retry delay, seconds")
    # Server key of the webhook secrets (each derived from it, the webhook's id and a stored nonce; none stored);
    # None = derived from the internal secret. Changing it changes every webhook's secret.
    webhook_key: str | None = Field(default=None, min_length=32, description="HMAC key of the webhook secrets")
    # A webhook URL must be public https (enrollment.webhook_targets, SSRF); true lifts the check at registration
    # and delivery and allows http (tests' local receivers, a rehearsal on one machine). Never in production.
    webhook_allow_private: bool = Field(default=False, description="allow http and private/loopback webhook URLs")
    # Appeals waiting for their department's re-check (enrollment.appeals_flow): looked at again after this many
    # seconds, doubled per look up to the longest.
    appeal_poll_s: float = Field(default=0.25, gt=0, description="first wait before asking again, seconds")
    appeal_poll_max_s: float = Field(default=30.0, gt=0, description="longest wait between looks, seconds")

    @property
    def age_range(self) -> AgeRange:
        """The child's age rule of the settings (:class:`enrollment.rules.AgeRange`)."""
        return AgeRange(max_age=self.child_max_age, min_age=self.child_min_age, on=self.child_age_on)

    @field_validator("school_year_start", "withdraw_cutoff", "child_age_on")
    @classmethod
    def _check_month_day(cls, value: str) -> str:
        return _month_day(value)

    # A nine-year school (grades 1–9) is held to the stricter norm of its two sections: the primary class limit
    # (fewer pupils a classroom) and the junior area norms (more m² a pupil), so its approved capacity never
    # exceeds what either section's norms allow.
    def class_limit(self, level: str) -> int:
        return self.class_limit_junior if level == "junior" else self.class_limit_primary

    def floor_norm(self, level: str) -> Decimal:
        return self.floor_norm_primary if level == "primary" else self.floor_norm_junior

    def land_norm(self, level: str) -> Decimal:
        return self.land_norm_primary if level == "primary" else self.land_norm_junior
