"""Finance can plan (BRIEF §8): next school year's cost from the seats held now — continuing seats with progression
and completions, the new intake from the season's placements, each school's tariff, the total against the year's
budget; exact to the fen (integers inside, yuan strings out)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.forecast import by_budget_year, project
from funding.settlement_rules import default_period
from funding_kit import Funding, seat

YEAR = [("2025-autumn", default_period("2025-autumn")), ("2026-spring", default_period("2026-spring"))]


def test_projection_counts_progression_completion_and_intake():
    seats = [("JS1", 7, date(2023, 9, 1), None),   # grade 9 in 2025: its last year, completing in the spring
             ("JS1", 7, date(2024, 9, 1), None),   # grade 8
             ("JS1", 7, date(2022, 9, 1), None),   # would be grade 10: gone
             ("JS1", 7, date(2025, 9, 1), None),   # this season's placement: new intake
             ("JS1", 8, date(2024, 9, 1), date(2025, 6, 30)),  # left before the year: not counted
             ("PS1", 5, date(2024, 9, 1), None)]   # grade 6 at a primary school: completing
    out = project(seats, {"JS1": "junior"}, YEAR, {("JS1", "2025-autumn"): 300_000}, {"JS1": 310_000, "PS1": 250_001})
    autumn, spring = ({s.school_code: s for s in f.schools} for f in out)
    assert (autumn["JS1"].continuing, autumn["JS1"].new_intake, autumn["JS1"].completing) == (2, 1, 0)
    assert (spring["JS1"].continuing, spring["JS1"].new_intake, spring["JS1"].completing) == (3, 0, 1)
    assert (autumn["JS1"].tariff_fen, autumn["JS1"].tariff_source) == (300_000, "decided")
    assert (spring["JS1"].tariff_fen, spring["JS1"].tariff_source) == (310_000, "carried")
    assert autumn["PS1"].level == "primary" and spring["PS1"].completing == 1
    assert out[0].amount_fen == 3 * 300_000 + 250_001 and out[1].amount_fen == 3 * 310_000 + 250_001
    assert by_budget_year(out) == {2025: out[0].amount_fen, 2026: out[1].amount_fen}


@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(1, 9),
                          st.dates(date(2015, 1, 1), date(2026, 7, 15)),
                          st.none() | st.dates(date(2015, 1, 1), date(2027, 12, 31))), max_size=40),
       st.dictionaries(st.sampled_from(["A", "B", "C"]), st.integers(0, 10**9)))
def test_the_total_is_seats_times_tariff_to_the_fen(seats, latest):
    seats = [s for s in seats if s[3] is None or s[3] >= s[2]]
    out = project(seats, {}, YEAR, {}, latest)
    for f in out:
        assert f.amount_fen == sum(s.seats * latest.get(s.school_code, 0) for s in f.schools)
        assert all(s.completing <= s.continuing for s in f.schools)
        assert all(type(s.amount_fen) is int for s in f.schools)
        assert f.seats <= len(seats)


@pytest.fixture
def f(make_service, auth):
    return Funding(make_service("funding"), auth)


def test_forecast_through_the_service(f, backend):
    f.semester("2025-autumn")
    f.tariff("JS001", "2025-autumn", "3000.00", "3000.00")
    f.handover(seat("HY2024-7-000001", "JS001", "2024-09-01", grade=7), seat("HY2023-7-000001", "JS001", "2023-09-01",
                                                                           grade=7))
    f.handover(*[seat(f"HY2025-7-00000{i}", "JS001", "2025-09-01", grade=7) for i in range(3)])
    f.ok(f.put("finance", "/budget/2025", {"appropriation": "10000.00"}))
    fc = f.ok(f.get("finance", "/forecast/2025"))
    autumn, spring = fc["semesters"]
    assert (autumn["semester"], spring["semester"], spring["starts_on"]) == ("2025-autumn", "2026-spring", "2026-02-01")
    (js,) = autumn["schools"]
    assert (js["continuing"], js["new_intake"], js["seats"], js["tariff"], js["amount"]) == \
           (2, 3, 5, "3000.00", "15000.00")
    assert (spring["schools"][0]["completing"], spring["schools"][0]["tariff_source"]) == (1, "carried")
    assert Decimal(fc["total"]) == Decimal("30000.00")
    assert fc["budget"][0] == {"year": 2025, "appropriation": "10000.00", "settled": "0.00", "forecast": "15000.00",
                               "remaining": "-5000.00"}
    assert fc["budget"][1]["year"] == 2026 and fc["budget"][1]["appropriation"] is None
    assert f.get("platform", "/forecast/2025").status_code == 403
    assert f.get("finance", "/forecast/1999").status_code == 422
