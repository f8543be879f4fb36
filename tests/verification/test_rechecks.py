"""Re-checks asked by upheld appeals (复核, issue 13): the request goes back to its department's queue marked with
the appeal and the family's ground, its current result still counts, and the department's next result closes it."""

from verification_kit import INSURANCE

RECHECK = {"ref": "enrollment-appeal-7", "application_no": "HY2025-1-000001", "guardian_no": 1,
           "kind": "social_insurance", "ground": "社保缴费记录漏登 (a missing contribution record)"}


def _answer(verification, as_role, request_id, outcome, facts, key):
    resp = verification.post(f"/requests/{request_id}/results", json={"outcome": outcome, "facts": facts},
                             headers=as_role("hrss", **{"Idempotency-Key": key}))
    assert resp.status_code == 201, resp.text
    return resp.json()


def test_a_recheck_goes_back_to_the_department_and_its_answer_closes_it(verification, as_role, registered, backend):
    rid = registered["social_insurance/1"]
    first = _answer(verification, as_role, rid, "not_found", None, "first")
    assert [i["id"] for i in verification.get("/queue", headers=as_role("hrss")).json()["items"]] == [
        registered["social_insurance/2"]]
    seq_before = verification.get("/facts/HY2025-1-000001", headers=as_role("bureau")).json()["seq"]

    asked = verification.post("/rechecks", json=RECHECK, headers=as_role("service:enrollment"))
    assert asked.status_code == 200, asked.text
    assert asked.json()["request_id"] == rid and asked.json()["department"] == "hrss"
    assert asked.json()["open"] is True and asked.json()["result"] is None
    again = verification.post("/rechecks", json=RECHECK, headers=as_role("service:enrollment"))
    assert again.json()["request_id"] == rid  # idempotent by ref

    queue = verification.get("/queue", headers=as_role("hrss")).json()["items"]
    marked = [i for i in queue if i["id"] == rid]
    assert marked and marked[0]["recheck"]["appeal_ref"] == "enrollment-appeal-7"
    assert "漏登" in marked[0]["recheck"]["ground"]
    assert not verification.get("/queue", headers=as_role("police")).json()["items"] or all(
        i["recheck"] is None for i in verification.get("/queue", headers=as_role("police")).json()["items"])
    facts = verification.get("/facts/HY2025-1-000001", headers=as_role("bureau")).json()
    assert facts["guardians"][0]["results"]["social_insurance"]["id"] == first["id"]  # still counts meanwhile

    corrected = _answer(verification, as_role, rid, "confirmed", INSURANCE, "corrected")
    assert corrected["supersedes"] == first["id"]
    state = verification.get("/rechecks/enrollment-appeal-7", headers=as_role("service:enrollment")).json()
    assert state["open"] is False and state["result"]["id"] == corrected["id"]
    assert state["result"]["outcome"] == "confirmed"
    assert rid not in [i["id"] for i in verification.get("/queue", headers=as_role("hrss")).json()["items"]]
    facts = verification.get("/facts/HY2025-1-000001", headers=as_role("bureau")).json()
    assert facts["seq"] > seq_before and facts["guardians"][0]["results"]["social_insurance"]["id"] == corrected["id"]
    # a later correction does not rewrite what answered the re-check
    _answer(verification, as_role, rid, "confirmed", INSURANCE | {"continuous_months": 31}, "later")
    assert verification.get("/rechecks/enrollment-appeal-7",
                            headers=as_role("bureau")).json()["result"]["id"] == corrected["id"]


def test_a_recheck_of_nothing_or_a_reused_ref_is_refused(verification, as_role, registered):
    enrollment = as_role("service:enrollment")
    missing = verification.post("/rechecks", json=RECHECK | {"application_no": "HY2025-1-999999"}, headers=enrollment)
    assert missing.status_code == 404 and missing.json()["code"] == "case_not_found"
    no_such = verification.post("/rechecks", json=RECHECK | {"guardian_no": 2, "kind": "business_license"},
                                headers=enrollment)
    assert no_such.status_code == 404 and no_such.json()["code"] == "request_not_found"
    assert verification.post("/rechecks", json=RECHECK, headers=enrollment).status_code == 200
    reused = verification.post("/rechecks", json=RECHECK | {"kind": "residence_permit"}, headers=enrollment)
    assert reused.status_code == 409 and reused.json()["code"] == "recheck_conflict"
    assert verification.post("/rechecks", json=RECHECK, headers=as_role("hrss")).status_code == 403
    assert verification.get("/rechecks/nope", headers=enrollment).status_code == 404
