"""The pure settlement arithmetic (funding.settlement_rules): proration by days, half-up rounding to the fen,
totals — BRIEF §8."""

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.settlement_rules import Period, days_enrolled, default_period, lines_digest, prorate_fen, settle

AUTUMN = Period(date(2025, 9, 1), date(2026, 1, 31))  # 153 days
TARIFF = 300_000  # 3000.00 yuan


def test_semester_lengths_and_defaults():
    assert AUTUMN.days == 153
    assert default_period("2025-autumn") == AUTUMN
    assert default_period("2026-spring") == Period(date(2026, 2, 1), date(2026, 7, 15))
    assert default_period("2024-spring").days == 166  # leap February
    assert default_period("2025-autumn", autumn=("09-01", "12-31")).ends_on == date(2025, 12, 31)
    assert default_period("0999-spring") == Period(date(999, 2, 1), date(999, 7, 15))  # a 4-digit year is a year
    for bad in ("2025-summer", "25-autumn", "autumn", "２０２５-autumn", "0000-autumn", "9999-autumn", "9999-spring"):
        with pytest.raises(ValueError):
            default_period(bad)
    with pytest.raises(ValueError):
        Period(date(2025, 9, 2), date(2025, 9, 1))


@pytest.mark.parametrize("start, end, days, amount", [
    ("2025-09-01", None, 153, 300_000),          # the whole semester
    ("2024-09-01", None, 153, 300_000),          # placed a year earlier, still there
    ("2025-11-01", None, 92, 180_392),           # starts late: 3000 × 92/153 = 1803.9215…
    ("2025-09-01", "2025-10-31", 61, 119_608),   # leaves early: 3000 × 61/153 = 1196.0784…
    ("2026-01-31", None, 1, 1_961),              # a single day: 19.6078…
    ("2025-09-01", "2025-09-01", 1, 1_961),      # a single day at the start
    ("2026-02-01", None, 0, None),               # starts after the semester: no line
    ("2025-03-01", "2025-08-31", 0, None),       # left before it began: no line
])
def test_proration_cases(start, end, days, amount):
    s, e = date.fromisoformat(start), end and date.fromisoformat(end)
    assert days_enrolled(AUTUMN, s, e) == days
    result = settle(TARIFF, AUTUMN, [(7, s, e)])
    if amount is None:
        assert result.lines == [] and result.total_fen == 0
    else:
        assert result.lines == [(7, days, amount)] and result.total_fen == amount


def test_late_start_and_early_leave_add_up_to_the_tariff():
    result = settle(TARIFF, AUTUMN, [(1, date(2025, 9, 1), date(2025, 10, 31)), (2, date(2025, 11, 1), None)])
    assert [a for _, _, a in result.lines] == [119_608, 180_392]
    assert result.total_fen == TARIFF


def test_half_up_where_bankers_rounding_differs():
    # 2024 spring has 166 days; 83 days of a 3000.01 tariff is exactly 1500.005 yuan = 150000.5 fen.
    spring = default_period("2024-spring")
    exact = Decimal(300_001) * 83 / 166
    assert exact == Decimal("150000.5")
    assert exact.quantize(Decimal(1), ROUND_HALF_EVEN) == 150_000  # banker's would round down ...
    assert prorate_fen(300_001, 83, 166) == 150_001                  # ... half-up rounds up
    result = settle(300_001, spring, [(1, date(2024, 2, 1), date(2024, 4, 23)), (2, date(2024, 4, 24), None)])
    assert result.lines == [(1, 83, 150_001), (2, 83, 150_001)] and result.total_fen == 300_002
    # and a .5 fen on a single day: 600007 × 1 / 166 = 3614.5
    assert prorate_fen(600_007, 1, 166) == 3_615


def test_prorate_refuses_nonsense():
    for args in [(-1, 1, 10), (100, 11, 10), (100, -1, 10), (100, 0, 0)]:
        with pytest.raises(ValueError):
            prorate_fen(*args)
    with pytest.raises(ValueError):
        settle(-1, AUTUMN, [])


def test_lines_digest_is_order_independent_and_sensitive():
    a = [(1, 153, 300_000), (2, 61, 119_608)]
    assert lines_digest(a) == lines_digest(list(reversed(a)))
    assert lines_digest(a) != lines_digest([(1, 153, 300_000), (2, 61, 119_609)])


def reference_amount(tariff_fen: int, days: int, semester_days: int) -> int:
    """Independent reference: exact Decimal division, ROUND_HALF_UP."""
    return int((Decimal(tariff_fen) * days / Decimal(semester_days)).quantize(Decimal(1), ROUND_HALF_UP))


spans = st.tuples(st.integers(-400, 400), st.one_of(st.none(), st.integers(0, 500)))


@given(tariff=st.integers(0, 10**9), seats=st.lists(spans, max_size=60),
       sem_start=st.dates(date(2000, 1, 1), date(2090, 1, 1)), sem_len=st.integers(1, 250))
def test_properties_sum_cap_and_reference(tariff, seats, sem_start, sem_len):
    period = Period(sem_start, sem_start + timedelta(days=sem_len - 1))
    rows = [(i, sem_start + timedelta(days=off), None if length is None else
             sem_start + timedelta(days=off + length)) for i, (off, length) in enumerate(seats)]
    result = settle(tariff, period, rows)
    assert result.semester_days == sem_len
    # the total is the sum of the per-seat amounts, each computed on its own
    singles = [settle(tariff, period, [r]).total_fen for r in rows]
    assert result.total_fen == sum(singles) == sum(a for _, _, a in result.lines)
    expected = [(sid, d, reference_amount(tariff, d, sem_len))
                for sid, s, e in rows if (d := days_enrolled(period, s, e)) > 0]
    assert result.lines == expected
    for _, days, amount in result.lines:
        assert 0 < days <= sem_len
        assert 0 <= amount <= tariff                      # never more than the tariff


@given(tariff=st.integers(0, 10**10), n=st.integers(1, 366), data=st.data())
def test_monotone_in_days(tariff, n, data):
    d1 = data.draw(st.integers(0, n))
    d2 = data.draw(st.integers(d1, n))
    assert prorate_fen(tariff, d1, n) <= prorate_fen(tariff, d2, n)
    assert prorate_fen(tariff, n, n) == tariff and prorate_fen(tariff, 0, n) == 0
