"""Verification progress per department (GET /progress, issue 12): answered and pending counts and the oldest
pending request, per season, superseded requests left out."""

from datetime import datetime

from verification_kit import case_body


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_progress_counts_each_department_and_names_the_oldest_pending(verification, as_role):
    for n in (1, 2):
        assert verification.post("/cases", json=case_body(f"HY2025-1-{n:06d}", serial=n),
                                 headers=as_role("bureau")).status_code == 201
    police = verification.get("/queue?season=2025", headers=as_role("police")).json()["items"]
    assert len(police) == 4  # a residence permit for each of two guardians, in two cases
    answer = verification.post(f"/requests/{police[0]['id']}/results", json={"outcome": "not_found", "facts": None},
                               headers={**as_role("police"), "Idempotency-Key": "p-1"})
    assert answer.status_code == 201, answer.text
    got = verification.get("/progress?season=2025", headers=as_role("bureau")).json()
    by = {d["department"]: d for d in got["departments"]}
    assert set(by) == {"police", "market", "housing", "hrss"}
    assert (by["police"]["answered"], by["police"]["pending"]) == (1, 3)
    assert by["police"]["oldest_pending_id"] == police[1]["id"] and by["police"]["oldest_pending_at"]
    assert all(d["oldest_pending_at"].endswith("Z") for d in by.values())  # UTC with Z, as every instant answered
    for department, entry in by.items():  # each oldest pending request's own creation time, not another's
        asked = verification.get(f"/requests/{entry['oldest_pending_id']}", headers=as_role("bureau")).json()
        assert asked["department"] == department
        assert _moment(entry["oldest_pending_at"]) == _moment(asked["created_at"])
    assert by["hrss"]["pending"] == 4 and by["hrss"]["answered"] == 0
    other = verification.get("/progress?season=2026", headers=as_role("auditor")).json()
    assert all(d["pending"] == d["answered"] == 0 and d["oldest_pending_id"] is None for d in other["departments"])
    assert verification.get("/progress?season=2025", headers=as_role("platform")).status_code == 403
