"""Departments answering: queue isolation, idempotent posts, corrections with history, batches with mixed items,
typed facts per kind, amended cases (BRIEF §4 step 4; plan 四(二))."""

import pytest

from common.paging import encode
from verification_kit import INSURANCE, PERMIT, case_body, fresh_key, license_facts, owned_facts, uscc


def post(client, as_role, dept, rid, body, key):
    return client.post(f"/requests/{rid}/results", json=body, headers=as_role(dept, **{"Idempotency-Key": key}))


def test_each_department_sees_only_its_own_queue(verification, as_role, registered, backend):
    expected = {"police": "residence_permit", "hrss": "social_insurance", "housing": "housing",
                "market": "business_license"}
    for dept, kind in expected.items():
        items = verification.get("/queue", headers=as_role(dept)).json()["items"]
        assert {i["kind"] for i in items} == {kind} and all(i["department"] == dept for i in items)
        assert [i["id"] for i in items] == sorted(v for k, v in registered.items() if k.startswith(kind))
    for dept, kind in expected.items():
        for other in set(expected) - {dept}:
            rid = registered[f"{expected[other]}/1"]
            assert verification.get(f"/requests/{rid}", headers=as_role(dept)).status_code == 404
            assert post(verification, as_role, dept, rid, {"outcome": "not_found"}, f"{dept}-{rid}").status_code == 404


def test_queue_pages_oldest_first_filtered_by_season(verification, as_role):
    for n in range(5):
        body = case_body(f"HY{2024 + n % 2}-1-00000{n}", serial=n, guardians=1, housing=False, business=False)
        body["season"] = 2024 + n % 2
        assert verification.post("/cases", json=body, headers=as_role("bureau")).status_code == 201
    seen, cursor = [], None
    while True:
        page = verification.get("/queue", params={"limit": 2, **({"cursor": cursor} if cursor else {})},
                                headers=as_role("police")).json()
        assert len(page["items"]) <= 2
        seen += page["items"]
        if not (cursor := page["next_cursor"]):
            break
    assert [i["id"] for i in seen] == sorted(i["id"] for i in seen) and len(seen) == 5
    only_2025 = verification.get("/queue?season=2025", headers=as_role("police")).json()["items"]
    assert {i["season"] for i in only_2025} == {2025} and len(only_2025) == 2
    assert verification.get("/queue?cursor=abc", headers=as_role("police")).json()["code"] == "invalid_cursor"
    # answered requests leave the queue
    first = seen[0]["id"]
    assert post(verification, as_role, "police", first, {"outcome": "confirmed", "facts": PERMIT}, "q").status_code == 201
    assert first not in [i["id"] for i in verification.get("/queue", headers=as_role("police")).json()["items"]]


def test_queue_filters_by_kind_across_pages(verification, as_role):
    """``kind`` holds on every page (the cursor is the last id seen), not only within one page."""
    for n in range(5):
        body = case_body(f"HY2025-1-00010{n}", serial=10 + n, guardians=2, housing=n % 2 == 0, business=False)
        assert verification.post("/cases", json=body, headers=as_role("bureau")).status_code == 201

    def pages(dept: str, **params) -> list[dict]:
        seen, cursor = [], None
        while True:
            page = verification.get("/queue", params={"limit": 2, **params, **({"cursor": cursor} if cursor else {})},
                                    headers=as_role(dept)).json()
            assert len(page["items"]) <= 2
            seen += page["items"]
            if not (cursor := page["next_cursor"]):
                return seen

    housing = pages("housing", kind="housing")
    assert len(housing) == 3 * 2 and {i["kind"] for i in housing} == {"housing"}
    assert [i["id"] for i in housing] == [i["id"] for i in pages("housing")]  # the department's one kind: all
    assert pages("housing", kind="residence_permit") == []  # another department's kind: none of its own
    assert {i["kind"] for i in pages("police", kind="residence_permit")} == {"residence_permit"}
    refused = verification.get("/queue", params={"kind": "passport"}, headers=as_role("police"))
    assert (refused.status_code, refused.json()["code"], refused.json()["field"]) == (422, "validation_error", "kind")


def test_key_required_replayed_and_conflicting(verification, as_role, registered, backend):
    rid = registered["social_insurance/1"]
    body = {"outcome": "confirmed", "facts": INSURANCE}
    missing = verification.post(f"/requests/{rid}/results", json=body, headers=as_role("hrss"))
    assert missing.status_code == 400 and missing.json()["code"] == "idempotency_key_required"
    first = post(verification, as_role, "hrss", rid, body, "si-1")
    again = post(verification, as_role, "hrss", rid, body, "si-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    other = post(verification, as_role, "hrss", rid, {**body, "note": "changed"}, "si-1")
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    assert len(verification.get(f"/requests/{rid}", headers=as_role("hrss")).json()["history"]) == 1
    batch = {"items": [{"request_id": registered["social_insurance/2"], "outcome": "not_found"}]}
    b1 = verification.post("/results/batch", json=batch, headers=as_role("hrss", **{"Idempotency-Key": "b"}))
    b2 = verification.post("/results/batch", json=batch, headers=as_role("hrss", **{"Idempotency-Key": "b"}))
    assert b1.json() == b2.json() and b1.json()["stored"] == 1
    no_key = verification.post("/results/batch", json=batch, headers=as_role("hrss"))
    assert no_key.status_code == 400


def test_correction_supersedes_and_keeps_history(verification, as_role, registered, backend):
    rid = registered["housing/1"]
    facts_before = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points")).json()
    first = post(verification, as_role, "housing", rid, {"outcome": "confirmed", "facts": owned_facts(1)}, "h1").json()
    after_first = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points")).json()
    second = post(verification, as_role, "housing", rid,
                  {"outcome": "mismatch", "facts": owned_facts(1, share="30.00"), "note": "share is 30 %"}, "h2")
    assert second.status_code == 201 and second.json()["supersedes"] == first["id"]
    detail = verification.get(f"/requests/{rid}", headers=as_role("housing")).json()
    assert [r["id"] for r in detail["history"]] == [first["id"], second.json()["id"]]
    assert [r["outcome"] for r in detail["history"]] == ["confirmed", "mismatch"]
    assert detail["state"] == "answered"
    now = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points")).json()
    assert now["guardians"][0]["results"]["housing"]["id"] == second.json()["id"]
    assert facts_before["seq"] < after_first["seq"] < now["seq"]
    assert len({facts_before["digest"], after_first["digest"], now["digest"]}) == 3
    # an identical correction is a new result (new seq) but the same canonical facts (same digest)
    third = post(verification, as_role, "housing", rid,
                 {"outcome": "mismatch", "facts": owned_facts(1, share="30.00"), "note": "re-sent"}, "h3").json()
    again = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points")).json()
    assert third["supersedes"] == second.json()["id"]
    assert again["seq"] > now["seq"] and again["digest"] == now["digest"]


def test_batch_with_mixed_items(verification, as_role, backend):
    reqs = []
    for n in range(1, 4):
        body = case_body(f"HY2025-1-00010{n}", serial=n, guardians=1, housing=False, business=False)
        reqs += verification.post("/cases", json=body, headers=as_role("bureau")).json()["requests"]
    police = [r["id"] for r in reqs if r["department"] == "police"]
    hrss = [r["id"] for r in reqs if r["department"] == "hrss"]
    items = [
        {"request_id": police[0], "outcome": "confirmed", "facts": PERMIT},                  # stored
        {"request_id": hrss[0], "outcome": "not_found"},                                     # another department's
        {"request_id": 987654, "outcome": "not_found"},                                      # no such request
        {"request_id": police[1], "outcome": "confirmed", "facts": {**PERMIT, "status": "?"}},  # bad facts
        {"request_id": police[2], "outcome": "maybe"},                                       # bad outcome
        {"outcome": "not_found"},                                                            # no request_id
        {"request_id": police[0], "outcome": "mismatch", "facts": PERMIT},                   # twice in one batch
        {"request_id": police[2], "outcome": "falsified", "note": "forged endorsement"},     # stored
    ]
    resp = verification.post("/results/batch", json={"items": items}, headers=as_role("police", **{"Idempotency-Key": "mix"}))
    assert resp.status_code == 200, resp.text
    out = resp.json()
    assert (out["stored"], out["rejected"]) == (2, 6)
    assert [i["status"] for i in out["items"]] == ["stored", "rejected", "rejected", "rejected", "rejected",
                                                   "rejected", "rejected", "stored"]
    assert [i["code"] for i in out["items"]] == [None, "request_not_found", "request_not_found", "invalid_facts",
                                                 "validation_error", "validation_error", "duplicate_item", None]
    assert [i["request_id"] for i in out["items"]][:5] == [police[0], hrss[0], 987654, police[1], police[2]]
    queue = [i["id"] for i in verification.get("/queue", headers=as_role("police")).json()["items"]]
    assert queue == [police[1]]  # the refused item wrote nothing, the two good ones left the queue
    assert verification.get(f"/requests/{hrss[0]}", headers=as_role("hrss")).json()["state"] == "pending"
    stored = verification.get(f"/requests/{police[0]}", headers=as_role("police")).json()["history"]
    assert [r["id"] for r in stored] == [out["items"][0]["result_id"]] and stored[0]["outcome"] == "confirmed"


def test_batch_limits(verification, as_role, registered):
    too_many = {"items": [{"request_id": 1, "outcome": "not_found"}] * 1001}
    resp = verification.post("/results/batch", json=too_many, headers=as_role("police", **{"Idempotency-Key": "big"}))
    assert resp.status_code in (413, 422)
    empty = verification.post("/results/batch", json={"items": []}, headers=as_role("police", **{"Idempotency-Key": "e"}))
    assert empty.status_code == 422


def test_case_replay_creates_nothing_and_amendment_supersedes(verification, as_role, registered, backend):
    body = case_body("HY2025-1-000001")
    again = verification.post("/cases", json=body, headers=as_role("service:enrollment"))
    assert again.status_code == 201
    assert {f"{r['kind']}/{r['guardian_no']}": r["id"] for r in again.json()["requests"]} == registered
    batch = verification.post("/cases/batch", json={"items": [body, case_body("HY2025-1-000002", serial=2)]},
                              headers=as_role("service:enrollment", **fresh_key())).json()
    assert batch == {"created": 1, "existing": 1, "amended": 0,
                     "application_nos": ["HY2025-1-000001", "HY2025-1-000002"]}
    assert post(verification, as_role, "housing", registered["housing/1"],
                {"outcome": "confirmed", "facts": owned_facts(1)}, "before").status_code == 201
    # the family changes guardian 1's home claim: only that request is replaced
    body["claims"]["housing"][0]["share_percent"] = "100.00"
    amended = verification.post("/cases", json=body, headers=as_role("service:enrollment")).json()
    now = {f"{r['kind']}/{r['guardian_no']}": r["id"] for r in amended["requests"]}
    assert now["housing/1"] != registered["housing/1"]
    assert {k: v for k, v in now.items() if k != "housing/1"} == \
        {k: v for k, v in registered.items() if k != "housing/1"}
    old = verification.get(f"/requests/{registered['housing/1']}", headers=as_role("housing")).json()
    assert old["state"] == "superseded" and len(old["history"]) == 1
    late = post(verification, as_role, "housing", registered["housing/1"], {"outcome": "not_found"}, "late")
    assert late.status_code == 409 and late.json()["code"] == "request_superseded"
    facts = verification.get("/facts/HY2025-1-000001", headers=as_role("bureau")).json()
    assert facts["guardians"][0]["results"]["housing"] is None and "housing" in facts["guardians"][0]["pending"]


def test_out_of_range_ids_are_404_or_422_never_500(verification, as_role, backend):
    assert verification.get(f"/requests/{2**31 - 1}", headers=as_role("police")).status_code == 404
    assert verification.get(f"/requests/{2**40}", headers=as_role("police")).status_code == 422
    assert verification.get(f"/requests/{2**70}", headers=as_role("police")).status_code == 422
    top = encode("queue", 2**31 - 1)
    assert verification.get(f"/queue?cursor={top}", headers=as_role("police")).json()["items"] == []
    for cursor in ("2147483647", encode("queue", 2**31)):  # a plain id, a cursor past the largest id
        assert verification.get(f"/queue?cursor={cursor}", headers=as_role("police")).json()["code"] == "invalid_cursor"
    assert verification.get("/facts?changed_after=2147483648", headers=as_role("bureau")).status_code == 422
    out = verification.post("/results/batch", headers=as_role("police", **{"Idempotency-Key": "big-ids"}), json={
        "items": [{"request_id": 2**31 - 1, "outcome": "not_found"}, {"request_id": 2**70, "outcome": "not_found"},
                  {"request_id": True, "outcome": "not_found"}, {"request_id": "5", "outcome": "not_found"}]}).json()
    assert [i["code"] for i in out["items"]] == ["request_not_found", "validation_error", "validation_error",
                                                 "validation_error"]
