"""Every identifier in the documents a platform engineer reads (README.md, docs/*.md) passes the suite's own checks:
an ID number with a wrong check character in docs/api.md would teach a wrong number (GB 11643), a USCC the wrong
shape (GB 32100)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from common.ids import check_id_number, check_uscc

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ID_LIKE = re.compile(r"(?<![0-9A-Za-z*])([0-9]{6}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[0-9]{5}[0-9Xx])(?![0-9A-Za-z])")
USCC_LIKE = re.compile(r'"uscc": "([0-9A-Z]{18})"')


def found(pattern: re.Pattern) -> list[tuple[str, str]]:
    return [(doc.name, m) for doc in DOCS for m in pattern.findall(doc.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("doc,number", found(ID_LIKE))
def test_id_numbers_in_the_docs_are_valid(doc, number):
    assert check_id_number(number, today=date(2100, 1, 1)) == number.upper()


@pytest.mark.parametrize("doc,code", found(USCC_LIKE))
def test_usccs_in_the_docs_have_the_shape(doc, code):
    assert check_uscc(code, verify_checksum=False) == code


def test_the_docs_have_examples_to_check():
    assert len(found(ID_LIKE)) >= 1 and len(found(USCC_LIKE)) >= 1


BODY = re.compile(r"`(POST|PUT|PATCH) (/[^`\s]*)` body:\s*\n```json\n(.*?)\n```", re.S)
SECTION = re.compile(r"^## (points|verification|enrollment|funding) ", re.M)


def documented_bodies() -> list[tuple[str, str, str, str]]:
    """``(service, method, path, json)`` of every request body docs/api.md shows (a ```json block right after
    "`POST /path` body:"), the service being the section it stands in."""
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    sections = [(m.start(), m.group(1)) for m in SECTION.finditer(text)]
    out = []
    for m in BODY.finditer(text):
        service = next((name for start, name in reversed(sections) if start < m.start()), None)
        if service is not None:
            out.append((service, m.group(1), m.group(2), m.group(3)))
    return out


@pytest.mark.parametrize("service,method,path,body", documented_bodies())
def test_request_bodies_in_the_docs_pass_the_services_validation(service, method, path, body):
    """The body a reader copies is accepted by the model the service parses it with (JSON, strict types; the
    cross-field rules of the model too: claims naming a guardian of the case, distinct guardians)."""
    import importlib

    from fastapi import routing
    from fastapi.routing import APIRoute

    app = importlib.import_module(f"{service}.main").create_app()
    routes = [c.route for c in routing.iter_route_contexts(app.routes)
              if isinstance(c.route, APIRoute) and c.route.path == path and method in c.route.methods]
    assert routes and routes[0].body_field is not None, f"{method} {path} is not a {service} endpoint with a body"
    routes[0].body_field.field_info.annotation.model_validate_json(body)


def test_the_docs_show_request_bodies_to_check():
    assert len(documented_bodies()) >= 1
