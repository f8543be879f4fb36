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
