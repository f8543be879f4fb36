"""Report arithmetic on hand-checkable instances (plan 二(一) 95 %, 三(二)) and the points client's tolerant reader."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.clients import UpstreamError
from common.sheet_writer import columns_of, csv_bytes
from enrollment import reports
from enrollment.clients import PointsClient
from enrollment.reports import Outcome, SchoolSeats
from enrollment_kit import TOWN_A, TOWN_B, FakePoints

TARGET = Decimal(95)


def _o(no, round_=None, school=None, rank=None, *, eligible=True, town=TOWN_A, public=2, first="S1"):
    return Outcome(no, 1, eligible, town, public, first, round_, school, rank)


def test_public_share_95_percent_exactly():
    # 19 children in public schools, 1 by purchase: 19 / 20 = 95.00 % → meets the target
    outcomes = [_o(f"a{i}", 1, "S1", 1) for i in range(19)] + [_o("b", 3, "P1")]
    s = reports.summary(outcomes, TARGET)
    assert (s["placed_public"], s["placed_purchased"], s["public_share"], s["meets_target"]) == (19, 1, "95.00", True)
    # one more purchased seat: 19 / 21 = 90.476… → "90.48", below
    s = reports.summary(outcomes + [_o("c", 2, "P1", 1)], TARGET)
    assert (s["public_share"], s["meets_target"]) == ("90.48", False)
    # ineligible and waitlisted children are not in the share
    s = reports.summary(outcomes + [_o("d", eligible=False), _o("e")], TARGET)
    assert (s["public_share"], s["waitlisted"], s["eligible_waitlisted"], s["no_choice"]) == ("95.00", 2, 1, 2)
    assert reports.summary([], TARGET)["public_share"] is None


def test_share_just_below_target_is_not_rounded_up():
    # 1899 / 1999 = 94.997… prints as "95.00" but does not meet 95 %
    outcomes = [_o(f"a{i}", 1, "S1", 1) for i in range(1899)] + [_o(f"b{i}", 3, "P1") for i in range(100)]
    s = reports.summary(outcomes, TARGET)
    assert (s["public_share"], s["meets_target"]) == ("95.00", False)


@given(public=st.integers(0, 500), purchased=st.integers(0, 500))
def test_meets_target_iff_share_at_least_target(public, purchased):
    outcomes = [_o(f"a{i}", 1, "S1", 1) for i in range(public)] + [_o(f"b{i}", 3, "P1") for i in range(purchased)]
    s = reports.summary(outcomes, TARGET)
    placed = public + purchased
    assert s["meets_target"] == (placed > 0 and Decimal(public) / placed >= Decimal("0.95"))


def test_choice_satisfaction_uses_the_whole_list():
    outcomes = [_o("a", 1, "S1", 1), _o("b", 1, "S2", 3), _o("c", 2, "P1", 1, public=2), _o("d", 2, "P1", 1, public=0),
                _o("e", 3, "P1"), _o("f")]
    s = reports.summary(outcomes, TARGET)
    # overall ranks: a 1, b 3, c 3 (2 public + 1), d 1, e none, f none
    assert (s["first_choice"], s["top_3"], s["no_choice"]) == (2, 4, 2)


def test_townships_and_schools():
    seats = [SchoolSeats("S1", "一小", "public", TOWN_A, 3, {"family_score": "80.00", "tier": 1, "application_no": "x"}),
             SchoolSeats("P1", "民办", "private", TOWN_B, 5)]
    outcomes = [_o("a", 1, "S1", 1), _o("b", 1, "S1", 2, town=TOWN_B), _o("c", 2, "P1", 1, town=TOWN_B),
                _o("d", town=TOWN_B), _o("e", eligible=False, town=TOWN_B)]
    towns = reports.by_township(outcomes, seats, TARGET)
    # 西城: 1 public of 2 placed = 50 %; one more public seat brings it to 2 of 2 ≥ 95 % → short 1
    assert [(t["township_code"], t["demand"], t["public_seats"], t["shortfall"], t["public_share"]) for t in towns] == \
           [(TOWN_A, 1, 3, 0, "100.00"), (TOWN_B, 3, 0, 1, "50.00")]
    assert towns[0]["township_name"] == "东城街道"
    rows = {r["school_code"]: r for r in reports.by_school(outcomes, seats)}
    assert (rows["S1"]["filled"], rows["S1"]["free"], rows["S1"]["first_choice_demand"]) == (2, 1, 5)
    assert (rows["P1"]["round_2"], rows["P1"]["cutoff_score"]) == (1, None)
    text = csv_bytes(columns_of(reports.TOWNSHIP_COLUMNS, reports.HEADERS_ZH), towns).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("乡镇代码,乡镇（街道）,符合条件需求,公办学位,")
    assert text.splitlines()[1] == ",".join(reports.TOWNSHIP_COLUMNS)
    # 西城: demand 3 (b, c, d), no public seats, b public, c purchased, d waitlisted
    assert text.splitlines()[3] == f"{TOWN_B},西城街道,3,0,1,1,1,50.00,否,1,是"


def _client(fake):
    return PointsClient("http://points.test", secret="s" * 40, caller="enrollment", client=fake.client())


def test_points_client_pages_and_reads_only_what_it_needs():
    fake = FakePoints()
    for i in range(2500):
        fake.set(f"HY2025-1-{i:06d}", "50.25", other="12.40", since=None if i % 2 else "2019-07-01")
    fake.set("HY2025-7-000001", "1.00", grade=7)
    scores = _client(fake).scores(2025, 1)
    assert len(scores) == 2500 and len(fake.calls) == 3  # 1,000 a page
    one = scores["HY2025-1-000000"]
    assert (one.family_score, one.other_guardian_score, one.earliest_continuous_since) == \
           (Decimal("50.25"), Decimal("12.40"), date(2019, 7, 1))
    assert scores["HY2025-1-000001"].earliest_continuous_since is None and one.rulebook_id == "HY-2025"


@pytest.mark.parametrize("broken", [{"family_score": None}, {"family_score": "abc"},
                                    {"tie_break": "x"}, {"tie_break": {"earliest_continuous_since": "2020-13-01"}},
                                    {"application_no": None}])
def test_points_client_refuses_malformed_scores(broken):
    fake = FakePoints()
    fake.set("HY2025-1-000001", "1.00")
    item = {**fake.scores["HY2025-1-000001"], **broken}
    item = {k: v for k, v in item.items() if v is not None or k != "application_no"}
    fake.answer = lambda request, body: httpx.Response(200, json={"items": [item], "next_cursor": None})
    with pytest.raises(UpstreamError) as err:
        _client(fake).scores(2025, 1)
    assert err.value.status == 502 and err.value.code == "upstream_malformed"
