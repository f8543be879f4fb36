"""Test helpers for the verification service: real-looking identifiers computed here (not taken from stdnum's
examples) and case bodies as enrollment sends them."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any


ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ROLES = {
    "platform": ("platform", None), "police": ("department", "police"), "hrss": ("department", "hrss"),
    "housing": ("department", "housing"), "market": ("department", "market"), "bureau": ("bureau", None),
    "finance": ("finance", None), "auditor": ("auditor", None),
    "service:enrollment": ("service", None, "enrollment"), "service:points": ("service", None, "points"),
}


def id_check_char(body17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643): weights 2^(17-i) mod 11."""
    assert ID_WEIGHTS == [pow(2, 17 - i, 11) for i in range(17)]
    total = sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def id_number(birth: date = date(1995, 3, 14), serial: int = 123, region: str = "331003") -> str:
    """A valid ID number (issued in Huangyan by default; stdnum knows 331003 only from 1994 on, see test_ids)."""
    body = f"{region}{birth:%Y%m%d}{serial:03d}"
    return body + id_check_char(body)


def id_number_ending_x(birth: date = date(1990, 5, 1), region: str = "330106") -> str:
    """A valid ID number whose check character is X (searching the serial)."""
    for serial in range(1000):
        number = id_number(birth, serial, region)
        if number.endswith("X"):
            return number
    raise AssertionError("no serial gives X")


def wrong_check(number: str) -> str:
    good = number[-1]
    return number[:-1] + ("0" if good != "0" else "1")


def uscc_check_char(body17: str) -> str:
    """GB 32100 check character: 31 − (Σ value × weight mod 31), 31 → 0."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc(serial: int = 1) -> str:
    body = f"92331003MA2{serial:06d}"  # individual business (9-2) registered in Huangyan
    return body + uscc_check_char(body)


def fresh_key() -> dict[str, str]:
    """An ``Idempotency-Key`` header no other request used (a batch needs one: 400 without)."""
    return {"Idempotency-Key": uuid.uuid4().hex}


def auth_for(auth: Any, role: str) -> dict[str, str]:
    spec = ROLES[role]
    return auth(spec[0], spec[1], spec[2] if len(spec) > 2 else None)


def case_body(no: str, *, serial: int = 1, guardians: int = 2, housing: bool = True, business: bool = True,
              season: int = 2025, grade: int = 1) -> dict[str, Any]:
    """An application as enrollment registers it: guardians 1 (and 2), housing (owned by 1, rented by 2) and a
    business license for guardian 1."""
    people = [{"guardian_no": 1, "name": "张三", "id_number": id_number(date(1995, 1, 1), serial % 1000)},
              {"guardian_no": 2, "name": "李四娘", "id_number": id_number(date(1990, 6, 30), serial % 1000, "330102")}]
    claims: dict[str, Any] = {"housing": [], "business_license": []}
    if housing:
        claims["housing"].append({"guardian_no": 1, "tenure": "owned",
                                  "certificate_no": f"浙(2021)黄岩区不动产权第{serial:07d}号", "share_percent": "50.00"})
        if guardians == 2:
            claims["housing"].append({"guardian_no": 2, "tenure": "rented", "lease_no": f"HYZL-2023-{serial:05d}"})
    if business:
        claims["business_license"].append({"guardian_no": 1, "uscc": uscc(serial)})
    return {"application_no": no, "season": season, "grade": grade, "child_birth_date": "2019-03-01",
            "guardians": people[:guardians], "claims": claims}


PERMIT = {"county_code": "331003", "status": "valid", "issued_on": "2020-05-01", "continuous_since": "2020-05-01",
          "township_code": "331003003"}
INSURANCE = {"county_code": "331003", "active_at_cutoff": True, "continuous_months": 30, "since": "2022-10-01"}


def owned_facts(serial: int = 1, share: str = "50.00") -> dict[str, Any]:
    return {"tenure": "owned", "certificate_no": f"浙(2021)黄岩区不动产权第{serial:07d}号", "share_percent": share,
            "acquired_on": "2021-07-01", "county_code": "331003", "township_code": "331003003"}


def license_facts(code: str) -> dict[str, Any]:
    return {"uscc": code, "entity_type": "individual", "county_code": "331003", "status": "active",
            "established_on": "2019-01-10", "holder_is_guardian": True}
