"""Every instant in an answer is UTC with ``Z`` (docs/api.md Conventions, issue 17), also where an answer is built
as a dict rather than a response model: the platform's feed (``GET /events`` and the webhook body that repeats it),
a run's report and its snapshot file (their ``run``). A tester found ``+00:00`` in all of them (and in
verification's ``GET /progress``, tests/verification/test_progress.py)."""

from __future__ import annotations

import json
import re

from enrollment.events import page_json

INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _instants(value, path=""):
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _instants(item, f"{path}.{key}").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _instants(item, f"{path}.{i}").items()}
    return {path: value} if isinstance(value, str) and INSTANT.match(value) else {}


def _all_z(answer) -> dict[str, str]:
    found = _instants(answer)
    assert found, "the answer has no time to check"
    return {p: t for p, t in found.items() if not t.endswith("Z")}


def test_the_feed_and_a_runs_report_write_instants_in_utc_with_z(world, auth):
    app, _, _, _ = world
    bureau = auth("bureau")
    feed = app.get("/events?limit=1000", headers=auth("platform"))
    assert feed.status_code == 200 and _all_z(feed.json()) == {}
    with app.app.state.db.read_session() as session:  # the body a webhook delivery carries: the same text
        assert json.loads(page_json(session, after=0, limit=1000)) == feed.json()
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", json={}, headers=bureau)
    report = app.get(f"/reports/runs/{run['id']}", headers=bureau)
    assert report.status_code == 200 and _all_z(report.json()) == {}
    assert report.json()["run"]["created_at"] == app.get(f"/runs/{run['id']}", headers=bureau).json()["created_at"]
    snapshot = app.get(f"/runs/{run['id']}/snapshot", headers=bureau)  # the run's file (docs/run-snapshot.md)
    assert snapshot.status_code == 200 and _all_z(snapshot.json()["run"]) == {}

