"""Facts of record as verification takes them (BRIEF §4 step 4, docs/api.md "Facts of record").

The kinds, the departments and the facts models are the suite's one vocabulary (:mod:`common.vocabulary`), which
points' what-if facts use too; this module names them for verification's schemas and turns a refusal into 422
``invalid_facts`` (:func:`parse_facts`).
"""

from __future__ import annotations

from typing import Any, Literal

from common import vocabulary
from common.vocabulary import CertificateNo, DepartmentCode, DocumentNo, KindCode, Outcome, Percent  # noqa: F401
from verification.errors import FactsInvalid

Kind = KindCode
Department = DepartmentCode
State = Literal["pending", "answered", "superseded", "withdrawn"]


def parse_facts(kind: str, facts: Any) -> dict[str, Any]:
    """Type ``facts`` by the request's ``kind`` (:func:`common.vocabulary.parse_facts`) → JSON-ready dict, or 422
    ``invalid_facts`` naming the first bad field (``facts.status``, ``facts.share_percent`` ...)."""
    try:
        return vocabulary.parse_facts(kind, facts)
    except vocabulary.FactsError as exc:
        raise FactsInvalid(str(exc), field=exc.field, errors=exc.errors) from None
