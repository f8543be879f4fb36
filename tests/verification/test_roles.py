"""Role matrix of every verification endpoint (docs/api.md): the expected status for each of the ten callers.

Allowed callers get the endpoint's success status; another department's request is 404 (never 403); every other
role is 403 ``forbidden``. Run on SQLite and PostgreSQL.
"""

import pytest

from verification_kit import PERMIT, ROLES, case_body

DEPARTMENTS = ("police", "hrss", "housing", "market")
OTHERS = ("platform", "bureau", "finance", "auditor", "service:enrollment", "service:points")


def expect(allowed: dict[str, int]) -> dict[str, int]:
    return {role: allowed.get(role, 403) for role in ROLES}


MATRIX = {
    "POST /cases": expect({"service:enrollment": 201, "bureau": 201}),
    "POST /cases/batch": expect({"service:enrollment": 200, "bureau": 200}),
    "GET /queue": expect({d: 200 for d in DEPARTMENTS}),
    "GET /requests/{police}": expect({"police": 200, "hrss": 404, "housing": 404, "market": 404, "bureau": 200,
                                      "service:enrollment": 200, "service:points": 200}),
    "POST /requests/{police}/results": expect({"police": 201, "hrss": 404, "housing": 404, "market": 404}),
    "POST /results/batch": expect({d: 200 for d in DEPARTMENTS}),
    "GET /facts/{no}": expect({"service:points": 200, "bureau": 200}),
    "GET /facts": expect({"service:points": 200, "service:enrollment": 200, "bureau": 200}),  # enrollment: its feed
}


def call(client, endpoint, role, headers, police_id):
    keyed = {**headers, "Idempotency-Key": f"matrix-{role}"}
    if endpoint == "POST /cases":
        return client.post("/cases", json=case_body("HY2025-1-000001"), headers=headers)
    if endpoint == "POST /cases/batch":
        return client.post("/cases/batch", json={"items": [case_body("HY2025-1-000002", serial=2)]}, headers=keyed)
    if endpoint == "GET /queue":
        return client.get("/queue", headers=headers)
    if endpoint == "GET /requests/{police}":
        return client.get(f"/requests/{police_id}", headers=headers)
    if endpoint == "POST /requests/{police}/results":
        return client.post(f"/requests/{police_id}/results", json={"outcome": "confirmed", "facts": PERMIT},
                           headers=keyed)
    if endpoint == "POST /results/batch":
        return client.post("/results/batch", headers=keyed,
                           json={"items": [{"request_id": police_id, "outcome": "confirmed", "facts": PERMIT}]})
    if endpoint == "GET /facts/{no}":
        return client.get("/facts/HY2025-1-000001", headers=headers)
    return client.get("/facts?season=2025", headers=headers)


@pytest.mark.parametrize("endpoint", MATRIX)
def test_role_matrix(endpoint, verification, as_role, registered, backend):
    police_id = registered["residence_permit/1"]
    got = {role: call(verification, endpoint, role, as_role(role), police_id).status_code for role in ROLES}
    assert got == MATRIX[endpoint]


def test_refusals_are_problem_details(verification, as_role, registered):
    police_id = registered["residence_permit/1"]
    forbidden = verification.get("/queue", headers=as_role("platform"))
    assert forbidden.json()["code"] == "forbidden"
    hidden = verification.get(f"/requests/{police_id}", headers=as_role("market"))
    missing = verification.get("/requests/999999", headers=as_role("market"))
    # another department's request looks exactly like one that does not exist
    assert hidden.json()["code"] == missing.json()["code"] == "request_not_found"
    assert hidden.json()["detail"].replace(str(police_id), "N") == missing.json()["detail"].replace("999999", "N")
    assert verification.get("/queue").status_code == 401


def test_batch_for_another_department_rejects_every_item(verification, as_role, registered):
    resp = verification.post("/results/batch", headers=as_role("hrss", **{"Idempotency-Key": "x"}), json={"items": [
        {"request_id": registered["residence_permit/1"], "outcome": "confirmed", "facts": PERMIT}]})
    assert resp.json()["items"] == [{"request_id": registered["residence_permit/1"], "status": "rejected",
                                     "code": "request_not_found", "result_id": None, "errors": None,
                                     "detail": resp.json()["items"][0]["detail"]}]
    history = verification.get(f"/requests/{registered['residence_permit/1']}", headers=as_role("bureau"))
    assert history.json()["history"] == [] and history.json()["state"] == "pending"
