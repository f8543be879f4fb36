"""The planning what-if's answer (issue 13; plan 二(一) the 95 % target, 三(二) seats per township, 三(四) purchased
seats): how many seats, where, at what cost. Shares are percent strings with 2 decimals (``meets_target`` compares
exactly, without rounding: "95.00" can be short); money is yuan, a decimal string with 2 places, never a float.
Township figures as docs/policy.md §10 defines them; the search for the fewest extra seats in
``enrollment/planning_search.py``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Share = str | None
Yuan = str

SUMMARY = {"applicants": 13270, "eligible": 12006, "placed_public": 10357, "placed_private_choice": 1298,
           "placed_district": 351, "placed_purchased": 1649, "waitlisted": 1264, "eligible_waitlisted": 0,
           "public_share": "86.27", "target": "95.00", "meets_target": False, "first_choice": 8530, "top_3": 10912,
           "no_choice": 351}
TOWNSHIP = {"township_code": "331003003", "township_name": "西城街道", "demand": 1786, "public_seats": 1260,
            "placed_public": 1406, "placed_purchased": 380, "waitlisted": 0, "public_share": "78.72",
            "meets_target": False, "shortfall": 291, "needs_more_seats": True}
SHARES = {"public_share": "95.02", "meets_target": True, "placed_public": 1697, "placed_purchased": 89,
          "waitlisted": 0}
ONE_FEWER = {"public_share": "94.96", "meets_target": False, "placed_public": 1696, "placed_purchased": 90,
             "waitlisted": 0}
UNLIMITED = {"public_share": "100.00", "meets_target": True, "placed_public": 1786, "placed_purchased": 0,
             "waitlisted": 0}
GRADE = {"public_share": "88.89", "meets_target": False, "placed_public": 10672, "placed_purchased": 1334,
         "waitlisted": 0, "purchased_seats": 1334, "semester_cost": "4002000.00"}
FEWEST = {"township_code": "331003003", "township_name": "西城街道", "shortfall": 291, "extra_public_seats": 408,
          "reaches_target": True, "exact": True, "reason_code": None, "reason": None,
          "seats_by_school": [{"school_code": "HYGP00301", "seats": 125}, {"school_code": "HYGP00302", "seats": 125},
                              {"school_code": "HYGP00303", "seats": 158}],
          "reached": SHARES, "one_fewer": ONE_FEWER, "unlimited": UNLIMITED, "grade": GRADE, "placements_run": 6}
TOGETHER = {"extra_public_seats": {"331003003": 408, "331003004": 370}, "total_extra_public_seats": 778,
            "townships_still_short": [], "public_share": "91.40", "meets_target": False, "placed_public": 10973,
            "placed_purchased": 1033, "waitlisted": 0, "purchased_seats": 1033, "semester_cost": "3099000.00"}
PURCHASED = {"seats": 1649, "semester_cost": "4947000.00",
             "by_school": [{"school_code": "HYMP00301", "seats": 180, "tariff": "3000.00", "cost": "540000.00"}]}


def _example(value: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [value]})


class PlanningSummary(BaseModel):
    """A grade's head counts as a run report gives them (``enrollment.reports.summary``)."""

    model_config = _example(SUMMARY)

    applicants: int
    eligible: int
    placed_public: int = Field(description="公办学校录取: placed in round 1")
    placed_private_choice: int
    placed_district: int
    placed_purchased: int = Field(description="政府购买学位: placed in rounds 2 and 3")
    waitlisted: int
    eligible_waitlisted: int
    public_share: Share = Field(description="公办占比: placed_public / (placed_public + placed_purchased), percent")
    target: str
    meets_target: bool
    first_choice: int
    top_3: int
    no_choice: int


class PlanningTownship(BaseModel):
    """One township's row (docs/policy.md §10) with the seats as asked."""

    model_config = _example(TOWNSHIP)

    township_code: str | None
    township_name: str | None
    demand: int
    public_seats: int
    placed_public: int
    placed_purchased: int
    waitlisted: int
    public_share: Share
    meets_target: bool
    shortfall: int = Field(description="学位缺口: the fewest more children in public schools that would reach the "
                                       "target — a lower bound of the extra seats needed")
    needs_more_seats: bool


class Shares(BaseModel):
    """A township's (or grade's) eligible children by outcome, and its public share against the target."""

    model_config = _example(SHARES)

    public_share: Share
    meets_target: bool
    placed_public: int
    placed_purchased: int
    waitlisted: int


class GradeWithSeats(Shares):
    """The whole grade when placement runs again with the extra seats: its share, and the purchased seats left and
    their semester cost at the semester's tariffs (schools without a tariff are not costed; see
    ``missing_tariffs``)."""

    model_config = _example(GRADE)

    purchased_seats: int
    semester_cost: Yuan


class SeatsAtSchool(BaseModel):
    model_config = _example({"school_code": "HYGP00301", "seats": 125})

    school_code: str
    seats: int


class FewestSeats(BaseModel):
    """The fewest extra public seats (新增公办学位) in one township short of the target (学位缺口 > 0) with which
    placement, run again over the frozen snapshot, brings the township's public share to the target — on top of
    the seats the what-if asked for, with every other township as asked. The seats go to the active public schools
    serving the township (located there or with it in their catchment), one at a time by Sainte-Laguë on their
    seats (``seats_by_school``): asking the what-if for ``township_seats`` of the township's asked seats plus
    ``extra_public_seats`` places exactly as here."""

    model_config = _example(FEWEST)

    township_code: str | None
    township_name: str | None
    shortfall: int = Field(description="学位缺口 (lower bound): children placed by purchase who would need a public "
                                       "seat; each extra seat places at most one more child in a public school")
    extra_public_seats: int | None = Field(description="新增公办学位: the fewest extra seats that reach the target; "
                                                       "null when no number does (``reason_code``)")
    reaches_target: bool
    exact: bool = Field(description="minimality proved (deferred acceptance); false under immediate acceptance, "
                                    "where more seats can place fewer: the number reaches the target and one "
                                    "fewer does not, a smaller one might")
    reason_code: Literal["township_unknown", "no_public_school", "not_enough_applicants"] | None
    reason: str | None
    seats_by_school: list[SeatsAtSchool]
    reached: Shares | None = Field(description="the township with the extra seats")
    one_fewer: Shares | None = Field(description="the township with one seat fewer: short of the target")
    unlimited: Shares | None = Field(description="the township with unlimited seats at its public schools: the "
                                                 "most any number of seats can do")
    grade: GradeWithSeats | None = Field(description="the grade with the extra seats")
    placements_run: int = Field(description="how many times the search placed the grade again")


class AllShortTownships(GradeWithSeats):
    """Every reachable short township's extra seats added at once (seats added for one township can go to children
    of another, so a township may come out different from its own search; ``townships_still_short`` lists those
    short then)."""

    model_config = _example(TOGETHER)

    extra_public_seats: dict[str, int]
    total_extra_public_seats: int
    townships_still_short: list[str]


class PurchasedBySchool(BaseModel):
    model_config = _example(PURCHASED["by_school"][0])

    school_code: str
    seats: int
    tariff: Yuan | None
    cost: Yuan | None


class PlanningPurchased(BaseModel):
    model_config = _example(PURCHASED)

    seats: int
    semester_cost: Yuan
    by_school: list[PurchasedBySchool]


class PlanningGrade(BaseModel):
    """One grade placed again over its latest run's frozen snapshot with the seats asked."""

    model_config = _example({"grade": 1, "run_id": 12, "summary": SUMMARY, "townships": [TOWNSHIP],
                             "fewest_extra_public_seats": [FEWEST], "all_short_townships": TOGETHER,
                             "purchased": PURCHASED, "seats_without_a_school": {}})

    grade: int
    run_id: int | None
    summary: PlanningSummary
    townships: list[PlanningTownship]
    fewest_extra_public_seats: list[FewestSeats]
    all_short_townships: AllShortTownships | None
    purchased: PlanningPurchased
    seats_without_a_school: dict[str, int] = Field(description="extra seats asked for townships no active public "
                                                               "school serves")


class PlanningTotals(BaseModel):
    model_config = _example({"seats": 1649, "semester_cost": "4947000.00", "missing_tariffs": []})

    seats: int
    semester_cost: Yuan
    missing_tariffs: list[str]


class PlanningOut(BaseModel):
    """The planning what-if's answer (学位规划): nothing is stored (``stored`` is always false)."""

    model_config = _example({"season": 2025, "semester": "2025-autumn",
                             "grades": [{"grade": 1, "run_id": 12, "summary": SUMMARY, "townships": [TOWNSHIP],
                                         "fewest_extra_public_seats": [FEWEST], "all_short_townships": TOGETHER,
                                         "purchased": PURCHASED, "seats_without_a_school": {}}],
                             "purchased": {"seats": 1649, "semester_cost": "4947000.00", "missing_tariffs": []},
                             "target": "95.00", "stored": False})

    season: int
    semester: str | None
    grades: list[PlanningGrade]
    purchased: PlanningTotals
    target: str
    stored: bool
