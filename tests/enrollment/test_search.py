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


def test_the_hashes_are_rekeyed_in_resumable_batches_without_listing_a_number(make_service, auth, backend, tmp_path):
    """A new ``ENROLLMENT_SEARCH_KEY`` (the old one as ``..._PREVIOUS``): searches keep finding the children while
    ``POST /search-keys/rekey`` recomputes the hashes a batch at a time; each call says how many applications are
    done and left, never a number; once none is left every stored hash is the new key's and the old key is no
    longer needed."""
    from fastapi.testclient import TestClient

    from enrollment import main, search
    from enrollment.config import Settings
    from shared_kit import TEST_SECRET

    old, new = "o" * 40, "n" * 40
    *_, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, search_key=old,
                       create_app_kwargs={"http_clients": clients})
    bureau, platform = auth("bureau"), auth("platform")
    assert app.post("/schools", json=public_school("S1", TOWN_A), headers=bureau).status_code == 201
    bodies = [application(public=["S1"], guardian_count=2) for _ in range(3)]
    nos = [app.post("/applications", json=b, headers=platform).json()["application_no"] for b in bodies]
    settings = Settings(internal_secret=TEST_SECRET, database_url=app.app.state.settings.database_url,
                        data_dir=tmp_path / "data", outbox_dispatcher=False, search_key=new, search_key_previous=old)
    with TestClient(main.create_app(settings, http_clients=clients), raise_server_exceptions=False) as restarted:
        def find(number: str) -> list[str]:
            resp = restarted.post("/applications/search", json={"child_id_number": number}, headers=bureau)
            assert resp.status_code == 200, resp.text
            return [a["application_no"] for a in resp.json()["items"]]

        assert find(bodies[2]["child"]["id_number"]) == [nos[2]]  # under the old key, still found
        first = restarted.post("/search-keys/rekey?batch=2", headers=bureau)
        assert first.status_code == 200 and first.json()["rekeyed"] == 2 and first.json()["remaining"] == 1
        assert all(b["child"]["id_number"] not in first.text for b in bodies)
        assert [find(b["child"]["id_number"]) for b in bodies] == [[n] for n in nos]  # half-way: all found
        second = restarted.post("/search-keys/rekey?batch=2", headers=bureau).json()
        assert (second["rekeyed"], second["remaining"]) == (1, 0)
        assert restarted.post("/search-keys/rekey", headers=bureau).json()["rekeyed"] == 0  # nothing left: no-op
        with restarted.app.state.db.read_session() as session:
            stored = session.execute(select(SearchKey.digest, SearchKey.key_fp, SearchKey.kind)).all()
        assert len(stored) == 3 * 3 and {fp for _, fp, _ in stored} == {search.fingerprint(new.encode())}
        assert {d for d, _, kind in stored if kind == "child_id"} == {
            search.digest("child_id", b["child"]["id_number"], new.encode()) for b in bodies}
        assert restarted.post("/search-keys/rekey", headers=platform).status_code == 403
    search.configure(TEST_SECRET, new)  # the old key gone: the new hashes alone find every child
    assert [a["application_no"] for a in app.post("/applications/search", json={
        "child_id_number": bodies[1]["child"]["id_number"]}, headers=bureau).json()["items"]] == [nos[1]]
    assert len(app.post("/applications/search", json={"phone": bodies[1]["guardians"][1]["phone"]},
                        headers=bureau).json()["items"]) == 3  # the kit gives every family the same phones
