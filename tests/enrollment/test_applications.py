"""Applications from the platform: validation with field and code, one per child per season, batches with mixed
items, withdrawal — BRIEF §4 step 2, §9."""

from __future__ import annotations

import re
from datetime import date

import pytest

from enrollment_kit import application, make_id, private_school, public_school

PUBLIC = ["S1", "S2", "S3", "S4", "S5", "S6"]


def _schools(client, bureau):
    for code in PUBLIC:
        assert client.post("/schools", json=public_school(code), headers=bureau).status_code == 201
    client.post("/schools", json=public_school("SJ", level="junior"), headers=bureau)
    for code in ("P1", "P2", "P3", "P4"):
        client.post("/schools", json=private_school(code), headers=bureau)
    client.post("/schools", json=private_school("PX", status="phasing_out"), headers=bureau)


@pytest.fixture(scope="module")
def seeded(shared_app, auth_module):
    _schools(shared_app, auth_module("bureau"))
    return shared_app


@pytest.fixture(scope="module")
def auth_module():
    from shared_kit import TEST_SECRET
    from common.identity import IDENTITY_HEADER, Identity, mint

    def headers(role, department=None):
        return {IDENTITY_HEADER: mint(TEST_SECRET, Identity(role=role, subject=f"{role}-t", department=department))}
    return headers


def _bad_id(birth: date) -> str:
    good = make_id(birth)
    return good[:17] + ("0" if good[17] != "0" else "1")


BIRTH = date(2019, 3, 1)
CASES = [
    ("bad check character", {"child": {"name": "小明", "id_number": _bad_id(BIRTH), "birth_date": "2019-03-01"}},
     "child.id_number", "validation_error"),
    ("full-width digits", {"child": {"name": "小明", "id_number": "３３１００３２０１９０３０１１２３Ｘ",
                                     "birth_date": "2019-03-01"}}, "child.id_number", "validation_error"),
    ("birth date differs from the ID", {"child": {"name": "小明", "id_number": make_id(BIRTH),
                                                   "birth_date": "2019-03-02"}}, "child.birth_date",
     "birth_date_mismatch"),
    ("duplicate public choice", {"public_choices": ["S1", "S1"]}, "public_choices.1", "duplicate_choice"),
    ("junior school for grade 1", {"public_choices": ["SJ"]}, "public_choices.0", "wrong_level"),
    ("unknown school", {"public_choices": ["S1", "NOPE"]}, "public_choices.1", "unknown_school"),
    ("private school in the public list", {"public_choices": ["P1"]}, "public_choices.0", "wrong_school_kind"),
    ("phasing-out private school", {"private_choices": ["PX"]}, "private_choices.0", "school_not_admitting"),
    ("six public choices", {"public_choices": PUBLIC}, "public_choices", "validation_error"),
    ("four private choices", {"private_choices": ["P1", "P2", "P3", "P4"]}, "private_choices", "validation_error"),
    ("grade 3", {"grade": 3}, "grade", "validation_error"),
    ("unknown township", {"township_code": "331003999"}, "township_code", "validation_error"),
    ("no guardian", {"guardians": []}, "guardians", "validation_error"),
    ("claim for a second guardian who is not there",
     {"claims": {"housing": [{"guardian_no": 2, "tenure": "rented", "lease_no": "HYZL-1"}]}}, "claims.housing",
     "unknown_guardian"),
    ("share as a JSON number", {"claims": {"housing": [{"guardian_no": 1, "tenure": "owned", "certificate_no": "C1",
                                                        "share_percent": 50}]}},
     "claims.housing.0.owned.share_percent", "validation_error"),
    ("unknown field", {"score": "99.00"}, "score", "validation_error"),
    # strict numbers (a lax Literal[1, 7] took true and 1.0 as 1) and plain text (no NUL, no control characters)
    ("grade true", {"grade": True}, "grade", "validation_error"),
    ("grade 1.0", {"grade": 1.0}, "grade", "validation_error"),
    ("guardian_no true", {"claims": {"housing": [{"guardian_no": True, "tenure": "rented", "lease_no": "HYZL-1"}]}},
     "claims.housing.0.rented.guardian_no", "validation_error"),
    ("guardian_no 1.0", {"claims": {"business_license": [{"guardian_no": 1.0, "uscc": "92331003MA2000001B"}]}},
     "claims.business_license.0.guardian_no", "validation_error"),
    ("lease_no with NUL", {"claims": {"housing": [{"guardian_no": 1, "tenure": "rented", "lease_no": "HY\x00ZL"}]}},
     "claims.housing.0.rented.lease_no", "validation_error"),
    ("certificate_no with BEL", {"claims": {"housing": [{"guardian_no": 1, "tenure": "owned",
                                                          "certificate_no": "浙\x07(2021)1号", "share_percent": "50"}]}},
     "claims.housing.0.owned.certificate_no", "validation_error"),
]


@pytest.mark.parametrize("name, patch, field, code", CASES, ids=[c[0] for c in CASES])
def test_bad_application_is_refused_naming_field_and_code(seeded, auth_module, name, patch, field, code):
    resp = seeded.post("/applications", json=application(**patch), headers=auth_module("platform"))
    assert resp.status_code == 422, resp.text
    assert (resp.json()["field"], resp.json()["code"]) == (field, code)


@pytest.mark.parametrize("relation", ["父\x00亲", "父\x1b亲", "父\u2028亲"])
def test_control_characters_in_a_relation_are_refused(seeded, auth_module, relation):
    body = application()
    body["guardians"][0]["relation"] = relation
    resp = seeded.post("/applications", json=body, headers=auth_module("platform"))
    assert resp.status_code == 422, resp.text
    assert (resp.json()["field"], resp.json()["code"]) == ("guardians.0.relation", "validation_error")


def test_batch_items_with_lax_numbers_or_control_characters_are_rejected(seeded, auth_module):
    """Batch items are typed one by one with the same strict model: ``true`` / ``1.0`` as a grade or guardian
    number and NUL in free text are rejected items, the good item is stored."""
    bad = [({"grade": True}, "grade"), ({"grade": 1.0}, "grade"),
           ({"claims": {"housing": [{"guardian_no": True, "tenure": "rented", "lease_no": "L1"}]}},
            "claims.housing.0.rented.guardian_no"),
           ({"claims": {"housing": [{"guardian_no": 1, "tenure": "rented", "lease_no": "L\x001"}]}},
            "claims.housing.0.rented.lease_no")]
    items = [application(**patch) for patch, _ in bad] + [application()]
    out = seeded.post("/applications/batch", json={"items": items},
                      headers={**auth_module("platform"), "Idempotency-Key": "strict-batch"}).json()
    assert (out["created"], out["rejected"]) == (1, len(bad)), out
    assert [(i["status"], i["code"], i["field"]) for i in out["items"][:-1]] == [
        ("rejected", "validation_error", field) for _, field in bad]


def test_guardian_rules(seeded, auth_module):
    body = application(guardian_count=2)
    body["guardians"][1]["id_number"] = body["guardians"][0]["id_number"]
    resp = seeded.post("/applications", json=body, headers=auth_module("platform"))
    assert resp.status_code == 422 and resp.json()["code"] == "duplicate_guardian"
    body = application()
    body["guardians"][0]["id_number"] = body["child"]["id_number"]
    resp = seeded.post("/applications", json=body, headers=auth_module("platform"))
    assert resp.status_code == 422 and resp.json()["code"] == "guardian_is_child"
    body = application()
    body["guardians"][0]["phone"] = "12345"
    resp = seeded.post("/applications", json=body, headers=auth_module("platform"))
    assert resp.json()["field"] == "guardians.0.phone"


def test_good_application_is_stored_with_its_number(seeded, auth_module):
    body = application(public=["S1", "S2"], private=["P1"], guardian_count=2,
                       claims={"housing": [{"guardian_no": 2, "tenure": "owned", "share_percent": "50",
                                            "certificate_no": "浙(2021)黄岩区不动产权第0001234号"}],
                               "business_license": [{"guardian_no": 1, "uscc": "92331003MA2ABCDE19"}]})
    body["child"]["id_number"] = body["child"]["id_number"][:17] + body["child"]["id_number"][17].lower()
    resp = seeded.post("/applications", json=body, headers=auth_module("platform"))
    assert resp.status_code == 201, resp.text
    out = resp.json()
    assert re.fullmatch(r"HY2025-1-\d{6}", out["application_no"])
    assert out["state"] == "submitted" and out["child"]["id_number"] == body["child"]["id_number"].upper()
    assert out["claims"]["housing"][0]["share_percent"] == "50.00"
    got = seeded.get(f"/applications/{out['application_no']}", headers=auth_module("bureau"))
    assert got.status_code == 200 and got.json()["public_choices"] == ["S1", "S2"]
    listing = seeded.get("/applications?season=2025&grade=1", headers=auth_module("bureau")).json()
    masked = [a for a in listing["items"] if a["application_no"] == out["application_no"]][0]
    assert "*" in masked["child"]["id_number"] and "*" in masked["guardians"][0]["phone"]
    own = seeded.get("/applications?limit=1000", headers=auth_module("platform")).json()["items"]  # its own
    assert out["application_no"] in {a["application_no"] for a in own}
    # (another platform credential sees none of them: tests/enrollment/test_reapply.py)


def test_one_application_per_child_per_season(make_service, auth, backend):
    app = make_service("enrollment", outbox_dispatcher=False)
    _schools(app, auth("bureau"))
    platform = auth("platform")
    body = application(public=["S1"])
    first = app.post("/applications", json=body, headers=platform)
    assert first.status_code == 201
    second = app.post("/applications", json={**body, "public_choices": ["S2"]}, headers=platform)
    assert second.status_code == 409
    assert second.json()["code"] == "duplicate_application"
    assert second.json()["existing_application_no"] == first.json()["application_no"]
    other_season = app.post("/applications", json={**application(season=2026), "child": body["child"]},
                            headers=platform)
    assert other_season.status_code == 201

    # a batch: good, bad, duplicate of a stored child, the same new child twice, a junior application
    twin = application(public=["S2"])
    junior = application(grade=7, public=["SJ"])
    bad = application()
    bad["child"]["birth_date"] = "2019-01-01"
    items = [application(public=["S3"]), bad, {**body}, twin, {**twin, "public_choices": ["S4"]}, junior,
             {"season": 2025}]
    batch = app.post("/applications/batch", json={"items": items}, headers={**platform, "Idempotency-Key": "b-1"})
    assert batch.status_code == 200, batch.text
    out = batch.json()
    assert (out["created"], out["duplicates"], out["rejected"]) == (3, 2, 2)
    by_index = {i["index"]: i for i in out["items"]}
    assert [by_index[i]["status"] for i in range(7)] == ["created", "rejected", "duplicate", "created", "duplicate",
                                                          "created", "rejected"]
    assert (by_index[1]["code"], by_index[1]["field"]) == ("birth_date_mismatch", "child.birth_date")
    assert by_index[2]["existing_application_no"] == first.json()["application_no"]
    assert by_index[4]["existing_application_no"] == by_index[3]["application_no"]
    assert by_index[5]["application_no"].startswith("HY2025-7-")
    assert by_index[6]["code"] == "validation_error" and by_index[6]["field"] == "grade"
    replay = app.post("/applications/batch", json={"items": items}, headers={**platform, "Idempotency-Key": "b-1"})
    assert replay.json() == out and replay.headers["idempotent-replayed"] == "true"
    no_key = app.post("/applications/batch", json={"items": items}, headers=platform)
    assert no_key.status_code == 400 and no_key.json()["code"] == "idempotency_key_required"
    # one verification case queued per stored application (2 single + 3 batch), none for the rest
    status = app.get("/outbox", headers=auth("bureau")).json()
    assert status["topics"]["verification.cases"] == {"pending": 5, "delivered": 0, "failing": 0}


def test_batch_limit(shared_app, auth_module):
    resp = shared_app.post("/applications/batch", json={"items": [{}] * 1001},
                           headers={**auth_module("platform"), "Idempotency-Key": "too-many"})
    assert resp.status_code == 422 and resp.json()["field"] == "items"


def test_withdraw_before_the_cutoff_only(make_service, auth, backend):
    app = make_service("enrollment", outbox_dispatcher=False, today=date(2025, 4, 30))
    _schools(app, auth("bureau"))
    no = app.post("/applications", json=application(public=["S1"]), headers=auth("platform")).json()["application_no"]
    other = app.post("/applications", json=application(public=["S1"]),
                     headers=auth("platform")).json()["application_no"]
    done = app.post(f"/applications/{no}/withdraw", headers=auth("platform"))
    assert done.status_code == 200 and done.json()["state"] == "withdrawn" and done.json()["withdrawn_at"]
    assert app.get(f"/applications/{no}", headers=auth("bureau")).json()["state"] == "withdrawn"
    assert app.post(f"/applications/{no}/withdraw", headers=auth("bureau")).json()["state"] == "withdrawn"
    counts = app.get("/reports/applications/2025", headers=auth("bureau")).json()  # the bureau's overview
    assert counts == {"season": 2025, "grades": [{"grade": 1, "submitted": 1, "withdrawn": 1},
                                                 {"grade": 7, "submitted": 0, "withdrawn": 0}]}
    assert app.get("/reports/applications/2025", headers=auth("platform")).status_code == 403
    app.app.state.clock = lambda: date(2025, 5, 1)
    late = app.post(f"/applications/{other}/withdraw", headers=auth("platform"))
    assert late.status_code == 409 and late.json()["code"] == "withdrawal_closed"
    missing = app.post("/applications/HY2025-1-999999/withdraw", headers=auth("platform"))
    assert missing.status_code == 404


def test_a_cursor_of_other_digits_is_refused_not_a_500(shared_app, auth):
    """``²`` (superscript), ``１`` (full-width) and twenty digits are not cursors this listing gave: 422
    ``invalid_cursor``, never a 500 or a page (issue 18)."""
    for cursor in ("²", "１", "9" * 20, "-1"):
        resp = shared_app.get("/applications", params={"cursor": cursor}, headers=auth("bureau"))
        assert resp.status_code == 422 and resp.json()["code"] == "invalid_cursor", (cursor, resp.text)
