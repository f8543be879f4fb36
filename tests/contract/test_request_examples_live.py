"""Every request example of the gateway's OpenAPI description, sent to the running suite (issue 17).

``test_openapi_examples.py`` checks each example against its model; a model can take what the service then refuses
for its content (a roll naming one seat twice, a batch whose items are schools). Here each operation's examples are
sent, unchanged but for the row ids the server assigns (a run, a request, a seat, a settlement: the ids the test
made are put where the example has 12, 311, 205...), to the four services in-process on SQLite, in an order that
gives each the state it needs: the rulebook before the scoring job, the schools before the applications, the
application before its appeal, the approved settlement before its disbursement. Each must be accepted (2xx; a
batch's every item too), or refused only for a state this test cannot reach and :data:`STATE_REFUSALS` names with
its documented code. An operation with an example and no step here fails the test, so a new example is sent too.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from reliability_kit import Api, Stack, answer_all, as_role, deliver_cases, start_stack, with_value  # noqa: E402
from tongcheng.describe import suite_description  # noqa: E402

WRITES = ("post", "put", "patch", "delete")
SEASON = 2025  # the examples' season: the family of common.examples applies for grade 1 of 2025

STATE_REFUSALS: dict[str, tuple[str, str]] = {}
"""``"METHOD /api/<service>/path"`` → (code, why): a refusal of an example for a state the test cannot reach (none
today); any other refusal is a defect of the example."""


def request_examples(description: dict[str, Any]) -> dict[str, list[Any]]:
    """``"METHOD /api/<service>/path"`` → the examples of its JSON request body (its model's, through a ``$ref`` or
    an optional body's ``anyOf``), for every operation that has some."""
    schemas = description["components"]["schemas"]
    out: dict[str, list[Any]] = {}
    for path, item in description["paths"].items():
        for method, op in item.items():
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json")
            if method not in WRITES or body is None:
                continue
            schema = body["schema"]
            refs = [s["$ref"] for s in (schema, *schema.get("anyOf", ())) if "$ref" in s]
            examples = schema.get("examples") or next(
                (schemas[r.rsplit("/", 1)[1]].get("examples") for r in refs
                 if schemas[r.rsplit("/", 1)[1]].get("examples")), None)
            if examples:
                out[f"{method.upper()} {path}"] = examples
    return out


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    folder = tmp_path_factory.mktemp("live-examples")
    built, close = start_stack("sqlite", folder, settings={"enrollment": {"today": date(SEASON, 5, 6)}})
    try:
        yield built
    finally:
        close()
        shutil.rmtree(folder, ignore_errors=True)


class Player:
    """Sends examples (and the steps between them) and keeps what was sent, what was refused."""

    def __init__(self, stack: Stack, examples: dict[str, list[Any]]):
        self.stack, self.examples, self.api = stack, examples, Api(stack)
        self.sent: set[str] = set()
        self.defects: list[str] = []
        self.keys = itertools.count(1)

    def call(self, service: str, method: str, path: str, role: str, body: Any = None, *, ok: int = 200,
             headers: dict[str, str] | None = None) -> Any:
        """A step between examples (its state): must answer ``ok``."""
        resp = self.stack.call(service, method, path, role, json_body=body, headers=headers,
                               key=f"step-{next(self.keys)}" if method != "GET" else None)
        assert resp.status_code == ok, f"step {method} {path}: {resp.status_code} {resp.text[:600]}"
        return resp.json() if resp.content else None

    def example(self, op: str, role: str, *, params: dict[str, Any] | None = None,
                ids: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> list[Any]:
        """Send each example of ``op`` (``ids``: dotted field → the id this test made, put in place of the
        example's) with ``params`` in its path, as ``role`` → the answers accepted."""
        method, path = op.split(" ", 1)
        service, route = path.removeprefix("/api/").split("/", 1)
        assert op in self.examples, f"{op} has no request example"
        self.sent.add(op)
        answers = []
        for n, example in enumerate(self.examples[op]):
            body = example
            for at, value in (ids or {}).items():
                body = with_value(body, at, value)
            resp = self.stack.call(service, method, "/" + route.format(**(params or {})), role, json_body=body,
                                   headers=headers, key=f"example-{next(self.keys)}")
            where = f"{op} example {n}: {resp.status_code} {resp.text[:800]}"
            if resp.status_code >= 300:
                code = resp.json().get("code") if resp.content else None
                if STATE_REFUSALS.get(op, (None,))[0] != code:
                    self.defects.append(where)
                continue
            answer = resp.json() if resp.content else None
            refused = [i for i in (answer or {}).get("items", ()) if isinstance(i, dict)
                       and i.get("status") not in (None, "created", "stored", "existing", "unchanged")]
            if refused:
                self.defects.append(f"{where} (items refused: {refused})")
            answers.append(answer)
        return answers


def test_every_request_example_is_accepted_by_the_running_suite(stack: Stack):
    examples = request_examples(suite_description())
    play = Player(stack, examples)
    call, example = play.call, play.example

    # points: a revision of the shipped (and published) HY-2025, changed while a draft
    example("POST /api/points/rulebooks", "bureau")
    example("PUT /api/points/rulebooks/{rulebook_id}", "bureau", params={"rulebook_id": "HY-2025-v2"})

    # enrollment's register: the examples' schools (both examples of POST /schools), and the ones they name
    example("POST /api/enrollment/schools", "bureau")
    school = examples["POST /api/enrollment/schools"]
    public = next(s for s in school if s["kind"] == "public")
    private = next(s for s in school if s["kind"] == "private")
    for code, base in (("HYGP00302", public), ("HYMP00302", private), ("HYMP00303", private)):
        call("enrollment", "POST", "/schools", "bureau", {**base, "code": code, "name": base["name"] + code[-1]},
             ok=201)
    example("PUT /api/enrollment/schools/{code}", "bureau", params={"code": private["code"]})
    example("PUT /api/enrollment/schools/{code}/seats/{season}/{grade}", "bureau",
            params={"code": public["code"], "season": SEASON, "grade": 1})
    example("PUT /api/enrollment/schools/{code}/plans/{season}/{grade}", "bureau",
            params={"code": private["code"], "season": SEASON, "grade": 1})

    # the platform: an age exception, the family's application, a batch, its searches, a webhook, planning
    example("POST /api/enrollment/age-exceptions", "bureau")
    [app] = example("POST /api/enrollment/applications", "platform")
    [batch] = example("POST /api/enrollment/applications/batch", "platform")
    numbers = [app["application_no"], *(i["application_no"] for i in batch["items"])]
    example("POST /api/enrollment/applications/search", "bureau")
    example("POST /api/enrollment/applications/lookup", "platform")
    example("POST /api/enrollment/placements/status", "platform")
    example("POST /api/enrollment/webhooks", "platform")
    deliver_cases(play.api)

    # verification: the examples' case HY2025-1-000123 registered directly (and again in a batch: idempotent),
    # the police answer its guardians' residence permits, an appeal's re-check
    [case] = example("POST /api/verification/cases", "bureau")
    example("POST /api/verification/cases/batch", "bureau")
    permits = {r["guardian_no"]: r["id"] for r in case["requests"] if r["kind"] == "residence_permit"}
    example("POST /api/verification/requests/{request_id}/results", "police", params={"request_id": permits[1]})
    example("POST /api/verification/results/batch", "police", ids={"items.0.request_id": permits[2]})
    example("POST /api/verification/rechecks", "bureau")
    answer_all(play.api)
    for no in numbers:
        call("points", "POST", f"/scores/{no}", "bureau")
    example("POST /api/points/scoring-jobs", "bureau")
    example("POST /api/points/what-if", "platform")

    # the run, its publication, the family's appeal and the bureau's decision
    [run] = example("POST /api/enrollment/runs", "bureau")
    example("POST /api/enrollment/runs/{run_id}/publish", "bureau", params={"run_id": run["id"]})
    [appeal] = example("POST /api/enrollment/appeals", "platform",
                       ids={"run_id": run["id"], "application_no": app["application_no"]})
    example("POST /api/enrollment/appeals/{appeal_id}/decision", "bureau", params={"appeal_id": appeal["id"]})

    # funding: the semester, HYMP00301's tariff (and the others'), the seats handed over, the roll, settlements
    example("POST /api/funding/semesters", "bureau")
    call("funding", "POST", "/semesters", "bureau", {"code": f"{SEASON + 1}-spring"}, ok=201)
    tariff = examples["PUT /api/funding/tariffs/{school_code}/{semester}"][0]
    autumn = f"{SEASON}-autumn"
    example("PUT /api/funding/tariffs/{school_code}/{semester}", "bureau",
            params={"school_code": private["code"], "semester": autumn})
    for code in ("HYMP00302", "HYMP00303"):
        call("funding", "PUT", f"/tariffs/{code}/{autumn}", "bureau", tariff)
    example("POST /api/enrollment/planning/what-if", "bureau")  # the latest run, costed at the semester's tariffs
    [handed] = example("POST /api/funding/purchased-seats/handover", "bureau")
    seat = handed["items"][0]["seat_id"]
    pupil = examples["POST /api/funding/purchased-seats/handover"][0]["seats"][0]
    more = call("funding", "POST", "/purchased-seats/handover", "bureau", {"seats": [
        {**pupil, "application_no": f"HY{SEASON}-1-90000{n}", "school_code": school_code}
        for n, school_code in enumerate((private["code"],) * 3 + ("HYMP00303",))]})
    leaver, attending, transferred, elsewhere = (i["seat_id"] for i in more["items"])
    example("POST /api/funding/rolls/{school_code}/{semester}/confirmations", "bureau",
            params={"school_code": private["code"], "semester": autumn},
            ids={"attending": [seat, attending], "left.0.seat_id": leaver})
    call("funding", "POST", f"/rolls/HYMP00303/{autumn}/confirmations", "bureau", {"attending": [elsewhere]}, ok=201)
    example("POST /api/funding/settlements/run", "finance")
    [settlement] = example("POST /api/funding/settlements", "finance")
    drafted = call("funding", "POST", "/settlements", "finance", {"school_code": "HYMP00303", "semester": autumn},
                   ok=201)
    for row in (settlement, drafted):
        call("funding", "POST", f"/settlements/{row['id']}/approve", "finance",
             headers={"If-Match": f'"v{row["version"]}"'})
    example("POST /api/funding/adjustments", "finance", ids={"settlement_id": settlement["id"], "seat_id": seat})
    # the example pays on 10 January 2026, for a settlement approved on 9 January (this one was approved today)
    with stack["funding"].app.state.db.engine.begin() as conn:
        conn.execute(text("UPDATE settlements SET approved_at = :at WHERE id = :id"),
                     {"at": "2026-01-09 02:00:00", "id": drafted["id"]})
    example("POST /api/funding/settlements/{settlement_id}/disbursements", "finance",
            params={"settlement_id": drafted["id"]})
    example("POST /api/funding/purchased-seats/{seat_id}/end", "bureau", params={"seat_id": attending})
    example("POST /api/funding/purchased-seats/{seat_id}/transfer", "bureau", params={"seat_id": transferred})
    example("PUT /api/funding/budget/{year}", "finance", params={"year": SEASON})

    assert play.defects == [], "\n".join(play.defects)
    assert set(examples) - play.sent == set(), "operations with a request example this test does not send"
