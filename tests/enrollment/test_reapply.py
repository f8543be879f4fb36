"""Applying again after a withdrawal (issue 17): while the season is open a family that withdrew can apply again
for the same child; the withdrawn application stays (state ``withdrawn``) and the two are linked both ways
(``next_application_no`` / ``previous_application_no``); a child still has at most one active application per
season (409 ``duplicate_application``), also under a race. On SQLite and PostgreSQL (the ``backend`` fixture)."""

from __future__ import annotations

from datetime import date

from enrollment_kit import application, public_school


def _service(make_service, auth):
    app = make_service("enrollment", outbox_dispatcher=False, today=date(2025, 4, 1))
    assert app.post("/schools", json=public_school("S1"), headers=auth("bureau")).status_code == 201
    return app


def test_a_withdrawn_child_applies_again_and_both_are_linked(make_service, auth):
    app = _service(make_service, auth)
    platform = auth("platform")
    body = application(public=["S1"])
    first = app.post("/applications", json=body, headers=platform).json()
    twice = app.post("/applications", json=body, headers=platform)
    assert twice.status_code == 409 and twice.json()["existing_application_no"] == first["application_no"]
    assert app.post(f"/applications/{first['application_no']}/withdraw", headers=platform).status_code == 200

    again = app.post("/applications", json=body, headers=platform)
    assert again.status_code == 201, again.text
    second = again.json()
    assert second["application_no"] != first["application_no"] and second["state"] == "submitted"
    assert second["previous_application_no"] == first["application_no"] and second["next_application_no"] is None
    old = app.get(f"/applications/{first['application_no']}", headers=platform).json()
    assert old["state"] == "withdrawn" and old["next_application_no"] == second["application_no"]
    assert old["version"] == first["version"] + 2  # withdrawn, then linked

    third = app.post("/applications", json=body, headers=platform)  # one active application at a time
    assert third.status_code == 409 and third.json()["existing_application_no"] == second["application_no"]
    found = app.post("/applications/lookup", json={"child_id_number": body["child"]["id_number"]},
                     headers=platform).json()["items"]
    assert sorted(a["application_no"] for a in found) == sorted([first["application_no"], second["application_no"]])


def test_a_batch_reapplies_too(make_service, auth):
    app = _service(make_service, auth)
    platform = auth("platform")
    body = application(public=["S1"])
    first = app.post("/applications", json=body, headers=platform).json()
    app.post(f"/applications/{first['application_no']}/withdraw", headers=platform)
    resp = app.post("/applications/batch", json={"items": [body, body]},
                    headers={**platform, "Idempotency-Key": "reapply-1"}).json()
    assert [i["status"] for i in resp["items"]] == ["created", "duplicate"]
    new = app.get(f"/applications/{resp['items'][0]['application_no']}", headers=platform).json()
    assert new["previous_application_no"] == first["application_no"]
    assert app.get(f"/applications/{first['application_no']}",
                   headers=platform).json()["next_application_no"] == new["application_no"]



def test_the_platform_lists_its_own_applications_by_season_grade_state_and_school(make_service, auth):
    app = _service(make_service, auth)
    assert app.post("/schools", json=public_school("S2"), headers=auth("bureau")).status_code == 201
    mine, theirs = auth("platform", subject="platform-taizhou"), auth("platform", subject="platform-other")
    a = app.post("/applications", json=application(public=["S1"]), headers=mine).json()
    b = app.post("/applications", json=application(public=["S2"]), headers=mine).json()
    c = app.post("/applications", json=application(public=["S1"]), headers=theirs).json()
    app.post(f"/applications/{b['application_no']}/withdraw", headers=mine)

    def listed(headers, **query) -> list[str]:
        out, cursor = [], None
        while True:
            page = app.get("/applications", params={**query, "limit": 1, **({"cursor": cursor} if cursor else {})},
                           headers=headers).json()
            out += [x["application_no"] for x in page["items"]]
            if not (cursor := page["next_cursor"]):
                return out

    assert listed(mine) == [a["application_no"], b["application_no"]]  # paged one by one, its own only
    assert listed(theirs) == [c["application_no"]]
    assert listed(mine, state="withdrawn") == [b["application_no"]]
    assert listed(mine, school_code="S1") == [a["application_no"]]
    assert listed(mine, season=2025, grade=1, state="submitted") == [a["application_no"]]
    assert listed(mine, season=2026) == []
    assert len(listed(auth("bureau"))) == 3  # the bureau sees every application
    bad = app.get("/applications?state=placed", headers=mine)
    assert bad.status_code == 422 and bad.json()["errors"][0]["code"] == "literal_error"
