"""Validation at the edge: facts typed per kind, answers that contradict their claim, malformed cases. These are
checked before the database is touched, so they run on SQLite only (the module overrides ``backend``)."""

import json

import pytest

from verification_kit import INSURANCE, PERMIT, case_body, license_facts, owned_facts, uscc


@pytest.fixture
def backend() -> str:
    return "sqlite"


def post(client, as_role, dept, rid, body, key):
    return client.post(f"/requests/{rid}/results", json=body, headers=as_role(dept, **{"Idempotency-Key": key}))


BAD_ANSWERS = [
    ("residence_permit/1", {"outcome": "confirmed"}, "invalid_facts"),                       # facts missing
    ("residence_permit/1", {"outcome": "not_found", "facts": PERMIT}, "invalid_facts"),      # facts on not_found
    ("residence_permit/1", {"outcome": "confirmed", "facts": {**PERMIT, "status": "expired"}}, "invalid_facts"),
    ("residence_permit/1", {"outcome": "confirmed", "facts": {**PERMIT, "township_code": "331002001"}},
     "invalid_facts"),                                                                       # not a Huangyan township
    ("residence_permit/1", {"outcome": "confirmed", "facts": {**PERMIT, "issued_on": "2999-01-01"}},
     "invalid_facts"),                                                                       # date in the future
    ("residence_permit/1", {"outcome": "confirmed", "facts": INSURANCE}, "invalid_facts"),   # another kind's facts
    ("social_insurance/1", {"outcome": "confirmed", "facts": {**INSURANCE, "continuous_months": 12.0}},
     "invalid_facts"),
    ("social_insurance/1", {"outcome": "confirmed", "facts": {**INSURANCE, "active_at_cutoff": "yes"}},
     "invalid_facts"),
    ("housing/1", {"outcome": "confirmed", "facts": {**owned_facts(1), "share_percent": 50}}, "invalid_facts"),
    ("housing/1", {"outcome": "confirmed", "facts": {**owned_facts(1), "extra": 1}}, "invalid_facts"),
    ("housing/1", {"outcome": "confirmed", "facts": owned_facts(1, share="30.00")}, "contradicts_claim"),
    ("housing/1", {"outcome": "confirmed", "facts": owned_facts(2)}, "contradicts_claim"),
    ("housing/2", {"outcome": "confirmed", "facts": owned_facts(1)}, "contradicts_claim"),   # claimed rented
    ("business_license/1", {"outcome": "confirmed", "facts": license_facts(uscc(99))}, "contradicts_claim"),
    ("business_license/1", {"outcome": "confirmed", "facts": license_facts("92331003MA2000001I")}, "invalid_facts"),
]


@pytest.mark.parametrize("target,body,code", BAD_ANSWERS)
def test_bad_answers_are_refused_and_write_nothing(verification, as_role, registered, target, body, code):
    dept = {"residence_permit": "police", "social_insurance": "hrss", "housing": "housing",
            "business_license": "market"}[target.split("/")[0]]
    resp = post(verification, as_role, dept, registered[target], body, "bad")
    assert resp.status_code == 422 and resp.json()["code"] == code, resp.text
    assert resp.json()["field"].startswith("facts")
    assert verification.get(f"/requests/{registered[target]}", headers=as_role(dept)).json()["history"] == []
    # the key was not consumed by the failure: a good body under it is stored
    good = {"residence_permit": {"outcome": "confirmed", "facts": PERMIT},
            "social_insurance": {"outcome": "not_found"}, "housing": {"outcome": "falsified"},
            "business_license": {"outcome": "confirmed", "facts": license_facts(uscc(1))}}[target.split("/")[0]]
    assert post(verification, as_role, dept, registered[target], good, "bad").status_code == 201


def test_full_width_certificate_brackets_match_the_claim(verification, as_role, registered):
    facts = {**owned_facts(1), "certificate_no": "浙（2021）黄岩区不动产权第 ０００００01号"}
    resp = post(verification, as_role, "housing", registered["housing/1"], {"outcome": "confirmed", "facts": facts}, "fw")
    assert resp.status_code == 201, resp.text
    assert resp.json()["facts"]["certificate_no"] == owned_facts(1)["certificate_no"]


@pytest.mark.parametrize("change,field", [
    (lambda b: b["claims"]["housing"].append(dict(b["claims"]["housing"][0])), "claims"),
    (lambda b: b["claims"]["business_license"][0].update(guardian_no=2) or b["guardians"].pop(), "claims"),
    (lambda b: b["guardians"][1].update(id_number=b["guardians"][0]["id_number"]), "guardians"),
    (lambda b: b["guardians"][1].update(guardian_no=1), "guardians"),
    (lambda b: b.update(grade=3), "grade"),
    (lambda b: b.update(season="2025"), "season"),
    (lambda b: b.update(child_birth_date="2999-01-01"), "child_birth_date"),
    (lambda b: b["claims"]["housing"][0].update(share_percent="０.５0"), "claims"),
    (lambda b: b["claims"]["housing"][0].update(share_percent="150.00"), "claims"),
    (lambda b: b.update(status="answered"), "status"),
    (lambda b: b["guardians"][0].update(name=" 张三"), "guardians"),
    # JSON true and 1.0 are not 1 (a lax Literal[1, 7] / Literal[1, 2] took them and stored 1)
    (lambda b: b.update(grade=True), "grade"),
    (lambda b: b.update(grade=1.0), "grade"),
    (lambda b: b["guardians"][0].update(guardian_no=True), "guardians.0.guardian_no"),
    (lambda b: b["guardians"][1].update(guardian_no=2.0), "guardians.1.guardian_no"),
    (lambda b: b["claims"]["housing"][0].update(guardian_no=True), "claims.housing.0"),
    # NUL (PostgreSQL cannot store it) and other control characters in document numbers
    (lambda b: b["claims"]["housing"][0].update(certificate_no="浙(2021)\u0000号"), "claims.housing.0.owned"),
    (lambda b: b["claims"]["housing"][0].update(certificate_no="浙(2021)\u0007号"), "claims.housing.0.owned"),
    (lambda b: b["claims"]["housing"][1].update(lease_no="HYZL\u00002023"), "claims.housing.1.rented"),
    (lambda b: b["claims"]["housing"][1].update(lease_no="HYZL\u001b2023"), "claims.housing.1.rented"),
])
def test_bad_cases_are_422(verification, as_role, change, field):
    body = case_body("HY2025-1-000077")
    change(body)
    resp = verification.post("/cases", json=body, headers=as_role("service:enrollment"))
    assert resp.status_code == 422, resp.text
    assert (resp.json().get("field") or "").startswith(field) or field in resp.json()["detail"]


@pytest.mark.parametrize("note", ["甲\u0000乙", "甲\u0007乙", "甲\ud800乙", "注" * 2001])
def test_control_characters_in_a_note_are_422_and_write_nothing(verification, as_role, registered, note):
    rid = registered["residence_permit/1"]
    resp = verification.post(f"/requests/{rid}/results", content=json.dumps({"outcome": "not_found", "note": note}),
                             headers=as_role("police", **{"Idempotency-Key": "note",
                                                          "content-type": "application/json"}))
    assert resp.status_code == 422 and resp.json()["field"] == "note", resp.text
    assert verification.get(f"/requests/{rid}", headers=as_role("police")).json()["history"] == []
    kept = post(verification, as_role, "police", rid, {"outcome": "not_found", "note": "第一行\n\t第二行"}, "note")
    assert kept.status_code == 201 and kept.json()["note"] == "第一行\n\t第二行"


def test_a_batch_item_with_a_surrogate_request_id_is_rejected_not_echoed(verification, as_role, registered):
    """A rejected item echoes its request_id only when it is a JSON integer: a string holding a lone surrogate
    could not be stored as the idempotent answer (it was a 500)."""
    rid = registered["residence_permit/1"]
    content = ('{"items": [{"request_id": "\\ud800", "outcome": "not_found"}, {"request_id": true, "outcome": '
               '"not_found"}, {"request_id": 2147483648, "outcome": "not_found"}, {"request_id": %d, "outcome": '
               '"not_found", "note": "\\u0000"}]}' % rid).encode()
    headers = as_role("police", **{"Idempotency-Key": "surrogate-id", "content-type": "application/json"})
    first = verification.post("/results/batch", content=content, headers=headers)
    assert first.status_code == 200, first.text
    assert [(i["request_id"], i["status"], i["code"]) for i in first.json()["items"]] == [
        (None, "rejected", "validation_error"), (None, "rejected", "validation_error"),
        (2147483648, "rejected", "validation_error"), (rid, "rejected", "validation_error")]
    again = verification.post("/results/batch", content=content, headers=headers)
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert verification.get(f"/requests/{rid}", headers=as_role("police")).json()["history"] == []
