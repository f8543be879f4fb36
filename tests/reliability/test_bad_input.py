"""Bad input, everywhere: data-driven tables over the write endpoints of the four services, in-process, on SQLite
and PostgreSQL (one stack of TestClients per backend for the whole module).

Every refusal must be a 4xx problem-details answer (``application/problem+json``) with a stable ``code`` naming
the field where there is one, and must write nothing: every row of every table of the service is hashed before
and after (:meth:`reliability_kit.Stack.digest`), so a refused request that stored an idempotency key, an outbox
row or half a record fails. Things that must be ACCEPTED (minority names with the middle dot, CJK extension
characters beyond the BMP, a lowercase ``x`` check character, dashed phones) are read back exactly.

A case whose refusal is known to be broken carries ``bug=`` (and ``bug_on=`` when only one backend breaks): it
is a strict xfail naming the defect, so it turns red the day the defect is fixed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from common.schemas import Timestamp, day_in_shanghai
from reliability_kit import (FACTS, INSURANCE, PERMIT, RAW, SEASON, application, as_role, assert_problem, birth_of,
                             case, full_width, id_ending_x, id_number, pages, private_school, public_school, raw_json,
                             rulebook, seat, with_value, without, wrong_check)

HUGE = str(10**30)
LONG_INT = "9" * 5000  # beyond Python's int-from-text limit (4300 digits)
BOTH = ("sqlite", "postgres")


# ---- the world the bad requests are aimed at ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(stack):
    """Schools, seats and a plan, one application, a published run with a lodged appeal, a registered case with
    its requests, a semester, a tariff, a purchased seat and a draft settlement, a draft rulebook."""
    d = stack.data
    call, ok = stack.call, stack.ok
    registered = ok(call("verification", "POST", "/cases", "bureau", json_body=case("HY2025-1-900001")), 201)
    kinds = {r["kind"]: r["id"] for r in registered["requests"]}
    d.update(permit_request=kinds["residence_permit"], insurance_request=kinds["social_insurance"])
    for school in (public_school("P1"), public_school("P2"), private_school("R1"), private_school("R2")):
        ok(call("enrollment", "POST", "/schools", "bureau", json_body=school), 201)
    ok(call("enrollment", "PUT", "/schools/P1/seats/2025/1", "bureau", json_body={"migrant_seats": 10}))
    ok(call("enrollment", "PUT", "/schools/R1/plans/2025/1", "bureau", json_body={"planned": 5}))
    d["application_no"], d["application_no_2"] = (ok(call(
        "enrollment", "POST", "/applications", "platform", key=f"world-app-{n}",
        json_body=application(public=["P1"], private=["R1"])), 201)["application_no"] for n in (1, 2))
    run = ok(call("enrollment", "POST", "/runs", "bureau",
                  json_body={"season": SEASON, "grade": 1, "mechanism": "deferred_acceptance", "seed": "s1"}), 201)
    d["run_id"] = run["id"]
    ok(call("enrollment", "POST", f"/runs/{run['id']}/publish", "bureau", json_body={"window_days": 5}))
    d["appeal_id"] = ok(call("enrollment", "POST", "/appeals", "platform", json_body={
        "run_id": run["id"], "application_no": d["application_no"], "reason": "复核申请"}), 201)["id"]
    ok(call("funding", "POST", "/semesters", "bureau", json_body={"code": "2025-autumn"}), 201)
    ok(call("funding", "PUT", "/tariffs/R1/2025-autumn", "bureau",
            json_body={"operating_cost_per_pupil": "3000.00", "original_fee": "2800.00"}))
    handed = ok(call("funding", "POST", "/purchased-seats/handover", "service:enrollment", key="world-seat",
                     json_body={"run_id": "1", "seats": [seat("HY2025-1-700001")]}))
    d["seat_id"] = handed["items"][0]["seat_id"]
    d["settlement_id"] = ok(call("funding", "POST", "/settlements", "bureau",
                                 json_body={"school_code": "R1", "semester": "2025-autumn"}), 201)["id"]
    ok(call("points", "POST", "/rulebooks", "bureau", json_body=rulebook("RB-DRAFT")), 201)
    return stack


# ---- the write endpoints and a valid body for each ---------------------------------------------------------------

@dataclass(frozen=True)
class Endpoint:
    service: str
    method: str
    path: str  # formatted with the world's data: {run_id}, {seat_id} ...
    role: str
    body: Callable[[dict[str, Any]], Any]
    keyed: bool = False  # the endpoint requires an Idempotency-Key


ENDPOINTS: dict[str, Endpoint] = {
    # enrollment
    "schools": Endpoint("enrollment", "POST", "/schools", "bureau", lambda d: public_school("NEWP")),
    "school-put": Endpoint("enrollment", "PUT", "/schools/P1", "bureau",
                           lambda d: without(public_school("P1"), "code")),
    "seats": Endpoint("enrollment", "PUT", "/schools/P1/seats/2025/1", "bureau", lambda d: {"migrant_seats": 10}),
    "plans": Endpoint("enrollment", "PUT", "/schools/R1/plans/2025/1", "bureau", lambda d: {"planned": 5}),
    "applications": Endpoint("enrollment", "POST", "/applications", "platform",
                             lambda d: application(public=["P1", "P2"], private=["R1"], guardians=2)),
    "app-batch": Endpoint("enrollment", "POST", "/applications/batch", "platform",
                          lambda d: {"items": [application(public=["P1"])]}, keyed=True),
    "runs": Endpoint("enrollment", "POST", "/runs", "bureau",  # another season: an accepted bad body (a bug)
                     lambda d: {"season": SEASON + 1, "grade": 1,  # must not supersede the world's run
                                "mechanism": "deferred_acceptance", "seed": "s2"}),
    "publish": Endpoint("enrollment", "POST", "/runs/{run_id}/publish", "bureau", lambda d: {"window_days": 5}),
    "appeals": Endpoint("enrollment", "POST", "/appeals", "platform", lambda d: {
        "run_id": d["run_id"], "application_no": d["application_no_2"], "reason": "复核申请"}),
    "webhooks": Endpoint("enrollment", "POST", "/webhooks", "platform",
                         lambda d: {"url": "https://platform.example/tongcheng/hook", "after": 0}),
    "decision": Endpoint("enrollment", "POST", "/appeals/{appeal_id}/decision", "bureau",
                         lambda d: {"decision": "rejected", "note": "维持原录取"}),
    "status": Endpoint("enrollment", "POST", "/placements/status", "platform",
                       lambda d: {"application_nos": [d["application_no_2"]]}),
    "app-search": Endpoint("enrollment", "POST", "/applications/search", "bureau",
                           lambda d: {"child_id_number": GOOD_ID, "season": SEASON, "limit": 10}),
    "age-exceptions": Endpoint("enrollment", "POST", "/age-exceptions", "bureau", lambda d: {
        "season": SEASON, "grade": 1, "child_id_number": id_number(date(SEASON - 9, 3, 1)), "reason": "因病推迟入学"}),
    "app-lookup": Endpoint("enrollment", "POST", "/applications/lookup", "platform",
                           lambda d: {"child_id_number": GOOD_ID}),
    "what-if-plan": Endpoint("enrollment", "POST", "/planning/what-if", "bureau", lambda d: {
        "season": SEASON, "seats": [{"school_code": "P1", "grade": 1, "change": 2}],
        "township_seats": [{"township_code": "331003001", "grade": 1, "seats": 3}]}),
    # verification
    "cases": Endpoint("verification", "POST", "/cases", "bureau", lambda d: case("HY2025-1-910001", guardians=2)),
    "case-batch": Endpoint("verification", "POST", "/cases/batch", "bureau",
                           lambda d: {"items": [case("HY2025-1-910002")]}, keyed=True),
    "result": Endpoint("verification", "POST", "/requests/{permit_request}/results", "police",
                       lambda d: {"outcome": "confirmed", "facts": PERMIT}, keyed=True),
    "result-si": Endpoint("verification", "POST", "/requests/{insurance_request}/results", "hrss",
                          lambda d: {"outcome": "confirmed", "facts": INSURANCE}, keyed=True),
    "result-batch": Endpoint("verification", "POST", "/results/batch", "police", lambda d: {"items": [
        {"request_id": d["permit_request"], "outcome": "confirmed", "facts": PERMIT}]}, keyed=True),
    "rechecks": Endpoint("verification", "POST", "/rechecks", "bureau", lambda d: {
        "ref": "enrollment-appeal-9", "application_no": "HY2025-1-910009", "guardian_no": 1,
        "kind": "social_insurance", "ground": "社保漏登"}),
    # points
    "rulebooks": Endpoint("points", "POST", "/rulebooks", "bureau", lambda d: rulebook("RB-NEW")),
    "rulebook-put": Endpoint("points", "PUT", "/rulebooks/RB-DRAFT", "bureau", lambda d: rulebook("RB-DRAFT")),
    "scoring-jobs": Endpoint("points", "POST", "/scoring-jobs", "bureau", lambda d: {"season": SEASON, "grade": 1}),
    "what-if": Endpoint("points", "POST", "/what-if", "bureau", lambda d: {
        "rulebook_id": "HY-2025", "grade": 1, "child_birth_date": "2019-03-01",
        "guardians": [{"guardian_no": 1, "facts": FACTS}]}),
    # funding
    "semesters": Endpoint("funding", "POST", "/semesters", "bureau", lambda d: {"code": "2026-spring"}),
    "tariffs": Endpoint("funding", "PUT", "/tariffs/R1/2025-autumn", "bureau",
                        lambda d: {"operating_cost_per_pupil": "3000.00", "original_fee": "2800.00"}),
    "handover": Endpoint("funding", "POST", "/purchased-seats/handover", "service:enrollment",
                         lambda d: {"run_id": "9", "seats": [seat("HY2025-1-800001")]}),
    "seat-end": Endpoint("funding", "POST", "/purchased-seats/{seat_id}/end", "bureau",
                         lambda d: {"end_date": "2025-12-31", "reason": "转学"}),
    "transfer": Endpoint("funding", "POST", "/purchased-seats/{seat_id}/transfer", "bureau",
                         lambda d: {"to_school_code": "R2", "on": "2025-10-08"}),
    "settlements": Endpoint("funding", "POST", "/settlements", "bureau",
                            lambda d: {"school_code": "R1", "semester": "2025-autumn"}),
    "settle-run": Endpoint("funding", "POST", "/settlements/run", "bureau", lambda d: {"semester": "2025-autumn"}),
    "disburse": Endpoint("funding", "POST", "/settlements/{settlement_id}/disbursements", "finance",
                         lambda d: {"reference": "HYCZ-1", "amount": "100.00",
                                    "paid_on": day_in_shanghai().isoformat()}),
    "adjust": Endpoint("funding", "POST", "/adjustments", "finance", lambda d: {
        "settlement_id": d["settlement_id"], "seat_id": d["seat_id"], "corrected_end_date": "2025-10-31",
        "reason": "更正"}),
    "budget": Endpoint("funding", "PUT", "/budget/2025", "finance", lambda d: {"appropriation": "1000000.00"}),
    "roll-confirm": Endpoint("funding", "POST", "/rolls/R1/2025-autumn/confirmations", "bureau", lambda d: {
        "attending": [], "left": [{"seat_id": d["seat_id"], "left_on": "2025-10-31", "code": "private_school",
                                   "to_school_code": "R2", "note": "转学"}]}),
}


# ---- the cases -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bad:
    """One refused request: ``change(body)`` (or ``at``/``value``; ``raw`` = a JSON literal put at ``at``), or
    ``content`` sent as it is; expected ``status``, ``code``, ``field``."""

    ep: str
    name: str
    at: str | None = None
    value: Any = None
    raw: str | None = None
    change: Callable[[Any], Any] | None = None
    content: bytes | None = None
    content_type: str | None = "application/json"
    path: str | None = None  # replaces the endpoint's path
    headers: tuple[tuple[str, str], ...] = ()
    status: int | tuple[int, ...] = 422
    code: str | tuple[str, ...] | None = "validation_error"
    field: str | None = None
    bug: str | None = None
    bug_on: tuple[str, ...] = BOTH

    @property
    def id(self) -> str:
        return f"{self.ep}:{self.name}"


def bad(ep: str, name: str, at: str, value: Any = None, *, raw: str | None = None, **kw: Any) -> Bad:
    """A refusal of ``at`` set to ``value`` (or the raw literal), naming ``at`` unless ``field`` is given."""
    kw.setdefault("field", at)
    return Bad(ep, name, at=at, value=value, raw=raw, **kw)


GOOD_ID = id_number(date(1988, 5, 6), 321)
X_ID = id_ending_x()
FUTURE_ID = id_number("20991231", 1)
IMPOSSIBLE_ID = id_number("19900230", 1)
BEFORE_1900_ID = id_number("18991231", 1)


ID_REFUSALS = [
    ("wrong-check", wrong_check(GOOD_ID), None), ("impossible-birth", IMPOSSIBLE_ID, None),
    ("future-birth", FUTURE_ID, None), ("before-1900", BEFORE_1900_ID, None), ("15-digit", "331003880506321", None),
    ("17-chars", GOOD_ID[:17], None), ("19-chars", GOOD_ID + "1", None), ("full-width", full_width(GOOD_ID), None),
    ("letter-O-for-0", GOOD_ID.replace("0", "O", 1), None), ("cyrillic-X", X_ID[:-1] + "\u0425", None),
    ("inner-space", GOOD_ID[:6] + " " + GOOD_ID[6:], None), ("trailing-space", GOOD_ID + " ", None),
    ("nbsp", GOOD_ID[:6] + "\u00a0" + GOOD_ID[7:], None), ("empty", "", None),
    ("area-000000", id_number(date(1988, 5, 6), 7, region="000000"), None),
    ("area-990000", id_number(date(1988, 5, 6), 7, region="990000"), None),
    ("as-number", None, GOOD_ID[:-1] + ("1" if GOOD_ID[-1] == "X" else GOOD_ID[-1]))]


def id_number_cases(ep: str, at: str) -> list[Bad]:
    """GB 11643 refusals at ``at`` (BRIEF §9, docs/api.md verification: 15-digit, full-width, look-alike letters,
    spaces, impossible or future birth dates → 422)."""
    return [bad(ep, f"{at}:id-{label}", at, value, raw=literal) for label, value, literal in ID_REFUSALS]


NAME_REFUSALS = [("bell", "张\u0007三"), ("newline", "张\n三"), ("nul", "张\u0000三"), ("zero-width", "张\u200b三"),
                 ("rtl-override", "\u202e张三"), ("leading-space", " 张三"), ("empty", ""), ("private-use", "张\ue000"),
                 ("too-long", "张" * 65)]


def name_cases(ep: str, at: str) -> list[Bad]:
    cases = [bad(ep, f"name-{label}", at, value) for label, value in NAME_REFUSALS]
    cases.append(bad(ep, "name-lone-surrogate", at, raw='"\\ud800"'))
    cases.append(bad(ep, "name-lone-low-surrogate", at, raw='"张\\udc00"'))
    cases.append(bad(ep, "name-number", at, raw="42"))
    return [Bad(**{**c.__dict__, "name": f"{at}:{c.name}"}) for c in cases]


def number_cases(ep: str, at: str, *, code: str = "validation_error", min_ok: int = 0,
                 field: str | None = None) -> list[Bad]:
    """Integers (counts, seasons, ids): huge, negative, booleans, floats, numeric strings, NaN, Infinity."""
    kw: dict[str, Any] = {"code": code}
    if field is not None:
        kw["field"] = field
    raws = [("huge", HUGE), ("negative", str(min_ok - 1)), ("true", "true"), ("float", "1.5"), ("nan", "NaN"),
            ("infinity", "Infinity"), ("1e400", "1e400"), ("string", '"10"'), ("null", "null")]
    return [bad(ep, f"{at}-{label}", at, raw=literal, **kw) for label, literal in raws]


def money_cases(ep: str, at: str) -> list[Bad]:
    """Money is a decimal string with ≤ 2 places (BRIEF §8): no JSON numbers, no exponents, no Unicode digits."""
    values = [("json-int", None, "3000"), ("json-float", None, "3000.5"), ("nan", None, "NaN"),
              ("infinity", None, "Infinity"), ("true", None, "true"), ("3-decimals", "3000.001", None),
              ("thousands-comma", "3,000.00", None), ("underscore", "3_000.00", None),
              ("full-width", full_width("3000") + ".00", None), ("exponent", "3e3", None), ("plus", "+3000.00", None),
              ("spaces", " 3000.00", None), ("nan-text", "NaN", None), ("infinity-text", "Infinity", None),
              ("negative", "-1.00", None), ("too-large", "10000000000000.00", None), ("empty", "", None),
              ("long-digits", LONG_INT, None)]
    return [bad(ep, f"money-{label}", at, value, raw=literal) for label, value, literal in values]


def day_cases(ep: str, at: str, *, code: str = "validation_error", field: str | None = None) -> list[Bad]:
    kw: dict[str, Any] = {"code": code}
    if field is not None:
        kw["field"] = field
    values = [("feb-30", "2025-02-30", None), ("feb-29-not-leap", "2025-02-29", None), ("month-13", "2025-13-01", None),
              ("short", "2025-9-1", None), ("number", None, "20250901"), ("datetime", "2025-09-01T00:00:00", None),
              ("full-width", full_width("2025") + "-09-01", None), ("plus-year", "+2025-09-01", None),
              ("empty", "", None)]
    return [bad(ep, f"day-{label}", at, value, raw=literal, **kw) for label, value, literal in values]


def text_nul_cases(ep: str, at: str, *, code: str | tuple[str, ...] = "validation_error", bug: str | None = None,
                   bug_on: tuple[str, ...] = BOTH, control: bool = True) -> list[Bad]:
    """Free text: NUL (PostgreSQL cannot store it) and lone surrogates must be refused as 422, on both backends;
    with ``control``, other control characters too."""
    cases = [bad(ep, "text-nul", at, "甲\u0000乙", code=code, bug=bug, bug_on=bug_on),
             bad(ep, "text-lone-surrogate", at, raw='"甲\\ud800"', code=code)]
    if control:
        cases.append(bad(ep, "text-bell", at, "甲\u0007乙", code=code, bug=bug, bug_on=bug_on))
    return cases


def unknown_field_cases(ep: str, paths: list[tuple[str, Any]]) -> list[Bad]:
    """Unknown fields on write models are refused (so no caller can set a status or a score)."""
    return [bad(ep, f"unknown-{p.replace('.', '-')}", p, v) for p, v in paths]



CASES: list[Bad] = []

# -- enrollment: applications (BRIEF §4 step 2, §9) --------------------------------------------------------------
CASES += id_number_cases("applications", "guardians.0.id_number")
CASES += id_number_cases("applications", "child.id_number")
CASES += id_number_cases("app-search", "child_id_number") + id_number_cases("app-lookup", "child_id_number")
CASES += id_number_cases("age-exceptions", "child_id_number") + text_nul_cases("age-exceptions", "reason") + [
    bad("age-exceptions", "grade-2", "grade", 2), bad("age-exceptions", "no-reason", "reason", ""),
    bad("age-exceptions", "season-text", "season", "2025"), bad("age-exceptions", "unknown", "note", "x")]
CASES += [bad("app-search", "phone-letters", "phone", "1381234567a"), bad("app-search", "limit-0", "limit", 0),
          bad("app-search", "cursor-text", "cursor", "abc", code="invalid_cursor"),
          bad("app-search", "state-unknown", "state", "placed"), bad("app-search", "season-text", "season", "2025"),
          bad("app-search", "township-unknown", "township_code", "999999999"),
          bad("app-lookup", "no-id", "child_id_number", None)]
CASES += [Bad("applications", "id-lowercase-x-twice", change=lambda b: with_value(with_value(  # x is X: one person
    b, "guardians.0.id_number", X_ID), "guardians.1.id_number", X_ID.lower()), code="duplicate_guardian",
    field="guardians.1.id_number")]
CASES += name_cases("applications", "child.name") + name_cases("applications", "guardians.0.name")
CASES += [bad("applications", f"phone-{label}", "guardians.0.phone", value, raw=literal) for label, value, literal in [
    ("10-digits", "1381234567", None), ("12-digits", "138123456789", None), ("starts-12", "12812345678", None),
    ("full-width", full_width("13812345678"), None), ("spaces", "138 1234 5678", None),
    ("plus-86", "+8613812345678", None), ("letter", "1381234567a", None), ("empty", "", None),
    ("json-number", None, "13812345678"), ("landline-no-area", "84123456", None)]]
CASES += day_cases("applications", "child.birth_date")
CASES += [
    bad("applications", "birth-not-the-ids", "child.birth_date", None, code="birth_date_mismatch", change=lambda b: (
        with_value(b, "child.birth_date", (birth_of(b["child"]["id_number"]) + timedelta(days=1)).isoformat()))),
    bad("applications", "season-huge", "season", raw=HUGE), bad("applications", "season-true", "season", raw="true"),
    bad("applications", "season-float", "season", raw="2025.0"),
    bad("applications", "season-string", "season", "2025"), bad("applications", "season-nan", "season", raw="NaN"),
    bad("applications", "grade-2", "grade", 2),
    bad("applications", "grade-true", "grade", raw="true"),
    bad("applications", "grade-1.0", "grade", raw="1.0"),
    bad("applications", "township-unknown", "township_code", "331003999"),
    bad("applications", "township-full-width", "township_code", full_width("331003001")),
    bad("applications", "duplicate-public-choice", "public_choices", ["P1", "P1"], code="duplicate_choice",
        field="public_choices.1"),
    bad("applications", "duplicate-private-choice", "private_choices", ["R1", "R1"], code="duplicate_choice",
        field="private_choices.1"),
    bad("applications", "six-public-choices", "public_choices", ["P1", "P2", "P3", "P4", "P5", "P6"]),
    bad("applications", "private-as-public", "public_choices", ["R1"], code="wrong_school_kind",
        field="public_choices.0"),
    bad("applications", "unknown-school", "private_choices", ["NOPE"], code="unknown_school",
        field="private_choices.0"),
    bad("applications", "no-guardians", "guardians", []),
    bad("applications", "three-guardians", "guardians", None,
        change=lambda b: {**b, "guardians": b["guardians"] + b["guardians"][:1]}, field="guardians"),
    bad("applications", "same-guardian-twice", "guardians", None,
        change=lambda b: {**b, "guardians": [b["guardians"][0], {**b["guardians"][1],
                                                                 "id_number": b["guardians"][0]["id_number"]}]},
        code="duplicate_guardian", field="guardians.1.id_number"),
    bad("applications", "guardian-is-child", "guardians.0.id_number", None,
        change=lambda b: with_value(b, "guardians.0.id_number", b["child"]["id_number"]), code="guardian_is_child"),
    bad("applications", "guardian-born-after-child", "guardians.0.id_number", None, code="guardian_age",
        change=lambda b: with_value(b, "guardians.0.id_number", id_number(
            date.fromisoformat(b["child"]["birth_date"]) + timedelta(days=1), 5))),
    bad("applications", "guardian-born-with-child", "guardians.1.id_number", None, code="guardian_age",
        change=lambda b: with_value(b, "guardians.1.id_number", id_number(
            date.fromisoformat(b["child"]["birth_date"]), 6))),
    bad("applications", "guardian-13-at-birth", "guardians.0.id_number", None, code="guardian_age",
        change=lambda b: with_value(b, "guardians.0.id_number", id_number(
            date.fromisoformat(b["child"]["birth_date"]).replace(year=date.fromisoformat(
                b["child"]["birth_date"]).year - 14) + timedelta(days=1), 7))),
    bad("applications", "claim-unknown-guardian", "claims", None, change=lambda b: {
        **b, "guardians": b["guardians"][:1],
        "claims": {"housing": [{"guardian_no": 2, "tenure": "rented", "lease_no": "HYZL-1"}]}},
        code="unknown_guardian", field="claims.housing"),
    bad("applications", "claim-twice", "claims", None, change=lambda b: {
        **b, "claims": {"business_license": [{"guardian_no": 1, "uscc": "92331003MA2000001B"},
                                             {"guardian_no": 1, "uscc": "92331003MA2000002E"}]}},
        code="duplicate_claim", field="claims.business_license"),
    bad("applications", "share-json-number", "claims", None, change=lambda b: {
        **b, "claims": {"housing": [{"guardian_no": 1, "tenure": "owned", "certificate_no": "浙(2021)1号",
                                     "share_percent": 50}]}}, field="claims.housing.0.owned.share_percent"),
    bad("applications", "share-over-100", "claims", None, change=lambda b: {
        **b, "claims": {"housing": [{"guardian_no": 1, "tenure": "owned", "certificate_no": "浙(2021)1号",
                                     "share_percent": "100.01"}]}}, field="claims.housing.0.owned.share_percent"),
    bad("applications", "tenure-unknown", "claims", None, change=lambda b: {
        **b, "claims": {"housing": [{"guardian_no": 1, "tenure": "borrowed", "lease_no": "X"}]}},
        field="claims.housing.0"),
]
CASES += text_nul_cases("applications", "guardians.0.relation")
CASES += [bad("applications", f"lease-{c.name}", "claims", None, change=(lambda v: lambda b: {
    **b, "claims": {"housing": [{"guardian_no": 1, "tenure": "rented", "lease_no": v}]}})(c.value),
    field="claims.housing.0.rented.lease_no") for c in text_nul_cases("applications", "x", control=False)[:1]]
CASES += unknown_field_cases("applications", [
    ("state", "placed"), ("application_no", "HY2025-1-000001"), ("score", "99.00"), ("child.verified", True),
    ("guardians.0.score", "40.00"), ("claims.points", 10)])
# -- enrollment: the batch (bad items are reported item by item: see test_batch_items_*) --------------------------
CASES += [
    bad("app-batch", "empty-items", "items", []),
    bad("app-batch", "items-not-a-list", "items", {"0": {}}),
    bad("app-batch", "1001-items", "items", [{}] * 1001),
    Bad("app-batch", "no-key", status=400, code="idempotency_key_required", headers=(("x-no-key", "1"),)),
]
# -- enrollment: schools, seats, plans (BRIEF §6, §7) ------------------------------------------------------------
CASES += [
    bad("schools", "code-spaces", "code", "P 9"), bad("schools", "code-33", "code", "P" * 33),
    bad("schools", "code-full-width", "code", full_width("99")),
    bad("schools", "kind-unknown", "kind", "charter"), bad("schools", "township-unknown", "township_code", "331003999"),
    bad("schools", "catchment-repeats", "catchment_townships", ["331003001", "331003001"], field=None),
    bad("schools", "private-without-areas", "kind", "private", field=None),
    bad("schools", "area-json-float", "kind", None,
        change=lambda b: {**private_school("NEWR"), "floor_area_m2": 3000.5}, field="floor_area_m2"),
    bad("schools", "area-3-decimals", "kind", None,
        change=lambda b: {**private_school("NEWR"), "land_area_m2": "9000.001"}, field="land_area_m2"),
    bad("schools", "area-1e400", "land_area_m2", raw="1e400", change=lambda b: {**private_school("NEWR"),
                                                                               "land_area_m2": RAW}),
    bad("schools", "area-negative", "kind", None, change=lambda b: {**private_school("NEWR"), "floor_area_m2": "-1"},
        field="floor_area_m2"),
    # Decimal() reads full-width digits and underscores: an area is ASCII digits (common.schemas.DECIMAL_TEXT)
    bad("schools", "area-full-width", "kind", None,
        change=lambda b: {**private_school("NEWR"), "floor_area_m2": full_width("3000")}, field="floor_area_m2"),
    bad("schools", "area-underscore", "kind", None,
        change=lambda b: {**private_school("NEWR"), "land_area_m2": "9_000"}, field="land_area_m2"),
    bad("schools", "classrooms-grade-7", "kind", None,
        change=lambda b: {**private_school("NEWR"), "classrooms": {"7": 2}}, field=None),
    bad("schools", "classrooms-bool", "kind", None,
        change=lambda b: {**private_school("NEWR"), "classrooms": {"1": True}}, field="classrooms.1"),
    bad("schools", "name-empty", "name", ""),
]
CASES += text_nul_cases("schools", "name")
CASES += unknown_field_cases("schools", [("version", 9), ("approved_capacity", 9999), ("intakes", [])])
CASES += [bad("school-put", "kind-unknown", "kind", "charter"), bad("school-put", "status-unknown", "status", "open"),
          Bad("school-put", "stale-if-match", change=lambda b: b, headers=(("If-Match", '"v99"'),), status=412,
              code="precondition_failed"),
          Bad("school-put", "unknown-school", change=lambda b: b, path="/schools/NOPE", status=404, code=None)]
CASES += number_cases("seats", "migrant_seats")
CASES += [bad("seats", "long-int", "migrant_seats", raw=LONG_INT, status=(400, 422), code=None, field=None),
          Bad("seats", "season-path-huge", path=f"/schools/P1/seats/{HUGE}/1", field="season"),
          Bad("seats", "grade-path-0", path="/schools/P1/seats/2025/0", field="grade"),
          Bad("seats", "private-school", path="/schools/R1/seats/2025/1", code="wrong_school_kind", field=None)]
CASES += number_cases("plans", "planned")
CASES += [bad("plans", "over-capacity", "planned", 10_000, code="plan_over_capacity", field=None)]
# -- enrollment: runs, appeals (BRIEF §4 step 6, §6) -------------------------------------------------------------
CASES += [
    bad("runs", "mechanism-unknown", "mechanism", "serial_dictatorship"),
    bad("runs", "seed-empty", "seed", ""), bad("runs", "seed-space", "seed", "a b"),
    bad("runs", "seed-nul", "seed", "a\u0000b"), bad("runs", "seed-float", "seed", raw="1.5"),
    bad("runs", "seed-bool", "seed", raw="true"), bad("runs", "seed-too-big", "seed", raw=str(2**64)),
    bad("runs", "season-huge", "season", raw=HUGE), bad("runs", "grade-5", "grade", 5),
    bad("runs", "grade-true", "grade", raw="true"), bad("runs", "grade-1.0", "grade", raw="1.0"),
]
CASES += unknown_field_cases("runs", [("state", "final"), ("rulebook_id", "HY-2025"), ("counts", {})])
CASES += [bad("publish", f"window-{label}", "window_days", raw=literal) for label, literal in [
    ("0", "0"), ("61", "61"), ("true", "true"), ("huge", HUGE), ("float", "5.5"), ("string", '"5"'),
    ("nan", "NaN")]]
CASES += unknown_field_cases("publish", [("state", "final"), ("window_ends_on", "2099-01-01")])
CASES += [Bad("publish", "run-id-huge", path=f"/runs/{HUGE}/publish", field="run_id"),
          Bad("publish", "run-id-zero", path="/runs/0/publish", field="run_id"),
          Bad("publish", "run-id-text", path="/runs/abc/publish", field="run_id")]
CASES += [
    bad("appeals", "run-id-true", "run_id", raw="true"), bad("appeals", "run-id-string", "run_id", "1"),
    bad("appeals", "run-id-huge", "run_id", raw=HUGE),
    bad("appeals", "reason-empty", "reason", ""), bad("appeals", "reason-4001", "reason", "理" * 4001),
    bad("appeals", "application-no-41", "application_no", "A" * 41),
]
CASES += [
    bad("appeals", "disputes-type", "disputes", {"type": "school", "rule": "x"}),
    bad("appeals", "disputes-kind", "disputes", {"type": "fact", "guardian_no": 1, "kind": "passport"},
        field="disputes.fact.kind"),
    bad("appeals", "disputes-guardian-0", "disputes", {"type": "fact", "guardian_no": 0, "kind": "housing"},
        field="disputes.fact.guardian_no"),
    bad("appeals", "disputes-rule-empty", "disputes", {"type": "placement_rule", "rule": ""},
        field="disputes.placement_rule.rule"),
]
CASES += [bad("webhooks", "url-ftp", "url", "ftp://platform.example/x"), bad("webhooks", "url-empty", "url", ""),
          bad("webhooks", "url-no-host", "url", "https:///x"), bad("webhooks", "url-space", "url", "https://a b/"),
          bad("webhooks", "url-501", "url", "https://p.example/" + "x" * 483),
          bad("webhooks", "url-int", "url", raw="7"), bad("webhooks", "after-negative", "after", -1),
          bad("webhooks", "after-true", "after", raw="true"), bad("webhooks", "after-huge", "after", raw=HUGE)]
CASES += text_nul_cases("webhooks", "url", control=False)
# a guardian's relation is words; free text takes no bidi override or isolate (common.schemas WordsText, PlainText)
CASES += [bad("applications", f"relation-{n}", "guardians.0.relation", v) for n, v in [
    ("emoji", "父亲\U0001F600"), ("rlo", "父\u202e亲"), ("symbol", "父亲★"), ("zero-width", "父\u200b亲"),
    ("c1", "父\x85亲")]]
CASES += [bad("appeals", f"reason-{n}", "reason", f"复核{c}申请") for n, c in [
    ("rlo", "\u202e"), ("lre", "\u202a"), ("fsi", "\u2068"), ("pdi", "\u2069"), ("c1", "\x9b")]]
CASES += [bad("decision", "note-rli", "note", "维持\u2067原录取")]
# SSRF (enrollment.webhook_targets): not https, an IP literal in any spelling, or a name resolving inside
CASES += [bad("webhooks", f"url-inside-{name}", "url", url, code="webhook_url_forbidden") for name, url in [
    ("metadata", "http://169.254.169.254/latest/meta-data"), ("metadata-https", "https://169.254.169.254/x"),
    ("loopback-ssh", "http://127.0.0.1:22/"), ("loopback-https", "https://127.0.0.1:8101/health"),
    ("decimal", "https://2130706433/"), ("hex-short", "https://0x7f.1/"), ("octal", "https://017700000001/"),
    ("short", "https://127.1/"), ("v6-loopback", "https://[::1]/"), ("v6-mapped", "https://[::ffff:127.0.0.1]/"),
    ("v6-link-local", "https://[fe80::1]/"), ("private-10", "https://10.0.0.5/"), ("unspecified", "https://0.0.0.0/"),
    ("localhost", "https://localhost/hook"), ("localhost-dot", "https://localhost./hook"),
    ("public-ip", "https://93.184.216.34/"), ("http-name", "http://platform.example/hook")]]
CASES += unknown_field_cases("webhooks", [("secret", "0" * 64), ("delivered_up_to", 0)])
CASES += [bad("rechecks", "kind-unknown", "kind", "passport"), bad("rechecks", "guardian-0", "guardian_no", 0),
          bad("rechecks", "ground-empty", "ground", ""), bad("rechecks", "ref-space", "ref", "a b"),
          bad("rechecks", "ref-61", "ref", "r" * 61), bad("rechecks", "application-no-41", "application_no", "A" * 41)]
CASES += text_nul_cases("rechecks", "ground", control=False)
CASES += unknown_field_cases("rechecks", [("open", True), ("result_id", 1)])
CASES += text_nul_cases("appeals", "reason", control=False)
CASES += unknown_field_cases("appeals", [("state", "upheld"), ("decided_by", "bureau-1")])
CASES += [bad("decision", "decision-unknown", "decision", "granted"),
          bad("decision", "note-4001", "note", "注" * 4001),
          Bad("decision", "appeal-id-huge", path=f"/appeals/{HUGE}/decision", field="appeal_id")]
CASES += text_nul_cases("decision", "note", control=False)
CASES += [bad("status", "empty", "application_nos", []),
          bad("status", "1001", "application_nos", ["HY2025-1-000001"] * 1001),
          bad("status", "not-a-number", "application_nos.0", "HY 2025", field="application_nos.0"),
          bad("status", "shape", "application_nos.0", "ABC", code="application_no_format"),
          bad("status", "nul", "application_nos.0", "HY\u00002025"),
          bad("status", "int", "application_nos.0", raw="7"), bad("status", "41", "application_nos.0", "H" * 41)]
CASES += unknown_field_cases("status", [("season", 2025)])
CASES += [bad("what-if-plan", "season-huge", "season", raw=HUGE), bad("what-if-plan", "season-text", "season", "2025"),
          bad("what-if-plan", "semester-space", "semester", "2025 autumn"),
          bad("what-if-plan", "school-unknown", "seats.0.school_code", "NOPE", code="unknown_school"),
          bad("what-if-plan", "school-nul", "seats.0.school_code", "P\u00001"),
          bad("what-if-plan", "grade-5", "seats.0.grade", 5),
          bad("what-if-plan", "change-huge", "seats.0.change", 10**6),
          bad("what-if-plan", "change-float", "seats.0.change", raw="1.5"),
          bad("what-if-plan", "seats-negative", "township_seats.0.seats", -1),
          bad("what-if-plan", "township-outside", "township_seats.0.township_code", "331003999",
              code="township_unknown"),
          bad("what-if-plan", "township-short", "township_seats.0.township_code", "3310"),
          bad("what-if-plan", "1001-changes", "seats", [{"school_code": "P1", "grade": 1, "change": 1}] * 1001)]
CASES += unknown_field_cases("what-if-plan", [("stored", True), ("seats.0.seats", 3)])
CASES += unknown_field_cases("decision", [("state", "upheld"), ("decided_by", "bureau-9")])

# -- verification (docs/api.md verification) -------------------------------------------------------------------
CASES += id_number_cases("cases", "guardians.0.id_number")
CASES += name_cases("cases", "guardians.0.name")
CASES += day_cases("cases", "child_birth_date")
CASES += [
    bad("cases", "birth-future", "child_birth_date", "2099-01-01"),
    bad("cases", "application-no-spaces", "application_no", "HY 2025"),
    bad("cases", "application-no-surrogate", "application_no", raw='"\\ud800"'),
    bad("cases", "season-huge", "season", raw=HUGE), bad("cases", "season-true", "season", raw="true"),
    bad("cases", "grade-true", "grade", raw="true"), bad("cases", "grade-1.0", "grade", raw="1.0"),
    bad("cases", "guardian-no-true", "guardians.0.guardian_no", raw="true"),
    bad("cases", "guardian-no-1.0", "guardians.0.guardian_no", raw="1.0"),
    bad("cases", "guardian-no-3", "guardians.0.guardian_no", 3),
    bad("cases", "same-guardian-no", "guardians", None, change=lambda b: with_value(b, "guardians.1.guardian_no", 1),
        field="guardians"),
    bad("cases", "same-guardian-id", "guardians", None, change=lambda b: with_value(
        b, "guardians.1.id_number", b["guardians"][0]["id_number"]), field="guardians"),
    bad("cases", "claim-twice", "claims", None, change=lambda b: {**b, "claims": {"business_license": [
        {"guardian_no": 1, "uscc": "92331003MA2000001B"}, {"guardian_no": 1, "uscc": "92331003MA2000002E"}]}},
        field=None),
    bad("cases", "uscc-short", "claims", None, change=lambda b: {**b, "claims": {"business_license": [
        {"guardian_no": 1, "uscc": "92331003MA2"}]}}, field="claims.business_license.0.uscc"),
    bad("cases", "uscc-letter-I", "claims", None, change=lambda b: {**b, "claims": {"business_license": [
        {"guardian_no": 1, "uscc": "92331003MA2I00001X"}]}}, field="claims.business_license.0.uscc"),
]
CASES += [bad("cases", f"lease-{c.name}", "claims", None, change=(lambda v: lambda b: {
    **b, "claims": {"housing": [{"guardian_no": 1, "tenure": "rented", "lease_no": v}]}})(c.value),
    field="claims.housing.0.rented.lease_no") for c in text_nul_cases("cases", "x", control=False)[:1]]
CASES += [bad("cases", "certificate-text-nul", "claims", None, change=lambda b: {**b, "claims": {"housing": [
    {"guardian_no": 1, "tenure": "owned", "certificate_no": "浙(2021)\u0000号", "share_percent": "50.00"}]}},
    field="claims.housing.0.owned.certificate_no")]
CASES += unknown_field_cases("cases", [("status", "answered"), ("guardians.0.verified", True),
                                       ("claims.residence_permit", [])])
CASES += [bad("case-batch", "empty-items", "items", []), bad("case-batch", "1001-items", "items", [{}] * 1001),
          bad("case-batch", "bad-id-in-item", "items.0.guardians.0.id_number", wrong_check(GOOD_ID))]
CASES += day_cases("result", "facts.issued_on", code="invalid_facts")
CASES += [
    bad("result", "outcome-unknown", "outcome", "approved"),
    bad("result", "facts-date-future", "facts.continuous_since", "2099-01-01", code="invalid_facts"),
    bad("result", "facts-unknown-field", "facts.score", 10, code="invalid_facts"),
    bad("result", "facts-status-unknown", "facts.status", "expired", code="invalid_facts"),
    bad("result", "facts-county-letters", "facts.county_code", "33100A", code="invalid_facts"),
    bad("result", "facts-township-outside", "facts.township_code", "331003999", code="invalid_facts",
        field=None),
    bad("result", "facts-as-list", "facts", [PERMIT], code=None, field=None),
    bad("result", "facts-missing-confirmed", "facts", None, code="invalid_facts", field=None),
    Bad("result", "request-id-huge", path=f"/requests/{HUGE}/results", field="request_id"),
    Bad("result", "request-id-negative", path="/requests/-1/results", field="request_id"),
    Bad("result", "no-key", status=400, code="idempotency_key_required", headers=(("x-no-key", "1"),)),
    Bad("result", "key-with-space", headers=(("Idempotency-Key", "a b"),), field="Idempotency-Key"),
    Bad("result", "key-201-chars", headers=(("Idempotency-Key", "k" * 201),), field="Idempotency-Key"),
]
CASES += text_nul_cases("result", "note")
CASES += unknown_field_cases("result", [("department", "market"), ("state", "answered"), ("supersedes", 1)])
CASES += number_cases("result-si", "facts.continuous_months", code="invalid_facts")
CASES += [bad("result-si", "facts-active-string", "facts.active_at_cutoff", "true", code="invalid_facts"),
          bad("result-si", "facts-active-int", "facts.active_at_cutoff", 1, code="invalid_facts")]
CASES += [bad("result-batch", "empty-items", "items", []), bad("result-batch", "1001-items", "items", [{}] * 1001),
          Bad("result-batch", "no-key", status=400, code="idempotency_key_required", headers=(("x-no-key", "1"),))]

# -- points (docs/api.md points; BRIEF §5) -----------------------------------------------------------------------
CASES += [
    bad("rulebooks", "season-true", "season", raw="true"), bad("rulebooks", "season-huge", "season", raw=HUGE),
    bad("rulebooks", "id-spaces", "id", "RB NEW"), bad("rulebooks", "cutoff-feb-30", "cutoff_date", "2026-02-30"),
    bad("rulebooks", "cap-json-number", "items.0.cap", 40), bad("rulebooks", "cap-3-decimals", "items.0.cap", "40.001"),
    bad("rulebooks", "cap-negative", "items.0.cap", "-1.00"), bad("rulebooks", "cap-nan", "items.0.cap", raw="NaN"),
    bad("rulebooks", "cap-nan-text", "items.0.cap", "NaN"), bad("rulebooks", "rate-exponent", "items.1.rate", "2e0"),
    bad("rulebooks", "cap-full-width", "items.0.cap", full_width("40") + ".00"),
    bad("rulebooks", "rate-underscore", "items.1.rate", "0_2.00"),
    bad("rulebooks", "item-kind-unknown", "items.0.kind", "bonus", field=None),
    bad("rulebooks", "min-age-bool", "eligibility.2.min_age.1", raw="true", field=None),
    bad("rulebooks", "tie-break-unknown", "tie_break", ["family_score", "height"], field="tie_break.1"),
    bad("rulebooks", "name-empty", "name", ""),
]
CASES += text_nul_cases("rulebooks", "name")
CASES += unknown_field_cases("rulebooks", [("state", "published"), ("version", 7), ("published_at", "2025-01-01"),
                                           ("items.0.points", "99.00")])
CASES += [bad("rulebook-put", "season-true", "season", raw="true"),
          Bad("rulebook-put", "stale-if-match", change=lambda b: b, headers=(("If-Match", '"v99"'),), status=412,
              code="precondition_failed")]
CASES += unknown_field_cases("rulebook-put", [("state", "published")])
CASES += [bad("scoring-jobs", "season-huge", "season", raw=HUGE),
          bad("scoring-jobs", "season-true", "season", raw="true"),
          bad("scoring-jobs", "season-string", "season", "2025"),
          bad("scoring-jobs", "grade-true", "grade", raw="true"), bad("scoring-jobs", "grade-1.0", "grade", raw="1.0"),
          bad("scoring-jobs", "full-string", "full", "yes")]
CASES += unknown_field_cases("scoring-jobs", [("state", "done"), ("total", 0)])
CASES += [bad("what-if", "months-nan", "guardians.0.facts.social_insurance.continuous_months", raw="NaN"),
          bad("what-if", "months-huge", "guardians.0.facts.social_insurance.continuous_months", raw=HUGE),
          bad("what-if", "since-feb-30", "guardians.0.facts.residence_permit.continuous_since", "2020-02-30"),
          bad("what-if", "guardian-no-twice", "guardians", None,
              change=lambda b: {**b, "guardians": b["guardians"] * 2}, field=None),
          bad("what-if", "guardian-no-true", "guardians.0.guardian_no", raw="true")]
CASES += unknown_field_cases("what-if", [("family_score", "99.00"), ("guardians.0.facts.residence_permit.points", 20)])

# -- funding (BRIEF §8) ------------------------------------------------------------------------------------------
CASES += [bad("semesters", "code-spaces", "code", "2026 spring"), bad("semesters", "code-nul", "code", "2026\u0000"),
          bad("semesters", "only-start", "starts_on", "2026-02-01", field=None),
          bad("semesters", "ends-before-start", "starts_on", None,
              change=lambda b: {**b, "starts_on": "2026-07-15", "ends_on": "2026-02-01"}, field=None)]
CASES += day_cases("semesters", "starts_on", field=None)
CASES += text_nul_cases("semesters", "name")
CASES += unknown_field_cases("semesters", [("created_by", "bureau-9"), ("days", 1)])
CASES += money_cases("tariffs", "operating_cost_per_pupil")
CASES += [bad("tariffs", "standard-negative", "standard", "-0.01")]
CASES += text_nul_cases("tariffs", "note")
# funding's free text takes no bidi embedding, override or isolate, as every other service's (common.schemas)
CASES += [bad("tariffs", "note-rlo", "note", "\u202e说明"), bad("tariffs", "note-rli", "note", "说\u2067明"),
          bad("roll-confirm", "left-note-rlo", "left.0.note", "转学\u202e")]
CASES += unknown_field_cases("tariffs", [("suggestion", "1.00"), ("version", 1), ("decided_by", "x")])
CASES += [Bad("tariffs", "semester-unknown", path="/tariffs/R1/2030-autumn", change=lambda b: b, status=404,
              code="semester_not_found", field=None)]
CASES += id_number_cases("handover", "seats.0.pupil_id_number")
CASES += name_cases("handover", "seats.0.pupil_name")
CASES += day_cases("handover", "seats.0.start_date")
CASES += [bad("handover", "grade-true", "seats.0.grade", raw="true"),
          bad("handover", "grade-huge", "seats.0.grade", raw=HUGE),
          bad("handover", "no-seats", "seats", []), bad("handover", "1001-seats", "seats", [{}] * 1001),
          bad("handover", "run-id-number", "run_id", raw="9")]
CASES += text_nul_cases("handover", "run_id") + [bad("handover", "run-id-rlo", "run_id", "\u202e12")]
CASES += unknown_field_cases("handover", [("seats.0.id", 1), ("seats.0.end_date", "2025-12-31"), ("status", "x")])
CASES += day_cases("seat-end", "end_date")
CASES += text_nul_cases("seat-end", "reason")
CASES += [Bad("seat-end", "seat-id-huge", path=f"/purchased-seats/{HUGE}/end", change=lambda b: b, field="seat_id")]
CASES += unknown_field_cases("seat-end", [("affected_settlements", [1])])
CASES += [bad("transfer", "on-feb-30", "on", "2025-02-30"), bad("transfer", "school-spaces", "to_school_code", "R 2")]
CASES += unknown_field_cases("transfer", [("previous_seat_id", 1)])
CASES += [bad("settlements", "semester-nul", "semester", "2025\u0000")]
CASES += unknown_field_cases("settlements", [("state", "approved"), ("total", "0.00"), ("lines", [])])
CASES += unknown_field_cases("settle-run", [("state", "approved")])
CASES += money_cases("disburse", "amount")
CASES += [bad("disburse", "amount-zero", "amount", "0.00"), bad("disburse", "paid-on-feb-30", "paid_on", "2025-02-30")]
CASES += text_nul_cases("disburse", "reference")
CASES += unknown_field_cases("disburse", [("ledger_seq", 1), ("recorded_by", "finance-9")])
CASES += [Bad("disburse", "settlement-id-huge", path=f"/settlements/{HUGE}/disbursements", field="settlement_id")]
CASES += [bad("adjust", "seat-id-huge", "seat_id", raw=HUGE), bad("adjust", "seat-id-true", "seat_id", raw="true"),
          bad("adjust", "settlement-id-string", "settlement_id", "1"),
          bad("adjust", "end-feb-30", "corrected_end_date", "2025-02-30")]
CASES += text_nul_cases("adjust", "reason")
CASES += unknown_field_cases("adjust", [("delta", "-100.00"), ("amount_after", "0.00")])
CASES += money_cases("budget", "appropriation")
CASES += [Bad("budget", "year-huge", path=f"/budget/{HUGE}", field="year")]
CASES += unknown_field_cases("budget", [("settled", "0.00"), ("version", 1)])

CASES += [bad("roll-confirm", "attending-string", "attending", ["1"], field="attending.0"),
          bad("roll-confirm", "attending-huge", "attending", raw=f"[{HUGE}]", field="attending.0"),
          bad("roll-confirm", "attending-not-a-list", "attending", raw="7"),
          bad("roll-confirm", "nothing-named", "left", [], field=None),
          bad("roll-confirm", "left-on-feb-30", "left.0.left_on", "2025-02-30"),
          bad("roll-confirm", "left-code-unknown", "left.0.code", "expelled"),
          bad("roll-confirm", "left-code-completed", "left.0.code", "completed"),
          bad("roll-confirm", "to-school-spaces", "left.0.to_school_code", "R 2"),
          bad("roll-confirm", "to-school-without-transfer", "left.0", None, field=None,
              change=lambda b: {**b, "left": [{**b["left"][0], "code": "dropped_out"}]}),
          bad("roll-confirm", "seat-twice", "attending", None, field="attending",
              change=lambda b: {**b, "attending": [b["left"][0]["seat_id"]]}, code="duplicate_seat"),
          bad("roll-confirm", "seat-not-on-roll", "attending", [999999], code="seat_not_on_roll"),
          bad("roll-confirm", "left-before-semester", "left.0.left_on", "2025-06-30", field="left", code="date_range"),
          bad("roll-confirm", "left-after-semester", "left.0.left_on", "2026-02-01", field="left", code="date_range"),
          Bad("roll-confirm", "semester-unknown", path="/rolls/R1/2030-autumn/confirmations", change=lambda b: b,
              status=404, code="semester_not_found", field=None),
          Bad("roll-confirm", "school-code-spaces", path="/rolls/R%201/2025-autumn/confirmations", change=lambda b: b,
              field="school_code")]
CASES += text_nul_cases("roll-confirm", "left.0.note")
CASES += unknown_field_cases("roll-confirm", [("confirmed_by", "bureau-9"), ("left.0.days", 3)])

# -- generic cases for every endpoint ----------------------------------------------------------------------------
NESTED = "[" * 40 + "]" * 40
OPTIONAL_BODY = {"publish"}  # an empty or null body is a valid request there
EVERY_BODY_FORM = {"applications", "schools", "cases", "result-batch", "rulebooks", "semesters", "handover"}
for name in ENDPOINTS:
    CASES += [
        Bad(name, "invalid-json", content=b'{"season": 2025,'),
        Bad(name, "text-plain", content_type="text/plain", change=lambda b: b, status=415,
            code="unsupported_media_type"),
        Bad(name, "no-content-type", content_type=None, change=lambda b: b, status=415, code="unsupported_media_type"),
        Bad(name, "duplicate-key", change=lambda b: b, raw="DUPLICATE_KEY", code="duplicate_key", field="FIRST_KEY"),
        Bad(name, "unknown-top-field", change=lambda b: {**b, "zz_unknown": 1}, field="zz_unknown"),
        Bad(name, "oversized", change=lambda b: {**b, "padding": "a" * 1_000_001}, status=413,
            code="body_too_large"),
        Bad(name, "too-deep", change=lambda b: {**b, "nested": RAW}, raw=NESTED, code="json_too_deep"),
    ]
    if name not in OPTIONAL_BODY:
        CASES += [Bad(name, "empty-body", content=b"")]
    if name in EVERY_BODY_FORM:  # the rest of the body forms, on one or two endpoints of each service
        CASES += [
            Bad(name, "null-body", content=b"null"),
            Bad(name, "array-body", content=b"[]"),
            Bad(name, "not-utf8", content=b'{"name": "\xff\xfe"}', status=400, code="bad_request"),
            *[Bad(name, f"valid-body-in-{enc}", change=lambda b: b, raw=f"ENCODING:{enc}", status=400,
                  code="bad_request") for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32")],
            Bad(name, "form-encoded", content=b"season=2025&grade=1",
                content_type="application/x-www-form-urlencoded", status=415, code="unsupported_media_type"),
            Bad(name, "surrogate-key", change=lambda b: {**b, RAW: 1}, raw="SURROGATE_KEY", field=None),
            Bad(name, "deep-in-a-string-is-not-deep", change=lambda b: {**b, "zz_text": "[" * 100},
                field="zz_text"),  # brackets inside strings are not nesting: the unknown field is what is refused
        ]

# bugs found while writing these tables (each a strict xfail; see the module docstring)
KNOWN_BUGS: dict[str, tuple[str, tuple[str, ...]]] = {
}


def _bug(case: Bad) -> tuple[str, tuple[str, ...]] | None:
    if case.bug:
        return case.bug, case.bug_on
    return KNOWN_BUGS.get(case.id)


def digest(world, service: str, *, cached: bool = False) -> dict[str, str]:
    """The service's database digest. The table's cases run one after another and write nothing, so the digest
    taken after one case is the one before the next (``cached``); the other tests of the module may write, and
    the cache is cleared after each of them. Points is let finish any scoring job first (one started by an earlier
    accepted, buggy, body must not move the digest)."""
    cache = world.data.setdefault("digests", {})
    if cached and service in cache:
        return cache[service]
    if service == "points":
        settle_jobs(world)
    cache[service] = world.digest(service)
    return cache[service]


@pytest.fixture(autouse=True)
def _forget_digests_after_writers(request: pytest.FixtureRequest):
    """Every test but the table's may write: the cached digests are stale after it."""
    yield
    if request.node.originalname != "test_refused_with_a_problem_and_nothing_written" and \
            "world" in request.fixturenames:
        request.getfixturevalue("world").data.pop("digests", None)


def settle_jobs(world, timeout_s: float = 20.0) -> None:
    """Wait until points has no scoring job running."""
    deadline = time.monotonic() + timeout_s
    while world.count("points", "scoring_jobs", "WHERE state = 'running'") and time.monotonic() < deadline:
        time.sleep(0.05)


# ---- sending a case --------------------------------------------------------------------------------------------

def build(case: Bad, d: dict[str, Any]) -> tuple[str, str, bytes, dict[str, str]]:
    """The case's (method, path, body bytes, headers)."""
    ep = ENDPOINTS[case.ep]
    path = (case.path or ep.path).format(**d)
    headers = dict(case.headers)
    if ep.keyed and "x-no-key" not in headers and "Idempotency-Key" not in headers:
        headers["Idempotency-Key"] = f"bad-{case.id}"[:200].encode("ascii", "replace").decode()
    headers.pop("x-no-key", None)
    if case.content is not None:
        content = case.content
    else:
        body = ep.body(d)
        if case.change is not None:
            body = case.change(body)
        elif case.at is not None:
            body = with_value(body, case.at, RAW if case.raw is not None else case.value)
        if case.raw == "DUPLICATE_KEY":  # the body's first key sent twice, with the same value
            first = next(iter(body))
            text_ = json.dumps(body, ensure_ascii=False)
            content = ("{" + json.dumps(first) + ": " + json.dumps(body[first], ensure_ascii=False) + ", "
                       + text_[1:]).encode("utf-8")
        elif case.raw and case.raw.startswith("ENCODING:"):  # the valid body in another encoding than UTF-8
            content = json.dumps(body, ensure_ascii=False).encode(case.raw.partition(":")[2])
        elif case.raw == "SURROGATE_KEY":
            content = json.dumps(body, ensure_ascii=False).replace(f'"{RAW}"', '"\\ud800"').encode()
        elif case.raw is not None:
            content = raw_json(body, case.raw)
        else:
            content = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if case.content_type:
        headers["content-type"] = case.content_type
    return ep.method, path, content, headers


PG_SENSITIVE = ("nul", "surrogate", "huge", "long", "too-large")
"""Case names whose values a database takes differently (PostgreSQL refuses a NUL in text and a lone surrogate,
overflows an integer column, limits a varchar): those reach PostgreSQL in ``make test`` whatever their endpoint."""
PG_SAMPLE = set({c.ep: c.id for c in reversed(CASES)}.values()) | {  # the first case of each endpoint, and
    c.id for c in CASES if any(word in c.name for word in PG_SENSITIVE) and "null" not in c.name} | {
    c.id for c in CASES if _bug(c) is not None and _bug(c)[1] != BOTH}
"""The table's cases run on PostgreSQL by ``make test`` (123 of 1,054 on 2026-12-07): the first case of every endpoint, the
cases of :data:`PG_SENSITIVE` and the known bugs of one backend only. ``make fuzz`` runs every case on both
backends; ``make test`` runs every case on SQLite."""


@pytest.mark.pg_sample(lambda params: params["case"].id in PG_SAMPLE)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_refused_with_a_problem_and_nothing_written(world, case: Bad, request: pytest.FixtureRequest):
    if (bug := _bug(case)) and world.backend in bug[1]:
        request.applymarker(pytest.mark.xfail(strict=True, reason=bug[0]))
    ep = ENDPOINTS[case.ep]
    method, path, content, headers = build(case, world.data)
    before = digest(world, ep.service, cached=True)
    resp = world[ep.service].request(method, path, content=content, headers={**as_role(ep.role), **headers})
    after = digest(world, ep.service)
    field = next(iter(ENDPOINTS[case.ep].body(world.data))) if case.field == "FIRST_KEY" else case.field
    assert_problem(resp, case.status, case.code, field)
    assert after == before, f"{case.id}: a refused request changed the database"


def test_every_write_endpoint_has_its_table():
    """The tables cover every write endpoint of the contract's four services, except those without a body."""
    from contract_kit import load_contract

    writes = {(s, m, p) for s, ops in load_contract().items() for (m, p) in ops if m in ("POST", "PUT")}
    bodiless = {*((service, "POST", "/access-log/purge") for service in ("enrollment", "points", "verification",
                                                                          "funding")),
                ("enrollment", "POST", "/applications/{}/withdraw"), ("enrollment", "POST", "/runs/{}/finalise"),
                ("verification", "POST", "/cases/{}/withdrawal"),
                ("enrollment", "POST", "/search-keys/rekey"),
                ("enrollment", "POST", "/outbox/flush"), ("points", "POST", "/rulebooks/{}/publish"),
                ("points", "POST", "/scores/{}"), ("funding", "POST", "/settlements/{}/approve")}
    import re

    covered = {(ep.service, ep.method, re.sub(r"/(P1|R1|RB-DRAFT|2025-autumn|2025|1|\{[a-z_]+\})(?=/|$)", "/{}",
                                               ep.path)) for ep in ENDPOINTS.values()}
    uploads = {(service, "POST", "/imports/{}") for service, *_ in UPLOADS}  # multipart: their own table below
    assert writes - bodiless - covered - uploads == set()


# ---- uploads: the bureau's CSV / XLSX imports (multipart) --------------------------------------------------------

UPLOADS = [  # (service, kind, file name, file bytes, status, code, field)
    ("enrollment", "schools", "x.csv", b"\x00\x01\x02", 422, "bad_upload", "file"),
    ("enrollment", "schools", "x.xlsx", b"PK\x03\x04 not a zip", 422, "bad_upload", "file"),
    ("enrollment", "schools", "x.csv", "名称\n一小\n".encode(), 422, "bad_upload", "file"),  # no required columns
    ("enrollment", "schools", "x.csv", b"\xff\xfe\xfd\x00", 422, "bad_upload", "file"),
    ("enrollment", "seats", "x.csv", b"school_code,season,grade,migrant_seats\nP1,2025,1,-3\n", 422,
     "import_refused", None),
    ("enrollment", "seats", "x.csv", b"school_code,season,grade,migrant_seats\nP1,99999999999999999999,1,3\n", 422,
     "import_refused", None),
    ("enrollment", "plans", "x.csv", b"school_code,season,grade,planned\nR1,2025,1,99999999\n", 422,
     "import_refused", None),
    ("enrollment", "schools", "x.csv", b"", 422, None, None),
    ("funding", "tariffs", "x.csv", b"school_code,semester,operating_cost_per_pupil,original_fee\nR1,2025-autumn,"
     b"1e400,1\n", 422, "import_refused", None),
    ("funding", "semesters", "x.csv", b"code,starts_on,ends_on\n2025-autumn,2025-13-01,2026-01-31\n", 422,
     "import_refused", None),
    ("funding", "semesters", "x.csv", b"code\n" + "\u0000".encode() + b"\n", 422, "bad_upload", "file"),
]


@pytest.mark.parametrize("service,kind,name,data,status,code,field", UPLOADS,
                         ids=[f"{u[0]}:{u[1]} {u[3][:24]!r}" for u in UPLOADS])
def test_bad_uploads_are_refused_and_write_nothing(world, service, kind, name, data, status, code, field):
    """A file that cannot be read, lacks columns, or has a refused row: a 4xx problem, nothing written."""
    before = digest(world, service)
    resp = world[service].post(f"/imports/{kind}", files={"file": (name, data, "application/octet-stream")},
                               headers=as_role("bureau"))
    assert_problem(resp, status, code, field)
    assert digest(world, service) == before
    # and the same upload without a file, or as JSON, is refused too
    assert_problem(world[service].post(f"/imports/{kind}", headers=as_role("bureau")), 422)
    assert_problem(world[service].post(f"/imports/{kind}", json={"file": "x"}, headers=as_role("bureau")))


# ---- reads: bad query strings and path parameters ----------------------------------------------------------------

READS = [  # (service, method, path, role, field named, defect, backends with the defect)
    ("enrollment", "GET", f"/applications?season={HUGE}", "bureau", None, None, ()),
    ("enrollment", "GET", "/applications?season=abc", "bureau", "season", None, ()),
    ("enrollment", "GET", "/applications?limit=0", "bureau", "limit", None, ()),
    ("enrollment", "GET", "/applications?limit=1001", "bureau", "limit", None, ()),
    ("enrollment", "GET", "/applications?cursor=zz", "bureau", "cursor", None, ()),
    ("enrollment", "GET", "/applications?cursor=%00", "bureau", None, None, ()),
    ("enrollment", "GET", f"/runs/{HUGE}", "bureau", "run_id", None, ()),
    ("enrollment", "GET", f"/runs/{HUGE}/snapshot", "auditor", "run_id", None, ()),
    ("enrollment", "GET", "/runs/abc/snapshot", "auditor", "run_id", None, ()),
    ("enrollment", "GET", "/runs/0/snapshot", "bureau", "run_id", None, ()),
    ("enrollment", "GET", "/runs/1/diff?against=0", "bureau", "against", None, ()),
    ("enrollment", "GET", "/runs/1/diff?against=abc", "platform", "against", None, ()),
    ("enrollment", "GET", f"/runs/1/diff?against={HUGE}", "bureau", "against", None, ()),
    ("enrollment", "GET", f"/runs/{HUGE}/diff", "bureau", "run_id", None, ()),
    ("enrollment", "GET", "/placements/HY2025%00/why", "platform", None, None, ()),
    ("enrollment", "GET", "/events?after=-1", "platform", "after", None, ()),
    ("enrollment", "GET", "/events?after=abc", "platform", "after", None, ()),
    ("enrollment", "GET", f"/events?after={HUGE}", "bureau", "after", None, ()),
    ("enrollment", "GET", "/events?limit=1001", "platform", "limit", None, ()),
    ("enrollment", "GET", "/placements/HY2025-1-000001/why?run_id=0", "platform", "run_id", None, ()),
    ("enrollment", "GET", "/placements/HY2025-1-000001/why?run_id=abc", "bureau", "run_id", None, ()),
    ("enrollment", "GET", "/placements/" + "H" * 41 + "/why", "bureau", "application_no", None, ()),
    ("enrollment", "GET", "/schools?kind=charter", "bureau", "kind", None, ()),
    ("enrollment", "GET", "/reports/applications/1999", "bureau", "season", None, ()),
    ("enrollment", "GET", "/reports/applications/20x5", "bureau", "season", None, ()),
    ("enrollment", "GET", "/applications/HY2025%00", "platform", None, None, ()),
    ("enrollment", "POST", "/applications/HY2025%00/withdraw", "platform", None, None, ()),
    ("enrollment", "GET", "/schools/P1%00", "bureau", None, None, ()),
    ("enrollment", "GET", "/schools?cursor=P%00", "bureau", None, None, ()),
    ("enrollment", "GET", "/schools?cursor=P%20Q", "bureau", "cursor", None, ()),
    ("enrollment", "GET", "/placements/HY2025%00", "platform", None, None, ()),
    ("verification", "GET", "/facts?changed_after=-1", "bureau", "changed_after", None, ()),
    ("verification", "GET", f"/facts?changed_after={HUGE}", "bureau", "changed_after", None, ()),
    ("verification", "GET", "/facts?grade=3", "bureau", "grade", None, ()),
    ("verification", "GET", "/facts/HY2025%00", "bureau", None, None, ()),
    ("verification", "GET", "/queue?cursor=" + "9" * 41, "police", "cursor", None, ()),
    ("verification", "GET", "/queue?cursor=%00", "police", None, None, ()),
    ("verification", "GET", f"/requests/{HUGE}", "police", "request_id", None, ()),
    ("verification", "GET", "/progress", "bureau", "season", None, ()),
    ("verification", "GET", f"/progress?season={HUGE}", "bureau", "season", None, ()),
    ("verification", "GET", "/progress?season=20x5", "auditor", "season", None, ()),
    ("points", "GET", f"/scoring-jobs/{HUGE}", "bureau", "job_id", None, ()),
    ("points", "GET", "/scoring-jobs", "bureau", "season", None, ()),
    ("points", "GET", "/scoring-jobs?season=2025&grade=9", "bureau", "grade", None, ()),
    ("points", "GET", f"/scores?season={HUGE}", "bureau", "season", None, ()),
    ("points", "GET", "/scores?season=2025&cursor=%00", "bureau", None, None, ()),  # 400 invalid_characters
    ("points", "GET", "/scores?season=2025&cursor=QQA", "bureau", "cursor", None, ()),  # base64 of "A\0"
    ("points", "GET", "/scores/HY2025%00", "bureau", None, None, ()),
    ("funding", "GET", "/purchased-seats?cursor=abc", "auditor", "cursor", None, ()),
    ("funding", "GET", f"/settlements/{HUGE}", "auditor", "settlement_id", None, ()),
    ("funding", "GET", "/settlements?state=closed", "auditor", "state", None, ()),
    ("funding", "GET", "/exports/people.csv", "auditor", None, None, ()),
    ("funding", "GET", "/ledger?limit=-5", "auditor", "limit", None, ()),
    ("funding", "GET", "/reports/pupils/HY2025%00", "auditor", None, None, ()),
    ("enrollment", "GET", "/access-log?cursor=zz", "auditor", "cursor", None, ()),
    ("enrollment", "GET", "/access-log?limit=0", "auditor", "limit", None, ()),
    ("enrollment", "GET", "/access-log?application_no=" + "A" * 41, "auditor", "application_no", None, ()),
    ("enrollment", "GET", "/access-log?reader=%00", "auditor", None, None, ()),
    ("enrollment", "POST", "/access-log/purge?dry_run=maybe", "auditor", "dry_run", None, ()),
    # change history (common.history): cursors it did not give, bad pages, bad keys
    ("enrollment", "GET", "/schools/P1/history?cursor=zz", "bureau", "cursor", None, ()),
    ("enrollment", "GET", "/schools/P1/history?cursor=" + "9" * 13, "auditor", "cursor", None, ()),
    ("enrollment", "GET", "/schools/P1/history?limit=0", "bureau", "limit", None, ()),
    ("enrollment", "GET", "/schools/P1%00/history", "bureau", None, None, ()),
    ("enrollment", "GET", f"/schools/P1/seats/{HUGE}/1/history", "bureau", "season", None, ()),
    ("enrollment", "GET", "/schools/R1/plans/2025/x/history", "bureau", "grade", None, ()),
    ("funding", "GET", "/tariffs/R1/2025-autumn/history?cursor=-1", "auditor", "cursor", None, ()),
    ("funding", "GET", "/semesters/2025-autumn/history?limit=1001", "auditor", "limit", None, ()),
    ("funding", "GET", "/semesters/nope/history", "auditor", None, None, ()),
    ("points", "GET", "/rulebooks/RB-DRAFT/history?cursor=1.5", "auditor", "cursor", None, ()),
    ("points", "GET", "/rulebooks/RB%00/history", "auditor", None, None, ()),
]


@pytest.mark.parametrize("service,method,path,role,field,bug,bug_on", READS,
                         ids=[f"{r[0]}:{r[1]} {r[2]}" for r in READS])
def test_bad_paths_and_queries_are_refused(world, service, method, path, role, field, bug, bug_on, request):
    """Bad path parameters and query strings (huge integers, NUL, unknown values, cursors not given by the
    listing) are a 4xx problem, never a 500, on both backends."""
    if bug and world.backend in bug_on:
        request.applymarker(pytest.mark.xfail(strict=True, reason=bug))
    before = digest(world, service)
    assert_problem(world[service].request(method, path, headers=as_role(role)), field=field, code=None)
    assert digest(world, service) == before


# ---- what must be accepted ---------------------------------------------------------------------------------------

ACCEPTED_NAMES = ["阿依古丽·买买提", "尼格买提·热合曼", "王𠀀", "𪚥𪚥", "李𫝀", "张𬺰", "陈𰀀", "赵𱍐", "刘\U0002EBF0",
                  "Nur·Ahmat"]


@pytest.mark.parametrize("name", ACCEPTED_NAMES)
def test_real_names_are_accepted_and_kept_exactly(world, name):
    """Minority names with the middle dot (·) and characters beyond the BMP (CJK extensions B–I) are names: stored
    and read back unchanged by enrollment (child and guardian), verification (to the owning department) and
    funding (purchased seats)."""
    body = application(public=["P1"])
    body["child"]["name"] = name
    body["guardians"][0]["name"] = name
    app = world.ok(world.call("enrollment", "POST", "/applications", "platform", json_body=body), 201)
    back = world.ok(world.call("enrollment", "GET", f"/applications/{app['application_no']}", "platform"))
    assert back["child"]["name"] == name and back["guardians"][0]["name"] == name
    no = f"HY2025-1-95{ACCEPTED_NAMES.index(name):04d}"
    body = case(no)
    body["guardians"][0]["name"] = name
    reqs = world.ok(world.call("verification", "POST", "/cases", "bureau", json_body=body), 201)["requests"]
    police = next(r["id"] for r in reqs if r["department"] == "police")
    assert world.ok(world.call("verification", "GET", f"/requests/{police}", "police"))["subject_name"] == name
    handed = world.ok(world.call("funding", "POST", "/purchased-seats/handover", "service:enrollment",
                                 json_body={"run_id": "77", "seats": [seat(no, name=name)]}))
    seats = pages(world["funding"], "/purchased-seats", "auditor", school_code="R1")
    assert next(s for s in seats if s["id"] == handed["items"][0]["seat_id"])["pupil_name"] == name


def test_lowercase_x_is_stored_uppercase(world):
    body = application(public=["P1"])
    body["guardians"][0]["id_number"] = X_ID.lower()
    app = world.ok(world.call("enrollment", "POST", "/applications", "platform", json_body=body), 201)
    assert app["guardians"][0]["id_number"] == X_ID
    reqs = world.ok(world.call("verification", "POST", "/cases", "bureau", json_body=with_value(
        case("HY2025-1-960001"), "guardians.0.id_number", X_ID.lower())), 201)["requests"]
    police = next(r["id"] for r in reqs if r["department"] == "police")
    assert world.ok(world.call("verification", "GET", f"/requests/{police}", "police"))["subject_id_number"] == X_ID


def test_dashed_mobile_and_landline_are_accepted(world):
    body = application(public=["P1"], guardians=2)
    body["guardians"][0]["phone"] = "138-1234-5678"
    body["guardians"][1]["phone"] = "0576-84123456"
    app = world.ok(world.call("enrollment", "POST", "/applications", "platform", json_body=body), 201)
    assert [g["phone"] for g in app["guardians"]] == ["13812345678", "0576-84123456"]


# ---- batches: bad items reported one by one, good ones stored ---------------------------------------------------

BAD_ITEMS = [
    ("id-wrong-check", "guardians.0.id_number", wrong_check(GOOD_ID), "validation_error"),
    ("id-full-width", "child.id_number", full_width(GOOD_ID), "validation_error"),
    ("name-nul", "child.name", "张\u0000三", "validation_error"),
    ("phone-short", "guardians.0.phone", "1381234567", "validation_error"),
    ("birth-feb-30", "child.birth_date", "2019-02-30", "validation_error"),
    ("unknown-field", "score", "99.00", "validation_error"),
    ("duplicate-choice", "public_choices", ["P1", "P1"], "duplicate_choice"),
    ("season-nan", "season", float("nan"), "validation_error"),
]


def test_application_batch_reports_bad_items_and_stores_the_good(world):
    good = [application(public=["P1"]) for _ in range(2)]
    bads = [with_value(application(public=["P1"]), at, value) for _, at, value, _ in BAD_ITEMS]
    items = [good[0], *bads, good[1]]
    before = len(pages(world["enrollment"], "/applications", "bureau", season=SEASON))
    content = json.dumps({"items": items}, ensure_ascii=False).encode()  # NaN as JSON's NaN literal
    answer = world.ok(world.call("enrollment", "POST", "/applications/batch", "platform", content=content,
                                 key="batch-mixed"))
    assert (answer["created"], answer["rejected"]) == (2, len(BAD_ITEMS))
    statuses = [(i["index"], i["status"], i.get("code"), i.get("field")) for i in answer["items"]]
    assert statuses[0][1] == statuses[-1][1] == "created"
    for (label, at, _, code), (index, status, got_code, got_field) in zip(BAD_ITEMS, statuses[1:-1]):
        assert (status, got_code) == ("rejected", code), label
        assert got_field and (got_field == at or got_field.startswith(at)), (label, got_field)
    after = pages(world["enrollment"], "/applications", "bureau", season=SEASON)
    assert len(after) == before + 2
    replay = world.call("enrollment", "POST", "/applications/batch", "platform", content=content, key="batch-mixed")
    assert replay.json() == answer and replay.headers.get("idempotent-replayed") == "true"
    assert len(pages(world["enrollment"], "/applications", "bureau", season=SEASON)) == before + 2


def test_result_batch_reports_bad_items_and_stores_the_good(world):
    body = case("HY2025-1-970001", guardians=2)
    reqs = world.ok(world.call("verification", "POST", "/cases", "bureau", json_body=body), 201)["requests"]
    permits = [r["id"] for r in reqs if r["kind"] == "residence_permit"]
    items = [{"request_id": permits[0], "outcome": "confirmed", "facts": PERMIT},
             {"request_id": permits[1], "outcome": "confirmed", "facts": {**PERMIT, "issued_on": "2025-02-30"}},
             {"request_id": permits[1], "outcome": "confirmed", "facts": PERMIT, "score": 5},
             {"request_id": 10**30, "outcome": "not_found"},
             {"request_id": True, "outcome": "not_found"},
             {"request_id": permits[0], "outcome": "not_found"}]
    answer = world.ok(world.call("verification", "POST", "/results/batch", "police", json_body={"items": items},
                                 key="results-mixed"))
    assert [i["status"] for i in answer["items"]] == ["stored"] + ["rejected"] * 5
    assert [i.get("code") for i in answer["items"][1:]] == ["invalid_facts", "validation_error", "validation_error",
                                                            "validation_error", "duplicate_item"]
    history = [len(world.ok(world.call("verification", "GET", f"/requests/{r}", "police"))["history"])
               for r in permits]
    assert history == [1, 0]


LOOSE = [  # (name, service, path, role, body with RAW, status, what the answer's items say)
    ("app-batch-name", "enrollment", "/applications/batch", "platform",
     {"items": [{"child": {"name": RAW}}]}, 200, "rejected", None),
    ("result-batch-note", "verification", "/results/batch", "police",
     {"items": [{"request_id": "{permit_request}", "outcome": "not_found", "note": RAW}]}, 200, "rejected", None),
    ("result-batch-outcome", "verification", "/results/batch", "police",
     {"items": [{"request_id": "{permit_request}", "outcome": RAW}]}, 200, "rejected", None),
    ("result-batch-request-id", "verification", "/results/batch", "police",
     {"items": [{"request_id": RAW, "outcome": "not_found"}]}, 200, "rejected", None),
    ("result-facts-value", "verification", "/requests/{permit_request}/results", "police",
     {"outcome": "confirmed", "facts": {**PERMIT, "county_code": RAW}}, 422, "invalid_facts", None),
]


@pytest.mark.parametrize("name,service,path,role,body,status,outcome,bug", LOOSE, ids=[c[0] for c in LOOSE])
def test_lone_surrogates_in_loose_bodies_are_refused_not_a_500(world, name, service, path, role, body, status,
                                                                outcome, bug, request):
    """Batch items and facts stay loose dicts until the service types them: a lone surrogate inside must end as a
    rejected item (or 422), never as a 500 from the idempotency fingerprint or the stored answer."""
    if bug:
        request.applymarker(pytest.mark.xfail(strict=True, reason=bug))
    d = world.data
    text_ = json.dumps(body, ensure_ascii=False).replace('"{permit_request}"', str(d["permit_request"]))
    content = text_.replace(f'"{RAW}"', '"\\ud800"').encode()
    before = world.digest(service)
    resp = world.call(service, "POST", path.format(**d), role, content=content, key=f"surrogate-{name}")
    assert resp.status_code == status, resp.text[:300]
    if status == 200:
        assert [i["status"] for i in resp.json()["items"]] == [outcome]
        assert resp.json().get("created", resp.json().get("stored")) == 0
    else:
        assert_problem(resp, status, outcome)
        assert world.digest(service) == before


# ---- datetimes -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,ok", [
    ("2025-01-01T00:00:00+08:00", True), ("2025-01-01T00:00:00Z", True), ("2025-01-01T00:00:00", False),
    ("2025-01-01T00:00:00 08:00", False),  # "+08:00" sent unencoded in a query string arrives as " 08:00"
    ("2025-02-30T00:00:00+08:00", False), ("2025-01-01", False), ("", False)])
def test_timestamps_need_an_offset(text, ok):
    """No endpoint takes a datetime today (docs/api.md has none in bodies or query strings); the kit's Timestamp
    type, which a future one will use, refuses naive datetimes, impossible dates and an offset whose ``+`` became
    a space."""
    adapter = TypeAdapter(Timestamp)
    if ok:
        assert adapter.validate_python(text).utcoffset() is not None
    else:
        with pytest.raises(ValidationError):
            adapter.validate_python(text)
    with pytest.raises(ValidationError):
        adapter.validate_python(1735660800)


# ---- rule codes (issue 17): every code of the documented list is produced, and only those ---------------------
# Every answer of the tables above went through assert_problem, which refuses a code outside the list
# (common.refusals.listed). Here each listed code gets one request through the real services that produces it.

def _claims(claims: dict[str, Any]) -> Callable[[Any], Any]:
    return lambda b: {**b, "claims": claims}


def _child_born(born: date) -> dict[str, Any]:
    """A child of ``born`` (or a day after: the kit's ID numbers are unique) with a birth date that matches."""
    number = id_number(born)
    return {"name": "小明", "id_number": number, "birth_date": birth_of(number).isoformat()}


def _facts(**changes: Any) -> Callable[[Any], Any]:
    return lambda b: {**b, "facts": {**b["facts"], **changes}}


PRODUCERS: dict[str, Bad] = {c.code: c for c in [  # type: ignore[misc]
    bad("applications", "p", "child.id_number", "331003880506321", code="id_format"),
    bad("applications", "p", "child.id_number", IMPOSSIBLE_ID, code="id_birth_date"),
    bad("applications", "p", "child.id_number", wrong_check(GOOD_ID), code="id_checksum"),
    bad("applications", "p", "guardians.0.id_number", id_number(date(1988, 5, 6), 7, region="990000"), code="id_area"),
    bad("applications", "p", "claims", change=_claims({"business_license": [{"guardian_no": 1, "uscc":
                                                                             "92331003MA2I00001X"}]}),
        code="uscc_format", field="claims.business_license.0.uscc"),
    bad("applications", "p", "claims", change=_claims({"business_license": [{"guardian_no": 1, "uscc":
                                                                             "92331003MA2000001X"}]}),
        code="uscc_checksum", field="claims.business_license.0.uscc"),
    bad("applications", "p", "child.name", "小明😀", code="name_characters"),
    bad("applications", "p", "guardians.0.phone", "1381234567", code="phone_format"),
    bad("applications", "p", "child.birth_date", change=lambda b: with_value(b, "child.birth_date", (birth_of(
        b["child"]["id_number"]) + timedelta(days=1)).isoformat()), code="birth_date_mismatch"),
    bad("cases", "p", "child_birth_date", "2099-01-01", code="birth_date_range", field=""),
    bad("applications", "p", "child", change=lambda b: {**b, "child": _child_born(date(SEASON - 9, 3, 1))},
        code="age_out_of_range", field="child.birth_date"),
    bad("applications", "p", "guardians", change=lambda b: {**b, "guardians": [b["guardians"][0], {
        **b["guardians"][1], "id_number": b["guardians"][0]["id_number"]}]}, code="duplicate_guardian",
        field="guardians.1.id_number"),
    bad("applications", "p", "guardians.0.id_number", change=lambda b: with_value(
        b, "guardians.0.id_number", b["child"]["id_number"]), code="guardian_is_child"),
    bad("applications", "p", "guardians.0.id_number", change=lambda b: with_value(b, "guardians.0.id_number", id_number(
        date.fromisoformat(b["child"]["birth_date"]) + timedelta(days=1), 5)), code="guardian_age"),
    bad("applications", "p", "claims", change=lambda b: {**b, "guardians": b["guardians"][:1], "claims": {
        "housing": [{"guardian_no": 2, "tenure": "rented", "lease_no": "L-1"}]}},
        code="unknown_guardian", field="claims.housing"),
    bad("cases", "p", "guardians.0.guardian_no", 3, code="guardian_no_range"),
    bad("applications", "p", "claims", change=_claims({"housing": [
        {"guardian_no": 1, "tenure": "rented", "lease_no": "L-1"},
        {"guardian_no": 1, "tenure": "rented", "lease_no": "L-2"}]}), code="duplicate_claim", field="claims.housing"),
    bad("tariffs", "p", "original_fee", "3e3", code="money_format"),
    bad("applications", "p", "claims", change=_claims({"housing": [{"guardian_no": 1, "tenure": "owned",
                                                                    "certificate_no": "C-1", "share_percent": "0"}]}),
        code="percent_format", field="claims.housing.0"),
    bad("rulebooks", "p", "items.0.fixed", raw="40", code="points_format"),
    bad("schools", "p", "floor_area_m2", change=lambda b: {**private_school("NEWR"), "floor_area_m2": "-1"},
        code="area_format"),
    bad("applications", "p", "child.birth_date", "2019-3-1", code="date_format"),
    bad("semesters", "p", "starts_on", "2026-03-01", code="date_order", field=""),
    bad("applications", "p", "grade", 2, code="grade_unknown"),
    bad("appeals", "p", "reason", "复核\u0007申请", code="text_characters"),
    bad("applications", "p", "township_code", "331003999", code="township_unknown"),
    bad("result", "p", "facts", change=_facts(county_code="330102"), code="township_county", field="facts"),
    bad("schools", "p", "floor_area_m2", "3000.00", code="school_fields", field=""),
    bad("roll-confirm", "p", "left.0.code", "public_school", code="leave_code", field="left.0"),
    bad("roll-confirm", "p", "left", [], code="roll_empty", field=""),
    bad("applications", "p", "public_choices", ["NOPE"], code="unknown_school", field="public_choices.0"),
    bad("applications", "p", "public_choices", ["P1", "P1"], code="duplicate_choice", field="public_choices.1"),
    bad("applications", "p", "public_choices", ["R1"], code="wrong_school_kind", field="public_choices.0"),
    bad("applications", "p", "grade", 7, code="wrong_level", field="public_choices.0"),
    bad("app-search", "p", "cursor", "abc", code="invalid_cursor"),
    Bad("app-batch", "p", headers=(("x-no-key", "1"),), status=400, code="idempotency_key_required"),
    bad("school-put", "p", "code", "OTHER", code="code_mismatch"),
    bad("school-put", "p", "kind", "private", code="field_immutable", change=lambda b: {
        **private_school("P1"), "code": "P1"}),
    bad("handover", "p", "seats.0.grade", 7, code="grade_not_taught", field="grade"),
    bad("handover", "p", "seats.0.school_level", "junior", code="school_level_mismatch", field="school_level"),
    bad("rulebook-put", "p", "id", "RB-OTHER", code="rulebook_invalid", field="id"),
    bad("transfer", "p", "to_school_code", "R1", code="same_school"),
    bad("appeals", "p", "application_no", "HY2025-7-000001", code="not_in_run"),
    bad("status", "p", "application_nos.0", "ABC", code="application_no_format"),
    bad("webhooks", "p", "url", "https://169.254.169.254/latest/meta-data", code="webhook_url_forbidden"),
    bad("roll-confirm", "p", "left.0.left_on", "2025-06-30", field="left", code="date_range"),
    bad("roll-confirm", "p", "attending", change=lambda b: {**b, "attending": [b["left"][0]["seat_id"]]},
        code="duplicate_seat"),
    bad("roll-confirm", "p", "attending", change=lambda b: {**b, "attending": [99999], "left": []},
        code="seat_not_on_roll"),
    bad("plans", "p", "planned", 100000, code="plan_over_capacity"),
    bad("result", "p", "facts", change=_facts(issued_on="2099-01-01"), code="invalid_facts", field="facts"),
]}
"""One request per rule code (``code`` on the case: the code expected in ``errors[]``, or at the top for a refusal
that names no field); ``school_not_admitting`` and the schema codes below have their own."""

SCHEMA_PRODUCERS: dict[str, tuple[str, str, Any, str | None]] = {  # code → (endpoint, at, raw JSON, field)
    "missing": ("applications", "season", None, "season"),
    "extra_forbidden": ("applications", "status", '"placed"', "status"),
    "string_type": ("applications", "child.name", "42", "child.name"),
    "string_unicode": ("applications", "child.name", '"\\ud800"', "child.name"),
    "string_too_short": ("rulebooks", "id", '""', "id"),
    "string_too_long": ("applications", "child.name", json.dumps("张" * 65), "child.name"),
    "string_pattern_mismatch": ("schools", "code", '"a b"', "code"),
    "int_type": ("applications", "season", '"2025"', "season"),
    "bool_type": ("result-si", "facts.active_at_cutoff", '"yes"', "facts.active_at_cutoff"),
    "greater_than": ("disburse", "amount", '"0.00"', "amount"),
    "greater_than_equal": ("seats", "migrant_seats", "-1", "migrant_seats"),
    "less_than_equal": ("applications", "season", "2101", "season"),
    "literal_error": ("app-search", "state", '"placed"', "state"),
    "list_type": ("applications", "public_choices", '"P1"', "public_choices"),
    "dict_type": ("schools", "classrooms", '"x"', "classrooms"),
    "model_attributes_type": ("applications", "child", '"小明"', "child"),
    "too_short": ("applications", "guardians", "[]", "guardians"),
    "too_long": ("applications", "public_choices", '["P1","P2","P3","P4","P5","P6"]', "public_choices"),
    "union_tag_invalid": ("applications", "claims.housing", '[{"guardian_no": 1, "tenure": "borrowed"}]',
                          "claims.housing.0"),
    "union_tag_not_found": ("applications", "claims.housing", '[{"guardian_no": 1}]', "claims.housing.0"),
    "json_invalid": ("applications", "season", "2025,,", None),
}
QUERY_PRODUCERS = {  # codes of path and query parameters: code → (service, path, role, field)
    "page_limit": ("enrollment", "/schools?limit=ten", "bureau", "limit"),
    "int_parsing": ("funding", "/budget/twenty", "auditor", "year"),
    "bool_parsing": ("funding", "/settlements/{settlement_id}?lines=maybe", "bureau", "lines"),
}
"""One request per schema code of the list (pydantic's own types), as (endpoint, field set to the raw JSON
literal — None: removed —, the field named)."""


def _errors_codes(body: dict[str, Any]) -> set[str]:
    return {e["code"] for e in body.get("errors") or ()} | {body["code"]}


def test_every_rule_code_has_its_producer_and_the_docs_list_them_all():
    """The list (common.refusals) = the producers here = the table in docs/api.md "Rule codes"."""
    from common.refusals import RULES, SCHEMA_ZH

    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    section = docs[docs.index("### Rule codes"):docs.index("**Names**")]
    table = {code for row in re.findall(r"^\| ((?:`[a-z_]+`(?:, )?)+) \|", section, re.M)
             for code in re.findall(r"`([a-z_]+)`", row)}
    schema = set(re.findall(r"`([a-z_]+)`", section[section.index("Schema codes"):].split("\n\n")[0]))
    assert table == set(RULES) and schema == set(SCHEMA_ZH)
    assert set(PRODUCERS) | OWN_TESTS | set(ELSEWHERE) | (set(QUERY_PRODUCERS) & set(RULES)) == set(RULES)
    assert set(SCHEMA_PRODUCERS) | (set(QUERY_PRODUCERS) & set(SCHEMA_ZH)) == set(SCHEMA_ZH)


@pytest.mark.parametrize("code", sorted(PRODUCERS))
def test_each_rule_code_is_produced_through_the_services(world, code):
    case = PRODUCERS[code]
    ep = ENDPOINTS[case.ep]
    method, path, content, headers = build(case, world.data)
    resp = world[ep.service].request(method, path, content=content, headers={**as_role(ep.role), **headers})
    body = assert_problem(resp, case.status, None, case.field or None)
    assert code in _errors_codes(body), resp.text


GUARDIAN_BEYOND = [  # (endpoint, at, value, field, code): a number naming no guardian of the family, at every bound
    ("applications", "claims", {"housing": [{"guardian_no": 3, "tenure": "rented", "lease_no": "L-1"}]},
     "claims.housing.0", "unknown_guardian"),
    ("applications", "claims", {"business_license": [{"guardian_no": 0, "uscc": "92331003MA2ABCDE19"}]},
     "claims.business_license.0.guardian_no", "unknown_guardian"),
    ("cases", "claims", {"business_license": [{"guardian_no": 3, "uscc": "92331003MA2ABCDE19"}]},
     "claims.business_license.0.guardian_no", "unknown_guardian"),
    ("cases", "claims", {"housing": [{"guardian_no": 2, "tenure": "rented", "lease_no": "L-1"}]}, "",
     "unknown_guardian"),
    ("appeals", "disputes", {"type": "fact", "guardian_no": 3, "kind": "residence_permit"},
     "disputes.fact.guardian_no", "unknown_guardian"),
    ("rechecks", "guardian_no", 3, "guardian_no", "unknown_guardian"),
    ("cases", "guardians.0.guardian_no", 3, "guardians.0.guardian_no", "guardian_no_range"),
    ("cases", "guardians.0.guardian_no", 0, "guardians.0.guardian_no", "guardian_no_range"),
    ("what-if", "guardians.0.guardian_no", 3, "guardians.0.guardian_no", "guardian_no_range"),
]


@pytest.mark.parametrize("ep_name, at, value, field, code", GUARDIAN_BEYOND,
                         ids=[f"{e}:{a}={json.dumps(v)[:40]}" for e, a, v, _, _ in GUARDIAN_BEYOND])
def test_a_guardian_no_beyond_the_family_answers_its_rule_code(world, ep_name, at, value, field, code):
    """A claim, disputed fact or re-check naming guardian 0, 3 (no family has one) or 2 (of a one-guardian family)
    is ``unknown_guardian``, never pydantic's ``less_than_equal``; a guardian's own position outside 1–2 is
    ``guardian_no_range`` (issue 17: every refusal names its rule)."""
    ep = ENDPOINTS[ep_name]
    body = with_value(ep.body(world.data), at, value)
    if ep_name == "cases" and at == "claims" and value.get("housing"):
        body["guardians"] = body["guardians"][:1]
    headers = {"content-type": "application/json", **({"Idempotency-Key": f"beyond-{ep_name}-{at}-{value}"}
                                                      if ep.keyed else {})}
    resp = world[ep.service].request(ep.method, ep.path.format(**world.data), headers={**as_role(ep.role), **headers},
                                     content=json.dumps(body, ensure_ascii=False).encode())
    answered = assert_problem(resp, 422, None, field or None)
    assert [e["code"] for e in answered["errors"]] == [code], resp.text


OWN_TESTS = {"school_not_admitting", "datetime_format", "bad_upload", "idempotency_key_reused"}
"""Rule codes produced by a test of their own below (they need a record set up, or a multipart upload)."""

ELSEWHERE = {"contradicts_claim": "verification/test_validation.py", "no_change": "funding/test_funding_api.py",
             "amount_mismatch": "funding/test_funding_api.py", "other_grade": "enrollment/test_diff.py",
             "seat_not_in_settlement": "funding/test_funding_api.py", "no_such_fact": "enrollment/test_appeal_flow.py",
             "unknown_parameter": "contract/test_hostile_cursors.py",
             "unknown_semester": "enrollment/test_planning.py"}
"""Rule codes whose records (an approved settlement, a housing claim, two runs of two grades) the world here has
not: the test file that produces each through the service (a planning what-if needs a run and funding's
semesters)."""


def test_the_rule_codes_produced_elsewhere_are_asserted_there():
    from pathlib import Path

    tests = Path(__file__).resolve().parents[1]
    for code, where in ELSEWHERE.items():
        assert f'"{code}"' in (tests / where).read_text(encoding="utf-8"), (code, where)


def test_school_not_admitting_is_produced_through_the_services(world):
    world.ok(world.call("enrollment", "POST", "/schools", "bureau",
                        json_body={**private_school("RPHASE"), "status": "phasing_out"}), 201)
    resp = world.call("enrollment", "POST", "/applications", "platform", json_body=application(private=["RPHASE"]))
    assert "school_not_admitting" in _errors_codes(assert_problem(resp, 422, field="private_choices.0"))


def test_bad_upload_and_a_reused_key_are_produced_through_the_services(world):
    resp = world["enrollment"].post("/imports/schools", files={"file": ("x.csv", b"\x00\x01", "text/csv")},
                                    headers=as_role("bureau"))
    assert "bad_upload" in _errors_codes(assert_problem(resp, 422, field="file"))
    world.ok(world.call("enrollment", "POST", "/schools", "bureau", key="rule-codes-reused",
                        json_body=public_school("PKEY")), 201)
    again = world.call("enrollment", "POST", "/schools", "bureau", key="rule-codes-reused",
                       json_body=public_school("PKEY2"))
    assert "idempotency_key_reused" in _errors_codes(assert_problem(again, 422, field="Idempotency-Key"))


def test_datetime_format_is_the_timestamp_types_rule():
    """No request body takes a datetime today (times are answered, not sent): the kit's type carries the rule."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Timestamp).validate_python("2025-04-30")
    assert caught.value.errors()[0]["type"] == "datetime_format"


@pytest.mark.parametrize("code", sorted(SCHEMA_PRODUCERS))
def test_each_schema_code_is_produced_through_the_services(world, code):
    ep_name, at, literal, field = SCHEMA_PRODUCERS[code]
    ep = ENDPOINTS[ep_name]
    body = ep.body(world.data)
    if literal is None:
        keys = at.split(".")
        node = body
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        del node[keys[-1]]
        content = json.dumps(body, ensure_ascii=False).encode()
    elif code == "json_invalid":
        content = json.dumps(body, ensure_ascii=False).encode()[:-1] + b",,"
    else:
        content = raw_json(with_value(body, at, RAW), literal)
    headers = {"content-type": "application/json", **({"Idempotency-Key": f"schema-{code}"} if ep.keyed else {})}
    resp = world[ep.service].request(ep.method, ep.path.format(**world.data), content=content,
                                     headers={**as_role(ep.role), **headers})
    answered = assert_problem(resp, 422, None, field)
    assert code in _errors_codes(answered), resp.text



@pytest.mark.parametrize("code", sorted(QUERY_PRODUCERS))
def test_each_code_of_a_path_or_query_is_produced_through_the_services(world, code):
    service, path, role, field = QUERY_PRODUCERS[code]
    resp = world[service].get(path.format(**world.data), headers=as_role(role))
    assert code in _errors_codes(assert_problem(resp, 422, None, field)), resp.text
