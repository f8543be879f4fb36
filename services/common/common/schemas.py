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

from fastapi.encoders import jsonable_encoder
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
)
from pydantic_core import PydanticCustomError

from common.examples import (
    HISTORY_PAGE,  # no cycle: common.examples imports no common module
)
from common.refusals import refuse

MAX_FEN = 10**15  # 10 trillion yuan: anything larger is a typo or an attack


ROW_ID_MAX = 2**31 - 1
"""Ids are 32-bit integer columns on both backends: a larger id in a path, query or body is refused (422)."""

RowId = Annotated[int, Strict(), Field(ge=1, le=ROW_ID_MAX)]
"""A row id in a JSON body; booleans, floats and numeric strings refused."""


def _ascii_digits(value: Any) -> Any:
    if isinstance(value, str) and not (value.isascii() and value.isdigit() and len(value) <= 12):
        raise PydanticCustomError("int_parsing", "Input should be a whole number written in ASCII digits (no sign, "
                                  "decimal point, exponent, '_', space or other digits)")
    return value


IntParam = Annotated[int, BeforeValidator(_ascii_digits)]
"""An integer path or query parameter: plain ASCII digits only. Pydantic's lax int takes ``"1.0"``, ``"1e0"``,
``"+1"``, ``" 1"`` and ``"1_0"`` from a URL (``PUT /budget/2027.0`` wrote budget 2027); here they are 422
``validation_error`` with the rule code ``int_parsing``, like ``"twenty"``. Every service's routes use it
(``Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)]``)."""


_APPLICATION_NO_TEXT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


def _application_no_text(value: Any) -> Any:
    if isinstance(value, str) and not _APPLICATION_NO_TEXT.fullmatch(value):
        raise refuse("application_no_format", "an application number is 1-40 ASCII letters, digits, '-' or '_' "
                                              "(HY2025-1-000123)")
    return value


ApplicationNoParam = Annotated[str, BeforeValidator(_application_no_text)]
"""An application number in a path (``/applications/{no}``, ``/scores/{application_no}`` ...): full-width digits,
emoji, bidi controls or 5,000 characters are 422 ``application_no_format`` in every service, never a 404 lookup."""


class StrictModel(BaseModel):
    """Base for write models: unknown fields are refused (422 naming the field)."""

    model_config = ConfigDict(extra="forbid")


DECIMAL_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
"""A decimal as the API takes it: ASCII digits, an optional '-' and fraction. ``Decimal()`` alone would also take
"1_000", " 1", full-width (``１２``) and other Unicode digits, so every decimal field matches this first (money, points,
areas, a rulebook's numbers)."""
_MONEY_TEXT = DECIMAL_TEXT
_DAY_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _money(value: Any) -> Decimal:
    if isinstance(value, Decimal):  # built in Python (from fen, from a row): JSON never yields a Decimal
        value = str(value)
    if not isinstance(value, str):
        raise refuse("money_format", 'money must be a decimal string such as "3000.00", never a JSON number')
    if not _MONEY_TEXT.fullmatch(value):  # Decimal() would take "1_000", full-width and other Unicode digits
        raise refuse("money_format", "money must be plain digits with an optional '-' and at most 2 decimals")
    text = value.strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise refuse("money_format", "money must be a decimal string such as \"3000.00\"") from None
    if not amount.is_finite():
        raise refuse("money_format", "money must be finite")
    if text != value or "e" in text.lower() or text.startswith("+"):
        raise refuse("money_format", "money must be plain digits with an optional '-' and at most 2 decimals")
    if amount.as_tuple().exponent < -2:
        raise refuse("money_format", "money has at most 2 decimals (fen)")
    if abs(amount) * 100 >= MAX_FEN:
        raise refuse("money_format", "amount too large")
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
        raise refuse("date_format", "date must be a string YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise refuse("date_format", f"{value} is no calendar day") from None


Day = Annotated[date, BeforeValidator(_day), Field(description="ISO date YYYY-MM-DD")]
"""A calendar date as ``YYYY-MM-DD``; numbers and impossible dates refused."""

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")  # China keeps no daylight saving time


def utc_text(value: datetime) -> str:
    """The one text of an instant in every answer (issue 17): ISO 8601 in UTC with ``Z`` —
    ``2025-04-30T01:00:00Z``, ``2025-04-30T01:00:00.250000Z`` with microseconds — exactly what pydantic writes for
    a UTC datetime in a response model, so a POST's answer (:func:`json_ready`) and a GET's of the same object
    agree. A naive ``value`` is refused (``ValueError``): every stored time is aware (``common.db.UTCDateTime``)."""
    if value.tzinfo is None:
        raise ValueError("a naive datetime has no instant")
    return value.astimezone(timezone.utc).isoformat().removesuffix("+00:00") + "Z"


def json_ready(value: Any) -> Any:
    """``value`` (a model, a dict of rows' values ...) as JSON-ready data, every datetime as :func:`utc_text`:
    FastAPI's ``jsonable_encoder`` alone writes a datetime inside a dict as ``isoformat()`` (``+00:00``).

    The same data as ``jsonable_encoder(value, custom_encoder={datetime: utc_text})``, which walks every node of
    a big answer through its full type dispatch (a batch's answer of 1,000 items: some 10,000 calls, the largest
    share of a batch write's CPU; issue 15): here plain JSON values, ``dict``, ``list``, ``tuple``, ``datetime`` and
    ``date`` are taken directly, a model is dumped by pydantic as ``jsonable_encoder`` dumps it, and anything else
    (``Decimal``, enums, subclasses ...) still goes through ``jsonable_encoder``."""
    if isinstance(value, BaseModel):  # what jsonable_encoder does with a model: pydantic's JSON dump, then a walk
        return _walk(value.model_dump(mode="json", by_alias=True), _plain)
    return _walk(value, _encoded)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _encoded(value: Any) -> Any:
    return jsonable_encoder(value, custom_encoder={datetime: utc_text})


def _plain(value: Any) -> Any:
    return jsonable_encoder(value)  # jsonable_encoder's walk of a model's dump passes no custom encoder


def _walk(value: Any, other: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict and all(type(k) is str for k in value):  # jsonable_encoder drops "_sa…" keys (SQLAlchemy's)
        return {k: _walk(v, other) for k, v in value.items() if not k.startswith("_sa")}
    if kind is list or kind is tuple:
        return [_walk(v, other) for v in value]
    if kind is datetime and other is _encoded:
        return utc_text(value)
    if kind is date:
        return value.isoformat()
    return other(value)


def day_in_shanghai(at: datetime | None = None) -> date:
    """The calendar day people in Huangyan see at ``at`` (an aware datetime; default now): dates that people
    enter or read (a payment day, a publication window) are Asia/Shanghai days, timestamps are stored in UTC."""
    return (at or datetime.now(timezone.utc)).astimezone(SHANGHAI).date()

_TIMESTAMP_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}.*")


def _timestamp(value: Any) -> Any:
    if isinstance(value, datetime):  # built in Python (from a row): JSON never yields a datetime
        return value
    if not isinstance(value, str) or not _TIMESTAMP_TEXT.fullmatch(value):  # no epoch numbers, even as text
        raise refuse("datetime_format",
                     "datetime must be ISO 8601 text with its offset, e.g. 2025-04-30T09:00:00+08:00")
    return value


Timestamp = Annotated[AwareDatetime, BeforeValidator(_timestamp)]
"""An ISO 8601 datetime with its offset; naive datetimes refused."""

Count = Annotated[int, Strict(), Field(ge=0, le=1_000_000_000)]
"""A non-negative integer; booleans, floats and numeric strings refused."""

Flag = Annotated[bool, Strict()]


def _grade(value: int) -> int:
    if value not in (1, 7):
        raise refuse("grade_unknown", "grade must be 1 or 7")
    return value


Grade = Annotated[int, Strict(), AfterValidator(_grade), Field(description="entry grade: 1 (primary) or 7 (junior)")]
GradeParam = Annotated[IntParam, AfterValidator(_grade)]
"""A ``?grade=`` query parameter: 1 or 7 in ASCII digits; another grade is 422 ``grade_unknown`` on every list (the
suite runs no other grade, so an empty 200 would hide the typo)."""
"""The entry grade, 1 or 7; ``true``, ``1.0`` and ``"1"`` refused (a lax ``Literal[1, 7]`` takes ``true``)."""

MAX_GUARDIANS = 2
"""A family names one or two guardians (BRIEF §4 step 2); ``guardian_no`` is a guardian's position, 1 or 2."""


def _guardian_position(value: int) -> int:
    if not 1 <= value <= MAX_GUARDIANS:
        raise refuse("guardian_no_range", f"guardian_no {value} is no guardian's position: a family has guardians "
                                          f"1 to {MAX_GUARDIANS}")
    return value


def _guardian_reference(value: int) -> int:
    if not 1 <= value <= MAX_GUARDIANS:
        raise refuse("unknown_guardian", f"guardian_no {value} names no guardian: a family has guardians 1 to "
                                         f"{MAX_GUARDIANS}")
    return value


_GUARDIAN_BOUNDS = {"minimum": 1, "maximum": MAX_GUARDIANS}
GuardianNo = Annotated[int, Strict(), AfterValidator(_guardian_position),
                       Field(description="1 or 2: the guardian's position", json_schema_extra=_GUARDIAN_BOUNDS)]
"""A guardian's own position in its family's list (``guardians[].guardian_no``): another number is 422
``guardian_no_range``; ``true`` and ``1.0`` are ``int_type``."""
GuardianRef = Annotated[int, Strict(), AfterValidator(_guardian_reference),
                        Field(description="1 or 2: the guardian this names (its guardian_no)",
                              json_schema_extra=_GUARDIAN_BOUNDS)]
"""A reference to one of the family's guardians (a claim's, a disputed fact's, a re-check's ``guardian_no``): a
number beyond any family's guardians (0, 3, ...) is 422 ``unknown_guardian``, the code a claim naming a guardian
the family has not listed gets from the rules across fields (enrollment ``rules.check_application``, verification
``CaseIn``), so a platform switches on one code whichever bound the number broke."""


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: text shown to staff could be made to read differently from what is stored."""


_REFUSED_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What :func:`_text` refuses, as one character class: the categories Cc (U+0000–001F, U+007F–009F) but newline
and tab, Cs (lone surrogates), Zl and Zp (U+2028, U+2029) — fixed sets by Unicode's stability policy — and
:data:`BIDI_CONTROLS` (the same set as asking ``unicodedata.category`` of each character, checked over every code
point, at a fraction of the cost: issue 15)."""


def _text(value: str) -> str:
    if (found := _REFUSED_TEXT.search(value)) is not None:
        raise refuse("text_characters", f"text contains a control, bidi or invalid character U+{ord(found[0]):04X}")
    return value


def _words(value: str) -> str:
    for ch in value:
        if not (unicodedata.category(ch)[0] in "LMN" or ch in " ·-()（）/"):
            raise refuse("text_characters", f"only words are taken here, not U+{ord(ch):04X} (an emoji, a symbol or a "
                                            "format character)")
    return value


PlainText = Annotated[str, Strict(), AfterValidator(_text)]
"""Free text (notes, reasons, grounds, document numbers, school names): NUL, other C0/C1 control characters, bidi
embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) and lone surrogates refused (PostgreSQL cannot store
NUL); newlines and tabs allowed. Bound it with :func:`text` (not ``Annotated[PlainText, Field(max_length=...)]``)."""


def text(*, max_length: int, min_length: int | None = None, words: bool = False, **field: Any) -> Any:
    """:data:`PlainText` (``words``: :data:`WordsText`) of ``min_length``–``max_length`` characters, the bounds (and
    a ``pattern``) checked on the string before its characters: too long is pydantic's ``string_too_long`` ("String
    should have at most 2000 characters"). A ``Field`` put after the character check instead is checked as a
    generic length, answered ``too_long`` "at most 2000 items" (数组元素太多), as if the text were a list."""
    checks = (AfterValidator(_text), AfterValidator(_words)) if words else (AfterValidator(_text),)
    return Annotated[str, Strict(), Field(min_length=min_length, max_length=max_length, **field), *checks]


WordsText = Annotated[PlainText, AfterValidator(_words)]
"""A short label of words (a guardian's relation 父亲 / 外祖母 / legal guardian): letters, marks, digits, spaces and
``·-()（）/`` only; an emoji, a symbol or a format character is 422 ``text_characters``. Bounded: ``text(words=True)``."""



MIDDLE_DOT = "\u00b7"
DOT_LOOKALIKES = "\u2022\u30fb\u2027\uff0e.\uff65\u2219\u22c5\u0387\u2e31"
"""Look-alikes of the middle dot (·, U+00B7) that separates the parts of a minority name (阿依古丽·买买提), as input
methods and forms produce them: • U+2022, ・ U+30FB, ‧ U+2027, ． U+FF0E, ".", ･ U+FF65, ∙ U+2219, ⋅ U+22C5,
· U+0387, ⸱ U+2E31. They are folded to U+00B7 (docs/api.md, Names), the one form the registries file."""
_FOLD_DOTS = str.maketrans({ch: MIDDLE_DOT for ch in DOT_LOOKALIKES})


def _name_char_ok(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat == "Cn":  # CJK extensions newer than this Python's Unicode tables (Ext-H, Ext-I ...) are real names
        return 0x20000 <= ord(ch) <= 0x3FFFF
    if ch in "\ufe0e\ufe0f":  # text / emoji presentation selectors: marks, but they make an emoji of a letter
        return False
    return cat[0] == "L" or cat in ("Mn", "Mc", "Nl")  # letters, combining marks (not enclosing ones), 〇 U+3007


NAME_SEPARATORS = MIDDLE_DOT + " -'\u2019"
"""What may stand between the parts of a name: the middle dot, and for names in Latin script (Nur·Ahmat,
Mary-Jane O'Neil) a space, a hyphen and an apostrophe — one at a time, never at either end."""


def check_name(value: str) -> str:
    """A person's name as the registries hold it (rule ``name_characters``): letters of any script (incl. CJK
    extensions beyond the BMP and the compatibility ideographs such as 林 U+F91D), combining marks, 〇, and
    :data:`NAME_SEPARATORS` between parts; the dot's look-alikes (:data:`DOT_LOOKALIKES`) are folded to U+00B7.
    Refused: digits, emoji and other symbols, other punctuation, control and format characters (zero-width
    spaces, direction overrides), private-use characters and lone surrogates, a separator at either end or two in
    a row. No Unicode normalisation: a name is stored as sent (NFC would turn U+F91D into U+6B04, and a police
    registry would not match it)."""
    name = value.translate(_FOLD_DOTS)
    for ch in name:
        if ch not in NAME_SEPARATORS and not _name_char_ok(ch):
            raise refuse("name_characters", f"name contains U+{ord(ch):04X} ({unicodedata.name(ch, 'unnamed')}), "
                                            "which is not a letter or the middle dot")
    if not name or name[0] in NAME_SEPARATORS or name[-1] in NAME_SEPARATORS or any(
            a in NAME_SEPARATORS and b in NAME_SEPARATORS for a, b in zip(name, name[1:])):
        raise refuse("name_characters", "a name is letters, with one middle dot (or, in Latin script, one space, "
                                        "hyphen or apostrophe) at a time between its parts")
    return name


PersonName = Annotated[str, Strict(), Field(min_length=1, max_length=64), AfterValidator(check_name)]
"""A person's name (:func:`check_name`): any letters incl. CJK extensions beyond the BMP and the middle dot (·)
of minority names, stored as sent; symbols, emoji, digits and control characters refused."""


def _phone(value: str) -> str:
    digits = value.replace("-", "")
    if len(digits) == 11 and digits.isascii() and digits.isdigit() and digits[0] == "1" and digits[1] in "3456789":
        return digits
    if digits.isascii() and digits.isdigit() and digits.startswith("0") and 10 <= len(digits) <= 12:
        return value
    raise refuse("phone_format",
                 "phone must be a mainland mobile (11 digits starting 13–19) or a landline with area code")


Phone = Annotated[str, Strict(), Field(min_length=7, max_length=16), AfterValidator(_phone)]


class Page(BaseModel):
    """A page of a listing: ``items`` and the ``next_cursor`` to pass back (``None`` on the last page)."""

    model_config = ConfigDict(json_schema_extra={"examples": [HISTORY_PAGE]})

    items: list[Any]
    next_cursor: str | None = None
