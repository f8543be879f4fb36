"""Typed clients for the services enrollment calls (tolerant readers: only the fields used are read).

- verification ``POST /cases/batch`` (cases of submitted applications, via the outbox);
- points ``GET /scores?season=&grade=`` (paged, 1,000 a page) for the snapshot of a run;
- funding ``POST /purchased-seats/handover`` (purchased seats of a finalised run, via the outbox).

Tests hand in an ``httpx.Client`` on an ``httpx.MockTransport`` (or a provider's TestClient) per upstream.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from urllib.parse import quote

import httpx

from common.clients import ServiceClient, UpstreamError
from enrollment.errors import UpstreamMalformed

SCORES_PAGE = 1000


class VerificationClient(ServiceClient):
    def register_cases(self, cases: list[dict[str, Any]], *, idempotency_key: str) -> dict[str, Any]:
        """``POST /cases/batch`` ``{items: cases}`` (≤ 1,000) → ``{created, existing, application_nos}``.
        Verification is idempotent by ``application_no``. Raises ``Unavailable`` / ``UpstreamError``."""
        return self.request("POST", "/cases/batch", json={"items": cases}, idempotency_key=idempotency_key)

    def facts_changed(self, after: int, *, limit: int = 500, answered: bool = False) -> list[dict[str, Any]]:
        """``GET /facts?changed_after=&limit=&answered=``: the cases whose results changed after ``seq`` ``after``,
        in ``seq`` order (CaseFacts: ``{application_no, season, grade, seq, digest, guardians: [{guardian_no,
        results, pending}]}``); ``answered``: only those with no request pending. Raises ``Unavailable`` /
        ``UpstreamError``."""
        params: dict[str, Any] = {"changed_after": after, "limit": limit}
        if answered:
            params["answered"] = "true"
        page = self.request("GET", "/facts", params=params) or {}
        return list(page.get("items", []))

    def request_recheck(self, body: dict[str, Any], *, idempotency_key: str) -> dict[str, Any]:
        """``POST /rechecks`` ``{ref, application_no, guardian_no, kind, ground}`` (an upheld appeal, via the
        outbox) → the re-check; idempotent by ``ref``. Raises ``Unavailable`` / ``UpstreamError``."""
        return self.request("POST", "/rechecks", json=body, idempotency_key=idempotency_key)

    def withdraw_case(self, body: dict[str, Any], *, idempotency_key: str) -> dict[str, Any]:
        """``POST /cases/{application_no}/withdrawal`` (a withdrawn application, via the outbox): its case leaves
        the departments' queues; idempotent. Raises ``Unavailable`` / ``UpstreamError`` (404 ``case_not_found``
        while the case itself has not arrived: the outbox retries)."""
        return self.request("POST", f"/cases/{body['application_no']}/withdrawal", idempotency_key=idempotency_key)

    def recheck(self, ref: str) -> dict[str, Any] | None:
        """``GET /rechecks/{ref}`` → ``{department, open, result: {id, outcome, ...} | null, ...}``, or ``None``
        while verification has not received it yet (404). Raises ``Unavailable`` / ``UpstreamError``."""
        try:
            return self.request("GET", f"/rechecks/{ref}")
        except UpstreamError as exc:
            if exc.status == 404:
                return None
            raise


@dataclass(frozen=True)
class ScoreView:
    """What placement needs from a points ScoreSummary (BRIEF §5 tie-break data, §6 tier township)."""

    application_no: str
    eligible: bool
    family_score: Decimal
    other_guardian_score: Decimal
    earliest_continuous_since: date | None
    residence_township_code: str | None
    rulebook_id: str | None
    facts_digest: str | None = None  # of the verified facts points scored (the score's version)


def _malformed(detail: str) -> UpstreamError:
    return UpstreamMalformed(f"points: {detail}")


def _decimal(value: Any, field: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise _malformed(f"{field} missing or not a number")
    try:
        result = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise _malformed(f"{field} is not a decimal ({value!r})") from None
    if not result.is_finite():
        raise _malformed(f"{field} is not finite")
    return result


def parse_score(item: dict[str, Any]) -> ScoreView:
    """Read one ScoreSummary; unknown fields are ignored. Malformed → ``UpstreamError`` (502)."""
    try:
        tie = item.get("tie_break") or {}
        since = tie.get("earliest_continuous_since")
        return ScoreView(
            application_no=str(item["application_no"]),
            eligible=item.get("eligible") is True,
            family_score=_decimal(item.get("family_score"), "family_score"),
            other_guardian_score=_decimal(tie.get("other_guardian_score", "0"), "tie_break.other_guardian_score"),
            earliest_continuous_since=date.fromisoformat(since) if since else None,
            residence_township_code=item.get("residence_township_code") or None,
            rulebook_id=item.get("rulebook_id"),
            facts_digest=item.get("facts_digest") or None,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(f"malformed score ({exc.__class__.__name__}: {exc})") from None


class PointsClient(ServiceClient):
    def iter_scores(self, season: int, grade: int) -> Iterator[ScoreView]:
        """Every stored score of a season and grade, following ``next_cursor`` (1,000 a page)."""
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"season": season, "grade": grade, "limit": SCORES_PAGE}
            if cursor:
                params["cursor"] = cursor
            page = self.request("GET", "/scores", params=params) or {}
            for item in page.get("items", []):
                yield parse_score(item)
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def scores(self, season: int, grade: int) -> dict[str, ScoreView]:
        """``application_no → ScoreView`` for a season and grade."""
        return {s.application_no: s for s in self.iter_scores(season, grade)}

    def score_changes(self, after: int, *, limit: int = 1000) -> list[dict[str, Any]]:
        """``GET /score-changes?after=&limit=``: scores stored after ``seq`` ``after``, in order (``{seq,
        application_no, season, grade, rulebook_id, eligible, family_score, scored_at}``). Raises ``Unavailable`` /
        ``UpstreamError``."""
        page = self.request("GET", "/score-changes", params={"after": after, "limit": limit}) or {}
        return list(page.get("items", []))

    def score_now(self, application_no: str, *, idempotency_key: str) -> ScoreView:
        """``POST /scores/{no}``: points reads the case's current facts from verification, scores and stores them
        → the new score. Raises ``Unavailable`` / ``UpstreamError``."""
        return parse_score(self.request("POST", f"/scores/{application_no}", idempotency_key=idempotency_key) or {})

    def unmet_rules(self, application_no: str) -> list[dict[str, Any]]:
        """The eligibility rules (BRIEF §5 E1–E4) an application's score does not meet, as points explains them
        (``GET /scores/{no}``): ``[{rule, reason, guardian_no?, explanation}]``. Raises ``Unavailable`` /
        ``UpstreamError``."""
        score = self.request("GET", f"/scores/{application_no}") or {}
        checks = score.get("eligibility") if isinstance(score, dict) else None
        return [{k: c.get(k) for k in ("rule", "reason", "guardian_no", "explanation") if k in c}
                for c in checks or () if isinstance(c, dict) and c.get("met") is False]


class FundingClient(ServiceClient):
    def semester(self, code: str) -> dict[str, Any]:
        """``GET /semesters/{code}`` → the semester; raises ``UpstreamError`` 404 ``semester_not_found`` for a
        semester funding does not hold, ``Unavailable`` when funding does not answer."""
        return self.request("GET", f"/semesters/{quote(code, safe='')}")

    def tariffs(self, semester: str) -> dict[str, Decimal]:
        """``GET /tariffs?semester=`` (all pages) → school code → ``standard`` (yuan per pupil per semester,
        Decimal). Raises ``Unavailable`` / ``UpstreamError`` (502 for a malformed amount)."""
        out: dict[str, Decimal] = {}
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"semester": semester, "limit": 1000}
            if cursor:
                params["cursor"] = cursor
            page = self.request("GET", "/tariffs", params=params) or {}
            for item in page.get("items", []):
                out[str(item.get("school_code"))] = _decimal(item.get("standard"), "standard")
            cursor = page.get("next_cursor")
            if not cursor:
                return out

    def handover(self, body: dict[str, Any], *, idempotency_key: str) -> dict[str, Any]:
        """``POST /purchased-seats/handover`` ``{run_id, seats: [...]}`` → ``{created, existing}``; the same seat
        twice creates nothing there, and the key replays a retried chunk."""
        return self.request("POST", "/purchased-seats/handover", json=body, idempotency_key=idempotency_key)


def build_clients(settings: Any, http_clients: dict[str, httpx.Client] | None = None) -> dict[str, ServiceClient]:
    """One typed client per upstream; ``http_clients`` (by name) replace the real connections in tests."""
    given = http_clients or {}
    kinds = {"verification": (VerificationClient, settings.verification_url),
             "points": (PointsClient, settings.points_url),
             "funding": (FundingClient, settings.funding_url)}
    return {name: cls(url, secret=settings.internal_secret, caller="enrollment",
                      timeout_s=settings.upstream_timeout_s, client=given.get(name))
            for name, (cls, url) in kinds.items()}
