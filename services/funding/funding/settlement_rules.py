"""Semester settlement arithmetic (结算) — BRIEF §8, plan 三(四). Pure: dates and integer fen in, integer fen out;
the use cases that store and approve settlements are :mod:`funding.settlements`.

amount(seat, semester) = tariff × days enrolled in the semester ÷ days in the semester, both counts inclusive,
rounded half-up to the fen. All arithmetic is on integers: with ``n = tariff_fen × days`` and
``q, r = divmod(n, semester_days)`` the amount is ``q + 1`` when ``2r ≥ semester_days``, else ``q``.
A seat whose span misses the semester has 0 days and yields no line. A school's total is the sum of its lines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

Line = tuple[int, int, int]
"""One settlement line: ``(seat_id, days, amount_fen)``."""


@dataclass(frozen=True)
class Period:
    """A semester's span, both ends inclusive (default autumn 1 Sep – 31 Jan, spring 1 Feb – 15 Jul)."""

    starts_on: date
    ends_on: date

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise ValueError("a semester ends on or after the day it starts")

    @property
    def days(self) -> int:
        """Days in the semester, both ends counted."""
        return (self.ends_on - self.starts_on).days + 1


@dataclass(frozen=True)
class SchoolSettlement:
    """What one school is owed for one semester: ``lines`` as ``(seat_id, days, amount_fen)`` in input order
    (seats with 0 days left out) and ``total_fen`` = the sum of their amounts."""

    tariff_fen: int
    semester_days: int
    lines: list[Line]
    total_fen: int


def _days_held(first: int, last: int, start: int, end: int | None) -> int:
    """Days a seat held from day ``start`` to day ``end`` (ordinals, inclusive; ``None`` = still open) counts in a
    period from day ``first`` to day ``last``; 0 when the spans do not meet."""
    lo = start if start > first else first
    hi = last if end is None or end > last else end
    days = hi - lo + 1
    return days if days > 0 else 0


def days_enrolled(period: Period, start: date, end: date | None) -> int:
    """Days of ``period`` during which a seat running ``start``..``end`` (inclusive; ``None`` = still open) is
    held; 0 when the spans do not meet."""
    return _days_held(period.starts_on.toordinal(), period.ends_on.toordinal(), start.toordinal(),
                      None if end is None else end.toordinal())


def prorate_fen(tariff_fen: int, days: int, semester_days: int) -> int:
    """``tariff_fen × days ÷ semester_days`` rounded half-up to the fen (integer arithmetic only).

    Raises ``ValueError`` for a negative tariff, ``semester_days < 1`` or ``days`` outside 0..semester_days.
    """
    if tariff_fen < 0 or semester_days < 1 or not 0 <= days <= semester_days:
        raise ValueError(f"cannot prorate tariff {tariff_fen} fen over {days}/{semester_days} days")
    q, r = divmod(tariff_fen * days, semester_days)
    return q + 1 if 2 * r >= semester_days else q


def settle(tariff_fen: int, period: Period, seats: Iterable[tuple[int, date, date | None]]) -> SchoolSettlement:
    """Settle one school for one semester from its seats ``(seat_id, start_date, end_date | None)``: each seat's
    days in the period (:func:`days_enrolled`, on day numbers) at :func:`prorate_fen` of the tariff.

    Fast path for large schools: dates become ordinals and the amount for each distinct day count is computed
    once (a semester has at most ~180 distinct counts), so a million seats settle in about a second.
    """
    if tariff_fen < 0:
        raise ValueError("tariff must not be negative")
    first, last = period.starts_on.toordinal(), period.ends_on.toordinal()
    semester_days = last - first + 1
    amounts: dict[int, int] = {}  # days → amount, once per distinct count
    lines: list[Line] = []
    total = 0
    for seat_id, start, end in seats:
        days = _days_held(first, last, start.toordinal(), None if end is None else end.toordinal())
        if days:
            amount = amounts.get(days)
            if amount is None:
                amount = amounts[days] = prorate_fen(tariff_fen, days, semester_days)
            lines.append((seat_id, days, amount))
            total += amount
    return SchoolSettlement(tariff_fen=tariff_fen, semester_days=semester_days, lines=lines, total_fen=total)


def lines_digest(lines: Iterable[Line]) -> str:
    """SHA-256 hex of the canonical JSON of the lines sorted by seat id — the approval ledger entry carries it,
    so a later edit of an approved line is detectable."""
    # the bytes of json.dumps(sorted([[s, d, a], …]), separators=(",", ":")), built directly ("%d" of an int is its
    # JSON text): a school's 20 000 lines digest in a few milliseconds instead of going through the JSON encoder
    canon = "[" + ",".join(["[%d,%d,%d]" % (s, d, a) for s, d, a in sorted(map(tuple, lines))]) + "]"
    return hashlib.sha256(canon.encode()).hexdigest()


def default_period(code: str, *, autumn: tuple[str, str] = ("09-01", "01-31"),
                   spring: tuple[str, str] = ("02-01", "07-15")) -> Period:
    """Default span of a semester named ``"<year>-autumn"`` or ``"<year>-spring"`` (month-day pairs
    configurable; an autumn semester ends in the following year when its end month-day comes before its start).

    Raises ``ValueError`` for any other code shape.
    """
    year_text, _, kind = code.partition("-")
    if not (year_text.isascii() and year_text.isdigit() and len(year_text) == 4) or kind not in ("autumn", "spring"):
        raise ValueError(f"no default dates for semester {code!r}: give starts_on and ends_on")
    year = int(year_text)
    if not 1 <= year < 9999:  # a calendar day's year, also the following year's (an autumn's end)
        raise ValueError(f"no default dates for semester {code!r}: the year must be 0001–9998")
    first, last = autumn if kind == "autumn" else spring
    starts_on = date.fromisoformat(f"{year:04d}-{first}")
    ends_on = date.fromisoformat(f"{year:04d}-{last}")
    if ends_on < starts_on:
        ends_on = date.fromisoformat(f"{year + 1:04d}-{last}")
    return Period(starts_on, ends_on)


def day_before(day: date) -> date:
    return day - timedelta(days=1)
