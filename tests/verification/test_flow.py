"""End to end through the HTTP API: register a case, departments answer, points reads the facts."""

from verification_kit import PERMIT, license_facts, uscc


def test_register_answer_and_read_facts(verification, as_role, registered, backend):
    assert set(registered) == {"residence_permit/1", "social_insurance/1", "housing/1", "business_license/1",
                               "residence_permit/2", "social_insurance/2", "housing/2"}
    queue = verification.get("/queue", headers=as_role("police"))
    assert queue.status_code == 200, queue.text
    items = queue.json()["items"]
    assert [i["id"] for i in items] == sorted([registered["residence_permit/1"], registered["residence_permit/2"]])
    assert items[0]["subject_name"] == "张三" and len(items[0]["subject_id_number"]) == 18

    posted = verification.post(f"/requests/{registered['residence_permit/1']}/results",
                               json={"outcome": "confirmed", "facts": PERMIT},
                               headers=as_role("police", **{"Idempotency-Key": "k1"}))
    assert posted.status_code == 201, posted.text
    assert posted.json()["supersedes"] is None and posted.json()["department"] == "police"

    batch = verification.post("/results/batch", headers=as_role("market", **{"Idempotency-Key": "b1"}), json={"items": [
        {"request_id": registered["business_license/1"], "outcome": "confirmed", "facts": license_facts(uscc(1))}]})
    assert batch.status_code == 200, batch.text
    assert batch.json()["stored"] == 1

    facts = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points"))
    assert facts.status_code == 200, facts.text
    body = facts.json()
    g1 = body["guardians"][0]
    assert g1["results"]["residence_permit"]["outcome"] == "confirmed"
    assert g1["results"]["business_license"]["facts"]["uscc"] == uscc(1)
    assert g1["pending"] == ["social_insurance", "housing"]
    page = verification.get("/facts?season=2025&grade=1", headers=as_role("service:points"))
    assert page.status_code == 200 and page.json()["items"][0]["digest"] == body["digest"]
