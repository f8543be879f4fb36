"""Set-based batch writes keep the rules of the one-by-one ones: registrations, amendments, answers and corrections
in bulk, a request answered twice in one call, the change feed's seqs, and racing batches (BRIEF §4 steps 3–4).

The invariants are checked against the database itself (the live requests of every case are exactly what its last
body plans; every answer chain is linear) on both backends, with hypothesis choosing the batches."""

import itertools
import random
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from common.identity import Identity
from verification import service
from verification.models import Case, Result, VerificationRequest
from verification.rules import planned_requests
from verification.schemas import ResultIn
from verification_kit import INSURANCE, PERMIT, case_body, fresh_key

PREFIX = itertools.count(1)  # fresh application numbers and keys for every hypothesis example on one database


def rows(client, model, *where):
    with client.app.state.db.read_session() as session:
        return list(session.scalars(select(model).where(*where).order_by(model.id)))


def seqs(client) -> dict[str, int]:
    return {c.application_no: c.seq for c in rows(client, Case)}


def check_requests_follow_last_bodies(client, bodies: dict[str, dict]) -> None:
    """Live requests = what the last body plans (subject, claim, season, grade); each chain of results linear."""
    cases = {c.application_no: c for c in rows(client, Case, Case.application_no.in_(list(bodies)))}
    reqs = rows(client, VerificationRequest, VerificationRequest.application_no.in_(list(bodies)))
    history = defaultdict(list)
    for result in rows(client, Result, Result.request_id.in_([r.id for r in reqs])):
        history[result.request_id].append(result)
    for no, body in bodies.items():
        live = {(r.guardian_no, r.kind): r for r in reqs if r.application_no == no and r.state != "superseded"}
        plans = {p.key: p for p in planned_requests(body["guardians"], body["claims"])}
        assert set(live) == set(plans), no
        for key, req in live.items():
            assert (req.subject_name, req.subject_id_number, req.claim) == \
                (plans[key].subject_name, plans[key].subject_id_number, plans[key].claim)
            assert (req.season, req.grade, req.department) == (body["season"], body["grade"], plans[key].department)
            assert req.case_id == cases[no].id
        assert (cases[no].season, cases[no].grade) == (body["season"], body["grade"])
    for req in reqs:
        chain = history[req.id]
        assert [r.supersedes for r in chain] == [None, *[r.id for r in chain]][:len(chain)]
        assert [r.revision for r in chain] == list(range(1, len(chain) + 1)) and req.revision == len(chain)
        assert req.current_result_id == (chain[-1].id if chain else None)
        assert req.state == "superseded" or req.state == ("answered" if chain else "pending")


def unchanged_plans(old: dict, new: dict) -> set[tuple]:
    """(guardian_no, kind) of the requests an amendment from ``old`` to ``new`` must keep (same subject, claim)."""
    plans = {(p.key, p.subject_name, p.subject_id_number, str(p.claim))
             for p in planned_requests(old["guardians"], old["claims"])}
    return {p.key for p in planned_requests(new["guardians"], new["claims"])
            if (p.key, p.subject_name, p.subject_id_number, str(p.claim)) in plans}


VARIANT = st.tuples(st.integers(0, 3), st.integers(1, 2), st.booleans(), st.booleans(), st.integers(1, 2),
                    st.sampled_from([1, 7]))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: each example is dozens of requests
@given(batches=st.lists(st.lists(VARIANT, min_size=1, max_size=5), min_size=1, max_size=3),
       answer_share=st.floats(0, 1), rng=st.randoms(use_true_random=False))
def test_batch_registrations_and_answers_keep_the_invariants(verification, as_role, backend, batches, answer_share,
                                                             rng):
    prefix, last = next(PREFIX), {}
    for batch in batches:
        items = [case_body(f"HY2025-{prefix}-{i}", serial=serial, guardians=guardians, housing=housing,
                           business=business, grade=grade) for i, guardians, housing, business, serial, grade in batch]
        wanted = {b["application_no"]: b for b in items}
        before = seqs(verification)
        live_before = rows(verification, VerificationRequest, VerificationRequest.state != "superseded")
        resp = verification.post("/cases/batch", json={"items": items},
                                 headers=as_role("service:enrollment", **fresh_key()))
        assert resp.status_code == 200, resp.text
        created = [no for no in wanted if no not in last]
        amended = [no for no in wanted if no in last and last[no] != wanted[no]]
        assert resp.json() == {"created": len(created), "existing": len(wanted) - len(created),
                               "amended": len(amended), "application_nos": list(wanted)}
        after = seqs(verification)
        top = max(before.values(), default=0)
        assert [after[no] for no in created] == list(range(top + 1, top + 1 + len(created)))
        assert sorted(after[no] for no in amended) == list(range(top + 1 + len(created), max(after.values()) + 1))
        assert all(after[no] == seq for no, seq in before.items() if no not in amended)
        states = {r.id: r.state for r in rows(verification, VerificationRequest)}
        for req in live_before:  # kept with its id when its subject and claim did not change, else superseded
            keep = req.application_no not in amended or \
                (req.guardian_no, req.kind) in unchanged_plans(last[req.application_no], wanted[req.application_no])
            assert (states[req.id] != "superseded") == keep, (req.application_no, req.kind, req.guardian_no)
        last.update(wanted)
        # the departments answer a share of the live requests (answered ones again: corrections), one batch each
        by_dept = defaultdict(list)
        for req in rows(verification, VerificationRequest, VerificationRequest.state != "superseded"):
            if req.application_no.startswith(f"HY2025-{prefix}-") and rng.random() < answer_share:
                by_dept[req.department].append(req.id)
        for dept, ids in by_dept.items():
            answers = [{"request_id": rid, "outcome": "not_found"} for rid in ids]
            resp = verification.post("/results/batch", json={"items": answers},
                                     headers=as_role(dept, **{"Idempotency-Key": f"{prefix}-{next(PREFIX)}"}))
            assert resp.status_code == 200, resp.text
            out = resp.json()
            assert out["stored"] == len(ids) and [i["request_id"] for i in out["items"]] == ids
    check_requests_follow_last_bodies(verification, last)


def test_corrections_in_one_batch_chain_and_move_only_their_cases(verification, as_role, backend):
    items = [case_body(f"HY2025-1-{n:06d}", serial=n, guardians=2, housing=False, business=False) for n in range(30)]
    assert verification.post("/cases/batch", json={"items": items},
                             headers=as_role("service:enrollment", **fresh_key())).json()["created"] == 30
    police = [r["id"] for r in verification.get("/queue?limit=1000", headers=as_role("police")).json()["items"]]
    first = verification.post("/results/batch", headers=as_role("police", **{"Idempotency-Key": "first"}),
                              json={"items": [{"request_id": rid, "outcome": "confirmed", "facts": PERMIT}
                                              for rid in police]}).json()
    mark = max(seqs(verification).values())
    corrected = police[::3]
    second = verification.post("/results/batch", headers=as_role("police", **{"Idempotency-Key": "second"}), json={
        "items": [{"request_id": rid, "outcome": "mismatch", "facts": {**PERMIT, "status": "suspended"}}
                  for rid in reversed(corrected)]}).json()
    assert second["stored"] == len(corrected)
    earlier = {i["request_id"]: i["result_id"] for i in first["items"]}
    for item in second["items"]:
        history = verification.get(f"/requests/{item['request_id']}", headers=as_role("police")).json()["history"]
        assert [r["id"] for r in history] == [earlier[item["request_id"]], item["result_id"]]
        assert history[1]["supersedes"] == history[0]["id"] and history[1]["outcome"] == "mismatch"
    changed = verification.get("/facts", params={"changed_after": mark}, headers=as_role("bureau")).json()["items"]
    touched = {r.application_no for r in rows(verification, VerificationRequest, VerificationRequest.id.in_(corrected))}
    assert {c["application_no"] for c in changed} == touched
    assert [c["seq"] for c in changed] == list(range(mark + 1, mark + 1 + len(touched)))
    current = {**earlier, **{i["request_id"]: i["result_id"] for i in second["items"]}}
    for case in changed:
        for g in case["guardians"]:
            result = g["results"]["residence_permit"]
            assert result["id"] == current[result["request_id"]]


def test_one_request_answered_three_times_in_one_call_chains(verification, as_role, backend):
    body = case_body("HY2025-1-000001", guardians=1, housing=False, business=False)
    reqs = verification.post("/cases", json=body, headers=as_role("bureau")).json()["requests"]
    permit, insurance = (next(r["id"] for r in reqs if r["kind"] == kind)
                         for kind in ("residence_permit", "social_insurance"))
    police = Identity(role="department", subject="police-desk", department="police")
    answers = [ResultIn(outcome="confirmed", facts=PERMIT), ResultIn(outcome="not_found"),
               ResultIn(outcome="confirmed", facts=INSURANCE), ResultIn(outcome="falsified", note="forged")]
    with verification.app.state.db.write_session() as session:
        out = service.answer_requests(session, police, [(permit, answers[0]), (permit, answers[1]),
                                                        (insurance, answers[1]), (permit, answers[2]),
                                                        (permit, answers[3])])
        session.commit()
    assert out[2].code == "request_not_found" and out[3].code == "invalid_facts"
    stored = [out[0], out[1], out[4]]
    assert [r["supersedes"] for r in stored] == [None, stored[0]["id"], stored[1]["id"]]
    assert [r["outcome"] for r in stored] == ["confirmed", "not_found", "falsified"]
    detail = verification.get(f"/requests/{permit}", headers=as_role("police")).json()
    assert [r["id"] for r in detail["history"]] == [r["id"] for r in stored] and detail["state"] == "answered"
    facts = verification.get("/facts/HY2025-1-000001", headers=as_role("bureau")).json()
    assert facts["guardians"][0]["results"]["residence_permit"]["id"] == stored[-1]["id"]


def test_racing_batches_of_corrections_and_amendments_stay_consistent(verification, as_role, backend):
    """Four departments' batches over the same requests, in different orders, while the cases are amended: no
    deadlock, no 500, every chain linear and every case's live requests what its last body plans."""
    bodies = {n: case_body(f"HY2025-1-{n:06d}", serial=n, guardians=2) for n in range(12)}
    verification.post("/cases/batch", json={"items": list(bodies.values())},
                      headers=as_role("service:enrollment", **fresh_key()))
    police = [r["id"] for r in verification.get("/queue?limit=1000", headers=as_role("police")).json()["items"]]
    amended = {n: case_body(f"HY2025-1-{n:06d}", serial=n + 100, guardians=2) for n in range(0, 12, 2)}

    def work(i):
        if i == 0:
            return [verification.post("/cases/batch", json={"items": [amended[n]]},
                                      headers=as_role("service:enrollment", **fresh_key())) for n in amended]
        order = random.Random(i).sample(police, len(police))
        return [verification.post("/results/batch", headers=as_role("police", **{"Idempotency-Key": f"r{i}-{j}"}),
                                  json={"items": [{"request_id": rid, "outcome": "confirmed", "facts": PERMIT}
                                                  for rid in order[j::2]]}) for j in range(2)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = [resp for batch in pool.map(work, range(4)) for resp in batch]
    assert {a.status_code for a in answers} == {200}, [a.text for a in answers if a.status_code != 200]
    codes = {i.get("code") for a in answers if "items" in a.json() for i in a.json()["items"]}
    assert codes <= {None, "request_superseded"}
    bodies.update(amended)
    check_requests_follow_last_bodies(verification, {b["application_no"]: b for b in bodies.values()})
    assert len(set(seqs(verification).values())) == len(bodies)


def test_a_case_batch_is_fingerprinted_from_its_cases_canonical_json():
    """POST /cases/batch hands its Idempotency-Key fingerprint the canonical JSON it joined from its cases' (issue
    15): the same digest as the body's own canonical JSON, and each case the fingerprint of its own body."""
    from types import SimpleNamespace

    from common.idempotency import fingerprint
    from verification.rules import sha256_of
    from verification.schemas import CaseBatchIn

    items = [case_body(f"HY2025-1-{n:06d}", serial=n, guardians=1 + n % 2, business=n % 3 == 0) for n in range(1, 5)]
    items[2]["guardians"][0]["name"] = "欧阳·娜娜"
    body = CaseBatchIn.model_validate({"items": [*items, items[0]]})  # a number twice: both in the fingerprint
    request = SimpleNamespace(method="POST", url=SimpleNamespace(path="/cases/batch", query=""))
    prepared, canonical = service.prepare_batch(body.items)
    assert fingerprint(request, canonical) == fingerprint(request, body)
    assert list(prepared) == [i["application_no"] for i in items]
    assert all(prepared[c.application_no].fingerprint == sha256_of(c.model_dump(mode="json")) for c in body.items)
