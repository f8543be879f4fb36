"""Typed client for the verification service (tolerant reader: only the fields scoring needs, unknown ones ignored).

``GET /facts/{application_no}`` → one CaseFacts; ``GET /facts?season=&grade=&changed_after=&limit=&cursor=`` → a page
ordered by ``seq``. Each CaseFacts is normalised to the plain shape ``rules.score_family`` reads (docs/api.md):
every kind's results become a list of ``{id, outcome, department, facts}``, facts keep only the fields of
``rules.FACT_FIELDS``, dates are ISO strings (an unreadable date becomes ``None``, so that fact does not count).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any
from urllib.parse import quote

from common.clients import ServiceClient, UpstreamError
from common.vocabulary import FACT_DATES, OUTCOMES
from points.errors import CaseNotFound
from points.rules import FACT_FIELDS, KINDS, gc_paused

_DATE_FIELDS = frozenset(FACT_DATES)
_OUTCOMES = frozenset(OUTCOMES)


def _date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return value  # YYYY-MM-DD, read: already its own ISO text
    return day.isoformat()


_FIELDS = {kind: tuple((name, name in _DATE_FIELDS) for name in FACT_FIELDS[kind]) for kind in KINDS}
"""Each kind's fields as ``(name, is a date)``, looked up once instead of per fact (issue 15)."""


def _facts(fields: tuple[tuple[str, bool], ...], raw: Any) -> dict[str, Any] | None:
    if type(raw) is not dict and not isinstance(raw, Mapping):
        return None
    out = {}
    for name, is_date in fields:
        value = raw.get(name)
        if value is None:
            continue
        if is_date:
            value = _date(value)
            if value is None:
                continue
        elif isinstance(value, (dict, list)):
            continue
        out[name] = value
    return out


def _result(fields: tuple[tuple[str, bool], ...], raw: Any) -> dict[str, Any] | None:
    if type(raw) is not dict and not isinstance(raw, Mapping):
        return None
    outcome = raw.get("outcome")
    if outcome not in _OUTCOMES:
        return None
    return {"id": raw.get("id"), "outcome": outcome, "department": raw.get("department"),
            "facts": _facts(fields, raw.get("facts"))}


def normalise_case(raw: Mapping[str, Any]) -> dict[str, Any]:
    """One CaseFacts from verification → the plain data ``score_family`` reads (plus ``seq`` and ``digest``)."""
    guardians = []
    for g in raw.get("guardians") or ():
        if not isinstance(g, Mapping) or not isinstance(g.get("guardian_no"), int):
            continue
        results_raw = g.get("results")
        if not isinstance(results_raw, Mapping):
            results_raw = {}
        results: dict[str, list] = {}
        for kind, fields in _FIELDS.items():
            value = results_raw.get(kind)
            if value is None:
                continue
            if isinstance(value, list):
                kept = [r for r in (_result(fields, v) for v in value) if r is not None]
                if kept:
                    results[kind] = kept
            elif (one := _result(fields, value)) is not None:
                results[kind] = [one]
        pending = g.get("pending")
        pending = sorted(k for k in pending if k in KINDS) if pending else []
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
        with gc_paused():  # thousands of small dicts, no cycles (rules.score_many)
            items = [normalise_case(raw) for raw in body.get("items") or () if isinstance(raw, Mapping)]
        return items, body.get("next_cursor")

    def iter_pages(self, season: int, grade: int, *, changed_after: int | None = None,
                   limit: int = 1000) -> Iterator[list[dict[str, Any]]]:
        """Every page in turn; the next one is asked for (and decoded) in a worker thread while the caller works on
        the current one, so verification builds it meanwhile instead of after (issue 15: a scoring job's pages
        alternated between the two services). At most one page ahead; a failure comes out where its page would."""
        pages = self._pages(season, grade, changed_after=changed_after, limit=limit)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="facts-ahead") as worker:
            upcoming = worker.submit(next, pages, None)
            while (page := upcoming.result()) is not None:
                upcoming = worker.submit(next, pages, None)
                yield page

    def _pages(self, season: int, grade: int, *, changed_after: int | None,
               limit: int) -> Iterator[list[dict[str, Any]]]:
        cursor = None
        while True:
            items, cursor = self.facts_page(season, grade, changed_after=changed_after, cursor=cursor, limit=limit)
            if items:
                yield items
            if not cursor:
                return
