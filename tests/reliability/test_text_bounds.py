"""A free text over its bound is refused as a text (``string_too_long``, "String should have at most N characters",
字符串太长), never as a list (``too_long``, "at most N items after validation", 数组元素太多), whichever model
takes it (docs/api.md Rule codes; ``common.schemas.text`` puts the bound before the characters' check). A tester
found a department's 2,001-character note answered as a list."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from common.vocabulary import CertificateNo, DocumentNo
from enrollment.schemas import AgeExceptionIn, AppealIn, DecisionIn, DisputedRule, SchoolFields
from verification.schemas import RecheckIn, ResultIn

FIELDS = [  # model, a valid body but the field, the field, its bound
    (SchoolFields, {}, "name", 120),
    (AgeExceptionIn, {}, "reason", 500),
    (AppealIn, {"run_id": 1, "application_no": "HY2025-1-000001"}, "reason", 4000),
    (DecisionIn, {"decision": "upheld"}, "note", 4000),
    (DisputedRule, {"type": "placement_rule"}, "rule", 60),
    (ResultIn, {"outcome": "not_found", "facts": None}, "note", 2000),
    (RecheckIn, {}, "ground", 4000),
]


def _errors(model: type[BaseModel], body: dict) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        model.model_validate(body)
    return {".".join(map(str, e["loc"])): e["type"] for e in refused.value.errors()}


@pytest.mark.parametrize("model, body, field, bound", FIELDS, ids=[f"{m.__name__}.{f}" for m, _, f, _ in FIELDS])
def test_a_text_over_its_bound_is_string_too_long(model, body, field, bound):
    assert _errors(model, {**body, field: "字" * (bound + 1)}).get(field) == "string_too_long"
    if field != "note":  # the optional notes may be empty
        assert _errors(model, {**body, field: ""}).get(field) == "string_too_short"
    assert _errors(model, {**body, field: "a\u202eb"}).get(field) == "text_characters"  # still checked


def test_document_and_certificate_numbers_and_a_relation_are_bounded_as_text():
    from pydantic import TypeAdapter

    from enrollment.schemas import Relation

    for kind, bound in ((DocumentNo, 80), (CertificateNo, 80), (Relation, 20)):
        with pytest.raises(ValidationError) as refused:
            TypeAdapter(kind).validate_python("1" * (bound + 1))
        assert refused.value.errors()[0]["type"] == "string_too_long"
    with pytest.raises(ValidationError) as refused:
        TypeAdapter(Relation).validate_python("父亲😀")
    assert refused.value.errors()[0]["type"] == "text_characters"


def test_the_answer_names_the_rule_in_words_for_a_text(make_service, auth):
    verification = make_service("verification")
    answer = verification.post("/requests/1/results", json={"outcome": "not_found", "facts": None, "note": "x" * 2001},
                               headers={**auth("department", "police"), "Idempotency-Key": "long-note"})
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert (error["field"], error["code"]) == ("note", "string_too_long")
    assert "2000 characters" in error["message_en"] and "数组" not in error["message_zh"]
