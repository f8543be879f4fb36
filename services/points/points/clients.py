"""Typed client for the verification service (tolerant reader: only the fields scoring needs, unknown ones ignored).

``GET /facts/{application_no}`` → one CaseFacts; ``GET /facts?season=&grade=&changed_after=&limit=&cursor=`` → a page
ordered by ``seq``. Each CaseFacts is normalised to the plain shape ``rules.score_family`` reads (docs/api.md):
every kind's results become a list of ``{id, outcome, department, facts}``, facts keep only the fields of
``rules.FACT_FIELDS``, dates are ISO strings (an unreadable date becomes ``None``, so that fact does not count).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import quote

from common.clients import ServiceClient, UpstreamError
from common.vocabulary import FACT_DATES, OUTCOMES
from points.errors import CaseNotFound
from points.rules import FACT_FIELDS, KINDS

_DATE_FIELDS = frozenset(FACT_DATES)
_OUTCOMES = frozenset(OUTCOMES)


def _date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _facts(kind: str, raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, Mapping):
        return None
    out = {}
    for name in FACT_FIELDS[kind]:
        value = raw.get(name)
        if name in _DATE_FIELDS:
            value = _date(value)
        elif isinstance(value, (dict, list)):
            value = None
        if value is not None:
            out[name] = value
    return out


def _result(kind: str, raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, Mapping) or raw.get("outcome") not in _OUTCOMES:
        return None
    return {"id": raw.get("id"), "outcome": raw["outcome"], "department": raw.get("department"),
            "facts": _facts(kind, raw.get("facts"))}


def normalise_case(raw: Mapping[str, Any]) -> dict[str, Any]:
    """One CaseFacts from verification → the plain data ``score_family`` reads (plus ``seq`` and ``digest``)."""
    guardians = []
    for g in raw.get("guardians") or ():
        if not isinstance(g, Mapping) or not isinstance(g.get("guardian_no"), int):
            continue
        results_raw = g.get("results") if isinstance(g.get("results"), Mapping) else {}
        results: dict[str, list] = {}
        for kind in KINDS:
            value = results_raw.get(kind)
            items = value if isinstance(value, list) else [value]
            kept = [r for r in (_result(kind, v) for v in items) if r is not None]
            if kept:
                results[kind] = kept
        pending = sorted(k for k in (g.get("pending") or ()) if k in KINDS)
        guardians.append({"guardian_no": g["guardian_no"], "results": results, "pending": pending})
    return {"application_no": raw.get("application_no"), "season": raw.get("season"), "grade": raw.get("grade"),
            "child_birth_date": _date(raw.get("child_birth_date")), "seq": raw.get("seq"),
            "digest": raw.get("digest"), "guardians": guardians}


class VerificationClient(ServiceClient):
    """``VerificationClient(settings.verification_url, secret=..., client=httpx_client)``; calls as ``service:points``."""

    def __init__(self, base_url: str, *, secret: str, **kwargs: Any):
        super().__init__(base_url, secret=secret, caller="points", **kwargs)

    def case_facts(self, application_no: str) -> dict[str, Any]:
        """The case's current facts, normalised; 404 from verification → :class:`CaseNotFound`."""
        try:
            raw = self.request("GET", f"/facts/{quote(application_no, safe='')}")
        except UpstreamError as exc:
            if exc.status == 404:
                raise CaseNotFound(f"verification has no case {application_no}") from None
            raise
        return normalise_case(raw)

    def facts_page(self, season: int, grade: int, *, changed_after: int | None = None, cursor: str | None = None,
                   limit: int = 1000) -> tuple[list[dict[str, Any]], str | None]:
        """One page of CaseFacts ordered by ``seq`` (only those changed after ``changed_after`` when given)."""
        params: dict[str, Any] = {"season": season, "grade": grade, "limit": limit}
        if changed_after is not None:
            params["changed_after"] = changed_after
        if cursor:
            params["cursor"] = cursor
        body = self.request("GET", "/facts", params=params) or {}
        items = [normalise_case(raw) for raw in body.get("items") or () if isinstance(raw, Mapping)]
        return items, body.get("next_cursor")

    def iter_pages(self, season: int, grade: int, *, changed_after: int | None = None,
                   limit: int = 1000) -> Iterator[list[dict[str, Any]]]:
        """Every page in turn."""
        cursor = None
        while True:
            items, cursor = self.facts_page(season, grade, changed_after=changed_after, cursor=cursor, limit=limit)
            if items:
                yield items
            if not cursor:
                return
