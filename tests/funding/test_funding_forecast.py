"""Finance can plan (BRIEF §8): next school year's cost from the seats held now — continuing seats with progression
and completions, the new intake from the season's placements, each school's tariff, the total against the year's
budget; exact to the fen (integers inside, yuan strings out)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from common.schemas import fen_to_yuan
from funding.forecast import by_budget_year, project
from funding.settlement_rules import default_period
from funding_kit import seat

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


# ---- an independent reckoning: per seat, its grade by counting school years, money in Decimal yuan -----------------

GRADES = {"primary": (1, 6), "junior": (7, 9), "nine_year": (1, 9)}


def _school_year(day: date) -> int:
    return day.year if day >= date(day.year, 7, 16) else day.year - 1


def _reckon(seats, levels, tariffs_yuan):
    """What 2025-autumn and 2026-spring should cost, seat by seat: ``{semester: {school: (continuing, intake,
    completing, Decimal amount)}}`` — no code of funding.forecast or funding.progression used."""
    out = {}
    for code, first, last, intake_from in (("2025-autumn", date(2025, 9, 1), date(2026, 1, 31), date(2025, 7, 16)),
                                           ("2026-spring", date(2026, 2, 1), date(2026, 7, 15), date(2026, 2, 1))):
        per = {}
        for school, entry, start, end in seats:
            if start > last or (end is not None and end < first):
                continue
            low, top = GRADES[levels[school]]
            grade = entry + _school_year(first) - _school_year(start)
            if not low <= grade <= top:
                continue
            cont, new, done = per.get(school, (0, 0, 0))
            if start < intake_from:
                cont += 1
                done += code.endswith("spring") and grade == top
            else:
                new += 1
            per[school] = (cont, new, done)
        out[code] = {s: (c, n, d, (c + n) * tariffs_yuan[s]) for s, (c, n, d) in per.items()}
    return out


school_levels = st.fixed_dictionaries({"A": st.just("primary"), "B": st.just("junior"), "C": st.just("nine_year")})


@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(1, 9),
                          st.dates(date(2016, 1, 1), date(2026, 7, 15)),
                          st.none() | st.dates(date(2016, 1, 1), date(2027, 12, 31))), max_size=60),
       st.fixed_dictionaries({s: st.integers(0, 10**8) for s in "ABC"}), school_levels)
def test_projection_equals_a_seat_by_seat_reckoning(seats, tariff_fen, levels):
    seats = [s for s in seats if (s[3] is None or s[3] >= s[2]) and GRADES[levels[s[0]]][0] <= s[1]
             <= GRADES[levels[s[0]]][1]]
    out = project(seats, levels, YEAR, {}, tariff_fen)
    expected = _reckon(seats, levels, {s: Decimal(fen) / 100 for s, fen in tariff_fen.items()})
    for f in out:
        got = {s.school_code: (s.continuing, s.new_intake, s.completing, Decimal(fen_to_yuan(s.amount_fen)))
               for s in f.schools}
        assert got == expected[f.code]
        assert Decimal(fen_to_yuan(f.amount_fen)) == sum((v[3] for v in expected[f.code].values()), Decimal(0))


def test_a_placement_starting_before_the_autumn_is_its_intake():
    """Enrollment hands the season's placements over to start on its school-year start, which may come before
    the autumn's first day: they are that autumn's new intake, and continuing in the spring."""
    out = project([("JS1", 7, date(2025, 8, 25), None)], {"JS1": "junior"}, YEAR, {}, {"JS1": 1})
    assert [(f.schools[0].continuing, f.schools[0].new_intake) for f in out] == [(0, 1), (1, 0)]


def test_the_forecast_against_the_budget_through_the_service(f, backend):
    """Every figure recomputed here from the seats and tariffs set up (Decimal yuan): a nine-year school's grade-6
    pupils go on into grade 7, a primary school's complete in the spring; the 2025 budget year holds the approved
    2025-spring settlement (with its adjustment) beside the 2025-autumn forecast."""
    f.semester("2025-spring")
    f.semester("2025-autumn")
    tariffs = {"NS1": Decimal("2750.55"), "PS1": Decimal("3100.01")}
    for school, yuan in tariffs.items():
        f.tariff(school, "2025-spring", str(yuan), str(yuan))
        f.tariff(school, "2025-autumn", str(yuan), str(yuan))
    f.tariff("PS1", "2025-autumn", "3200.07", "3200.07")  # a second version wins
    tariffs_autumn = {"NS1": Decimal("2750.55"), "PS1": Decimal("3200.07")}
    nine = f.handover(*[dict(seat(f"HY2024-1-N{i}", "NS1", "2024-09-01", grade=5), school_level="nine_year")
                        for i in range(3)])
    f.handover(*[seat(f"HY2024-1-P{i}", "PS1", "2024-09-01", grade=5) for i in range(2)])
    f.handover(*[dict(seat(f"HY2025-1-I{i}", "NS1", "2025-09-01", grade=1), school_level="nine_year")
                 for i in range(4)])
    spring = f.settle("NS1", "2025-spring")
    approved = f.approve(spring)
    leaver = nine["items"][0]["seat_id"]
    f.ok(f.post("finance", "/adjustments", {"settlement_id": approved["id"], "seat_id": leaver,
                                            "corrected_end_date": "2025-06-30", "reason": "left"}), 201)
    f.ok(f.put("finance", "/budget/2025", {"appropriation": "50000.00"}))
    fc = f.ok(f.get("finance", "/forecast/2025"))
    autumn, spring26 = ({s["school_code"]: s for s in sem["schools"]} for sem in fc["semesters"])
    # the leaver left in June 2025: two nine-year pupils go on into grade 6 (autumn) and stay; four new in grade 1
    assert [(autumn[s]["continuing"], autumn[s]["new_intake"], autumn[s]["completing"]) for s in ("NS1", "PS1")] == \
           [(2, 4, 0), (2, 0, 0)]
    assert [(spring26[s]["continuing"], spring26[s]["new_intake"], spring26[s]["completing"])
            for s in ("NS1", "PS1")] == [(6, 0, 0), (2, 0, 2)]
    assert (autumn["PS1"]["tariff"], autumn["PS1"]["tariff_source"]) == ("3200.07", "decided")
    assert (spring26["NS1"]["tariff"], spring26["NS1"]["tariff_source"]) == ("2750.55", "carried")
    autumn_total = 6 * tariffs_autumn["NS1"] + 2 * tariffs_autumn["PS1"]
    spring_total = 6 * tariffs_autumn["NS1"] + 2 * tariffs_autumn["PS1"]
    assert Decimal(fc["semesters"][0]["amount"]) == autumn_total
    assert Decimal(fc["total"]) == autumn_total + spring_total
    # settled in budget year 2025: the spring settlement of NS1 (3 whole semesters) less the adjustment
    days = (date(2025, 7, 15) - date(2025, 2, 1)).days + 1
    kept = (tariffs["NS1"] * ((date(2025, 6, 30) - date(2025, 2, 1)).days + 1) / days).quantize(Decimal("0.01"),
                                                                                               ROUND_HALF_UP)
    settled = 2 * tariffs["NS1"] + kept
    b2025 = fc["budget"][0]
    assert (b2025["year"], Decimal(b2025["settled"]), Decimal(b2025["forecast"])) == (2025, settled, autumn_total)
    assert Decimal(b2025["remaining"]) == Decimal("50000.00") - settled - autumn_total
