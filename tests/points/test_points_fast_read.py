"""The score read's fast path (issue 15) answers exactly what the slow path answers: ``GET /scores/{no}`` gives the
bytes of ``JSONResponse(service.get_score(...))`` (the stored breakdown explained with its rulebook), for scores
of many shapes, on a first read and a repeated one, and after every kind of rescoring (through the endpoint, by a
write that bypasses this process's endpoints, by a scoring job). ``GET /score-changes`` (driver rows, orjson) gives
the bytes of the ORM read rendered by ``JSONResponse``."""

from __future__ import annotations

import json

from fastapi.responses import JSONResponse
from sqlalchemy import select, update

from common.db import utcnow
from common.paging import encode
from common.schemas import utc_text
from shared_kit import TEST_SECRET
from points import service
from points.models import Rulebook, StoredScore
from points.rules import score_family
from points_kit import (case, eligible_guardian, guardian, insurance, license_, owned, permit, rented, result,
                          with_fake)

PENDING = ["residence_permit", "social_insurance"]


def sample_families() -> list[dict]:
    """Scores of different shapes: eligible or not, one or two guardians, capped items, homes, businesses, pending
    requests, refused and mismatched results, facts dated after the cut-off, facts outside the county."""
    shapes = [
        [eligible_guardian(1)],
        [eligible_guardian(1, housing=owned("2020-06-01"), business_license=license_("2010-01-01")),
         guardian(2, residence_permit=permit("2010-03-01"), social_insurance=insurance(150),
                  housing=rented("2021-01-01"), business_license=license_("2022-01-01"))],
        [guardian(1, residence_permit=permit("2024-01-01"), social_insurance=insurance(10))],  # E1/E2 not met
        [guardian(1, pending=PENDING)],
        [guardian(1, residence_permit=result("residence_permit", None, "not_found"),
                  social_insurance=result("social_insurance", insurance(), "mismatch"))],
        [eligible_guardian(1, housing=owned("2025-06-01"))],  # dated after the cut-off
        [eligible_guardian(1, housing=owned(county="330602")), guardian(2, residence_permit=permit(county="330602"))],
        [eligible_guardian(1, business_license=license_(status="revoked", holder=False)),
         eligible_guardian(2, housing=owned(share="10.00"))],
    ]
    return [case(*guardians, application_no=f"HY2025-1-{900100 + i:06d}", birth="2018-08-31" if i % 3 else
                 "2019-12-31") for i, guardians in enumerate(shapes)]


def slow(client, no: str) -> bytes:
    """The answer as the endpoint made it before the fast path: explained from the stored row, then rendered."""
    with client.app.state.db.read_session() as session:
        return JSONResponse(service.get_score(session, no)).body


def read(client, auth, no: str) -> bytes:
    resp = client.get(f"/scores/{no}", headers=auth("platform"))
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "application/json"
    return resp.content


def test_fast_read_is_the_slow_answer_byte_for_byte_first_and_again(make_service, auth):
    client, fake = with_fake(make_service, TEST_SECRET)
    families = sample_families()
    for family in families:
        fake.put(family)
        assert client.post(f"/scores/{family['application_no']}", headers=auth("bureau")).status_code == 200
    answers = set()
    for family in families:
        no = family["application_no"]
        expected = slow(client, no)
        assert read(client, auth, no) == expected  # first read: explained and kept
        assert read(client, auth, no) == expected  # kept answer
        answers.add(expected)
    assert len(answers) == len(families)


def test_a_rescoring_is_never_answered_from_the_kept_answer(make_service, auth, backend):
    client, fake = with_fake(make_service, TEST_SECRET)
    family = sample_families()[1]
    no = family["application_no"]
    fake.put(family)
    client.post(f"/scores/{no}", headers=auth("bureau"))
    before = read(client, auth, no)
    assert json.loads(before)["family_score"] == "98.00"

    # 1. through the endpoint: a department's correction, then POST /scores again
    fake.correct(no, 1, "business_license", license_("2022-01-01"))
    assert client.post(f"/scores/{no}", headers=auth("bureau")).status_code == 200
    after = read(client, auth, no)
    assert after == slow(client, no) != before
    assert json.loads(after)["family_score"] == "91.00"

    # 2. written by another process (this one's endpoints never see it): the same facts scored again later, so only
    #    scored_at differs, and then a change to the stored family score itself
    db = client.app.state.db
    with db.read_session() as session:
        rules = service.rules_of(session.get(Rulebook, "HY-2025"))
    with db.write_session() as session:
        service.store_scores(session, [service.score_row(score_family(rules, fake.cases[no]), utcnow(), 99)])
        session.commit()
    again = read(client, auth, no)
    assert again == slow(client, no) != after
    assert json.loads(again)["scored_at"] != json.loads(after)["scored_at"]
    with db.write_session() as session:
        detail = json.loads(again)
        stored = {k: v for k, v in detail.items() if k not in ("eligibility", "guardians")}
        stored.update(eligibility=[{k: v for k, v in c.items() if k != "explanation"} for c in detail["eligibility"]],
                      guardians=[{"guardian_no": g["guardian_no"], "total": g["total"],
                                  "items": [{k: v for k, v in i.items() if k not in ("working", "explanation")}
                                            for i in g["items"]]} for g in detail["guardians"]],
                      family_score="12.34")
        session.execute(update(StoredScore).where(StoredScore.application_no == no).values(detail=stored))
        session.commit()
    edited = read(client, auth, no)
    assert edited == slow(client, no)
    assert json.loads(edited)["family_score"] == "12.34"

    # 3. a scoring job over the season rescoring changed facts
    fake.correct(no, 2, "housing", owned("2015-01-01"))
    job = client.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("bureau")).json()
    for _ in range(200):
        state = client.get(f"/scoring-jobs/{job['id']}", headers=auth("bureau")).json()
        if state["state"] != "running":
            break
    assert state["state"] == "done", state
    final = read(client, auth, no)
    assert final == slow(client, no) != edited


def test_answers_kept_only_from_a_published_rulebook_and_a_missing_score_is_404(make_service, auth):
    client, fake = with_fake(make_service, TEST_SECRET)
    family = sample_families()[0]
    no = family["application_no"]
    fake.put(family)
    client.post(f"/scores/{no}", headers=auth("bureau"))
    db = client.app.state.db
    # the score names a rulebook this database does not hold: answered (texts without numbers), never kept
    with db.write_session() as session:
        row = session.get(StoredScore, no)
        session.execute(update(StoredScore).where(StoredScore.application_no == no)
                        .values(detail={**row.detail, "rulebook_id": "HY-2025-gone"}, rulebook_id="HY-2025-gone"))
        session.commit()
    first = read(client, auth, no)
    assert first == slow(client, no)
    assert no not in service._ANSWERS.get(db.engine, {})
    assert client.get("/scores/HY2025-1-999999", headers=auth("platform")).json()["code"] == "not_scored"


def slow_changes(client, after: int, limit: int) -> bytes:
    """``GET /score-changes`` as it was made before issue 15's lean read: ORM rows, then ``JSONResponse``."""
    with client.app.state.db.read_session() as session:
        rows = session.execute(select(StoredScore.seq, StoredScore.application_no, StoredScore.season,
                                      StoredScore.grade, StoredScore.rulebook_id, StoredScore.eligible,
                                      StoredScore.family_score, StoredScore.scored_at)
                               .where(StoredScore.seq > after).order_by(StoredScore.seq).limit(limit + 1)).all()
    rows, more = rows[:limit], len(rows) > limit
    items = [{"seq": seq, "application_no": no, "season": season, "grade": grade, "rulebook_id": rid,
              "eligible": ok, "family_score": service._points(fam), "scored_at": utc_text(at)}
             for seq, no, season, grade, rid, ok, fam, at in rows]
    nxt = encode("score-changes", items[-1]["seq"]) if more else None
    return JSONResponse({"items": items, "next_cursor": nxt, "last_seq": items[-1]["seq"] if items else after}).body


def test_score_changes_are_the_slow_answer_byte_for_byte(make_service, auth, backend):
    client, fake = with_fake(make_service, TEST_SECRET)
    families = sample_families()
    for family in families:
        fake.put(family)
        assert client.post(f"/scores/{family['application_no']}", headers=auth("bureau")).status_code == 200
    fake.correct(families[1]["application_no"], 1, "business_license", license_("2022-01-01"))
    assert client.post(f"/scores/{families[1]['application_no']}", headers=auth("bureau")).status_code == 200
    for after, limit in ((0, 100), (0, 3), (3, 3), (7, 2), (9, 100), (50, 10)):
        resp = client.get("/score-changes", params={"after": after, "limit": limit}, headers=auth("bureau"))
        assert resp.status_code == 200 and resp.headers["content-type"] == "application/json", resp.text
        assert resp.content == slow_changes(client, after, limit), (after, limit)
    assert [i["eligible"] for i in json.loads(slow_changes(client, 0, 100))["items"]].count(True) >= 2
