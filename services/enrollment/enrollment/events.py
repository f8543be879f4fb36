"""The platform's feed of application changes (issue 13): every change of an application's state, in order, with a
stable id, resumable from any id — and bulk status for up to 1,000 application numbers.

Events are written in the same transaction as the change they report: ``submitted`` (with the application),
``verified`` and ``scored`` (with the position of verification's or points' change feed they follow:
:mod:`enrollment.progress_feed`), ``withdrawn``, ``placed`` (each application of a run when it is first published for its season and grade; a
waitlisted child too, with the reason), ``moved`` (a re-run published: each child whose place differs from the
last published run, with from and to), ``final`` (each application of a run when it is finalised). Ids come
from the ``events`` counter (:func:`enrollment.counters.next_numbers`): its row stays locked until commit, so ids
become visible in increasing order and a reader resuming after an id misses none. Functions take a session and
never commit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from common import json_codec, paging
from common.db import DriverStatement, bind_processor, driver_rows, insert_rows
from common.schemas import utc_text
from enrollment.counters import next_numbers
from enrollment.errors import Invalid
from enrollment.evidence import Outcome
from enrollment.models import Application, Event, PlacementRow, Run

SUBMITTED, WITHDRAWN, PLACED, MOVED, FINAL = "submitted", "withdrawn", "placed", "moved", "final"
VERIFIED, SCORED = "verified", "scored"
KINDS = (SUBMITTED, VERIFIED, SCORED, WITHDRAWN, PLACED, MOVED, FINAL)
SEQUENCE = "events"
MAX_BULK = 1000
_APPLICATION_NO = re.compile(r"HY[0-9]{4}-[0-9]-[0-9]{6,}")


_COLUMNS = ("id", "application_no", "kind", "season", "grade", "run_id", "data", "at")
_INSERT_EVENTS = DriverStatement(Event.__table__.insert(), _COLUMNS)  # built once, run on the driver's cursor:
# every submission records one (issue 15)
BULK = 100  # from this many events on, one bulk write (common.db.insert_rows) instead of a Core insert


def record(session: Session, kind: str, items: Sequence[tuple[str, int, int, dict[str, Any]]], *, now: datetime,
           run_id: int | None = None) -> None:
    """Append one event of ``kind`` per ``(application_no, season, grade, data)``, ids in the order given. A run's
    thousands of events go as one bulk write, their ``data`` and ``at`` converted as the Core insert would."""
    if not items:
        return
    conn = session.connection()
    ids = next_numbers(conn, SEQUENCE, len(items))
    if len(items) < BULK:
        _INSERT_EVENTS.execute(conn, [{"id": i, "application_no": no, "kind": kind, "season": season, "grade": grade,
                                       "run_id": run_id, "data": data, "at": now}
                                      for i, (no, season, grade, data) in zip(ids, items)])
        return
    table = Event.__table__
    data_of, at = bind_processor(session, table.c.data), bind_processor(session, table.c.at)(now)
    insert_rows(session, table, _COLUMNS, [(i, no, kind, season, grade, run_id, data_of(data), at)
                                           for i, (no, season, grade, data) in zip(ids, items)])


def _place(o: Outcome | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"placed": o.placed, "school_code": o.school_code, "round": o.round, "tier": o.tier,
            "choice_rank": o.choice_rank, "reason": o.reason}


def on_publish(session: Session, run: Run, outcomes: Mapping[str, Outcome], *, now: datetime) -> None:
    """``placed`` for every application of the run when no earlier run of its season and grade was published;
    after one was (the run this one superseded), ``moved`` for each child whose place differs from it."""
    earlier = session.scalar(select(Run).where(Run.superseded_by == run.id, Run.published_at.is_not(None))
                             .order_by(Run.id.desc()).limit(1))
    if earlier is None:
        record(session, PLACED, [(no, run.season, run.grade, _place(o)) for no, o in sorted(outcomes.items())],
               now=now, run_id=run.id)
        return
    before = {r.application_no: Outcome(r.round, r.school_code, r.tier, r.choice_rank, r.reason) for r in
              session.execute(select(PlacementRow.application_no, PlacementRow.round, PlacementRow.school_code,
                                     PlacementRow.tier, PlacementRow.choice_rank, PlacementRow.reason)
                              .where(PlacementRow.run_id == earlier.id))}
    moved = [(no, run.season, run.grade, {**_place(o), "from": _place(before.get(no)), "previous_run_id": earlier.id})
             for no, o in sorted(outcomes.items()) if before.get(no) != o]
    record(session, MOVED, moved, now=now, run_id=run.id)


def on_finalise(session: Session, run: Run, outcomes: Mapping[str, Outcome], *, now: datetime) -> None:
    """``final`` for every application of the finalised run, with its place or reason."""
    record(session, FINAL, [(no, run.season, run.grade, _place(o)) for no, o in sorted(outcomes.items())],
           now=now, run_id=run.id)


def event_view(e: Event) -> dict[str, Any]:
    """One feed event as the API answers it: ``{id, application_no, kind, season, grade, run_id, at (UTC), data}``."""
    return {"id": e.id, "application_no": e.application_no, "kind": e.kind, "season": e.season, "grade": e.grade,
            "run_id": e.run_id, "at": e.at, "data": e.data}


_PAGE = (select(Event.id, Event.application_no, Event.kind, Event.season, Event.grade, Event.run_id, Event.at,
                Event.data).where(Event.id > bindparam("after")).order_by(Event.id).limit(bindparam("fetch")))
"""Built once: a keyset read on the primary key, rows as the driver gives them (issues 13, 15)."""


def _page_rows(session: Session, *, after: int, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]],
                                                                                         str | None, int]:
    """The page's events as dicts with ``at`` already as its text (:func:`_utc_iso`), its
    ``next_cursor`` and ``last_id``. Rows come from the driver (:func:`common.db.driver_rows`), without
    SQLAlchemy's per-row processing: on SQLite ``data`` is JSON text and ``at`` the stored naive UTC text, on
    PostgreSQL psycopg gives a parsed ``data`` and an aware ``at``."""
    after = max(after, paging.after_id("events", cursor))
    rows = driver_rows(session, _PAGE.params(after=after, fetch=limit + 1))
    items, nxt = paging.cut(rows, limit, "events", key=lambda e: e[0])
    loads, text = json.loads, str
    out = [{"id": i, "application_no": no, "kind": kind, "season": season, "grade": grade, "run_id": run_id,
            "at": _utc_iso(at), "data": loads(data) if type(data) is text else data}
           for i, no, kind, season, grade, run_id, at, data in items]
    return out, nxt, items[-1][0] if items else after


def _utc_iso(at: Any) -> str:
    """``at`` as every instant of an answer is written (docs/api.md Conventions, :func:`common.schemas.utc_text`):
    UTC with ``Z``."""
    if isinstance(at, str):  # SQLite: naive UTC as stored
        at = datetime.fromisoformat(at)
    return utc_text(at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at)


def page_json(session: Session, *, after: int, limit: int, cursor: str | None = None) -> bytes:
    """Events with id > ``after`` (and after ``cursor``, :mod:`common.paging` listing ``events``, when given),
    oldest first, at most ``limit``, as the API's JSON ``{items, next_cursor, last_id}``: ``next_cursor`` resumes
    after this page when more may follow (else null); ``last_id`` = the last id given (or where the page started):
    resume with ``after=last_id`` (or ``cursor=next_cursor``). One query: a keyset read on the primary key. Encoded
    once (compact UTF-8, ``at`` in UTC with ``Z`` like every instant answered, without FastAPI's per-value
    ``jsonable_encoder`` walk)."""
    items, nxt, last = _page_rows(session, after=after, limit=limit, cursor=cursor)
    doc = {"items": items, "next_cursor": nxt, "last_id": last}
    return json_codec.dumps_text(doc).encode("utf-8")  # orjson: the bytes json's compact encoder gave, faster


def bulk_status(session: Session, numbers: Iterable[str]) -> list[dict[str, Any]]:
    """Where each application stands (up to 1,000 numbers, each once, in the order given): ``{application_no,
    found, state (submitted | withdrawn), season, grade, run_id, run_state, placed, school_code, round, tier,
    choice_rank, reason}`` from the latest published or final run that includes it (run fields null before one).
    422 ``invalid`` for a number that is not an application number."""
    wanted = list(dict.fromkeys(numbers))
    bad = next((i for i, no in enumerate(wanted) if not _APPLICATION_NO.fullmatch(no)), None)
    if bad is not None:
        raise Invalid(f"{wanted[bad]!r} is not an application number", code="application_no_format",
                      field=f"application_nos.{bad}")
    apps = {a.application_no: a for a in session.scalars(select(Application)
                                                         .where(Application.application_no.in_(wanted)))}
    latest: dict[str, tuple[PlacementRow, Run]] = {}
    rows = session.execute(select(PlacementRow, Run).join(Run, Run.id == PlacementRow.run_id)
                           .where(PlacementRow.application_no.in_(wanted), Run.state.in_(("published", "final")))
                           .order_by(Run.id))
    for p, run in rows:
        latest[p.application_no] = (p, run)  # later runs override earlier ones
    out = []
    for no in wanted:
        a = apps.get(no)
        p, run = latest.get(no, (None, None))
        out.append({"application_no": no, "found": a is not None, "state": a.state if a else None,
                    "season": a.season if a else None, "grade": a.grade if a else None,
                    "run_id": run.id if run else None, "run_state": run.state if run else None,
                    "placed": p.school_code is not None if p else None, "school_code": p.school_code if p else None,
                    "round": p.round if p else None, "tier": p.tier if p else None,
                    "choice_rank": p.choice_rank if p else None, "reason": p.reason if p else None})
    return out
