"""A run's evidence through the service (issue 13): the gate and the stability certificate stored with the run and
shown with it, publication refused (409 ``gate_failed``) naming every failed check with its numbers when a stored
placement was changed, and the privacy-safe snapshot file that ``tongcheng verify-run`` re-checks alone."""

from __future__ import annotations

import json

from sqlalchemy import update

from enrollment.models import PlacementRow
from tongcheng.verify_run import verify_path

RUN = {"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025}
CHECKS = ["digest", "reproduced", "accounted", "capacity", "own_choices", "cutoffs", "stability"]


def test_a_run_carries_its_gate_and_certificate(world, auth):  # noqa: F811
    app, _, _, nos = world
    run = app.post("/runs", json=RUN, headers=auth("bureau")).json()
    gate, cert = run["gate"], run["certificate"]
    assert gate["passed"] and [c["name"] for c in gate["checks"]] == CHECKS
    accounted = gate["checks"][2]
    assert (accounted["applicants"], accounted["placed"], accounted["unplaced"]) == (7, 5, 2)
    assert cert["blocking_pairs"] == 0 and cert["required"] is True
    # S1 (2 seats): a1, a2 of its catchment; S2 (1 seat): a3; P1, P2: a4, a5 by their private choice
    assert {c: (x["application_no"], x["tier"], x["admitted"]) for c, x in cert["cutoffs"].items() if x} == {
        "S1": (nos["a2"], 1, 2), "S2": (nos["a3"], 1, 1), "P1": (nos["a4"], None, 1), "P2": (nos["a5"], None, 1)}
    assert cert["cutoffs"]["S1"]["family_score"] == "80.00" and len(cert["cutoffs"]["S1"]["lottery_key"]) == 64
    assert run["code_version"].startswith("tongcheng ")
    shown = app.get(f"/runs/{run['id']}", headers=auth("bureau")).json()
    assert shown["gate"] == gate and shown["certificate"] == cert


def test_publication_is_refused_naming_every_failed_check(world, auth):  # noqa: F811
    app, _, _, nos = world
    bureau = auth("bureau")
    run = app.post("/runs", json=RUN, headers=bureau).json()
    with app.app.state.db.write_session() as session:  # a stored placement changed behind the service's back
        session.execute(update(PlacementRow).where(PlacementRow.run_id == run["id"],
                                                   PlacementRow.application_no == nos["a4"])
                        .values(round=1, school_code="S1", tier=2, choice_rank=1))
        session.commit()
    refused = app.post(f"/runs/{run['id']}/publish", json={}, headers=bureau)
    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert body["code"] == "gate_failed"
    failed = {c["name"]: c for c in body["failed"]}
    assert set(failed) == {"reproduced", "capacity", "own_choices", "cutoffs", "stability"}
    assert failed["capacity"]["over"] == [{"school_code": "S1", "seats": 2, "filled": 3}]
    assert (failed["reproduced"]["differing"], failed["reproduced"]["examples"]) == (1, [nos["a4"]])
    assert failed["own_choices"]["off_list"] == 1
    assert failed["cutoffs"]["examples"] == ["P1", "S1"]  # P1 lost its only admitted, S1 got a new last
    # a3 (85, tier 2 at S1) outranks a4 (70, tier 2), now S1's last admitted
    assert failed["stability"]["blocking_pairs"] == 1 and failed["stability"]["examples"] == [[nos["a3"], "S1"]]
    assert all(c["first"] for c in failed.values()) and nos["a4"] in body["detail"]
    after = app.get(f"/runs/{run['id']}", headers=bureau).json()
    assert after["state"] == "draft" and after["gate"]["passed"]  # nothing written: the stored gate is creation's


def test_the_snapshot_file_is_private_and_verifies_alone(world, auth, tmp_path):  # noqa: F811
    app, _, _, nos = world
    bureau = auth("bureau")
    run = app.post("/runs", json=RUN, headers=bureau).json()
    assert app.post(f"/runs/{run['id']}/publish", json={}, headers=bureau).status_code == 200
    assert app.get(f"/runs/{run['id']}/snapshot", headers=auth("platform")).status_code == 403
    resp = app.get(f"/runs/{run['id']}/snapshot", headers=auth("auditor"))
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/json")
    assert f'run-{run["id"]}-snapshot.json' in resp.headers["content-disposition"]
    text = resp.content.decode()
    assert "小明" not in text and "家长" not in text and "13812345" not in text and "331003201" not in text
    doc = json.loads(text)
    assert doc["run"]["input_digest"] == run["input_digest"] and doc["run"]["state"] == "published"
    a4 = next(a for a in doc["applicants"] if a["application_no"] == nos["a4"])
    assert a4["placement"] == {"round": 2, "school_code": "P1", "tier": None, "choice_rank": 1}
    assert sorted(a4) == ["application_no", "earliest_since", "eligible", "family_score", "lottery_key",
                          "other_score", "placement", "private_choices", "public_choices", "reason", "scored",
                          "township"]

    good = tmp_path / "run.json"
    good.write_bytes(resp.content)
    status, line = verify_path(good)
    assert status == 0 and line.startswith(f"OK run {run['id']} (2025 grade 1, deferred_acceptance, seed 2025)")

    def tampered(change) -> tuple[int, str]:
        copy = json.loads(text)
        change(copy)
        path = tmp_path / "tampered.json"
        path.write_text(json.dumps(copy, ensure_ascii=False))
        return verify_path(path)

    def find(doc, name):
        return next(a for a in doc["applicants"] if a["application_no"] == nos[name])

    status, line = tampered(lambda d: find(d, "a5").update(family_score="95.00"))
    assert status == 1 and "digest:" in line and "an input was changed" in line
    status, line = tampered(lambda d: find(d, "a1").update(placement={"round": 1, "school_code": "S2", "tier": 2,
                                                                      "choice_rank": 2}))
    assert status == 1 and f"reproduced: {nos['a1']}: stated S2 (round 1" in line
    status, line = tampered(lambda d: d["schools"][0].update(capacity=d["schools"][0]["capacity"] + 1))
    assert status == 1 and "digest:" in line
    status, line = tampered(lambda d: find(d, "a2").update(lottery_key="0" * 64))
    assert status == 1 and f"{nos['a2']}: lottery_key" in line
    status, line = tampered(lambda d: d["cutoffs"].update(S1={"application_no": nos["a1"], "tier": 1}))
    assert status == 1 and line.split(": ", 1)[1].startswith("cutoffs: S1")
    (tmp_path / "bad.json").write_text("{not json")
    assert verify_path(tmp_path / "bad.json")[0] == 2
