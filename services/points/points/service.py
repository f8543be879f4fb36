"""Use cases of the points service: rulebooks (积分细则) and stored scores. Functions take a session and never commit.

Scoring itself is ``rules.score_family`` (pure); this module picks the rulebook, stores one current score per
application and answers the listings the placement snapshot reads.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from collections import OrderedDict
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Text, bindparam, cast, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import history, json_codec, paging
from common.db import (Database, bind_processor, driver_rows, insert_ignoring_conflicts, insert_rows,
                       result_processor, utcnow)
from common.identity import Identity
from common.schemas import utc_text
from points.explain import explain_score
from points.errors import (Invalid, NoPublishedRulebook, NotScored, RulebookExists, RulebookInvalid,
                           RulebookNotFound, RulebookPublished)
from points.models import Rulebook, ScoreCounter, StoredScore, change_history
from points.rulebook import RulebookError, Rules, compile_rulebook
from points.rules import KIND_DEPARTMENT, Score, score_family
from points.schemas import RulebookBody, RulebookCreate, RulebookUpdate, WhatIfIn

DEFAULT_RULEBOOKS = Path(__file__).resolve().parent / "rulebooks"
_COMPILED: OrderedDict[tuple[str, str], Rules] = OrderedDict()
_COMPILED_LOCK = threading.Lock()  # request threads and scoring-job threads share the cache


# --- rulebooks ------------------------------------------------------------------------------------------------------

def compile_spec(rulebook_id: str, spec: dict[str, Any]) -> Rules:
    """Compile a spec, turning :class:`RulebookError` into 422 ``rulebook_invalid`` naming the field."""
    try:
        return compile_rulebook(spec, rulebook_id)
    except RulebookError as exc:
        raise RulebookInvalid(exc.message, field=exc.field) from None


def rules_of(row: Rulebook) -> Rules:
    """The compiled rules of a stored rulebook, cached by id and content (several databases may share a process,
    as the tests do, each with its own ``HY-2025-b``)."""
    key = (row.id, json.dumps(row.spec, sort_keys=True, ensure_ascii=False))
    with _COMPILED_LOCK:
        rules = _COMPILED.get(key)
    if rules is None:
        rules = compile_spec(row.id, row.spec)
        with _COMPILED_LOCK:
            _COMPILED[key] = rules
            while len(_COMPILED) > 64:
                _COMPILED.popitem(last=False)
    return rules


def rulebook_read(row: Rulebook) -> dict[str, Any]:
    """Rulebook as JSON data: the spec plus id, state, version and dates."""
    return {**row.spec, "id": row.id, "state": row.state, "version": row.version, "created_by": row.created_by,
            "created_at": row.created_at, "updated_at": row.updated_at, "published_at": row.published_at}


def rulebook_value(row: Rulebook) -> dict[str, Any]:
    """A rulebook as the change history keeps it: its rules (spec), season, state and version."""
    return {**row.spec, "id": row.id, "season": row.season, "state": row.state, "version": row.version}


def _record(session: Session, row: Rulebook, who: Identity, before: dict[str, Any] | None, action: str) -> None:
    history.record(session, change_history, resource="rulebook", key=row.id, who=who, before=before,
                   after=rulebook_value(row), action=action, at=row.updated_at)


def rulebook_history(session: Session, rulebook_id: str, *, limit: int, cursor: str | None) -> dict[str, Any]:
    """Who created, changed and published a rulebook, oldest first, paged (``common.history``); 404
    ``rulebook_not_found``."""
    get_rulebook(session, rulebook_id)
    return history.read(session, change_history, resource="rulebook", key=rulebook_id, limit=limit, cursor=cursor)


RULEBOOK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


def list_rulebooks(session: Session, *, season: int | None = None, state: str | None = None, limit: int = 100,
                   cursor: str | None = None) -> tuple[list[Rulebook], str | None]:
    """Rulebooks by season, then creation, then id, after ``cursor`` (:mod:`common.paging`, listing ``rulebooks``,
    keyed by the id; 422 ``invalid_cursor`` for anything else) → (the page, its ``next_cursor``)."""
    order = (Rulebook.season, Rulebook.created_at, Rulebook.id)
    query = select(Rulebook).order_by(*order).limit(limit + 1)
    if season is not None:
        query = query.where(Rulebook.season == season)
    if state is not None:
        query = query.where(Rulebook.state == state)
    if (after := paging.after_row(session, "rulebooks", cursor, order, pattern=RULEBOOK_ID)) is not None:
        query = query.where(after)
    return paging.cut(list(session.scalars(query)), limit, "rulebooks", key=lambda r: r.id)


def get_rulebook(session: Session, rulebook_id: str, *, for_update: bool = False) -> Rulebook:
    """The rulebook, or 404 ``rulebook_not_found``. ``for_update``: read with ``SELECT ... FOR UPDATE`` (the row
    stays locked until commit), for a write that checks ``If-Match`` against the version it read."""
    row = session.get(Rulebook, rulebook_id, with_for_update=True if for_update else None,
                      populate_existing=for_update)
    if row is None:
        raise RulebookNotFound(f"no rulebook {rulebook_id}")
    return row


def create_rulebook(session: Session, body: RulebookCreate, who: Identity) -> Rulebook:
    """A new draft (BRIEF §5 rules as data). 409 ``rulebook_exists`` for a taken id; 422 ``rulebook_invalid``."""
    spec = body.spec()
    rid = body.id or _next_id(session, body.season)
    compile_spec(rid, spec)
    if session.get(Rulebook, rid) is not None:
        raise RulebookExists(f"rulebook {rid} exists; a change to a published rulebook is a new id")
    now = utcnow()
    row = Rulebook(id=rid, season=body.season, state="draft", version=1, spec=spec, created_by=who.subject,
                   created_at=now, updated_at=now, published_at=None)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise RulebookExists(f"rulebook {rid} exists") from None
    _record(session, row, who, None, "create")
    return row


def _next_id(session: Session, season: int) -> str:
    taken = set(session.scalars(select(Rulebook.id).where(Rulebook.season == season)))
    n = len(taken) + 1
    while f"HY-{season}-v{n}" in taken:
        n += 1
    return f"HY-{season}-v{n}"


def draft_to_change(session: Session, rulebook_id: str) -> Rulebook:
    """The draft ``rulebook_id``, locked for a change: 404 ``rulebook_not_found``; 409 ``rulebook_published`` once
    published. The router checks ``If-Match`` against its ``version`` next (412): the row is locked first, so
    writers holding the same ETag queue, and each sees the version its predecessor committed, so exactly one wins
    and the others get 412 (no lost update on PostgreSQL's READ COMMITTED)."""
    row = get_rulebook(session, rulebook_id, for_update=True)
    if row.state == "published":
        raise RulebookPublished(f"rulebook {rulebook_id} is published and never changes; create a new one")
    return row


def update_rulebook(session: Session, row: Rulebook, body: RulebookUpdate, who: Identity) -> Rulebook:
    """Replace the rules of the draft ``row`` (from :func:`draft_to_change`, its ``If-Match`` checked). 422
    ``rulebook_invalid`` when the body's id differs from the path or the rules do not compile."""
    if body.id is not None and body.id != row.id:
        raise RulebookInvalid("the body's id differs from the path", field="id")
    spec = body.spec()
    compile_spec(row.id, spec)
    before = rulebook_value(row)
    row.spec, row.season = spec, body.season
    row.version += 1
    row.updated_at = utcnow()
    session.flush()
    _record(session, row, who, before, "update")
    return row


def publish_rulebook(session: Session, row: Rulebook, who: Identity) -> Rulebook:
    """Draft → published (immutable from then on); a published ``row`` is answered unchanged. ``row`` is read
    locked (``get_rulebook(..., for_update=True)``) and, when a draft, its ``If-Match`` checked by the router."""
    if row.state == "published":
        return row
    compile_spec(row.id, row.spec)
    before = rulebook_value(row)
    now = utcnow()
    row.state, row.published_at, row.updated_at = "published", now, now
    row.version += 1
    session.flush()
    _record(session, row, who, before, "publish")
    return row


def current_rulebook(session: Session, season: int) -> Rulebook:
    """The season's rulebook for scoring: the latest published one. 409 ``no_published_rulebook``."""
    row = session.scalars(select(Rulebook).where(Rulebook.season == season, Rulebook.state == "published")
                          .order_by(Rulebook.published_at.desc(), Rulebook.id.desc()).limit(1)).first()
    if row is None:
        raise NoPublishedRulebook(f"season {season} has no published rulebook")
    return row


def scoring_rulebook(session: Session, season: int, rulebook_id: str | None) -> Rulebook:
    """``rulebook_id`` when given (must be published and of the season), else the season's current one."""
    if rulebook_id is None:
        return current_rulebook(session, season)
    row = get_rulebook(session, rulebook_id)
    if row.state != "published" or row.season != season:
        raise RulebookInvalid(f"rulebook {rulebook_id} is not a published rulebook of season {season}",
                              field="rulebook_id")
    return row


def load_default_rulebooks(db: Database) -> None:
    """Load and publish the shipped rulebooks (``HY-2025``) on first start; an existing id is left alone."""
    for path in sorted(DEFAULT_RULEBOOKS.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        rid = raw.pop("id")
        spec = RulebookBody.model_validate(raw).spec()
        compile_spec(rid, spec)
        with db.write_session() as session:
            if session.get(Rulebook, rid) is not None:
                continue
            now = utcnow()
            session.add(Rulebook(id=rid, season=spec["season"], state="published", version=1, spec=spec,
                                 created_by="system", created_at=now, updated_at=now, published_at=now))
            try:
                session.commit()
            except IntegrityError:  # another process loaded it first
                session.rollback()


# --- scores ---------------------------------------------------------------------------------------------------------

def _centi(value: Any) -> int:
    return int(value.scaleb(2))


def _points(centi: int) -> str:
    sign = "-" if centi < 0 else ""
    return f"{sign}{abs(centi) // 100}.{abs(centi) % 100:02d}"


SCORE_COLUMNS = ("application_no", "season", "grade", "rulebook_id", "cutoff_date", "eligible", "family_score",
                 "other_guardian_score", "earliest_continuous_since", "residence_township_code", "facts_digest",
                 "source_seq", "detail", "scored_at", "seq")
"""The columns of a stored score in the order of :func:`score_row`'s tuple (``seq`` last, added when stored)."""


def score_row(score: Score, scored_at: datetime, source_seq: int | None,
              detail: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """The stored columns of one score (:data:`SCORE_COLUMNS` but ``seq``) as the database driver takes them: points
    in hundredths, dates as ISO text, ``scored_at`` as the instant, and the breakdown (``detail``, else
    ``score.to_dict`` with ``scored_at``) encoded once as JSON text (issue 15: SQLAlchemy's ``json.dumps`` per bind
    and its per-row parameter processing were most of storing a page)."""
    if detail is None:
        detail = score.to_dict(scored_at=utc_text(scored_at))
    tie = score.tie_break
    return (score.application_no, score.season, score.grade, score.rulebook_id, score.cutoff_date, score.eligible,
            _centi(score.family_score), _centi(tie.other_guardian_score), tie.earliest_continuous_since,
            score.residence_township_code, score.facts_digest, source_seq, json_codec.dumps_text(detail), scored_at)


def take_seqs(session: Session, count: int) -> int:
    """Reserve ``count`` consecutive change-feed seqs → the first. The counter row stays locked until commit, so
    seqs become visible in increasing order and a reader resuming after one misses none."""
    new = session.execute(update(ScoreCounter).where(ScoreCounter.id == 1)
                          .values(value=ScoreCounter.value + count).returning(ScoreCounter.value)).scalar_one_or_none()
    if new is None:  # the first score of this database creates the row
        insert_ignoring_conflicts(session, ScoreCounter, ["id"], {"id": 1, "value": 0})
        return take_seqs(session, count)
    return new - count + 1


def store_scores(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Insert or replace the current score of each application (one row per application; rows from
    :func:`score_row`), each with a new change-feed ``seq`` (:func:`take_seqs`, in the order given).

    One bulk write (``common.db.insert_rows``: SQLite ``executemany``, PostgreSQL ``COPY``) after one ``DELETE`` of
    the scores it replaces. The counter row :func:`take_seqs` locks first serialises the transactions that store
    scores, so no other one inserts an application's score between the delete and the insert."""
    if not rows:
        return
    first = take_seqs(session, len(rows))
    session.execute(delete(StoredScore).where(StoredScore.application_no.in_([r[0] for r in rows])))
    bind = bind_processor(session, StoredScore.__table__.c.scored_at)  # UTCDateTime as the driver takes it
    instants: dict[datetime, Any] = {}  # a page's rows share one instant: bound once
    out = []
    for i, row in enumerate(rows):
        *columns, when = row
        if (at := instants.get(when)) is None:
            at = instants[when] = bind(when)
        out.append((*columns, at, first + i))
    insert_rows(session, StoredScore.__table__, SCORE_COLUMNS, out)


def stored_digests(session: Session, application_nos: list[str]) -> dict[str, tuple[str, str]]:
    """``{application_no: (facts_digest, rulebook_id)}`` of the stored scores among ``application_nos``."""
    rows = session.execute(select(StoredScore.application_no, StoredScore.facts_digest, StoredScore.rulebook_id)
                           .where(StoredScore.application_no.in_(application_nos)))
    return {no: (digest, rid) for no, digest, rid in rows}


def score_case(session: Session, case: dict[str, Any]) -> dict[str, Any]:
    """Score one application's facts (from verification) with its season's rulebook and store it → Score JSON."""
    row = current_rulebook(session, case["season"])
    rules = rules_of(row)
    score = score_family(rules, case)
    now = utcnow()
    detail = score.to_dict(scored_at=utc_text(now))
    store_scores(session, [score_row(score, now, case.get("seq"), detail)])
    return explain_score(detail, rules)


def get_score(session: Session, application_no: str) -> dict[str, Any]:
    """The stored Score of an application, explained (``explain.explain_score``: workings, plain-language
    reasons, whether each guardian counts) from the rulebook it was scored with. 404 ``not_scored``."""
    detail = session.scalar(select(StoredScore.detail).where(StoredScore.application_no == application_no))
    if detail is None:
        raise NotScored(f"application {application_no} has not been scored")
    return explain_score(detail, published_rules(session, detail.get("rulebook_id")))


ANSWERS_KEPT = 4096
_ANSWERS: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, bytes]]] = weakref.WeakKeyDictionary()


_SCORE_ROW = select(cast(StoredScore.detail, Text), StoredScore.season).where(
    StoredScore.application_no == bindparam("no"))
"""Built once: ``Database.one_row`` compiles it once per database (issue 15)."""


def score_answer(db: Database, application_no: str) -> tuple[bytes, int]:
    """The body of ``GET /scores/{no}``: :func:`get_score` as JSON bytes, exactly as ``JSONResponse`` renders it,
    with the score's season (for the access record). 404 ``not_scored``. One keyed row (``Database.one_row``);
    nothing is written.

    The answer is kept in memory per database and application together with the text of the stored breakdown it
    was made from (the ``detail`` column), and given again only while the stored text is the same: a rescoring
    writes a new breakdown (a new ``scored_at`` at least), so it is never answered from an older one. The words
    come from the rulebook the score names, kept only when that rulebook is published (it never changes then). A
    read is then one keyed row and a string comparison instead of parsing, explaining and encoding some 3 KB
    (issue 15); the first read of each score after a start or a rescoring pays that once. At most
    ``ANSWERS_KEPT`` answers are kept per database (the oldest dropped first: some 10 MB)."""
    row = db.one_row(_SCORE_ROW, no=application_no)
    if row is None:
        raise NotScored(f"application {application_no} has not been scored")
    text, season = row
    kept = _ANSWERS.get(db.engine)
    hit = kept.get(application_no) if kept is not None else None
    if hit is not None and hit[0] == text:
        return hit[1], season
    detail = json.loads(text)
    rulebook_id = detail.get("rulebook_id")
    with db.read_session() as session:
        rules = published_rules(session, rulebook_id)
    body = json.dumps(explain_score(detail, rules), ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")  # as starlette's JSONResponse renders it
    if rules is not None and rulebook_id in _PUBLISHED.get(db.engine, {}):
        with _COMPILED_LOCK:
            kept = _ANSWERS.setdefault(db.engine, {})
            while len(kept) >= ANSWERS_KEPT:
                kept.pop(next(iter(kept)))
            kept[application_no] = (text, body)
    return body, season


_PUBLISHED: weakref.WeakKeyDictionary[Any, dict[str, Rules]] = weakref.WeakKeyDictionary()


def published_rules(session: Session, rulebook_id: str | None) -> Rules | None:
    """The compiled rules of a rulebook a stored score names, without reading it again once it is published (a
    published rulebook never changes: cached per database engine and id). ``None`` when there is no such rulebook
    or it no longer compiles (a read never fails on it: its texts then lack the numbers)."""
    engine = session.get_bind().engine  # the engine itself when the session is bound to one of its connections
    known = _PUBLISHED.get(engine)
    if known is not None and rulebook_id in known:
        return known[rulebook_id]
    row = session.get(Rulebook, rulebook_id) if rulebook_id else None
    if row is None:
        return None
    try:
        rules = rules_of(row)
    except RulebookInvalid:
        return None
    if row.state == "published":
        with _COMPILED_LOCK:
            _PUBLISHED.setdefault(engine, {})[rulebook_id] = rules
    return rules


_APPLICATION_NO = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")


def list_scores(session: Session, *, season: int, grade: int | None, limit: int, cursor: str | None) -> dict:
    """A page of ScoreSummary ordered by application_no after ``cursor`` (:mod:`common.paging`, listing ``scores``,
    keyed by the application_no); columns only, no JSON parsing."""
    if grade is not None and grade not in (1, 7):
        raise Invalid("grade is 1 or 7", code="grade_unknown", field="grade")
    after = paging.after("scores", cursor, key=str, pattern=_APPLICATION_NO)
    cols = (StoredScore.application_no, StoredScore.season, StoredScore.grade, StoredScore.rulebook_id,
            StoredScore.cutoff_date, StoredScore.eligible, StoredScore.family_score, StoredScore.other_guardian_score,
            StoredScore.earliest_continuous_since, StoredScore.residence_township_code, StoredScore.facts_digest,
            StoredScore.scored_at)
    query = select(*cols).where(StoredScore.season == season)
    if grade is not None:
        query = query.where(StoredScore.grade == grade)
    if after is not None:
        query = query.where(StoredScore.application_no > after)
    rows = session.execute(query.order_by(StoredScore.application_no).limit(limit + 1)).all()
    items = [{"application_no": no, "season": s, "grade": g, "rulebook_id": rid, "cutoff_date": cut.isoformat(),
              "eligible": ok, "family_score": _points(fam),
              "tie_break": {"other_guardian_score": _points(other),
                            "earliest_continuous_since": since.isoformat() if since else None},
              "residence_township_code": town, "facts_digest": digest, "scored_at": utc_text(at)}
             for no, s, g, rid, cut, ok, fam, other, since, town, digest, at in rows]
    return paging.page(items, limit, "scores", key=lambda i: i["application_no"])


def score_changes(session: Session, *, after: int, limit: int, cursor: str | None = None) -> dict[str, Any]:
    """The scores stored (or replaced) after change-feed position ``after`` (and after ``cursor``, listing
    ``score-changes``), in ``seq`` order → ``{items: [{seq, application_no, season, grade, rulebook_id, eligible,
    family_score, scored_at}], next_cursor, last_seq}``; resume with ``after=last_seq``. A score replaced twice since
    ``after`` appears once, at its latest seq."""
    after = max(after, paging.after_id("score-changes", cursor))
    rows = driver_rows(session, _CHANGES.where(StoredScore.seq > after).limit(limit + 1))
    rows, nxt = paging.cut(rows, limit, "score-changes", key=lambda r: r[0])
    flag = result_processor(session, StoredScore.__table__.c.eligible)
    instant = result_processor(session, StoredScore.__table__.c.scored_at)
    texts: dict[Any, str] = {}  # the driver's scored_at → its text: a job's page of scores shares one instant
    items = []
    for seq, no, season, grade, rid, ok, fam, at in rows:
        if (text := texts.get(at)) is None:
            text = texts[at] = utc_text(instant(at))
        items.append({"seq": seq, "application_no": no, "season": season, "grade": grade, "rulebook_id": rid,
                      "eligible": flag(ok), "family_score": _points(fam), "scored_at": text})
    return {"items": items, "next_cursor": nxt, "last_seq": items[-1]["seq"] if items else after}


_CHANGES = select(StoredScore.seq, StoredScore.application_no, StoredScore.season, StoredScore.grade,
                  StoredScore.rulebook_id, StoredScore.eligible, StoredScore.family_score,
                  StoredScore.scored_at).order_by(StoredScore.seq)
"""The change feed's columns, read as the driver gives them (``common.db.driver_rows``; issue 15: SQLAlchemy's
per-row processing and a datetime parsed and formatted per row were most of a page of enrollment's follow)."""


def what_if(session: Session, body: WhatIfIn) -> dict[str, Any]:
    """Score hypothetical facts (taken as confirmed) against any rulebook, draft or published; nothing is stored.
    Answers the explained Score (as :func:`get_score`)."""
    row = get_rulebook(session, body.rulebook_id)
    guardians = []
    for g in body.guardians:
        results = {}
        for kind in KIND_DEPARTMENT:
            value = getattr(g.facts, kind)
            if value is None:
                continue
            facts_list = value if isinstance(value, list) else [value]
            results[kind] = [{"id": None, "outcome": "confirmed", "department": KIND_DEPARTMENT[kind],
                              "facts": f.model_dump(mode="json", exclude_none=True)} for f in facts_list]
        guardians.append({"guardian_no": g.guardian_no, "results": results, "pending": []})
    rules = rules_of(row)
    case = {"application_no": None, "season": rules.season, "grade": body.grade,
            "child_birth_date": body.child_birth_date.isoformat(), "guardians": guardians}
    return explain_score(score_family(rules, case).to_dict(scored_at=utc_text(utcnow())), rules)
