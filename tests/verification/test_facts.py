"""The facts read API for points (CaseFacts), the change feed by seq, and personal data kept out of sight."""

import json
import logging

from sqlalchemy import event

from verification_kit import INSURANCE, PERMIT, case_body, id_number


def register(client, as_role, n, **kw):
    body = case_body(f"HY2025-1-{n:06d}", serial=n, **kw)
    resp = client.post("/cases", json=body, headers=as_role("service:enrollment"))
    assert resp.status_code == 201, resp.text
    return body, {f"{r['kind']}/{r['guardian_no']}": r["id"] for r in resp.json()["requests"]}


def all_facts(client, as_role, **params):
    items, cursor = [], None
    while True:
        page = client.get("/facts", params={**params, **({"cursor": cursor} if cursor else {})},
                          headers=as_role("service:points")).json()
        items += page["items"]
        if not (cursor := page["next_cursor"]):
            return items


def test_case_facts_shape_and_no_personal_data(verification, as_role, backend):
    body, reqs = register(verification, as_role, 1)
    verification.post(f"/requests/{reqs['residence_permit/1']}/results", json={"outcome": "confirmed", "facts": PERMIT},
                      headers=as_role("police", **{"Idempotency-Key": "p"}))
    resp = verification.get("/facts/HY2025-1-000001", headers=as_role("service:points"))
    facts = resp.json()
    assert set(facts) == {"application_no", "season", "grade", "child_birth_date", "seq", "digest", "guardians"}
    assert [g["guardian_no"] for g in facts["guardians"]] == [1, 2]
    g1, g2 = facts["guardians"]
    assert set(g1["results"]) == {"residence_permit", "social_insurance", "housing", "business_license"}
    assert g1["results"]["residence_permit"]["facts"] == PERMIT
    assert g1["pending"] == ["social_insurance", "housing", "business_license"]
    assert g2["results"]["business_license"] is None and "business_license" not in g2["pending"]
    assert len(facts["digest"]) == 64
    text = resp.text
    for g in body["guardians"]:
        assert g["id_number"] not in text and g["id_number"][:10] not in text and g["name"] not in text
    assert verification.get("/facts/HY2099-1-000001", headers=as_role("bureau")).json()["code"] == "case_not_found"


def test_pages_in_seq_order_and_changed_after(verification, as_role, backend):
    reqs = {n: register(verification, as_role, n, guardians=1, housing=False, business=False)[1] for n in range(1, 8)}
    everything = all_facts(verification, as_role, season=2025, grade=1, limit=3)
    assert len(everything) == 7
    seqs = [c["seq"] for c in everything]
    assert seqs == sorted(seqs) and len(set(seqs)) == 7
    mark = max(seqs)
    assert all_facts(verification, as_role, changed_after=mark) == []
    # answer two cases: exactly those come back after the mark, with a higher seq and a new digest
    items = [{"request_id": reqs[3]["social_insurance/1"], "outcome": "confirmed", "facts": INSURANCE},
             {"request_id": reqs[6]["social_insurance/1"], "outcome": "not_found"}]
    verification.post("/results/batch", json={"items": items}, headers=as_role("hrss", **{"Idempotency-Key": "b"}))
    changed = all_facts(verification, as_role, changed_after=mark, limit=1)
    assert [c["application_no"] for c in changed] == ["HY2025-1-000003", "HY2025-1-000006"]
    before = {c["application_no"]: c for c in everything}
    for c in changed:
        assert c["seq"] > mark and c["digest"] != before[c["application_no"]]["digest"]
    assert all_facts(verification, as_role, season=2024) == []
    assert verification.get("/facts?grade=3", headers=as_role("bureau")).status_code == 422
    assert verification.get("/facts?cursor=-1", headers=as_role("bureau")).json()["code"] == "invalid_cursor"


def test_answered_leaves_out_cases_with_a_request_pending_until_the_answer_that_completes_them(
        verification, as_role, backend):
    """``answered=true`` (enrollment's feed of ``verified``): a case with a request pending is left out; the answer
    that completes it gives it a new seq, so a follower of ``changed_after`` reads it then, once."""
    reqs = {n: register(verification, as_role, n, guardians=1, housing=False, business=False)[1] for n in range(1, 5)}
    assert all_facts(verification, as_role, answered="true") == []
    police = [{"request_id": reqs[n]["residence_permit/1"], "outcome": "confirmed", "facts": PERMIT} for n in (1, 2, 3)]
    verification.post("/results/batch", json={"items": police}, headers=as_role("police", **{"Idempotency-Key": "p"}))
    assert all_facts(verification, as_role, answered="true") == []  # social insurance still pending for each
    hrss = [{"request_id": reqs[n]["social_insurance/1"], "outcome": "confirmed", "facts": INSURANCE} for n in (2, 4)]
    verification.post("/results/batch", json={"items": hrss}, headers=as_role("hrss", **{"Idempotency-Key": "h"}))
    done = all_facts(verification, as_role, answered="true", limit=1)
    assert [c["application_no"] for c in done] == ["HY2025-1-000002"]
    assert done == [c for c in all_facts(verification, as_role) if c["application_no"] == "HY2025-1-000002"]
    mark = done[0]["seq"]
    last = [{"request_id": reqs[1]["social_insurance/1"], "outcome": "not_found"},
            {"request_id": reqs[4]["residence_permit/1"], "outcome": "confirmed", "facts": PERMIT}]
    verification.post("/results/batch", json={"items": last[:1]}, headers=as_role("hrss", **{"Idempotency-Key": "l"}))
    verification.post("/results/batch", json={"items": last[1:]}, headers=as_role("police", **{"Idempotency-Key": "q"}))
    later = all_facts(verification, as_role, answered="true", changed_after=mark)
    assert [c["application_no"] for c in later] == ["HY2025-1-000001", "HY2025-1-000004"]
    assert all(not g["pending"] for c in later for g in c["guardians"]) and all(c["seq"] > mark for c in later)
    assert verification.get("/facts?answered=maybe", headers=as_role("bureau")).status_code == 422


def test_one_page_takes_the_same_few_queries_whatever_its_size(verification, as_role):
    for n in range(1, 41):
        register(verification, as_role, n)
    statements: list[str] = []
    engine = verification.app.state.db.engine
    listener = lambda conn, cursor, sql, *a: statements.append(sql)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        counts = {}
        for limit in (2, 40):
            statements.clear()
            page = verification.get(f"/facts?limit={limit}", headers=as_role("service:points")).json()
            assert len(page["items"]) == limit
            counts[limit] = len([s for s in statements if s.lstrip().upper().startswith("SELECT")])
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert counts == {2: 2, 40: 2}


def test_listings_mask_personal_data_for_those_who_do_not_need_it(verification, as_role):
    body, reqs = register(verification, as_role, 5)
    whole_id, name = body["guardians"][0]["id_number"], body["guardians"][0]["name"]
    own = verification.get(f"/requests/{reqs['residence_permit/1']}", headers=as_role("police")).json()
    assert own["subject_id_number"] == whole_id and own["subject_name"] == name
    for role in ("bureau", "service:enrollment", "service:points"):
        seen = verification.get(f"/requests/{reqs['residence_permit/1']}", headers=as_role(role)).json()
        assert seen["subject_id_number"] == whole_id[:4] + "*" * 10 + whole_id[-4:]
        assert seen["subject_name"] == name[0] + "*" * (len(name) - 1)
    queue = verification.get("/queue", headers=as_role("housing")).json()["items"]
    assert {i["subject_id_number"] for i in queue} == {g["id_number"] for g in body["guardians"]}


def test_logs_carry_no_id_numbers_or_names(verification, as_role, caplog):
    caplog.set_level(logging.DEBUG)
    body, reqs = register(verification, as_role, 8)
    bad = case_body("HY2025-1-000009")
    bad["guardians"][0]["id_number"] = id_number()[:-1] + "Z"
    verification.post("/cases", json=bad, headers=as_role("service:enrollment"))
    verification.post("/results/batch", json={"items": [{"request_id": reqs["housing/1"], "outcome": "not_found"}]},
                      headers=as_role("housing", **{"Idempotency-Key": "l"}))
    from common.logging import JsonFormatter

    lines = [json.loads(JsonFormatter("verification").format(r)) for r in caplog.records]
    assert any("registered" in line["msg"] for line in lines)
    text = json.dumps(lines, ensure_ascii=False)
    for g in body["guardians"]:
        assert g["id_number"] not in text and g["name"] not in text


def test_a_page_is_the_json_of_its_model_and_each_item_its_single_read(verification, as_role, backend):
    """GET /facts encodes its page itself (issue 15): the bytes are those FastAPI gives for ``CaseFactsPage``
    (validated, then dumped), each item is the case's own GET /facts/{no} (which still goes through the model) and
    its digest :func:`verification.rules.facts_digest` of its facts."""
    from datetime import date

    from verification.rules import facts_digest
    from verification.schemas import CaseFactsPage

    reqs = {n: register(verification, as_role, n, guardians=1 + n % 2, business=n % 3 == 0)[1] for n in range(1, 7)}
    items = [{"request_id": reqs[n]["residence_permit/1"], "outcome": "confirmed", "facts": PERMIT,
              "note": "核验通过 ✓ \"A\\B\""} for n in (1, 2, 3)]
    items.append({"request_id": reqs[4]["residence_permit/1"], "outcome": "not_found"})
    assert verification.post("/results/batch", json={"items": items},
                             headers=as_role("police", **{"Idempotency-Key": "f"})).json()["stored"] == 4
    correction = {"outcome": "mismatch", "facts": {**PERMIT, "status": "expired"}}
    verification.post(f"/requests/{reqs[2]['residence_permit/1']}/results", json=correction,
                      headers=as_role("police", **{"Idempotency-Key": "c"}))
    insurance = [{"request_id": reqs[n]["social_insurance/1"], "outcome": "confirmed", "facts": INSURANCE}
                 for n in (1, 2)]
    verification.post("/results/batch", json={"items": insurance}, headers=as_role("hrss", **{"Idempotency-Key": "i"}))
    resp = verification.get("/facts?season=2025&limit=4", headers=as_role("service:points"))
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/json"
    assert resp.content == CaseFactsPage.model_validate_json(resp.content).model_dump_json().encode()
    page = resp.json()
    assert len(page["items"]) == 4 and page["next_cursor"]
    for item in page["items"]:
        single = verification.get(f"/facts/{item['application_no']}", headers=as_role("service:points")).json()
        assert item == single
        assert item["digest"] == facts_digest(item["season"], item["grade"],
                                              date.fromisoformat(item["child_birth_date"]), item["guardians"])


def test_facts_of_record_reads_stored_text_as_json_loads_does():
    from verification.reads import facts_of_record

    for text in (None, "null", '{"a": 1, "b": "\\u6d59 \\ud83d\\ude00", "c": [true, null, 18446744073709551617]}',
                 '{"a": "\\ud800"}'):
        assert facts_of_record(text) == (None if text is None else json.loads(text))
