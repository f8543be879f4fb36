"""Identifier checks at the edge (BRIEF §9), on top of python-stdnum.

python-stdnum checks the GB 11643 check character and the birth date's calendar validity, and the GB 32100 check
character. It does NOT refuse full-width or other non-ASCII digits (``str.isdigit`` accepts them), nor a birth date
in the future, nor the 15-digit pre-1999 format with a clear message; those rules are ours. Its ``ric.validate``
also ties the county code to the birth year, which is wrong for issued numbers (see :func:`check_id_number`), so we
use only its check-digit helper (the birth date is read from the digits, as its helper reads them).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, Field, Strict
from stdnum import numdb
from stdnum.cn import ric, uscc

from common.refusals import refuse
from common.schemas import day_in_shanghai

_AREAS = numdb.get("cn/loc")

_USCC_ALPHABET = set("0123456789ABCDEFGHJKLMNPQRTUWXY")


def check_id_number(value: str, *, today: date | None = None) -> str:
    """Validate a resident ID number (居民身份证号码, GB 11643) and return it with an uppercase ``X``.

    Raises the rule's error (:func:`common.refusals.refuse`, a ``ValueError``) with the reason, in this order:
    ``id_format`` (not a string, non-ASCII characters — full-width digits, look-alike letters —, spaces, the
    15-digit pre-1999 format, a length other than 18, not 17 digits and 0-9/X), ``id_birth_date`` (impossible,
    future or before 1900), ``id_checksum`` (ISO 7064 MOD 11-2), ``id_area`` (an area code naming no province:
    ``000000``, ``99…``).
    """
    if not isinstance(value, str):
        raise refuse("id_format", "ID number must be a string")
    if not value.isascii():
        raise refuse("id_format", "ID number has non-ASCII characters (full-width digits or look-alike letters)")
    if any(ch.isspace() for ch in value):
        raise refuse("id_format", "ID number must not contain spaces")
    if len(value) == 15 and value.isdigit():
        raise refuse("id_format",
                     "15-digit ID numbers (pre-1999 format) are not accepted; give the 18-character number")
    if len(value) != 18:
        raise refuse("id_format", "ID number must have 18 characters")
    number = value.upper()
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise refuse("id_format", "ID number must be 17 digits and a check character (0-9 or X)")
    try:  # stdnum's get_birth_date reads the same digits after a clean-up that finds nothing to clean here (the
        # checks above): that clean-up was most of this check's CPU, run for every ID of every submit (issue 15)
        birth = birth_date_of(number)
    except ValueError:
        raise refuse("id_birth_date", "ID number has an impossible birth date") from None
    if birth > (today or day_in_shanghai()) or birth.year < 1900:  # the Asia/Shanghai day, not the server's
        raise refuse("id_birth_date", "ID number has a birth date in the future or before 1900")
    # Not ric.validate: it also refuses a county code that did not exist in the birth year (331003, Huangyan
    # District since 1994, for every guardian born before 1994), but the first six digits are where the number
    # was issued, not where or when the holder was born (BRIEF §9).
    if ric.calc_check_digit(number) != number[17]:
        raise refuse("id_checksum", "ID number check character does not match (GB 11643 / ISO 7064 MOD 11-2)")
    if not _known_province(number[:2]):
        raise refuse("id_area", f"ID number's area code {number[:6]} names no province (GB/T 2260)")
    return number


@lru_cache(maxsize=128)  # two digits: at most 100 answers, each a walk of stdnum's GB/T 2260 table (issue 15)
def _known_province(code: str) -> bool:
    """Whether the two digits name a province-level division in python-stdnum's GB/T 2260 data. Only the province:
    a county code refused by mistake would keep a family from applying, and stdnum ties counties to years."""
    return any(part == code and props.get("province") for part, props in _AREAS.info(code + "0000"))


def birth_date_of(id_number: str) -> date:
    """Birth date encoded in positions 7–14 of an ID number of the checked form (17 digits and a check character:
    :func:`check_id_number` reads it so), as python-stdnum's ``ric.get_birth_date`` reads it without its clean-up
    of the text; ``ValueError`` for an impossible date. Read from the digits here: stdnum's clean-up of the number
    cost a submit some 5 % of its CPU (issue 15)."""
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def check_uscc(value: str, *, verify_checksum: bool = True) -> str:
    """Validate a unified social credit code (统一社会信用代码, GB 32100): 18 characters from
    ``0-9A-HJ-NPQRTUWXY``, check character MOD 31. ``verify_checksum=False`` keeps the shape check only
    (the market department's registry is the authority on a code it confirms). Rules: ``uscc_format``,
    ``uscc_checksum``. Not python-stdnum's ``uscc.validate``: it takes a code with spaces or dashes (it compacts
    them), and it refuses a code whose first 8 characters are not all digits, though GB 32100's registration
    authority ``Y`` (其他) and ``N`` (农业) are letters; its check-digit helper is used on our alphabet check."""
    if not isinstance(value, str) or not value.isascii():
        raise refuse("uscc_format", "USCC has non-ASCII characters")
    code = value.upper()
    if len(code) != 18 or not set(code) <= _USCC_ALPHABET:
        raise refuse("uscc_format", "USCC must be 18 characters from 0-9A-HJ-NPQRTUWXY")
    if verify_checksum:
        if uscc.calc_check_digit(code[:17]) != code[17]:
            raise refuse("uscc_checksum", "USCC check character does not match (GB 32100)")
    return code


IdNumber = Annotated[str, Strict(), Field(min_length=1, max_length=32, description="居民身份证号码 (GB 11643)"),
                     AfterValidator(check_id_number)]
USCC = Annotated[str, Strict(), Field(min_length=1, max_length=32, description="统一社会信用代码 (GB 32100)"),
                 AfterValidator(check_uscc)]
USCCShape = Annotated[str, Strict(), Field(min_length=18, max_length=18),
                      AfterValidator(lambda v: check_uscc(v, verify_checksum=False))]
