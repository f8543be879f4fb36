"""Realistic examples on every request and response model (issue 17), as the OpenAPI documents show them.

Each service keeps its example values in one small module (``<service>/examples.py``): a table ``VALUES`` of field
name → candidate values (valid Huangyan data: ID numbers with their GB 11643 check character computed by
python-stdnum, school codes of the bundled ``data/``, yuan as strings with 2 decimals, times in one format) and,
for the models whose example must tell a whole story (an application, a rulebook), the whole example, set in the
model's ``model_config`` (``json_schema_extra={"examples": [...]}``).

:func:`attach` gives every other model of a ``schemas`` module an example composed from its fields: the first
candidate of the table that the field's type accepts (a ``"Model.field"`` key before ``"field"``), else the
field's own ``Field(examples=...)``, else a nested model's example, else the first value of a ``Literal``, else its
default. A model whose required field finds nothing gets an incomplete example, which
``tests/contract/test_openapi_examples.py`` refuses (every example is validated by the model it illustrates).
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from stdnum.cn import ric, uscc

_NOTHING = object()


def id_number(county: str, birth: date, serial: int, sex: str = "M") -> str:
    """A GB 11643 ID number with its check character computed by python-stdnum (serial 1–99; the sequence digit
    is odd for ``M``, even for ``F``)."""
    body = f"{county}{birth:%Y%m%d}{serial:02d}{(1 if sex == 'M' else 2)}"
    return body + ric.calc_check_digit(body + "0")  # stdnum takes the number with a check character, ignores it


CHILD_ID = id_number("331003", date(2018, 3, 15), 12, "F")
"""The examples' child: a girl born 15 March 2018 (7 on 31 August 2025: grade 1 of season 2025)."""
GUARDIAN_ID = id_number("330326", date(1988, 5, 6), 41, "M")
"""Her father: issued in Pingyang County (330326), born 6 May 1988."""
GUARDIAN2_ID = id_number("331003", date(1990, 11, 20), 52, "F")
"""Her mother: issued in Huangyan (331003), born 20 November 1990."""

USCC = "92331003MA2G8K3L5" + uscc.calc_check_digit("92331003MA2G8K3L5")
"""The father's shop: an individual business (92) registered in Huangyan, its GB 32100 check character computed."""

COMMON: dict[str, list[Any]] = {
    "season": [2025],
    "grade": [1],
    "application_no": ["HY2025-1-000123"],
    "application_nos": [["HY2025-1-000123", "HY2025-1-000124"]],
    "school_code": ["HYGP00301"],
    "to_school_code": ["HYMP00302"],
    "township_code": ["331003003"],
    "residence_township_code": ["331003003"],
    "catchment_townships": [["331003003"]],
    "county_code": ["331003"],
    "guardian_no": [1],
    "department": ["police"],
    "kind": ["residence_permit"],
    "rulebook_id": ["HY-2025-v1"],
    "semester": ["2025-autumn"],
    "id": [17, "HY-2025-v1"],
    "version": [2],
    "seq": [42],
    "total": [1, "87.20"],
    "done": [1],
    "next_cursor": [None],
    "detail": ["ID number check character does not match (GB 11643 / ISO 7064 MOD 11-2)"],
    "code": ["id_checksum"],
    "field": ["child.id_number"],
    "error": [None],
    "last_error": [None],
    "created_by": ["bureau:bureau-1"],
    "decided_by": ["bureau:bureau-1"],
    "recorded_by": ["bureau:bureau-1"],
    "confirmed_by": ["school:HYMP00301"],
    "note": ["办学成本与原收费标准孰低 (lower of operating cost and original fee)"],
    "reason": ["家长对居住证起始日有异议 (the family disputes the permit's start date)"],
    # one format for every time: UTC with Z, as the answers give them
    "created_at": ["2025-05-06T01:30:00Z"],
    "updated_at": ["2025-05-06T01:30:00Z"],
    "submitted_at": ["2025-05-06T01:30:00Z"],
    "recorded_at": ["2025-09-15T02:00:00Z"],
    "published_at": ["2025-07-01T02:00:00Z"],
    "finished_at": ["2025-06-03T08:00:05Z"],
    "scored_at": ["2025-06-03T08:00:04Z"],
    "lodged_at": ["2025-07-02T03:15:00Z"],
    "decided_at": ["2025-07-04T06:40:00Z"],
    "approved_at": ["2025-12-20T07:00:00Z"],
    "confirmed_at": ["2025-09-20T01:00:00Z"],
    "checked_at": ["2025-07-01T01:59:58Z"],
    "answered_at": ["2025-05-08T02:30:00Z"],
    "at": ["2025-05-06T01:30:00Z"],
    "cutoff_date": ["2025-04-30"],
    "start_date": ["2025-09-01"],
    "end_date": ["2026-01-16"],
    "starts_on": ["2025-09-01"],
    "ends_on": ["2026-01-31"],
    "window_ends_on": ["2025-07-08"],
    "paid_on": ["2026-01-10"],
    "on": ["2026-02-01"],
    "left_on": ["2025-11-14"],
    "birth_date": ["2018-03-15"],
    "child_birth_date": ["2018-03-15"],
    "continuous_since": ["2019-03-01"],
    "acquired_on": ["2021-06-18"],
    "registered_on": ["2023-02-10"],
    "established_on": ["2020-08-01"],
    "digest": ["5b0f3e8c1d2a7f64c9e1b3a5d7f90c2e4a6b8d0f1e3c5a7b9d2f4e6a8c0b1d3f"],
    "facts_digest": ["5b0f3e8c1d2a7f64c9e1b3a5d7f90c2e4a6b8d0f1e3c5a7b9d2f4e6a8c0b1d3f"],
    "input_digest": ["9e2d4c6a8b0f1e3d5c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a3c5b7d9f2e"],
    # people (the examples' family; names as sent, ID numbers whole where the model takes them, else masked)
    "id_number": [CHILD_ID],
    "child_id_number": [CHILD_ID],
    "subject_id_number": [GUARDIAN_ID],
    "pupil_id_number": [CHILD_ID],
    "subject_name": ["王建国"],
    "pupil_name": ["王小雨"],
    "phone": ["13805761234"],
    "relation": ["父亲"],
    # facts of record and claims (common.vocabulary)
    "status": ["valid", "active", "published", "submitted", "done", "answered", "attends"],
    "issued_on": ["2019-03-01"],
    "since": ["2020-01-01"],
    "continuous_months": [64],
    "active_at_cutoff": [True],
    "in_county": [True],
    "permit_valid": [True],
    "holder_is_guardian": [True],
    "certificate_no": ["浙(2021)黄岩区不动产权第0012345号"],
    "share_percent": ["50.00"],
    "lease_no": ["黄住租备2023-004512"],
    "uscc": [USCC],
    "entity_type": ["individual"],
    "tenure": ["owned"],
}
"""Field name → candidate example values shared by every service; the first one a field's type accepts is used."""

PROBLEM = {"type": "https://tongcheng.huangyan.gov.cn/problems/validation_error", "title": "Invalid input",
           "status": 422, "detail": "child.id_number: ID number check character does not match",
           "code": "validation_error", "request_id": "5f0c2a9e7b1d4c36a8e2f1b09d7c4e63", "field": "child.id_number",
           "errors": [{"field": "child.id_number", "code": "id_checksum",
                       "message": "ID number check character does not match (GB 11643 / ISO 7064 MOD 11-2)",
                       "message_en": "ID number check character does not match (GB 11643 / ISO 7064 MOD 11-2)",
                       "message_zh": "身份证号码校验码不符"}]}
"""Problem details (RFC 9457) as every refusal is answered: a refused field with its rule code."""

HISTORY_PAGE = {"items": [{"id": 9, "resource": "school", "key": "HYGP00301", "action": "update",
                           "actor": "bureau:bureau-1", "at": "2025-03-05T10:12:00+08:00",
                           "at_utc": "2025-03-05T02:12:00Z", "before": {"status": "active"},
                           "after": {"status": "phasing_out"}}],
                "next_cursor": "9"}
"""A page as every list answers it (``items``, ``next_cursor`` to pass back; null on the last page): here a page of
change history (:mod:`common.history`)."""


def _adapter(field: FieldInfo) -> TypeAdapter:
    return TypeAdapter(typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation)


def _accepts(field: FieldInfo, value: Any) -> bool:
    try:
        _adapter(field).validate_json(json.dumps(value))
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _explicit(model: type[BaseModel]) -> Any:
    extra = model.model_config.get("json_schema_extra")
    if isinstance(extra, Mapping) and extra.get("examples"):
        return extra["examples"][0]
    return _NOTHING


def _from_type(tp: Any, values: Mapping[str, list[Any]]) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _from_type(typing.get_args(tp)[0], values)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return example_of(tp, values)
    if origin is typing.Literal:
        return typing.get_args(tp)[0]
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None) and (found := _from_type(arg, values)) is not _NOTHING:
                return found
        return _NOTHING
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        found = _from_type(item, values)
        return [found] if found is not _NOTHING else _NOTHING
    return _NOTHING


def _value(model: type[BaseModel], name: str, field: FieldInfo, values: Mapping[str, list[Any]]) -> Any:
    for candidate in (*values.get(f"{model.__name__}.{name}", ()), *values.get(name, ())):
        if _accepts(field, candidate):
            return candidate
    if field.examples:
        return field.examples[0]
    found = _from_type(field.annotation, values)
    if found is not _NOTHING:
        return found
    if field.default is not PydanticUndefined:
        return TypeAdapter(Any).dump_python(field.default, mode="json")
    if field.default_factory is not None:
        return TypeAdapter(Any).dump_python(field.default_factory(), mode="json")  # type: ignore[call-arg]
    return _NOTHING


def example_of(model: type[BaseModel], values: Mapping[str, list[Any]]) -> Any:
    """The model's example: its explicit one, else composed field by field (see the module's docstring)."""
    explicit = _explicit(model)
    if explicit is not _NOTHING:
        return explicit
    model.model_rebuild(raise_errors=False)  # a field naming a model defined further down the module
    out: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        value = _value(model, name, field, values)
        if value is not _NOTHING:
            out[field.alias or name] = value
    return out


def attach(namespace: Mapping[str, Any], values: Mapping[str, list[Any]]) -> None:
    """Give every model of a module's ``namespace`` (its ``globals()``: those defined there, and those made by a
    factory such as ``what_if_facts_model``) that has no example yet one composed from ``COMMON`` and the service's
    ``values``, in its JSON schema (``examples``)."""
    table = {**COMMON, **values}
    for obj in list(namespace.values()):
        if not (isinstance(obj, type) and issubclass(obj, BaseModel) and obj.model_fields):
            continue
        if _explicit(obj) is not _NOTHING or "json_schema_extra" in obj.model_config:
            continue
        obj.model_config["json_schema_extra"] = _hook(table)


def _hook(table: Mapping[str, list[Any]]) -> Callable[[dict[str, Any], type[BaseModel]], None]:
    def add(schema: dict[str, Any], model: type[BaseModel]) -> None:
        schema["examples"] = [example_of(model, table)]

    return add
