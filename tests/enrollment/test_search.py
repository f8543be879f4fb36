"""Finding a child (enrollment.search): the bureau finds applications by number, the child's full ID number and a
guardian's phone (exact, keyed hash: neither stored again in the clear nor listed), school, township, state; paged;
masked. The platform looks up its own applications by ID number. On SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from enrollment.models import SearchKey
from enrollment_kit import TOWN_A, TOWN_B, application, public_school, upstreams


def test_bureau_finds_a_child_and_the_platform_its_own(make_service, auth, backend):
    *_, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    bureau, platform = auth("bureau"), auth("platform", subject="platform-taizhou")
    for code, town in (("S1", TOWN_A), ("S2", TOWN_B)):
        assert app.post("/schools", json=public_school(code, town), headers=bureau).status_code == 201
    bodies = [application(public=["S1"], township=TOWN_A, guardian_count=2),
              application(public=["S2"], township=TOWN_B),
              application(public=["S1", "S2"], township=TOWN_B)]
    bodies[1]["guardians"][0]["phone"] = "139-0000-1111"
    nos = []
    for body in bodies:
        resp = app.post("/applications", json=body, headers=platform)
        assert resp.status_code == 201, resp.text
        nos.append(resp.json()["application_no"])

    def find(**filters):
        resp = app.post("/applications/search", json=filters, headers=bureau)
        assert resp.status_code == 200, resp.text
        return resp.json()

    child = bodies[0]["child"]["id_number"]
    found = find(child_id_number=child.lower() if child.endswith("X") else child)
    assert [a["application_no"] for a in found["items"]] == [nos[0]]
    assert child not in str(found)  # masked: the full number is never listed
    assert found["items"][0]["child"]["id_number"] == child[:4] + "*" * 10 + child[-4:]
    assert [a["application_no"] for a in find(phone="13900001111")["items"]] == [nos[1]]
    assert [a["application_no"] for a in find(phone=bodies[0]["guardians"][1]["phone"])["items"]] == [nos[0]]
    assert [a["application_no"] for a in find(school_code="S2")["items"]] == nos[1:]
    assert [a["application_no"] for a in find(township_code=TOWN_B, school_code="S1")["items"]] == [nos[2]]
    assert [a["application_no"] for a in find(application_no=nos[2])["items"]] == [nos[2]]
    assert find(child_id_number=bodies[1]["child"]["id_number"], township_code=TOWN_A)["items"] == []
    first = find(season=2025, limit=2)
    second = find(season=2025, limit=2, cursor=first["next_cursor"])
    assert [a["application_no"] for a in first["items"] + second["items"]] == nos and second["next_cursor"] is None
    assert app.post("/applications/search", json={"child_id_number": "123"}, headers=bureau).status_code == 422
    assert app.post("/applications/search", json={}, headers=platform).status_code == 403

    looked = app.post("/applications/lookup", json={"child_id_number": bodies[2]["child"]["id_number"]},
                      headers=platform)
    assert [a["application_no"] for a in looked.json()["items"]] == [nos[2]]
    other = app.post("/applications/lookup", json={"child_id_number": bodies[2]["child"]["id_number"]},
                     headers=auth("platform", subject="platform-other"))
    assert other.json()["items"] == []  # another platform credential does not see these
    # the stored keys are hashes: no ID number or phone in the clear
    with app.app.state.db.read_session() as session:
        digests = [k.digest for k in session.scalars(select(SearchKey))]
    assert len(digests) == 3 + 4 and all(len(d) == 64 and child not in d for d in digests)
