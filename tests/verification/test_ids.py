"""Identifier rules at the edge (BRIEF §9, issue 3): check characters computed here with ISO 7064 MOD 11-2 and
GB 32100 MOD 31, not taken from stdnum's examples; each rule also through ``POST /cases``."""

from datetime import date, timedelta

import pytest
from pydantic import TypeAdapter, ValidationError

from common.ids import USCC, IdNumber, USCCShape, check_id_number
from common.schemas import day_in_shanghai
from verification_kit import case_body, id_check_char, id_number, id_number_ending_x, uscc, uscc_check_char, \
    wrong_check

ID = TypeAdapter(IdNumber)
TOMORROW = day_in_shanghai() + timedelta(days=1)  # the ID check's day is Asia/Shanghai's, not the host's


def test_check_characters_agree_with_the_standard_and_stdnum():
    from stdnum.cn import ric
    from stdnum.cn import uscc as std_uscc

    assert id_check_char("11010519491231002") == "X"  # the worked example of GB 11643-1999
    for serial in range(0, 1000, 37):  # two independent implementations agree on many bodies
        body = f"33100319950314{serial:03d}"
        assert ric.calc_check_digit(body + "0") == id_check_char(body)
        code = uscc(serial)
        assert std_uscc.calc_check_digit(code[:17]) == code[-1]


@pytest.mark.parametrize("number", [
    id_number(date(1995, 3, 14), 123),
    id_number(date(2000, 2, 29), 7, "330102"),            # leap day
    id_number(date(1985, 12, 31), 999, "510722"),
    id_number(date(1980, 1, 1), 5, "331081"),             # Wenling, a code from 1994, holder born before
    id_number(date(1990, 6, 1), 5, "810000"),             # Hong Kong, Macao and Taiwan residents' codes
    id_number(date(1990, 6, 1), 6, "820000"),
    id_number(date(1990, 6, 1), 7, "710000"),
    id_number_ending_x(),
])
def test_valid_id_numbers_pass(number):
    assert ID.validate_python(number) == number


def test_lowercase_x_is_accepted_and_stored_uppercase():
    number = id_number_ending_x()
    assert ID.validate_python(number.lower()) == number


BAD_IDS = {
    "wrong check character": wrong_check(id_number()),
    "30 February": (lambda b: b + id_check_char(b))("33100319950230123"),
    "month 13": (lambda b: b + id_check_char(b))("33100319951301123"),
    "born tomorrow": (lambda b: b + id_check_char(b))(f"331003{TOMORROW:%Y%m%d}123"),
    "15-digit pre-1999 format": "331003950314123",
    "full-width digits": id_number().translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}),
    "Cyrillic Х as check": id_number_ending_x()[:-1] + "\u0425",
    "space inside": id_number()[:6] + " " + id_number()[6:],
    "trailing space": id_number() + " ",
    "letter inside": "33100319950314A23" + "0",
    "17 characters": id_number()[:17],
    "area code of no province": (lambda b: b + id_check_char(b))("00000020190301123"),
    "area code 99": (lambda b: b + id_check_char(b))("99000020190301123"),
}


@pytest.mark.parametrize("reason", BAD_IDS)
def test_invalid_id_numbers_are_refused(reason):
    with pytest.raises(ValidationError):
        ID.validate_python(BAD_IDS[reason])


def test_reasons_name_the_rule():
    with pytest.raises(ValueError, match="future"):
        check_id_number(BAD_IDS["born tomorrow"])
    with pytest.raises(ValueError, match="15-digit"):
        check_id_number(BAD_IDS["15-digit pre-1999 format"])
    with pytest.raises(ValueError, match="non-ASCII"):
        check_id_number(BAD_IDS["full-width digits"])
    with pytest.raises(ValueError, match="impossible birth date"):
        check_id_number(BAD_IDS["30 February"])


def _stdnum_knows_huangyan_before_1994() -> bool:
    try:
        check_id_number(id_number(date(1988, 1, 1), 123))
        return True
    except ValueError:
        return False


@pytest.mark.xfail(not _stdnum_knows_huangyan_before_1994(), strict=True,
                   reason="common.ids calls stdnum ric.validate, whose birth-place table dates 331003 (黄岩区) from "
                          "1994; BRIEF §9: the prefix is where the number was issued, not where/when born")
def test_huangyan_number_of_a_parent_born_before_1994_passes():
    assert check_id_number(id_number(date(1988, 1, 1), 123)) == id_number(date(1988, 1, 1), 123)


@pytest.mark.parametrize("code", [uscc(1), uscc(424242), "91330000MA27U8BE5" + uscc_check_char("91330000MA27U8BE5")])
def test_valid_uscc_pass_both_checks(code):
    assert TypeAdapter(USCC).validate_python(code) == code
    assert TypeAdapter(USCCShape).validate_python(code.lower()) == code


def test_uscc_checksum_failure_passes_shape_only():
    bad = uscc(1)[:-1] + next(c for c in "0123456789" if c != uscc(1)[-1])
    with pytest.raises(ValidationError, match="check character"):
        TypeAdapter(USCC).validate_python(bad)
    assert TypeAdapter(USCCShape).validate_python(bad) == bad


@pytest.mark.parametrize("code", ["92331003MA2000001I"[:17] + "I",   # I is not in the alphabet
                                  "92331003MA20000O1" + "1",          # nor O
                                  "92331003MA200001",                 # 16 characters
                                  "９2331003MA2000001" + "1",          # full-width digit
                                  "92331003MA2000 011"])
def test_bad_uscc_shapes_are_refused(code):
    with pytest.raises(ValidationError):
        TypeAdapter(USCCShape).validate_python(code)


# ---- through the API (SQLite only: the checks run before the database is touched) ------------------------------

@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.mark.parametrize("reason", ["wrong check character", "born tomorrow", "15-digit pre-1999 format",
                                    "full-width digits", "Cyrillic Х as check", "space inside", "30 February"])
def test_case_with_bad_guardian_id_is_422(verification, as_role, reason):
    body = case_body("HY2025-1-000009")
    body["guardians"][1]["id_number"] = BAD_IDS[reason]
    resp = verification.post("/cases", json=body, headers=as_role("service:enrollment"))
    assert resp.status_code == 422, resp.text
    assert resp.json()["field"] == "guardians.1.id_number"
    assert verification.get("/queue", headers=as_role("police")).json()["items"] == []


def test_case_stores_lowercase_x_as_uppercase(verification, as_role):
    body = case_body("HY2025-1-000010", guardians=1)
    body["guardians"][0]["id_number"] = id_number_ending_x().lower()
    assert verification.post("/cases", json=body, headers=as_role("service:enrollment")).status_code == 201
    [item] = verification.get("/queue", headers=as_role("police")).json()["items"]
    assert item["subject_id_number"] == id_number_ending_x()


def test_market_may_confirm_a_code_failing_the_checksum(verification, as_role):
    """The registry is the authority: a code with a bad check character, claimed and confirmed, is stored."""
    bad = uscc(7)[:-1] + next(c for c in "0123456789" if c != uscc(7)[-1])
    body = case_body("HY2025-1-000011", guardians=1, housing=False)
    body["claims"]["business_license"][0]["uscc"] = bad.lower()
    reqs = verification.post("/cases", json=body, headers=as_role("service:enrollment")).json()["requests"]
    rid = next(r["id"] for r in reqs if r["kind"] == "business_license")
    from verification_kit import license_facts
    resp = verification.post(f"/requests/{rid}/results", json={"outcome": "confirmed", "facts": license_facts(bad)},
                             headers=as_role("market", **{"Idempotency-Key": "m-1"}))
    assert resp.status_code == 201, resp.text
    assert resp.json()["facts"]["uscc"] == bad
