"""``common.schemas.json_ready`` takes plain data directly (issue 15) and must give exactly what FastAPI's
``jsonable_encoder`` with the ``utc_text`` encoder gives, for every shape an answer carries."""

from __future__ import annotations

import enum
from collections import OrderedDict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import UUID

import pytest
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

from common.schemas import json_ready, utc_text

SHANGHAI = timezone(timedelta(hours=8))


class Colour(enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    ONE = 1


class Inner(BaseModel):
    at: datetime
    on: date
    amount: Decimal


class Outer(BaseModel):
    items: list[Inner]
    note: str | None = None
    extra: dict[str, int] = {}


AT = datetime(2025, 4, 30, 9, 0, 0, 250000, tzinfo=SHANGHAI)
INNER = Inner(at=AT, on=date(2025, 5, 1), amount=Decimal("12.50"))
CASES = [
    None, True, 0, 1.5, "文本", [], {}, (1, "a"),
    {"at": AT, "on": date(2025, 5, 1), "n": [1, 2.5, None, False], "nested": {"deep": [{"at": AT}]}},
    {"amount": Decimal("12.50"), "whole": Decimal("3"), "colour": Colour.RED, "level": Level.ONE,
     "id": UUID(int=7), "set": {1}, "ordered": OrderedDict(a=AT)},
    {"_sa_instance_state": 1, "_salary": 2, "kept": 3},  # jsonable_encoder drops "_sa…" keys
    {1: "int key", "s": AT},
    INNER, Outer(items=[INNER, INNER], extra={"_sa_x": 1, "y": 2}),
    {"model": INNER, "models": [INNER], "at": AT},
    [AT, AT.astimezone(timezone.utc), date(2024, 2, 29)],
]


@pytest.mark.parametrize("value", CASES, ids=range(len(CASES)))
def test_json_ready_is_jsonable_encoder_with_utc_text(value):
    assert json_ready(value) == jsonable_encoder(value, custom_encoder={datetime: utc_text})


def test_a_datetime_in_plain_data_is_utc_text_and_in_a_model_pydantics():
    assert json_ready({"at": AT})["at"] == "2025-04-30T01:00:00.250000Z"
    assert json_ready(INNER)["at"] == INNER.model_dump(mode="json")["at"]
