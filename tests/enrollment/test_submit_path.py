"""The submit's short path (issue 15) answers what the stored application says, and a twin that wins the race for a
child between the duplicate check and the insert still gets 409 with the winner's number, storing nothing."""

from __future__ import annotations

import json

import pytest
from fastapi.responses import JSONResponse

from common.schemas import json_ready
from enrollment import applications
from enrollment_kit import application, public_school


@pytest.fixture
def enrollment(make_service, auth):
    client = make_service("enrollment", outbox_dispatcher=False)
    for code in ("S1", "S2", "S3"):
        assert client.post("/schools", json=public_school(code), headers=auth("bureau")).status_code == 201
    return client


def test_the_submit_answer_is_the_stored_application(enrollment, auth, backend):
    for i, body in enumerate([application(public=["S1"]), application(grade=1, public=["S2", "S3"])]):
        posted = enrollment.post("/applications", json=body, headers={**auth("platform"), "Idempotency-Key": f"k{i}"})
        assert posted.status_code == 201, posted.text
        with enrollment.app.state.db.read_session() as session:  # the answer as it was made by reading the row back
            stored = applications.get_application(session, posted.json()["application_no"])
            expected = JSONResponse(json_ready(applications.application_view(stored)), status_code=201)
        assert posted.content == expected.body  # byte for byte: built from the inserted values, not read back
        got = enrollment.get(f"/applications/{posted.json()['application_no']}", headers=auth("bureau")).json()
        assert got == {**posted.json(), "submitted_at": got["submitted_at"]}
        replay = enrollment.post("/applications", json=body, headers={**auth("platform"), "Idempotency-Key": f"k{i}"})
        assert (replay.status_code, replay.content, replay.headers["idempotent-replayed"]) == (
            201, posted.content, "true")


def test_a_twin_winning_the_race_is_a_duplicate_and_nothing_is_stored(enrollment, auth, backend, monkeypatch):
    body = application(public=["S1"])
    first = enrollment.post("/applications", json=body, headers=auth("platform"))
    assert first.status_code == 201
    real = applications._child_applications
    calls = []

    def not_yet(session, season, child):  # the check runs before the twin's commit: it sees nothing
        calls.append(1)
        return None, None

    monkeypatch.setattr(applications, "_child_applications", not_yet)
    again = {**body, "public_choices": ["S2"]}
    resp = enrollment.post("/applications", json=again, headers={**auth("platform"), "Idempotency-Key": "race"})
    assert resp.status_code == 409, resp.text  # the insert met the unique index; the winner's number read afresh
    assert (resp.json()["code"], resp.json()["existing_application_no"]) == (
        "duplicate_application", first.json()["application_no"])
    assert len(calls) == 1
    monkeypatch.setattr(applications, "_child_applications", real)
    listed = enrollment.get("/applications", headers=auth("bureau")).json()["items"]
    assert [a["application_no"] for a in listed] == [first.json()["application_no"]]
    assert enrollment.get("/outbox", headers=auth("bureau")).json()["pending"] == 1  # the first one's case only
    # the refused request stored no key: the same key with another child is a new request, taking the next number
    other = application(public=["S3"])
    taken = enrollment.post("/applications", json=other, headers={**auth("platform"), "Idempotency-Key": "race"})
    assert taken.status_code == 201 and taken.json()["application_no"].endswith("000002")


def test_what_the_direct_submit_leaves_to_fastapi_is_answered_as_before(enrollment, auth, monkeypatch):
    """``POST /applications`` is answered by ``router._submit_directly`` only when well-formed (issue 15); every
    other request gets FastAPI's answer, in FastAPI's order, and nothing is stored."""
    from enrollment import router

    direct = []
    real = router._submit

    def counted(*args):
        direct.append(1)
        return real(*args)

    monkeypatch.setattr(router, "_submit", counted)
    body = application(public=["S1"])
    raw = json.dumps(body).encode()
    platform = {**auth("platform"), "Content-Type": "application/json"}
    cases = [  # (headers, query, body) → status, code
        (platform, "", b'{"season": 2025,', 422, "json_invalid"),
        ({"Content-Type": "application/json"}, "", b'{"season": ', 422, "json_invalid"),  # before the identity
        ({"Content-Type": "application/json"}, "", raw, 401, None),
        ({**auth("bureau"), "Content-Type": "application/json"}, "", raw, 403, "forbidden"),
        (platform, "?x=1", raw, 422, "unknown_parameter"),
        ({**platform, "Idempotency-Key": "has space"}, "", raw, 422, None),
        (platform, "", json.dumps({**body, "grade": 3}).encode(), 422, None),
        (platform, "", json.dumps({**body, "extra": 1}).encode(), 422, None),
        (platform, "", b"[]", 422, None),
    ]
    for headers, query, content, status, code in cases:
        resp = enrollment.post("/applications" + query, content=content, headers=headers)
        assert resp.status_code == status, (content[:40], resp.text)
        if code:
            answer = resp.json()
            assert code in (answer["code"], answer.get("errors", [{}])[0].get("code")), resp.text
    assert direct == [] and enrollment.get("/outbox", headers=auth("bureau")).json()["pending"] == 0
    ok = enrollment.post("/applications", content=raw, headers={**platform, "Idempotency-Key": "k-direct"})
    assert ok.status_code == 201 and direct == [1]
