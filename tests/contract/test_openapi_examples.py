"""Every model in the services' OpenAPI documents (and so in the gateway's merged one) carries a realistic example,
and every example passes the suite's own validation: a request body's example is accepted by its model as the
service parses it (JSON), a response's example by its response model. (issue 17)."""

from __future__ import annotations

import importlib
import json
import re

import jsonschema_rs
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, ValidationError

from common.openapi import route_models
from tongcheng.describe import SERVICES, suite_description

METHODS = ("get", "post", "put", "patch", "delete")
HAN = re.compile(r"[\u3400-\u9fff]")
CLAUSE = re.compile(r"BRIEF §\d|plan [一二三四五六七八九十]+\(")
FORM_BODY = "Body_"
"""FastAPI's own schemas of multipart forms (a file upload, ``<Service>Body_import_file...`` when merged): no model
of ours to put an example on."""


@pytest.fixture(scope="module")
def apps() -> dict[str, FastAPI]:
    return {name: importlib.import_module(f"{name}.main").create_app() for name in SERVICES}


def refusals(models: set[type[BaseModel]]) -> list[str]:
    """Each model without an example, or whose example its model refuses, parsed as the service parses a body
    (JSON, strict types)."""
    out = []
    for model in sorted(models, key=lambda m: (m.__module__, m.__name__)):
        if model.__module__.startswith("fastapi."):  # FastAPI's own form schemas (Body_*): see FORM_BODY
            continue
        name = f"{model.__module__}.{model.__name__}"
        examples = model.model_json_schema(mode="validation").get("examples")
        if not examples:
            out.append(f"{name}: no example")
            continue
        for value in examples:
            try:
                model.model_validate_json(json.dumps(value))
            except ValidationError as exc:
                out.append(f"{name}: {exc.errors(include_url=False)}")
    return out


@pytest.mark.parametrize("service", SERVICES)
def test_every_request_example_is_accepted_by_its_model(apps, service):
    requests, _ = route_models(apps[service])
    assert requests, service
    assert refusals(requests) == []


@pytest.mark.parametrize("service", SERVICES)
def test_every_response_example_is_valid_for_its_model(apps, service):
    _, responses = route_models(apps[service])
    assert responses, service
    assert refusals(responses) == []


@pytest.fixture(scope="module")
def merged() -> dict:
    return suite_description()


def test_every_schema_of_the_merged_description_has_an_example(merged):
    schemas = merged["components"]["schemas"]
    assert len(schemas) > 100
    lacking = sorted(name for name, schema in schemas.items() if not schema.get("examples") and FORM_BODY not in name)
    assert lacking == []


def test_every_example_of_the_merged_description_fits_its_schema_there(merged):
    """What a reader of ``/openapi.json`` sees: each example valid against its own schema in the document (refs
    resolved in it; FastAPI's dropping of ``null`` members would have broken the answers' examples)."""
    components = merged["components"]
    wrong = []
    for name, schema in components["schemas"].items():
        validator = jsonschema_rs.validator_for({"$ref": f"#/components/schemas/{name}", "components": components})
        wrong += [f"{name}: {str(e).splitlines()[0]}" for ex in schema.get("examples", [])
                  for e in validator.iter_errors(ex)]
    assert "examples" in components["schemas"]["Problem"]
    assert wrong == []


def test_every_operation_names_its_chinese_term_and_clause(merged):
    lacking = []
    for path, item in merged["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            text = op.get("description", "").split("\n\nRoles:")[0]
            if not (op.get("summary") and text.strip() and HAN.search(text) and CLAUSE.search(text)):
                lacking.append(f"{method.upper()} {path}")
    assert lacking == [], f"{len(lacking)} operations without a description naming a 中文 term and a clause"
