"""Synthetic identifiers for the demo cohort: resident ID numbers and unified social credit codes.

The check characters are computed here (not with the library the services validate with), so the services'
validation is tested against numbers made independently:

- ID number (居民身份证号码, GB 11643-1999): 6-digit issuing county, 8-digit birth date, 3-digit sequence (odd for
  men, even for women), check character by ISO 7064 MOD 11-2 (``X`` for 10).
- USCC (统一社会信用代码, GB 32100-2015): registration authority (1 char), entity category (1), 6-digit county,
  9-character organisation code (GB 11714: 8 characters and a MOD 11 check), check character MOD 31.

Nothing here is a real person's or business's number except by coincidence of the arithmetic.
"""

from __future__ import annotations

from datetime import date

ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
ID_CHECK = "10X98765432"  # check character for (sum mod 11) = 0..10

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**i mod 31
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(body17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number."""
    if len(body17) != 17 or not body17.isascii() or not body17.isdigit():
        raise ValueError("an ID number body is 17 ASCII digits")
    return ID_CHECK[sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS)) % 11]


def id_number(county: str, birth: date, sequence: int) -> str:
    """An 18-character ID number: ``county`` (6 digits) + ``birth`` (YYYYMMDD) + ``sequence`` (0–999) + check.

    The sequence's parity carries the sex (odd: male); the caller chooses it.
    """
    if len(county) != 6 or not county.isdigit():
        raise ValueError("county is 6 digits")
    if not 0 <= sequence <= 999:
        raise ValueError("sequence is 0-999")
    body = f"{county}{birth:%Y%m%d}{sequence:03d}"
    return body + id_check_char(body)


def _org_value(ch: str) -> int:
    """GB 11714 character value: digits as themselves, letters A=10 … Z=35."""
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def org_check_char(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation code body (``X`` for 10, ``0`` for 11)."""
    check = 11 - sum(_org_value(c) * w for c, w in zip(body8, ORG_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def uscc_check_char(body17: str) -> str:
    """GB 32100 check character (MOD 31 over the 31-character alphabet) of the first 17 characters."""
    if len(body17) != 17 or any(c not in USCC_ALPHABET for c in body17):
        raise ValueError("a USCC body is 17 characters from 0-9A-HJ-NPQRTUWXY")
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc(county: str, org_body8: str, *, individual: bool = True) -> str:
    """A unified social credit code registered by market supervision (authority ``9``): category ``2``
    (个体工商户, individual business) or ``1`` (enterprise), then ``county``, the organisation code and the check.

    ``org_body8`` uses digits and the letters of the USCC alphabet, so the GB 11714 check stays inside it
    (its ``X`` is in the alphabet).
    """
    if any(c not in USCC_ALPHABET for c in org_body8) or len(org_body8) != 8:
        raise ValueError("organisation body is 8 characters from the USCC alphabet")
    body = f"9{'2' if individual else '1'}{county}{org_body8}{org_check_char(org_body8)}"
    return body + uscc_check_char(body)
