"""Concurrent posts on SQLite and PostgreSQL: identical twins give one result, racing corrections chain, racing
registrations give one case (the unique indexes and row locks serialise them)."""

from concurrent.futures import ThreadPoolExecutor

from verification_kit import PERMIT, case_body, fresh_key

THREADS = 6


def run_all(fn, n=THREADS):
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(fn, range(n)))


def test_identical_posts_at_once_store_one_result(verification, as_role, registered, backend):
    rid = registered["residence_permit/1"]
    headers = as_role("police", **{"Idempotency-Key": "same-moment"})
    answers = run_all(lambda _: verification.post(f"/requests/{rid}/results", headers=headers,
                                                  json={"outcome": "confirmed", "facts": PERMIT}))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert sum(a.headers.get("idempotent-replayed") == "true" for a in answers) == THREADS - 1
    assert len(verification.get(f"/requests/{rid}", headers=as_role("police")).json()["history"]) == 1


def test_identical_batches_at_once_store_once(verification, as_role, registered, backend):
    items = {"items": [{"request_id": registered["social_insurance/1"], "outcome": "not_found"},
                       {"request_id": registered["social_insurance/2"], "outcome": "not_found"}]}
    headers = as_role("hrss", **{"Idempotency-Key": "batch-twins"})
    answers = run_all(lambda _: verification.post("/results/batch", json=items, headers=headers))
    assert {a.status_code for a in answers} == {200}
    assert len({tuple(i["result_id"] for i in a.json()["items"]) for a in answers}) == 1
    for key in ("social_insurance/1", "social_insurance/2"):
        assert len(verification.get(f"/requests/{registered[key]}", headers=as_role("hrss")).json()["history"]) == 1


def test_racing_corrections_form_one_chain(verification, as_role, registered, backend):
    rid = registered["residence_permit/2"]
    answers = run_all(lambda i: verification.post(
        f"/requests/{rid}/results", json={"outcome": "confirmed", "facts": PERMIT, "note": f"post {i}"},
        headers=as_role("police", **{"Idempotency-Key": f"racer-{i}"})))
    assert {a.status_code for a in answers} == {201}
    history = verification.get(f"/requests/{rid}", headers=as_role("police")).json()["history"]
    ids = [r["id"] for r in history]
    assert len(ids) == THREADS
    assert [r["supersedes"] for r in history] == [None, *ids[:-1]]  # each names exactly its predecessor
    facts = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points")).json()
    assert facts["guardians"][1]["results"]["residence_permit"]["id"] == ids[-1]


def test_racing_registrations_make_one_case(verification, as_role, backend):
    bodies = [case_body(f"HY2025-7-{n:06d}", serial=n, guardians=1, housing=False, business=False, grade=7)
              for n in range(20)]
    answers = run_all(lambda i: verification.post("/cases/batch", json={"items": bodies},
                                                  headers=as_role("service:enrollment", **fresh_key())), n=4)
    assert {a.status_code for a in answers} == {200}, [a.text for a in answers]
    assert sorted(a.json()["created"] for a in answers) == [0, 0, 0, 20]
    seen, cursor = [], None
    while True:
        page = verification.get("/facts", params={"grade": 7, "limit": 7, **({"cursor": cursor} if cursor else {})},
                                headers=as_role("bureau")).json()
        seen += page["items"]
        if not (cursor := page["next_cursor"]):
            break
    assert sorted(c["application_no"] for c in seen) == sorted(b["application_no"] for b in bodies)
    assert len({c["seq"] for c in seen}) == 20
    police = verification.get("/queue?limit=1000", headers=as_role("police")).json()["items"]
    assert len(police) == 20


def _live(verification, as_role, no: str) -> dict[tuple[int, str], dict]:
    """The live requests of ``no`` by (guardian_no, kind), read from every department's queue."""
    live = {}
    for dept in ("police", "hrss", "housing", "market"):
        for r in verification.get("/queue?limit=1000", headers=as_role(dept)).json()["items"]:
            if r["application_no"] == no:
                assert (r["guardian_no"], r["kind"]) not in live
                live[(r["guardian_no"], r["kind"])] = r
    return live


def test_racing_amendments_end_as_one_of_the_bodies(verification, as_role, backend):
    """12 registrations of one application_no at once, each with other guardians and claims: every caller gets
    201 (created, replayed or amended; on PostgreSQL they queue on the number's advisory lock instead of failing
    on the unique indexes or deadlocking), and the live requests are exactly those of one body."""
    no = "HY2025-1-555001"
    bodies = [case_body(no, serial=100 + i) for i in range(12)]
    answers = run_all(lambda i: verification.post("/cases", json=bodies[i], headers=as_role("bureau")), n=12)
    assert [a.status_code for a in answers] == [201] * 12, [a.text[:200] for a in answers]
    live = _live(verification, as_role, no)
    winner = next(b for b in bodies if b["guardians"][0]["id_number"] == live[(1, "residence_permit")]
                  ["subject_id_number"])
    assert {(g["guardian_no"], g["id_number"]) for g in winner["guardians"]} == \
        {(k[0], r["subject_id_number"]) for k, r in live.items() if k[1] == "residence_permit"}
    assert live[(1, "housing")]["claim"]["certificate_no"] == winner["claims"]["housing"][0]["certificate_no"]
    assert live[(1, "business_license")]["claim"]["uscc"] == winner["claims"]["business_license"][0]["uscc"]
    again = verification.post("/cases/batch", json={"items": [winner]},
                              headers=as_role("bureau", **fresh_key())).json()
    assert (again["existing"], again["amended"]) == (1, 0)  # the winner's body is the stored one


def test_racing_batches_over_the_same_numbers_in_any_order_never_deadlock(verification, as_role, backend):
    """Batches naming the same numbers in different orders, with different bodies: the advisory locks are taken
    in one key order, so no batch waits for another in a cycle; every call is 200 and each case holds one set."""
    nos = [f"HY2025-1-556{n:03d}" for n in range(8)]

    def call(i: int):
        order = nos if i % 2 else nos[::-1]
        items = [case_body(no, serial=10 * i + k, guardians=1, housing=False) for k, no in enumerate(order)]
        return verification.post("/cases/batch", json={"items": items},
                                 headers=as_role("service:enrollment", **fresh_key()))

    answers = run_all(call, n=6)
    assert [a.status_code for a in answers] == [200] * 6, [a.text[:200] for a in answers]
    assert sum(a.json()["created"] for a in answers) == len(nos)
    for no in nos:
        assert len([k for k in _live(verification, as_role, no) if k[1] == "residence_permit"]) == 1
