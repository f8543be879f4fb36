"""Contract: the points client against the real verification app, in-process (docs/api.md, verification → points).

Enrollment registers a case, the departments answer from their queues, points scores from ``GET /facts/{no}``; a
correction moves the case's ``seq`` and a scoring job rescored only that case through ``GET /facts?changed_after=``.
"""

from __future__ import annotations

import itertools
import time

import pytest

ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_keys = itertools.count(1)


def id_number(birth: str, serial: int) -> str:
    """A GB 11643 ID number issued in Huangyan (check character ISO 7064 MOD 11-2)."""
    body = f"331003{birth.replace('-', '')}{serial:03d}"
    value = (12 - sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11) % 11
    return body + ("X" if value == 10 else str(value))


def uscc(serial: int) -> str:
    body = f"92331003MA2{serial:06d}"
    return body + USCC_ALPHABET[(31 - sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS)) % 31) % 31]


def register(verification, auth, n: int) -> dict:
    no = f"HY2025-1-{n:06d}"
    body = {"application_no": no, "season": 2025, "grade": 1, "child_birth_date": "2018-09-01",
            "guardians": [{"guardian_no": 1, "name": "张三", "id_number": id_number("1988-01-01", n % 900 + 1)},
                          {"guardian_no": 2, "name": "李四", "id_number": id_number("1990-02-02", n % 900 + 1)}],
            "claims": {"housing": [{"guardian_no": 2, "tenure": "owned",
                                    "certificate_no": f"浙(2021)黄岩区不动产权第{n:07d}号", "share_percent": "50.00"}],
                       "business_license": [{"guardian_no": 1, "uscc": uscc(n)}]}}
    answer = verification.post("/cases", json=body, headers=auth("service", subject="enrollment"))
    assert answer.status_code == 201, answer.text
    return answer.json()


def facts_for(kind: str, n: int, guardian_no: int) -> dict:
    return {
        "residence_permit": {"county_code": "331003", "status": "valid", "issued_on": "2019-03-01",
                             "continuous_since": "2019-03-01", "township_code": "331003001"},
        "social_insurance": {"county_code": "331003", "active_at_cutoff": True,
                             "continuous_months": 60 if guardian_no == 1 else 30, "since": "2019-01-01"},
        "housing": {"tenure": "owned", "certificate_no": f"浙(2021)黄岩区不动产权第{n:07d}号", "share_percent": "50.00",
                    "acquired_on": "2021-06-01", "county_code": "331003", "township_code": "331003002"},
        "business_license": {"uscc": uscc(n), "entity_type": "individual", "county_code": "331003",
                             "status": "active", "established_on": "2022-01-01", "holder_is_guardian": True},
    }[kind]


def answer(verification, auth, request: dict, outcome: str, facts: dict | None) -> dict:
    posted = verification.post(f"/requests/{request['id']}/results", json={"outcome": outcome, "facts": facts},
                               headers={**auth("department", request["department"]),
                                        "Idempotency-Key": f"contract-{next(_keys)}"})
    assert posted.status_code == 201, posted.text
    return posted.json()


def wait_job(points, auth, job_id):
    for _ in range(400):
        job = points.get(f"/scoring-jobs/{job_id}", headers=auth("bureau")).json()
        if job["state"] != "running":
            return job
        time.sleep(0.05)
    raise AssertionError(job)


@pytest.fixture
def pair(make_service):
    verification = make_service("verification")
    points = make_service("points", create_app_kwargs={"http_clients": {"verification": verification}})
    return verification, points


def test_points_scores_what_the_departments_confirmed(pair, auth):
    verification, points = pair
    case = register(verification, auth, 1)
    kinds = {(r["guardian_no"], r["kind"]): r for r in case["requests"]}
    assert set(kinds) == {(1, "residence_permit"), (1, "social_insurance"), (1, "business_license"),
                          (2, "residence_permit"), (2, "social_insurance"), (2, "housing")}

    early = points.post("/scores/HY2025-1-000001", headers=auth("service", subject="enrollment"))
    assert early.status_code == 200 and early.json()["eligible"] is False  # everything still pending
    assert {i["reason"] for g in early.json()["guardians"] for i in g["items"][1:]} <= {"pending", "no_fact"}

    results = {key: answer(verification, auth, r, "confirmed", facts_for(r["kind"], 1, key[0]))
               for key, r in kinds.items()}
    score = points.post("/scores/HY2025-1-000001", headers=auth("bureau"))
    assert score.status_code == 200, score.text
    body = score.json()
    # guardian 1: 40 + 12 (6 years) + 12 (60 months) + 3 (business since 2022) = 67
    # guardian 2: 40 + 12 + 6 (30 months) + 20 + 3 (home since 2021-06) = 81
    assert [g["total"] for g in body["guardians"]] == ["67.00", "81.00"]
    assert body["family_score"] == "81.00" and body["eligible"] is True
    assert body["tie_break"] == {"other_guardian_score": "67.00", "earliest_continuous_since": "2019-03-01"}
    assert body["residence_township_code"] == "331003001"
    home = body["guardians"][1]["items"][3]
    assert (home["item"], home["result_id"], home["department"]) == ("owned_home", results[(2, "housing")]["id"],
                                                                      "housing")
    assert points.get("/scores/HY2025-1-000001", headers=auth("platform")).json() == body

    # the housing department corrects its answer: the share of record is 40 %
    corrected = dict(facts_for("housing", 1, 2), share_percent="40.00")
    answer(verification, auth, kinds[(2, "housing")], "mismatch", corrected)
    again = points.post("/scores/HY2025-1-000001", headers=auth("bureau")).json()
    assert again["family_score"] == "67.00"  # guardian 2 drops to 58: 40 + 12 + 6
    assert again["guardians"][1]["items"][3]["reason"] == "result_mismatch"


def test_a_scoring_job_reads_the_change_feed(pair, auth):
    verification, points = pair
    requests = {}
    for n in range(1, 6):
        for r in register(verification, auth, n)["requests"]:
            requests[(n, r["guardian_no"], r["kind"])] = r
            answer(verification, auth, r, "confirmed", facts_for(r["kind"], n, r["guardian_no"]))
    job = points.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("service", subject="enrollment"))
    first = wait_job(points, auth, job.json()["id"])
    assert (first["state"], first["total"], first["rescored"]) == ("done", 5, 5), first
    assert first["last_seq"] is not None

    answer(verification, auth, requests[(3, 1, "residence_permit")], "falsified", None)
    second = wait_job(points, auth, points.post("/scoring-jobs", json={"season": 2025, "grade": 1},
                                                headers=auth("bureau")).json()["id"])
    assert (second["state"], second["total"], second["rescored"], second["unchanged"]) == ("done", 1, 1, 0), second
    assert second["changed_after"] == first["last_seq"]
    page = points.get("/scores?season=2025&grade=1&limit=1000", headers=auth("service")).json()["items"]
    assert [(s["application_no"][-1], s["eligible"], s["family_score"]) for s in page] == [
        ("1", True, "81.00"), ("2", True, "81.00"), ("3", False, "0.00"), ("4", True, "81.00"), ("5", True, "81.00")]
