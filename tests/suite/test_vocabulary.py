"""One vocabulary of departments, fact kinds, facts and claims (issue 18, ``common.vocabulary``).

- The facts points' what-if takes and the facts of record verification takes are one set of models: one table of
  bad facts is refused by both, through their APIs, and one table of good facts is taken by both.
- Adding a department is one entry: a copy of ``common.vocabulary`` with one department and its fact kind added
  (nothing else changed) is taken by the caller roles, verification's cases, queue and results, points' fact
  fields, digest and what-if, enrollment's claims, the stub departments, the demo credentials, the staff accounts
  and the ``tongcheng`` command's choices.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "verification"))
from verification_kit import INSURANCE, PERMIT, case_body, id_number, license_facts, owned_facts  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
RENTED = {"tenure": "rented", "lease_no": "HYZL-2023-00001", "registered_on": "2023-03-01", "county_code": "331003",
          "township_code": "331003003"}
GOOD = {"residence_permit": PERMIT, "social_insurance": INSURANCE, "housing": owned_facts(1),
        "business_license": license_facts("92331003MA2ABCDE1X")}


def _without(facts: dict, name: str) -> dict:
    return {k: v for k, v in facts.items() if k != name}


# (label, kind, facts): each is refused by verification (422 invalid_facts) and by points' what-if (422)
BAD = [
    ("permit without issued_on", "residence_permit", _without(PERMIT, "issued_on")),
    ("permit township outside its county", "residence_permit", {**PERMIT, "township_code": "330102001"}),
    ("permit township not one of Huangyan's", "residence_permit", {**PERMIT, "township_code": "331003999"}),
    ("permit status expired", "residence_permit", {**PERMIT, "status": "expired"}),
    ("permit 30 February", "residence_permit", {**PERMIT, "continuous_since": "2020-02-30"}),
    ("permit county as a number", "residence_permit", {**PERMIT, "county_code": 331003}),
    ("permit unknown field", "residence_permit", {**PERMIT, "colour": "red"}),
    ("insurance without since", "social_insurance", _without(INSURANCE, "since")),
    ("insurance 1,201 months", "social_insurance", {**INSURANCE, "continuous_months": 1201}),
    ("insurance months as text", "social_insurance", {**INSURANCE, "continuous_months": "30"}),
    ("insurance months negative", "social_insurance", {**INSURANCE, "continuous_months": -1}),
    ("insurance active as 1", "social_insurance", {**INSURANCE, "active_at_cutoff": 1}),
    ("owned home share 150", "housing", {**owned_facts(1), "share_percent": "150.00"}),
    ("owned home share as a number", "housing", {**owned_facts(1), "share_percent": 50}),
    ("owned home without acquired_on", "housing", _without(owned_facts(1), "acquired_on")),
    ("owned home without certificate", "housing", _without(owned_facts(1), "certificate_no")),
    ("owned home certificate with NUL", "housing", {**owned_facts(1), "certificate_no": "浙(2021)\u0000号"}),
    ("owned home township outside", "housing", {**owned_facts(1), "township_code": "330102001"}),
    ("rented home without lease_no", "housing", _without(RENTED, "lease_no")),
    ("rented home with outer spaces", "housing", {**RENTED, "lease_no": " HYZL-1"}),
    ("home leased", "housing", {**RENTED, "tenure": "leased"}),
    ("licence without uscc", "business_license", _without(GOOD["business_license"], "uscc")),
    ("licence without entity_type", "business_license", _without(GOOD["business_license"], "entity_type")),
    ("licence uscc short", "business_license", {**GOOD["business_license"], "uscc": "92331003MA2"}),
    ("licence status suspended", "business_license", {**GOOD["business_license"], "status": "suspended"}),
    ("licence holder as text", "business_license", {**GOOD["business_license"], "holder_is_guardian": "yes"}),
]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_verification_and_the_what_if_refuse_the_same_facts(make_service, auth):
    """The what-if used to make ``issued_on`` / ``since`` / ``uscc`` optional, had no 1,200-month bound and no
    township check: the same table now gets 422 from both, naming the same field, and good facts pass both."""
    verification, points = make_service("verification"), make_service("points")
    enrollment = auth("service", subject="enrollment")
    case = verification.post("/cases", json=case_body("HY2025-1-000001"), headers=enrollment)
    assert case.status_code == 201, case.text
    request_of = {r["kind"]: r["id"] for r in case.json()["requests"] if r["guardian_no"] == 1}

    def what_if(kind: str, facts: dict):
        return points.post("/what-if", headers=auth("bureau"), json={
            "rulebook_id": "HY-2025", "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": [{"guardian_no": 1, "facts": {kind: facts}}]})

    def verify(kind: str, facts: dict, key: str):
        dept = {"residence_permit": "police", "social_insurance": "hrss", "housing": "housing",
                "business_license": "market"}[kind]
        return verification.post(f"/requests/{request_of[kind]}/results", json={"outcome": "mismatch", "facts": facts},
                                 headers={**auth("department", dept), "Idempotency-Key": key})

    for label, kind, facts in BAD:
        key = "bad-" + str(BAD.index((label, kind, facts)))
        refused_by_verification, refused_by_points = verify(kind, facts, key), what_if(kind, facts)
        assert refused_by_verification.status_code == 422, (label, refused_by_verification.text)
        assert refused_by_verification.json()["code"] == "invalid_facts", label
        assert refused_by_points.status_code == 422, (label, refused_by_points.text)
        # the same field: verification's facts.<field> is the tail of points' guardians.0.facts.<kind>[.tag].<field>
        leaf = refused_by_verification.json()["field"].removeprefix("facts")
        field = refused_by_points.json()["field"].replace(".owned", "").replace(".rented", "")
        assert field.startswith(f"guardians.0.facts.{kind}") and field.endswith(leaf), (label, field, leaf)
    assert verification.get(f"/requests/{request_of['housing']}", headers=auth("department", "housing")
                            ).json()["history"] == []  # nothing written
    for kind, facts in [*GOOD.items(), ("housing", RENTED)]:
        assert verify(kind, facts, f"good-{kind}-{facts.get('tenure')}").status_code == 201, kind
        assert what_if(kind, facts).status_code == 200, (kind, what_if(kind, facts).text)


# ---- adding a department -----------------------------------------------------------------------------------

NEW_ENTRY = '''

class TaxRecordFacts(StrictModel):
    """纳税记录 as the tax bureau holds it (a department added by tests/suite/test_vocabulary.py)."""

    tax_no: DocumentNo
    county_code: CountyCode
    paid_since: Day


class TaxRecordClaim(StrictModel):
    guardian_no: GuardianRef
    tax_no: DocumentNo

'''
NEW_DEPARTMENT = '    Department("tax", "税务", "Tax bureau"),\n'
NEW_KIND = ('    FactKind("tax_record", "tax", "纳税记录", "tax record", TaxRecordFacts, ("tax_no", "county_code", "paid_since"),\n'
            '             ("paid_since",), claim=TaxRecordClaim, claim_fields=("tax_no",)),\n')

CONSUMERS = textwrap.dedent('''
    import json, sys, tempfile
    from pathlib import Path
    out = {}

    from common import identity, vocabulary
    out["vocabulary"] = vocabulary.__file__
    token = identity.mint("x" * 40, identity.Identity("department", "dept-tax", department="tax"))
    out["identity"] = identity.verify("x" * 40, token).department

    from gateway import auth as gateway_auth
    out["gateway"] = "tax" in gateway_auth.DEPARTMENTS

    from verification import rules as vrules, schemas as vschemas
    planned = vrules.planned_requests([{"guardian_no": 1, "name": "张三", "id_number": "X"}],
                                      {"tax_record": [{"guardian_no": 1, "tax_no": "T-1"}]})
    out["verification_planned"] = [(p.kind, p.department) for p in planned]
    case = vschemas.CaseIn.model_validate({"application_no": "A1", "season": 2025, "grade": 1,
                                           "child_birth_date": "2019-03-01",
                                           "guardians": [{"guardian_no": 1, "name": "张三",
                                                          "id_number": sys.argv[1]}],
                                           "claims": {"tax_record": [{"guardian_no": 1, "tax_no": "T-1"}]}})
    out["verification_case_claims"] = case.claims.model_dump(mode="json")["tax_record"]

    from fastapi.testclient import TestClient
    from verification import config as vconfig, main as vmain
    tmp = Path(tempfile.mkdtemp())
    app = vmain.create_app(vconfig.Settings(internal_secret="s" * 40, database_url=f"sqlite:///{tmp / 'v.db'}",
                                            data_dir=tmp))
    def as_(role, dept=None, subject=None):
        who = identity.Identity(role, subject or f"{role}-{dept}", department=dept)
        return {identity.IDENTITY_HEADER: identity.mint("s" * 40, who)}
    with TestClient(app) as client:
        made = client.post("/cases", json=case.model_dump(mode="json"), headers=as_("service", subject="enrollment"))
        assert made.status_code == 201, made.text
        queue = client.get("/queue", headers=as_("department", "tax")).json()["items"]
        out["verification_queue"] = [(r["kind"], r["department"], r["claim"]) for r in queue]
        answer = client.post(f"/requests/{queue[0]['id']}/results", headers={**as_("department", "tax"),
                             "Idempotency-Key": "k"}, json={"outcome": "confirmed", "facts": {
                             "tax_no": "T-1", "county_code": "331003", "paid_since": "2020-01-01"}})
        out["verification_result"] = answer.status_code
        bad = client.post(f"/requests/{queue[0]['id']}/results", headers={**as_("department", "tax"),
                          "Idempotency-Key": "k2"}, json={"outcome": "mismatch", "facts": {"tax_no": "T-1"}})
        out["verification_bad_facts"] = [bad.status_code, bad.json().get("field")]
        progress = client.get("/progress?season=2025", headers=as_("bureau")).json()["departments"]
        out["verification_progress"] = [d["department"] for d in progress]
        facts = client.get("/facts/A1", headers=as_("service", subject="points")).json()

    from points import clients as pclients, rules as prules, schemas as pschemas
    out["points_fields"] = list(prules.FACT_FIELDS["tax_record"])
    normalised = pclients.normalise_case(facts)
    out["points_normalised"] = dict(normalised["guardians"][0]["results"]["tax_record"][0]["facts"])
    before = prules.facts_digest(normalised)
    normalised["guardians"][0]["results"]["tax_record"][0]["facts"]["paid_since"] = "2021-01-01"
    out["points_digest_covers"] = prules.facts_digest(normalised) != before
    what_if = pschemas.WhatIfIn.model_validate({"rulebook_id": "HY-2025", "grade": 1,
                                                "child_birth_date": "2019-03-01", "guardians": [{"guardian_no": 1,
                                                "facts": {"tax_record": {"tax_no": "T-1", "county_code": "331003",
                                                                         "paid_since": "2020-01-01"}}}]})
    out["points_what_if"] = what_if.guardians[0].facts.tax_record is not None
    from points import explain
    out["points_explain"] = explain._DEPARTMENT.get("tax_record")

    from enrollment import schemas as eschemas
    out["enrollment_claims"] = "tax_record" in eschemas.ApplicationIn.model_fields["claims"].annotation.model_fields

    from tongcheng import api, cli, registry, secrets, staff, stubs
    out["stubs"] = "tax" in stubs.DEPARTMENTS
    stubs.StubDepartment("tax", None, registry.Registry(), season=2025)
    out["registry"] = registry.KINDS_OF_DEPARTMENT["tax"]
    out["secrets"] = secrets.DEMO_CALLERS.get("dept-tax")
    out["staff"] = staff.DEMO_STAFF.get("tax")
    parser = cli.build_parser()
    choices = {}
    for action in parser._subparsers._group_actions[0].choices.values():
        for a in action._actions:
            if a.dest == "department":
                choices[action.prog.split()[-1]] = "tax" in (a.choices or ())
    out["cli"] = choices
    from console import web
    out["console"] = web.DEPARTMENT_NAMES.get("tax")
    print(json.dumps(out, ensure_ascii=False))
''')


def _with_one_more_department(tmp_path: Path) -> Path:
    """A copy of the common kit whose vocabulary has one more department and fact kind: three insertions into
    ``common/vocabulary.py``, nothing else."""
    kit = tmp_path / "kit"
    shutil.copytree(REPO / "services" / "common" / "common", kit / "common",
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = kit / "common" / "vocabulary.py"
    text = path.read_text(encoding="utf-8")
    models_end = text.index("\n# ---- the vocabulary")
    text = text[:models_end] + NEW_ENTRY + text[models_end:]
    for table, row in (("DEPARTMENT_TABLE: list[Department] = [\n", NEW_DEPARTMENT),
                       ("FACT_KIND_TABLE: list[FactKind] = [\n", NEW_KIND)):
        end = text.index("\n]\n", text.index(table)) + 1
        text = text[:end] + row + text[end:]
    path.write_text(text, encoding="utf-8")
    return kit


def test_adding_a_department_is_one_entry_in_the_vocabulary(tmp_path):
    kit = _with_one_more_department(tmp_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(kit), os.environ.get("PYTHONPATH", "")])}
    guardian = id_number(date(1995, 1, 1), 1)
    run = subprocess.run([sys.executable, "-c", CONSUMERS, guardian], cwd=REPO, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["vocabulary"].startswith(str(kit))  # the copy was the one imported
    assert out["identity"] == "tax" and out["gateway"] is True
    assert ("tax_record", "tax") in [tuple(p) for p in out["verification_planned"]]
    assert out["verification_case_claims"] == [{"guardian_no": 1, "tax_no": "T-1"}]
    assert out["verification_queue"] == [["tax_record", "tax", {"tax_no": "T-1"}]]
    assert out["verification_result"] == 201
    assert out["verification_bad_facts"] == [422, "facts.county_code"]
    assert "tax" in out["verification_progress"]
    assert out["points_fields"] == ["tax_no", "county_code", "paid_since"]
    assert out["points_normalised"] == {"tax_no": "T-1", "county_code": "331003", "paid_since": "2020-01-01"}
    assert out["points_digest_covers"] is True and out["points_what_if"] is True
    assert out["points_explain"] == ["税务", "Tax bureau"]  # how an explanation names the department
    assert out["enrollment_claims"] is True
    assert out["stubs"] is True and out["registry"] == "tax_record"
    assert out["secrets"] == ["department", "tax"]
    assert out["staff"][:2] == ["department", "tax"]
    assert out["cli"] and all(out["cli"].values()), out["cli"]
    assert out["console"] == "税务 Tax bureau"


def test_every_consumer_reads_the_departments_and_kinds_from_the_vocabulary():
    """Without a copy: the lists each consumer holds are the vocabulary's (the same objects or the same sets)."""
    from common import identity, vocabulary
    from points import rules as prules
    from verification import rules as vrules
    from tongcheng import registry, secrets, staff, stubs

    assert identity.DEPARTMENTS is vocabulary.DEPARTMENTS and stubs.DEPARTMENTS == vocabulary.DEPARTMENTS
    assert vrules.DEPARTMENT_OF is vocabulary.DEPARTMENT_OF and prules.KIND_DEPARTMENT is vocabulary.DEPARTMENT_OF
    assert prules.FACT_FIELDS is vocabulary.FACT_FIELDS and set(prules.KINDS) == set(vocabulary.KINDS)
    assert registry.DEPARTMENT_OF_KIND is vocabulary.DEPARTMENT_OF
    assert {dept for role, dept in secrets.DEMO_CALLERS.values() if role == "department"} == set(vocabulary.DEPARTMENTS)
    assert {dept for role, dept, _ in staff.DEMO_STAFF.values() if role == "department"} == set(vocabulary.DEPARTMENTS)
