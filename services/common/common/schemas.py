"""Pydantic v2 building blocks for every service's request and response models.

Write models subclass :class:`StrictModel` (unknown fields refused, so no caller can set a status or a score).
Field types refuse what cannot be stored exactly: booleans or floats where integers are due, numbers where dates
are due, naive datetimes, money as JSON numbers or with more than 2 decimals.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, Strict

MAX_FEN = 10**15  # 10 trillion yuan: anything larger is a typo or an attack


ROW_ID_MAX = 2**31 - 1
"""Ids are 32-bit integer columns on both backends: a larger id in a path, query or body is refused (422)."""

RowId = Annotated[int, Strict(), Field(ge=1, le=ROW_ID_MAX)]
"""A row id in a JSON body; booleans, floats and numeric strings refused."""


class StrictModel(BaseModel):
    """Base for write models: unknown fields are refused (422 naming the field)."""

    model_config = ConfigDict(extra="forbid")


def _require_str(kind: str):
    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"{kind} must be a string")
        return value

    return check


_MONEY_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_DAY_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _money(value: Any) -> Decimal:
    if isinstance(value, Decimal):  # built in Python (from fen, from a row): JSON never yields a Decimal
        value = str(value)
    if not isinstance(value, str):
        raise ValueError('money must be a decimal string such as "3000.00", never a JSON number')
    if not _MONEY_TEXT.fullmatch(value):  # Decimal() would take "1_000", full-width and other Unicode digits
        raise ValueError("money must be plain digits with an optional '-' and at most 2 decimals")
    text = value.strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError("money must be a decimal string such as \"3000.00\"") from None
    if not amount.is_finite():
        raise ValueError("money must be finite")
    if text != value or "e" in text.lower() or text.startswith("+"):
        raise ValueError("money must be plain digits with an optional '-' and at most 2 decimals")
    if amount.as_tuple().exponent < -2:
        raise ValueError("money has at most 2 decimals (fen)")
    if abs(amount) * 100 >= MAX_FEN:
        raise ValueError("amount too large")
    return amount.quantize(Decimal("0.01"))


def yuan_to_fen(amount: Decimal) -> int:
    """Exact conversion of a 2-decimal yuan amount to integer fen."""
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def fen_to_yuan(fen: int) -> str:
    """Integer fen → decimal string with 2 places: ``300000`` → ``"3000.00"``."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


Money = Annotated[Decimal, BeforeValidator(_money), PlainSerializer(lambda d: f"{d:.2f}", return_type=str)]
"""Yuan as a decimal string with at most 2 places ("3000.00"); JSON numbers, NaN, exponents refused."""

NonNegativeMoney = Annotated[Money, Field(ge=0)]
PositiveMoney = Annotated[Money, Field(gt=0)]

def _day(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):  # built in Python: JSON never yields a date
        return value
    if not isinstance(value, str) or not _DAY_TEXT.fullmatch(value):  # no timestamps, no times, no Unicode digits
        raise ValueError("date must be a string YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(_day), Field(description="ISO date YYYY-MM-DD")]
"""A calendar date as ``YYYY-MM-DD``; numbers and impossible dates refused."""

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")  # China keeps no daylight saving time


def day_in_shanghai(at: datetime | None = None) -> date:
    """The calendar day people in Huangyan see at ``at`` (an aware datetime; default now): dates that people
    enter or read (a payment day, a publication window) are Asia/Shanghai days, timestamps are stored in UTC."""
    return (at or datetime.now(timezone.utc)).astimezone(SHANGHAI).date()

_TIMESTAMP_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}.*")


def _timestamp(value: Any) -> Any:
    if isinstance(value, datetime):  # built in Python (from a row): JSON never yields a datetime
        return value
    if not isinstance(value, str) or not _TIMESTAMP_TEXT.fullmatch(value):  # no epoch numbers, even as text
        raise ValueError("datetime must be ISO 8601 text with its offset, e.g. 2025-04-30T09:00:00+08:00")
    return value


Timestamp = Annotated[AwareDatetime, BeforeValidator(_timestamp)]
"""An ISO 8601 datetime with its offset; naive datetimes refused."""

Count = Annotated[int, Strict(), Field(ge=0, le=1_000_000_000)]
"""A non-negative integer; booleans, floats and numeric strings refused."""

Flag = Annotated[bool, Strict()]


def _grade(value: int) -> int:
    if value not in (1, 7):
        raise ValueError("grade must be 1 or 7")
    return value


Grade = Annotated[int, Strict(), AfterValidator(_grade), Field(description="entry grade: 1 (primary) or 7 (junior)")]
"""The entry grade, 1 or 7; ``true``, ``1.0`` and ``"1"`` refused (a lax ``Literal[1, 7]`` takes ``true``)."""

GuardianNo = Annotated[int, Strict(), Field(ge=1, le=2, description="1 or 2: the guardian's position")]


def _text(value: str) -> str:
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") and ch not in "\n\t":
            raise ValueError(f"text contains a control or invalid character U+{ord(ch):04X}")
    return value


PlainText = Annotated[str, Strict(), AfterValidator(_text)]
"""Free text (notes, reasons, document numbers, school names): NUL, other control characters and lone surrogates
refused (PostgreSQL cannot store NUL); newlines and tabs allowed. Add a ``Field(max_length=...)``."""


def _name(value: str) -> str:
    if not value or value != value.strip():
        raise ValueError("name must be non-empty without leading or trailing spaces")
    for ch in value:
        cat = unicodedata.category(ch)
        if cat == "Cn" and 0x20000 <= ord(ch) <= 0x3FFFF:
            continue  # CJK extensions newer than this Python's Unicode tables (Ext-H, Ext-I ...) are real names
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or ch == "\x00":
            raise ValueError(f"name contains a control or invalid character U+{ord(ch):04X}")
    return unicodedata.normalize("NFC", value)


PersonName = Annotated[str, Strict(), Field(min_length=1, max_length=64), AfterValidator(_name)]
"""A person's name: any letters incl. CJK extensions beyond the BMP and the middle dot (·) of minority names;
control characters, lone surrogates, NUL refused."""


def _phone(value: str) -> str:
    digits = value.replace("-", "")
    if len(digits) == 11 and digits.isascii() and digits.isdigit() and digits[0] == "1" and digits[1] in "3456789":
        return digits
    if digits.isascii() and digits.isdigit() and digits.startswith("0") and 10 <= len(digits) <= 12:
        return value
    raise ValueError("phone must be a mainland mobile (11 digits starting 13–19) or a landline with area code")


Phone = Annotated[str, Strict(), Field(min_length=7, max_length=16), AfterValidator(_phone)]


class Page(BaseModel):
    """A page of a listing: ``items`` and the ``next_cursor`` to pass back (``None`` on the last page)."""

    items: list[Any]
    next_cursor: str | None = None
