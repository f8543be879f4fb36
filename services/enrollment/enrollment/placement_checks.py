"""The placement engine's checks of its input (BRIEF §5, §6): the school kinds and statuses it knows, and the
validated columns of applicants and the validated schools it works on. Bad input raises
:class:`PlacementInputError` (the service should have validated it first); bad *choices* are never an error: the
engine ignores them. Pure: no HTTP, no database; :mod:`enrollment.placement` is the engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from enrollment.placement import Applicant, School

PUBLIC = "public"
PRIVATE = "private"

ACTIVE = "active"
PHASING_OUT = "phasing_out"
CLOSED = "closed"

NO_SINCE = 1 << 40  # day number standing for "no earliest_since": after every real date (ordinals < 3.7 million)
SCORE_LIMIT = 1 << 48  # scores are points ≥ 0 in hundredths, far below this; the packed rank key relies on it


class PlacementInputError(ValueError):
    """Malformed input the engine refuses (the service should have validated it): duplicate application_no or
    school code, unknown school kind or status, a capacity that is not an integer ≥ 0, a score that is not a
    Decimal ≥ 0 with at most 2 places, an earliest_since that is not a date, an unknown mechanism. Bad *choices* are never an error: they are
    ignored."""


class Columns:
    """The applicants as validated columns: ids, scores in integer hundredths, earliest_since as a day number
    (date.toordinal(), NO_SINCE for none)."""

    __slots__ = ("apps", "ids", "family", "other", "since")

    def __init__(self, apps: list[Applicant]) -> None:
        self.apps = apps
        self.ids = list(map(attrgetter("id"), apps))
        if not set(map(type, self.ids)) <= {str}:
            raise PlacementInputError("application_no must be a string")
        if len(set(self.ids)) != len(self.ids):
            seen: set[str] = set()
            dups = sorted({x for x in self.ids if x in seen or seen.add(x)})  # type: ignore[func-returns-value]
            raise PlacementInputError(f"duplicate application_no: {', '.join(dups[:5])}")
        self.family = hundredths(list(map(attrgetter("family_score"), apps)), "family_score")
        self.other = hundredths(list(map(attrgetter("other_score"), apps)), "other_score")
        since = list(map(attrgetter("earliest_since"), apps))
        try:
            day = {d: NO_SINCE if d is None else d.toordinal() for d in set(since)}
        except AttributeError as exc:
            raise PlacementInputError(f"earliest_since must be a date or None: {exc}") from None
        self.since = list(map(day.__getitem__, since))


def hundredths(values: list[Decimal], field: str) -> list[int]:
    """Scores as integers of hundredths; refuses non-Decimals, NaN, infinities, negatives, more than 2 places and
    absurd sizes (PlacementInputError). Converts each distinct value once: a season has a few hundred."""
    conv: dict[Decimal, int] = {}
    try:
        distinct = set(values)
    except TypeError as exc:  # unhashable, or a signalling NaN
        raise PlacementInputError(f"{field} must be a finite Decimal: {exc}") from None
    for d in distinct:
        if not isinstance(d, Decimal) or not d.is_finite():
            raise PlacementInputError(f"{field} must be a finite Decimal, got {d!r}")
        scaled = d.scaleb(2)
        if scaled != scaled.to_integral_value() or not 0 <= scaled < SCORE_LIMIT:
            raise PlacementInputError(f"{field} must be ≥ 0 with at most 2 decimal places, got {d}")
        conv[d] = int(scaled)
    return list(map(conv.__getitem__, values))


def checked_schools(schools: Iterable[School]) -> list[School]:
    """Schools in code order, validated (PlacementInputError)."""
    out = sorted(schools, key=attrgetter("code"))
    for i, s in enumerate(out):
        if i and out[i - 1].code == s.code:
            raise PlacementInputError(f"duplicate school code {s.code!r}")
        if s.kind not in (PUBLIC, PRIVATE):
            raise PlacementInputError(f"school {s.code!r}: unknown kind {s.kind!r}")
        if s.status not in (ACTIVE, PHASING_OUT, CLOSED):
            raise PlacementInputError(f"school {s.code!r}: unknown status {s.status!r}")
        if isinstance(s.capacity, bool) or not isinstance(s.capacity, int) or s.capacity < 0:
            raise PlacementInputError(f"school {s.code!r}: capacity must be an integer ≥ 0, got {s.capacity!r}")
    return out
