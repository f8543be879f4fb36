"""Pure verification rules: planned requests, answer checks, digest, masking (no HTTP, no database)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verification.errors import ContradictsClaim, FactsInvalid
from verification.rules import DEPARTMENT_OF, KINDS, canonical_digest, check_answer, facts_digest, \
    mask_name, normalize_certificate_no, planned_requests
from verification_kit import PERMIT, license_facts, owned_facts, uscc

TODAY = date(2025, 5, 1)
GUARDIANS = [{"guardian_no": 2, "name": "李四", "id_number": "B"}, {"guardian_no": 1, "name": "张三", "id_number": "A"}]


def test_every_guardian_gets_permit_and_insurance_and_claims_only_where_claimed():
    claims = {"housing": [{"guardian_no": 2, "tenure": "rented", "lease_no": "L-1"}],
              "business_license": [{"guardian_no": 1, "uscc": uscc(1)}]}
    plan = planned_requests(GUARDIANS, claims)
    assert [(p.guardian_no, p.kind, p.department) for p in plan] == [
        (1, "residence_permit", "police"), (1, "social_insurance", "hrss"), (1, "business_license", "market"),
        (2, "residence_permit", "police"), (2, "social_insurance", "hrss"), (2, "housing", "housing")]
    assert plan[2].claim == {"uscc": uscc(1)} and plan[5].claim == {"tenure": "rented", "lease_no": "L-1"}
    assert plan[0].claim == {} and plan[0].subject_id_number == "A"
    assert DEPARTMENT_OF == {"residence_permit": "police", "social_insurance": "hrss", "housing": "housing",
                             "business_license": "market"}


@pytest.mark.parametrize("outcome,facts,error", [
    ("confirmed", None, FactsInvalid), ("mismatch", None, FactsInvalid), ("not_found", PERMIT, FactsInvalid),
    ("confirmed", {**PERMIT, "continuous_since": "2025-05-02"}, FactsInvalid),
])
def test_answers_that_cannot_be_right(outcome, facts, error):
    with pytest.raises(error):
        check_answer("residence_permit", {}, outcome, facts, today=TODAY)


@pytest.mark.parametrize("outcome,facts", [("not_found", None), ("falsified", None), ("falsified", PERMIT),
                                           ("confirmed", PERMIT), ("mismatch", PERMIT)])
def test_answers_that_fit(outcome, facts):
    assert check_answer("residence_permit", {}, outcome, facts, today=TODAY) is None


def test_insurance_months_must_fit_since_and_dates_of_record_start_in_1949():
    """A department's answer that contradicts itself is refused: more continuous months than calendar months from
    ``since`` through this month (May 2025 here), or a date of record before 1 October 1949."""
    insurance = {"county_code": "331003", "active_at_cutoff": True, "since": "2024-06-01"}
    check_answer("social_insurance", {}, "confirmed", {**insurance, "continuous_months": 12}, today=TODAY)
    with pytest.raises(FactsInvalid, match="continuous_months 13 is more than the 12") as refused:
        check_answer("social_insurance", {}, "confirmed", {**insurance, "continuous_months": 13}, today=TODAY)
    assert refused.value.field == "facts.continuous_months"
    with pytest.raises(FactsInvalid, match="before 1949-10-01"):
        check_answer("residence_permit", {}, "confirmed", {**PERMIT, "issued_on": "1800-01-01"}, today=TODAY)


def test_confirmed_must_agree_with_the_claim_but_mismatch_need_not():
    claim = {"tenure": "owned", "certificate_no": owned_facts(1)["certificate_no"], "share_percent": "50.00"}
    check_answer("housing", claim, "confirmed", owned_facts(1), today=TODAY)
    with pytest.raises(ContradictsClaim, match="share_percent"):
        check_answer("housing", claim, "confirmed", owned_facts(1, share="50.01"), today=TODAY)
    check_answer("housing", claim, "mismatch", owned_facts(1, share="50.01"), today=TODAY)
    with pytest.raises(ContradictsClaim, match="uscc"):
        check_answer("business_license", {"uscc": uscc(1)}, "confirmed", license_facts(uscc(2)), today=TODAY)


@pytest.mark.parametrize("raw", ["浙（2021）黄岩区不动产权第0001234号", "浙(2021)黄岩区不动产权第０００１２３４号",
                                 " 浙 (2021) 黄岩区不动产权第0001234号 "])
def test_certificate_numbers_fold_to_one_form(raw):
    assert normalize_certificate_no(raw) == "浙(2021)黄岩区不动产权第0001234号"


RESULT = st.fixed_dictionaries({"id": st.integers(1, 10**6), "outcome": st.sampled_from(["confirmed", "mismatch"]),
                                "facts": st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers()),
                                "department": st.sampled_from(["police", "hrss"]), "note": st.text(max_size=5)})
GUARDIAN = st.fixed_dictionaries({"guardian_no": st.sampled_from([1, 2]),
                                  "results": st.fixed_dictionaries({k: st.none() | RESULT for k in KINDS}),
                                  "pending": st.lists(st.sampled_from(KINDS), unique=True)})


@given(st.lists(GUARDIAN, min_size=1, max_size=2, unique_by=lambda g: g["guardian_no"]), st.integers(1, 10**6),
       st.text(max_size=5))
def test_digest_ignores_ids_notes_and_order_but_not_content(guardians, new_id, new_note):
    digest = facts_digest(2025, 1, date(2019, 3, 1), guardians)
    shuffled = [{**g, "pending": list(reversed(g["pending"])),
                 "results": {k: None if r is None else {**r, "id": new_id, "note": new_note}
                             for k, r in reversed(list(g["results"].items()))}} for g in reversed(guardians)]
    assert facts_digest(2025, 1, date(2019, 3, 1), shuffled) == digest
    assert facts_digest(2025, 7, date(2019, 3, 1), guardians) != digest
    flipped = [{**guardians[0], "results": {**guardians[0]["results"], "housing": {
        "id": 1, "outcome": "falsified", "facts": None, "department": "housing", "note": None}}}, *guardians[1:]]
    assert facts_digest(2025, 1, date(2019, 3, 1), flipped) != digest


@given(st.lists(st.fixed_dictionaries({"guardian_no": st.sampled_from([1, 2]),
                                       "results": st.fixed_dictionaries({k: st.none() | RESULT for k in KINDS}),
                                       "pending": st.lists(st.sampled_from(KINDS), unique=True)}),
                min_size=1, max_size=2, unique_by=lambda g: g["guardian_no"]))
def test_the_digest_of_gathered_facts_is_facts_digest(guardians):
    """A page of CaseFacts hashes what it gathered as it read its rows (issue 15): the digest of facts_digest."""
    guardians = sorted(guardians, key=lambda g: g["guardian_no"])
    gathered = [(g["guardian_no"], {k: None if r is None else {"outcome": r["outcome"], "facts": r["facts"],
                                                                "department": r["department"]}
                                    for k, r in g["results"].items()}, g["pending"]) for g in guardians]
    assert canonical_digest(2025, 1, date(2019, 3, 1), gathered) == facts_digest(2025, 1, date(2019, 3, 1), guardians)


@pytest.mark.parametrize("name,masked", [("张三", "张*"), ("欧阳娜娜", "欧***"), ("阿依古丽·买买提", "阿*******"),
                                         ("王", "王*")])
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_the_kind_literal_lists_the_kinds_in_order():
    from typing import get_args

    from verification.facts import Kind

    assert get_args(Kind) == KINDS
