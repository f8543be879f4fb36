"""A score as a family reads it (docs/api.md ``Score``): each item's working, every reason in plain words, and
whether each guardian's total counts — computed at answer time from the stored breakdown and the rulebook."""

from __future__ import annotations

import ast
import copy
import inspect
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared_kit import TEST_SECRET
from points import kinds, rulebook, rules
from points.explain import REASONS, UNEXPLAINED, explain, explain_score
from points.models import StoredScore
from points.rulebook import compile_rulebook
from points.rules import score_family
from points.schemas import ScoreRead
from points.service import DEFAULT_RULEBOOKS
from points_kit import (case, eligible_guardian, guardian, insurance, license_, owned, permit, rented, result,
                          with_fake)
from test_points_properties import FAST, families, rulebooks

SPEC = json.loads((DEFAULT_RULEBOOKS / "HY-2025.json").read_text(encoding="utf-8"))
HY = compile_rulebook(SPEC)
OUTCOMES = ("mismatch", "not_found", "falsified")  # verification's outcomes other than confirmed (docs/api.md)


def explained(family: dict, rules_=HY) -> dict:
    return explain_score(json.loads(json.dumps(score_family(rules_, family).to_dict())), rules_)


def items_of(score: dict, guardian_no: int) -> dict[str, dict]:
    g = next(g for g in score["guardians"] if g["guardian_no"] == guardian_no)
    return {i["item"]: i for i in g["items"]}


def guardian_of(score: dict, guardian_no: int) -> dict:
    return next(g for g in score["guardians"] if g["guardian_no"] == guardian_no)


# --- workings -------------------------------------------------------------------------------------------------------

def test_each_kind_of_item_shows_its_arithmetic_capped_or_not():
    family = case(eligible_guardian(1, housing=owned("2020-06-01"), business_license=license_("2010-01-01")),
                  guardian(2, residence_permit=permit("2010-03-01"), social_insurance=insurance(150),
                           housing=rented("2021-01-01"), business_license=license_("2022-01-01")))
    score = explained(family)
    one, two = items_of(score, 1), items_of(score, 2)
    assert {name: i["working"] for name, i in one.items()} == {
        "base": "fixed 40.00",
        "residence": "6 full years × 2.00 = 12.00",  # since 2019-03-01, cut-off 2025-04-30
        "social_insurance": "60 months × 0.20 = 12.00",
        "owned_home": "20.00 + 4 full years × 1.00 = 24.00",  # acquired 2020-06-01: 4 full years
        "rented_home": None,  # no lease
        "business": "15 full years × 1.00 = 15.00, capped at 10.00",
    }
    assert (one["business"]["raw"], one["business"]["points"], one["business"]["reason"]) == ("15.00", "10.00",
                                                                                             "capped")
    assert {name: i["working"] for name, i in two.items()} == {
        "base": "fixed 40.00",
        "residence": "15 full years × 2.00 = 30.00, capped at 20.00",
        "social_insurance": "150 months × 0.20 = 30.00, capped at 24.00",
        "owned_home": None,
        "rented_home": "4 full years × 1.00 = 4.00",
        "business": "3 full years × 1.00 = 3.00",
    }
    assert two["social_insurance"]["explanation"] == "超过上限，按上限 24.00 分计 / above the cap: counted at the cap of 24.00"
    assert one["residence"]["explanation"] == "计入 / counted"
    assert one["rented_home"]["explanation"] == "没有该项已核实的记录 / no confirmed record for this item"
    assert (score["family_score"], guardian_of(score, 1)["total"], guardian_of(score, 2)["total"]) == (
        "98.00", "98.00", "91.00")


def test_months_past_the_cut_off_are_not_in_the_working():
    """The department reports 70 months since 2020-01-01; only the 64 calendar months through April 2025 count."""
    score = explained(case(eligible_guardian(1, social_insurance=insurance(70, since="2020-01-01"))))
    assert items_of(score, 1)["social_insurance"]["working"] == "64 months × 0.20 = 12.80"


def test_an_item_that_did_not_count_has_no_working_and_says_why():
    family = case(eligible_guardian(
        1, housing=[owned("2020-06-01", share="40.00"), rented("2026-01-01")],
        business_license=license_(status="revoked")), guardian(
        2, residence_permit=permit(status="suspended"), social_insurance=insurance(county="330602"),
        housing=result("housing", owned(), "mismatch"), pending=["business_license"]))
    score = explained(family)
    one, two = items_of(score, 1), items_of(score, 2)
    assert all(i["working"] is None for i in (one["owned_home"], one["rented_home"], one["business"]))
    assert one["owned_home"]["explanation"] == (
        "监护人产权份额低于 50.00% / the guardian's share of the home is below 50.00 %")
    assert one["rented_home"]["explanation"] == (
        "租赁登记日在截止日 2025-04-30 之后 / the date the lease was registered is after the cut-off 2025-04-30")
    assert one["business"]["explanation"] == "营业执照不是存续状态 / the business license is not active"
    assert two["base"]["working"] is None
    assert two["base"]["explanation"] == "该监护人未满足 E1 & E2，无此项 / the guardian does not meet E1 & E2"
    assert two["residence"]["explanation"] == (
        "居住证被暂停（漏签注） / the residence permit is suspended (missed endorsement)")
    assert two["social_insurance"]["explanation"] == (
        "社保不在黄岩区（331003） / the social insurance is not in Huangyan (county 331003)")
    assert two["owned_home"]["explanation"] == (
        "住建/自然资源部门核验的记录与申报不符 / the housing department found a record that differs from the claim")
    assert two["business"]["explanation"] == "市场监管尚未核验 / market supervision has not answered yet"


def test_a_rented_home_beside_an_owned_one_is_explained():
    score = explained(case(eligible_guardian(1, housing=[owned("2020-06-01"), rented("2021-01-01")])))
    rented_home = items_of(score, 1)["rented_home"]
    assert (rented_home["reason"], rented_home["working"]) == ("excluded_by_owned_home", None)
    assert rented_home["explanation"] == "已计自有住房，此项不计 / not counted because owned home scored"


# --- guardians that count, and those that do not --------------------------------------------------------------------

def test_a_guardian_failing_e1_in_an_ineligible_family_does_not_count_and_says_why():
    score = explained(case(guardian(1, residence_permit=permit("2024-06-01"), social_insurance=insurance(),
                                    housing=owned("2020-06-01"))))
    g = guardian_of(score, 1)
    assert (score["eligible"], score["family_score"], g["total"], g["counts"]) == (False, "0.00", "36.00", False)
    assert g["note"] == (
        "不计入：未满足 E1（截至 2025-04-30 连续居住不满 1 年）；家庭不符合条件（没有一位监护人同时满足 E1 & E2），"
        "家庭积分为 0 / does not count: does not meet E1: fewer than 1 full year of continuous residence by "
        "2025-04-30; the family is not eligible (no guardian meets E1 & E2), so its score is 0.00")
    assert items_of(score, 1)["base"]["explanation"] == "该监护人未满足 E1，无此项 / the guardian does not meet E1"


def test_a_guardian_of_a_family_failing_a_family_rule_does_not_count():
    score = explained(case(eligible_guardian(1), birth="2019-09-01"))
    g = guardian_of(score, 1)
    assert (g["total"], g["counts"]) == ("64.00", False)
    assert g["note"] == ("不计入：家庭不符合条件（E3：孩子在 2025-08-31 未满 6 周岁），家庭积分为 0 / does not count: "
                         "the family is not eligible (E3: the child is under 6 on 2025-08-31), so its score is 0.00")


def test_in_an_eligible_family_a_guardian_without_e1_still_counts_without_base_points():
    """BRIEF §5: family score = the higher guardian score, the other is the first tie-break; a guardian without E1
    scores no base points, but the rest of its total takes part (here it is the family score)."""
    score = explained(case(eligible_guardian(1),
                           guardian(2, residence_permit=permit("2024-06-01"), social_insurance=insurance(150),
                                    housing=owned("2015-01-01"), business_license=license_("2015-01-01"))))
    one, two = guardian_of(score, 1), guardian_of(score, 2)
    assert (one["total"], two["total"], score["family_score"]) == ("64.00", "64.00", "64.00")
    assert (one["counts"], one["note"]) == (True, None)
    assert two["counts"] is True
    assert two["note"] == ("计入家庭积分；未满足 E1（截至 2025-04-30 连续居住不满 1 年），不得 base 分 / counts toward "
                           "the family score; does not meet E1: fewer than 1 full year of continuous residence by "
                           "2025-04-30; so no points for base")


def test_a_falsified_result_is_named_in_every_guardians_note():
    score = explained(case(eligible_guardian(1), eligible_guardian(
        2, housing=result("housing", owned(), "falsified"))))
    e4 = next(c for c in score["eligibility"] if c["rule"] == "E4")
    assert e4["explanation"] == "监护人 2 的材料被认定虚假，一票否决 / a department found guardian 2's material false: a veto"
    for g in score["guardians"]:
        assert g["counts"] is False and "E4: a department found guardian 2's material false" in g["note"]


# --- every reason the scorer can give has words ---------------------------------------------------------------------

def _reason_literals() -> tuple[set[str], set[str]]:
    """Reason codes written in points.kinds / rules / rulebook: string literals returned or assigned to
    ``why`` / ``reason``, or placed as the reason of a ``Check``; prefixes of codes built by ``+`` or an f-string."""
    codes: set[str] = set()
    prefixes: set[str] = set()

    def take(node: ast.AST | None) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            codes.add(node.value)
        elif isinstance(node, ast.IfExp):
            take(node.body)
            take(node.orelse)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                take(value)
        elif isinstance(node, ast.Tuple):
            for element in node.elts:
                take(element)
        elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            prefixes.add(node.left.value)
        elif (isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant)):
            prefixes.add(node.values[0].value)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "missing":
            if isinstance(node.slice, ast.Constant):
                codes.update(f"{p}_{node.slice.value}" for p in ("permit", "insurance"))

    for module in (kinds, rules, rulebook):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Return):
                take(node.value)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id in ("why", "reason"):
                        take(node.value)
                    elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                        for t, v in zip(target.elts, node.value.elts):
                            if isinstance(t, ast.Name) and t.id in ("why", "reason"):
                                take(v)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_new"
                  and len(node.args) == 2 and isinstance(node.args[0], ast.Name) and node.args[0].id == "Check"
                  and isinstance(node.args[1], ast.Tuple)):
                take(node.args[1].elts[2])
    for g in HY.guardian_rules:  # the codes for a guardian rule without a checkable fact (rulebook._missing_reasons)
        codes.update(g.missing.values())
    return codes, prefixes


def test_every_reason_code_written_in_the_scorer_has_an_explanation():
    codes, prefixes = _reason_literals()
    # the collector sees the codes it should (it would pass vacuously if it found none)
    assert {"ok", "capped", "no_fact", "pending", "dated_after_cutoff", "guardian_not_eligible", "permit_ok",
            "permit_too_recent", "permit_dated_after_cutoff", "insurance_too_short", "insurance_no_fact",
            "permit_result_mismatch", "permit_fact_unreadable", "child_too_young", "no_falsified",
            "falsified_result", "no_guardian", "share_below_minimum", "not_holder"} <= codes
    assert {"result_", "excluded_by_"} <= prefixes
    assert not codes - set(REASONS), f"reason codes without an explanation: {sorted(codes - set(REASONS))}"
    built = {f"result_{o}" for o in OUTCOMES} | {f"excluded_by_{i.name}" for i in HY.items}
    built |= {f"{p}_result_{o}" for p in ("permit", "insurance") for o in OUTCOMES}
    for code in built:
        assert UNEXPLAINED[1].split()[0] not in explain(code, items={i.name: i.kind for i in HY.items}), code
    assert prefixes <= {"result_", "excluded_by_"}, "a new built reason code needs its words in explain._PREFIXED"
    assert explain("made_up") == "未说明的原因 made_up / unexplained reason made_up"


def _check_explained(score: dict, rules_) -> None:
    for c in score["eligibility"]:
        assert c["reason"] in REASONS and "?" not in c["explanation"], c
    guardian_labels = {g.label for g in rules_.guardian_rules}
    for g in score["guardians"]:
        meets_all = all(c["met"] for c in score["eligibility"]
                        if c["guardian_no"] == g["guardian_no"] and c["rule"] in guardian_labels)
        assert g["counts"] is score["eligible"]
        assert (g["note"] is None) is (score["eligible"] and meets_all), g
        for i in g["items"]:
            assert "?" not in i["explanation"] and "unexplained" not in i["explanation"], i
            rule = next(r for r in rules_.items if r.name == i["item"])
            if i["reason"] not in ("ok", "capped"):
                assert i["working"] is None and i["raw"] == "0.00"
                continue
            fixed, rate = Decimal(rule.fixed) / 100, Decimal(rule.rate) / 100
            found = re.fullmatch(r"(?:fixed (?P<only>[\d.]+))|(?:(?:(?P<fixed>[\d.]+) \+ )?(?P<units>\d+) "
                                 r"(?:full years?|months?) × (?P<rate>[\d.]+) = (?P<raw>[\d.]+))"
                                 r"(?:, capped at (?P<cap>[\d.]+))?", i["working"])
            assert found, i["working"]
            if found["only"] is not None:
                assert Decimal(found["only"]) == fixed == Decimal(i["raw"])
            else:
                assert Decimal(found["fixed"] or "0") == fixed and Decimal(found["rate"]) == rate
                assert fixed + int(found["units"]) * rate == Decimal(found["raw"]) == Decimal(i["raw"])
            assert (found["cap"] is not None) is (i["reason"] == "capped")


@FAST
@given(families(outcomes=st.sampled_from(["confirmed"] * 12 + list(OUTCOMES))), rulebooks())
def test_every_score_of_generated_families_is_explained(family, rules_):
    """Over generated families and rulebooks (other fixed points, rates, caps): every reason emitted has its
    words, every counted item's working adds up to its raw points, and ``counts``/``note`` follow eligibility."""
    _check_explained(explained(family, rules_), rules_)


# --- through the service --------------------------------------------------------------------------------------------

def test_a_stored_score_is_explained_when_read_and_stored_as_scored(make_service, auth):
    client, fake = with_fake(make_service, TEST_SECRET)
    fake.put(case(guardian(1, residence_permit=permit("2024-06-01"), social_insurance=insurance(),
                           housing=owned("2020-06-01"))))
    scored = client.post("/scores/HY2025-1-000001", headers=auth("bureau"))
    assert scored.status_code == 200, scored.text
    read = client.get("/scores/HY2025-1-000001", headers=auth("platform"))
    assert read.status_code == 200
    body = read.json()
    assert body == scored.json()
    ScoreRead.model_validate(body)
    g = body["guardians"][0]
    assert (body["family_score"], g["total"], g["counts"]) == ("0.00", "36.00", False)
    assert g["note"].startswith("不计入：未满足 E1（截至 2025-04-30 连续居住不满 1 年）")
    assert {i["item"]: i["working"] for i in g["items"]}["owned_home"] == "20.00 + 4 full years × 1.00 = 24.00"
    assert next(c for c in body["eligibility"] if c["rule"] == "E1")["explanation"] == (
        "截至 2025-04-30 连续居住不满 1 年 / fewer than 1 full year of continuous residence by 2025-04-30")
    db = client.app.state.db
    with db.read_session() as session:  # the stored breakdown stays as scored: the words are added when read
        stored = session.get(StoredScore, "HY2025-1-000001").detail
    assert "working" not in stored["guardians"][0]["items"][0] and "counts" not in stored["guardians"][0]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_what_if_explains_a_draft_rulebooks_numbers(make_service, auth):
    client, _ = with_fake(make_service, TEST_SECRET)
    body = client.get("/rulebooks/HY-2025", headers=auth("bureau")).json()
    for key in ("state", "version", "created_by", "created_at", "updated_at", "published_at"):
        body.pop(key)
    body = copy.deepcopy(body) | {"id": "HY-2025-r3"}
    body["items"][1] |= {"rate": "3.00", "cap": "30.00"}
    assert client.post("/rulebooks", json=body, headers=auth("bureau")).status_code == 201
    answer = client.post("/what-if", headers=auth("platform"), json={
        "rulebook_id": "HY-2025-r3", "grade": 1, "child_birth_date": "2018-05-01",
        "guardians": [{"guardian_no": 1, "facts": {"residence_permit": permit("2022-03-01"),
                                                   "social_insurance": insurance(60),
                                                   "housing": owned("2021-01-01")}}]})
    assert answer.status_code == 200, answer.text
    score = answer.json()
    ScoreRead.model_validate(score)
    assert {i["item"]: i["working"] for i in score["guardians"][0]["items"]} == {
        "base": "fixed 40.00", "residence": "3 full years × 3.00 = 9.00",
        "social_insurance": "60 months × 0.20 = 12.00",
        "owned_home": "20.00 + 4 full years × 1.00 = 24.00", "rented_home": None, "business": None}
    assert score["guardians"][0]["counts"] is True and score["guardians"][0]["note"] is None


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_openapi_score_shape_has_the_explained_fields(make_service):
    client, _ = with_fake(make_service, TEST_SECRET)
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"working", "explanation"} <= set(schemas["ItemRead"]["required"])
    assert "explanation" in schemas["CheckRead"]["required"]
    assert {"counts", "note"} <= set(schemas["GuardianRead"]["required"])


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_read_explains_with_the_rulebook_the_score_was_made_with(make_service, auth):
    """A later rulebook (residence 3.00 a year) changes neither the stored score nor the words of its read; the
    score made with it reads with its own numbers."""
    client, fake = with_fake(make_service, TEST_SECRET)
    fake.put(case(eligible_guardian(1)))
    assert client.post("/scores/HY2025-1-000001", headers=auth("bureau")).status_code == 200
    body = client.get("/rulebooks/HY-2025", headers=auth("bureau")).json()
    for key in ("state", "version", "created_by", "created_at", "updated_at", "published_at"):
        body.pop(key)
    body |= {"id": "HY-2025-b"}
    body["items"][1] |= {"rate": "3.00", "cap": "30.00"}
    assert client.post("/rulebooks", json=body, headers=auth("bureau")).status_code == 201
    assert client.post("/rulebooks/HY-2025-b/publish", headers=auth("bureau")).status_code == 200

    def residence() -> tuple[str, str]:
        score = client.get("/scores/HY2025-1-000001", headers=auth("platform")).json()
        return score["rulebook_id"], items_of(score, 1)["residence"]["working"]

    assert residence() == ("HY-2025", "6 full years × 2.00 = 12.00")
    assert client.post("/scores/HY2025-1-000001", headers=auth("bureau")).status_code == 200
    assert residence() == ("HY-2025-b", "6 full years × 3.00 = 18.00")


def test_without_its_rulebook_a_score_still_reads_with_its_codes():
    detail = json.loads(json.dumps(score_family(HY, case(eligible_guardian(1))).to_dict()))
    before = copy.deepcopy(detail)
    score = explain_score(detail, None)
    assert all(i["working"] is None for i in score["guardians"][0]["items"])
    assert score["guardians"][0]["counts"] is True and score["guardians"][0]["note"] is None
    assert score["eligibility"][0]["explanation"].startswith("截至 2025-04-30 持有效居住证、连续居住满 ? 年")
    assert detail == before
