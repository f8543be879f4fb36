"""Use cases for applications (BRIEF §4 steps 2–3): submission with its verification case in the same
transaction (outbox), batches, duplicates, the close of a season and grade once one of its runs is final,
withdrawal. Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from pydantic import ValidationError
from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import access
from common.db import DriverStatement
from common.errors import field_error, pydantic_errors
from common.identity import Identity
from common.logging import mask_id, mask_phone
from common.schemas import SHANGHAI
from enrollment import age_exceptions, events, outbox, search
from enrollment.config import Settings
from enrollment.counters import applications_sequence, lock_sequence, next_numbers
from enrollment.errors import (ApplicationNotFound, DuplicateApplication, Invalid, InvalidState, SeasonClosed,
                               WithdrawalClosed)
from enrollment.models import Application, OutboxRow, PlacementRow, Run, School, access_log
from enrollment.rules import (MAX_PRIVATE_CHOICES, MAX_PUBLIC_CHOICES, AgeRange, Problem, SchoolRef, application_no,
                              check_age, check_application, check_choices, month_day)
from enrollment.schemas import ApplicationIn


def application_view(app: Application | dict[str, Any], *, masked: bool = False) -> dict[str, Any]:
    """The Application answer, of a stored application or of the column values just inserted (:func:`_row`);
    ``masked`` hides ID numbers and phones (listings)."""
    if isinstance(app, dict):
        app = SimpleNamespace(**app)
    ident = mask_id if masked else (lambda v: v)
    phone = mask_phone if masked else (lambda v: v)
    return {"application_no": app.application_no, "season": app.season, "grade": app.grade, "state": app.state,
            "child": {"name": app.child_name, "id_number": ident(app.child_id_number),
                      "birth_date": app.child_birth_date.isoformat()},
            "guardians": [{**g, "id_number": ident(g["id_number"]), "phone": phone(g["phone"])} for g in app.guardians],
            "township_code": app.township_code, "public_choices": app.public_choices,
            "private_choices": app.private_choices, "claims": app.claims, "submitted_at": app.submitted_at,
            "withdrawn_at": app.withdrawn_at, "version": app.version,
            "previous_application_no": app.previous_application_no, "next_application_no": app.next_application_no}


# The statements of a submission, built once: SQLAlchemy finds their compiled form by a cache key the statement
# object remembers, where one built per call costs some 100 µs to key (issue 15: a submit ran 13 of them). Those
# that need no ORM objects run on the session's connection, past the ORM's execution layer; the hot ones on the
# driver's cursor (common.db.DriverStatement).
_SCHOOL_REFS = (select(School.code, School.kind, School.level, School.status)
                .where(School.code.in_(bindparam("codes", expanding=True))))
_EXISTING = (select(Application.child_id_number, Application.application_no)  # the child's active application
             .where(Application.season == bindparam("season"), Application.state == "submitted",
                    Application.child_id_number.in_(bindparam("ids", expanding=True))))
_WITHDRAWN = (select(Application.child_id_number, Application.application_no)  # withdrawn, not yet followed
              .where(Application.season == bindparam("season"), Application.state == "withdrawn",
                     Application.next_application_no.is_(None),
                     Application.child_id_number.in_(bindparam("ids", expanding=True)))
              .order_by(Application.id))
_CHOICES = MAX_PUBLIC_CHOICES + MAX_PRIVATE_CHOICES
_SCHOOL_REFS_ONE = DriverStatement(  # a single submission's choices: a slot each, the unused ones NULL (no match)
    select(School.code, School.kind, School.level, School.status)
    .where(School.code.in_([bindparam(f"c{i}") for i in range(_CHOICES)])))
_CHILD = DriverStatement(  # one child's look-up of a single submission: its active application and its withdrawn
    select(Application.application_no, Application.state)  # ones not yet followed, in order
    .where(Application.season == bindparam("season"), Application.child_id_number == bindparam("child"),
           or_(Application.state == "submitted",
               and_(Application.state == "withdrawn", Application.next_application_no.is_(None))))
    .order_by(Application.id))
_LINK = DriverStatement(Application.__table__.update().where(Application.application_no == bindparam("previous"))
                        .values(next_application_no=bindparam("next"), version=Application.version + 1))
_CLOSING = DriverStatement(select(Run.id).where(Run.season == bindparam("season"), Run.grade == bindparam("grade"),
                                                Run.state == "final").order_by(Run.id).limit(1))
_CLOSING_RUN = select(Run.id, Run.season, Run.grade, Run.finalised_at).where(Run.id == bindparam("id"))
_ROW_COLUMNS = ("application_no", "season", "grade", "child_name", "child_id_number", "child_birth_date", "guardians",
                "township_code", "public_choices", "private_choices", "claims", "state", "submitted_by",
                "submitted_at", "withdrawn_at", "version", "previous_application_no", "next_application_no")
_INSERT_APPLICATIONS = DriverStatement(Application.__table__.insert(), _ROW_COLUMNS)
_INSERT_OUTBOX = DriverStatement(OutboxRow.__table__.insert(), outbox.ROW_COLUMNS)


def _school_refs(session: Session | Connection, codes: Iterable[str]) -> dict[str, SchoolRef]:
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    if len(wanted) <= _CHOICES:
        rows = _SCHOOL_REFS_ONE.execute(session, {f"c{i}": wanted[i] if i < len(wanted) else None
                                                  for i in range(_CHOICES)}).fetchall()
    else:
        conn = session.connection() if isinstance(session, Session) else session
        rows = conn.execute(_SCHOOL_REFS, {"codes": wanted}).all()
    return {code: SchoolRef(kind, level, status) for code, kind, level, status in rows}


def _problems(session: Session, body: ApplicationIn, schools: dict[str, SchoolRef], guardian_min_age: int,
              ages: AgeRange) -> list[Problem]:
    """The first rules an application breaks: across its fields, the child's age for the grade (unless the bureau
    recorded an exception: looked up only for a child outside the range), its choices."""
    if problems := check_application(body, guardian_min_age=guardian_min_age):
        return problems
    if (age := check_age(body.season, body.grade, body.child.birth_date, ages)) and not age_exceptions.excepted(
            session, body.season, body.grade, [body.child.id_number]):
        return [age]
    return check_choices(body.grade, body.public_choices, body.private_choices, schools)


def _row(body: ApplicationIn, no: str, who: str, now: datetime) -> dict[str, Any]:
    """The ``applications`` row of a parsed application (a plain dict for a bulk insert)."""
    return {"application_no": no, "season": body.season, "grade": body.grade, "child_name": body.child.name,
            "child_id_number": body.child.id_number, "child_birth_date": body.child.birth_date,
            "guardians": [g.model_dump(mode="json") for g in body.guardians], "township_code": body.township_code,
            "public_choices": list(body.public_choices), "private_choices": list(body.private_choices),
            "claims": body.claims.model_dump(mode="json"), "state": "submitted", "submitted_by": who,
            "submitted_at": now, "withdrawn_at": None, "version": 1, "previous_application_no": None,
            "next_application_no": None}


def case_payload(row: dict[str, Any]) -> dict[str, Any]:
    """The verification case of an application row (docs/api.md ``POST /cases``; guardian_no = position + 1)."""
    return {"application_no": row["application_no"], "season": row["season"], "grade": row["grade"],
            "child_birth_date": row["child_birth_date"].isoformat(),
            "guardians": [{"guardian_no": i + 1, "name": g["name"], "id_number": g["id_number"]}
                          for i, g in enumerate(row["guardians"])],
            "claims": row["claims"]}


def _existing(session: Session, season: int, id_numbers: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(id_numbers))
    if not ids:
        return {}
    rows = session.connection().execute(_EXISTING, {"season": season, "ids": ids}).all()
    return {r.child_id_number: r.application_no for r in rows}


def _child_applications(session: Session | Connection, season: int, child: str) -> tuple[str | None, str | None]:
    """The child's active application of the season and its last withdrawn one not yet followed (one statement for
    a single submission; a twin committing meanwhile meets the unique index on the active child)."""
    active = withdrawn = None
    for no, state in _CHILD.execute(session, {"season": season, "child": child}).fetchall():
        if state == "submitted":
            active = no
        else:
            withdrawn = no
    return active, withdrawn


def _follow_withdrawn(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Applying again after a withdrawal (issue 17): each row's ``previous_application_no`` is the child's
    withdrawn application of the season not yet followed (the last one); returns the links to write on them."""
    links = []
    for season in {r["season"] for r in rows}:
        ids = sorted({r["child_id_number"] for r in rows if r["season"] == season})
        withdrawn = dict(conn.execute(_WITHDRAWN, {"season": season, "ids": ids}).all())
        for r in rows:
            if r["season"] == season and (previous := withdrawn.get(r["child_id_number"])):
                r["previous_application_no"] = previous
                links.append({"previous": previous, "next": r["application_no"]})
    return links


def _insert(session: Session, rows: list[dict[str, Any]], now: datetime, *, followed: bool = False) -> None:
    """Inserts of the tables on the driver's cursor (the rows carry every column): no ORM bulk-insert bookkeeping.
    A child's withdrawn application is linked to the new one both ways (``followed``: the rows' own
    ``previous_application_no`` was looked up already, :func:`submit_application`)."""
    conn = session.connection()
    links = ([{"previous": r["previous_application_no"], "next": r["application_no"]}
              for r in rows if r["previous_application_no"]] if followed else _follow_withdrawn(conn, rows))
    _INSERT_APPLICATIONS.execute(conn, rows)
    if links:
        _LINK.execute(conn, links)
    search.store_keys(conn, rows)  # keyed hashes of the child's ID and the phones (finding a child)
    _INSERT_OUTBOX.execute(conn, [outbox.row_values(topic=outbox.TOPIC_CASES, ref=r["application_no"],
                                                    payload=case_payload(r), now=now) for r in rows])
    events.record(session, events.SUBMITTED, [(r["application_no"], r["season"], r["grade"], {}) for r in rows],
                  now=now)


def _store(session: Session, rows: list[dict[str, Any]], now: datetime) -> list[str | None]:
    """Insert applications and their verification cases (outbox) in bulk; per row the existing application number
    when a concurrent twin of the child won the race (then rows go one by one, each in a savepoint), else None."""
    if not rows:
        return []
    try:
        with session.begin_nested():
            _insert(session, rows, now)
        return [None] * len(rows)
    except IntegrityError:
        pass
    out: list[str | None] = []
    for row in rows:
        try:
            with session.begin_nested():
                _insert(session, [row], now)
            out.append(None)
        except IntegrityError:
            out.append(_existing(session, row["season"], [row["child_id_number"]]).get(row["child_id_number"], "?"))
    return out


def closing_run(session: Session | Connection, season: int, grade: int) -> Any:
    """The first final run of the season and grade, if any (``id``, ``season``, ``grade``, ``finalised_at``: one
    Core row, no ORM object): placement is over (BRIEF §4 step 6) and the season takes no more applications for
    that grade. Read it with the application sequence locked (:func:`enrollment.counters.lock_sequence`, also taken
    by ``runs.finalise_run``): then a submission either commits before a finalisation starts or sees its final
    run."""
    found = _CLOSING.execute(session, {"season": season, "grade": grade}).fetchone()
    if found is None:
        return None
    return (session.connection() if isinstance(session, Session) else session).execute(
        _CLOSING_RUN, {"id": found[0]}).first()


def _closed_detail(run: Any) -> str:
    when = f" on {run.finalised_at.astimezone(SHANGHAI):%Y-%m-%d}" if run.finalised_at else ""
    return (f"season {run.season} grade {run.grade} is closed: run {run.id} is final (finalised{when}); "
            "no new applications are taken")


def submit_application(session: Session, body: ApplicationIn, *, who: str, now: datetime,
                       guardian_min_age: int = 14, ages: AgeRange = AgeRange()) -> dict[str, Any]:
    """Store one application and queue its verification case in the same transaction (BRIEF §4 steps 2–3).

    Errors: 422 with ``field`` and a code of :func:`rules.check_application`, :func:`rules.check_age`
    (``age_out_of_range`` unless the bureau recorded an exception, :mod:`enrollment.age_exceptions`) or
    :func:`rules.check_choices`;
    409 ``duplicate_application`` with ``existing_application_no`` for a second application of the child;
    409 ``season_closed`` (``field: "season"``, ``final_run_id``) once a run of the season and grade is final.
    The caller rolls back on error, so a refused application takes no number (a twin that wins the race for the
    child between the check and the insert rolls the session back here). Returns the stored row's values
    (:func:`application_view` takes them as they are: nothing is read back).
    """
    conn = session.connection()
    if problems := _problems(session, body, _school_refs(conn, [*body.public_choices, *body.private_choices]),
                             guardian_min_age, ages):
        p = problems[0]
        raise Invalid(p.detail, code=p.code, field=p.field)
    existing, withdrawn = _child_applications(conn, body.season, body.child.id_number)
    if existing:
        raise _duplicate(existing)
    (seq,) = next_numbers(conn, applications_sequence(body.season, body.grade))  # locks the sequence
    if closing := closing_run(conn, body.season, body.grade):
        raise SeasonClosed(_closed_detail(closing), field="season", final_run_id=closing.id)
    row = _row(body, application_no(body.season, body.grade, seq), who, now)
    row["previous_application_no"] = withdrawn  # applying again after a withdrawal (issue 17)
    try:  # no savepoint around it: a refusal here refuses the whole submission
        _insert(session, [row], now, followed=True)
    except IntegrityError:  # a twin of the child committed since _existing; read its number afresh
        session.rollback()
        raise _duplicate(_existing(session, body.season, [body.child.id_number]).get(body.child.id_number, "?"))
    return row


def _duplicate(existing: str) -> DuplicateApplication:
    return DuplicateApplication(f"this child already has application {existing} this season",
                                existing_application_no=existing)


def submit_batch(session: Session, items: list[dict[str, Any]], *, who: str, now: datetime,
                 guardian_min_age: int = 14, ages: AgeRange = AgeRange()) -> dict[str, Any]:
    """Store the good items of a batch (≤ 1,000) and report the others, in item order (docs/api.md):
    ``{created, duplicates, rejected, items: [{index, status, application_no | existing_application_no | code,
    detail, field}]}``. A child twice in one batch: the second is a duplicate of the first. An item for a season
    and grade with a final run (:func:`closing_run`) is ``rejected`` with code ``season_closed``, field
    ``season``, unless the child already has an application (then it is a ``duplicate`` as ever)."""
    results: list[dict[str, Any] | None] = [None] * len(items)
    parsed: list[tuple[int, ApplicationIn]] = []
    for i, item in enumerate(items):
        try:
            parsed.append((i, ApplicationIn.model_validate(item)))
        except ValidationError as exc:
            errors = pydantic_errors(exc.errors(), item)  # each with its rule code, as a single POST answers
            field, message = errors[0]["field"], errors[0]["message"]
            results[i] = {"index": i, "status": "rejected", "code": "validation_error", "field": field or None,
                          "detail": f"{field}: {message}" if field else message, "errors": errors}
    refs = _school_refs(session, [c for _, b in parsed for c in (*b.public_choices, *b.private_choices)])
    good: list[tuple[int, ApplicationIn]] = []
    for i, body in parsed:
        if problems := _problems(session, body, refs, guardian_min_age, ages):
            p = problems[0]
            results[i] = {"index": i, "status": "rejected", "code": p.code, "field": p.field, "detail": p.detail,
                          "errors": [field_error(p.field, p.code, p.detail)]}
        else:
            good.append((i, body))
    closed: dict[tuple[int, int], Any] = {}
    for season, grade in sorted({(b.season, b.grade) for _, b in good}):  # one lock order for every batch
        lock_sequence(session, applications_sequence(season, grade))
        if closing := closing_run(session, season, grade):
            closed[(season, grade)] = closing
    known: dict[tuple[int, str], str] = {}
    for season in {b.season for _, b in good}:
        for child, no in _existing(session, season, [b.child.id_number for _, b in good if b.season == season]).items():
            known[(season, child)] = no
    fresh: list[tuple[int, ApplicationIn]] = []
    pending: dict[tuple[int, str], int] = {}  # (season, child) → index of the batch item that takes it
    for i, body in good:
        key = (body.season, body.child.id_number)
        if key in known:
            results[i] = _dup_item(i, known[key])
        elif closing := closed.get((body.season, body.grade)):
            results[i] = {"index": i, "status": "rejected", "code": "season_closed", "field": "season",
                          "detail": _closed_detail(closing)}
        elif key in pending:
            results[i] = {"index": i, "status": "duplicate", "existing_index": pending[key]}
        else:
            pending[key] = i
            fresh.append((i, body))
    numbers: dict[int, str] = {}
    for season, grade in sorted({(b.season, b.grade) for _, b in fresh}):
        group = [i for i, b in fresh if (b.season, b.grade) == (season, grade)]
        for i, seq in zip(group, next_numbers(session, applications_sequence(season, grade), len(group))):
            numbers[i] = application_no(season, grade, seq)
    rows = [_row(body, numbers[i], who, now) for i, body in fresh]
    for (i, _), twin in zip(fresh, _store(session, rows, now)):
        results[i] = _dup_item(i, twin) if twin else {"index": i, "status": "created", "application_no": numbers[i]}
    for i, r in enumerate(results):
        if r is not None and r.get("status") == "duplicate" and "existing_index" in r:
            first = results[r.pop("existing_index")] or {}
            r["existing_application_no"] = first.get("application_no") or first.get("existing_application_no")
            r["code"], r["detail"] = "duplicate_application", "the same child appears earlier in this batch"
    final = [r for r in results if r is not None]
    return {"created": sum(r["status"] == "created" for r in final),
            "duplicates": sum(r["status"] == "duplicate" for r in final),
            "rejected": sum(r["status"] == "rejected" for r in final), "items": final}


def _dup_item(i: int, existing: str) -> dict[str, Any]:
    return {"index": i, "status": "duplicate", "existing_application_no": existing, "code": "duplicate_application",
            "detail": f"this child already has application {existing} this season"}


def get_application(session: Session, no: str, *, for_update: bool = False) -> Application:
    """The application, 404 ``application_not_found``; ``for_update`` locks its row (a state change follows)."""
    query = select(Application).where(Application.application_no == no)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    app = session.scalar(query)
    if app is None:
        raise ApplicationNotFound(f"no application {no}")
    return app


def withdraw_application(session: Session, no: str, *, today: date, now: datetime, settings: Settings) -> Application:
    """Withdraw up to the season's cut-off day (setting ``withdraw_cutoff``, the rulebook's 积分截止日): the record
    stays, state ``withdrawn``, excluded from later runs; its verification case is withdrawn through the outbox
    (topic ``verification.withdrawals``: the case's requests leave the departments' queues, verification's
    ``POST /cases/{no}/withdrawal``). Withdrawing twice answers the same record and queues nothing more.
    Errors: 409 ``withdrawal_closed`` after the cut-off; 409 ``invalid_state`` once placed by a final run."""
    app = get_application(session, no, for_update=True)
    if app.state == "withdrawn":
        return app
    cutoff = month_day(app.season, settings.withdraw_cutoff)
    if today > cutoff:
        raise WithdrawalClosed(f"withdrawals for season {app.season} closed on {cutoff}")
    placed = session.scalar(select(func.count()).select_from(PlacementRow).join(Run, Run.id == PlacementRow.run_id)
                            .where(PlacementRow.application_no == no, Run.state == "final",
                                   PlacementRow.school_code.is_not(None)))
    if placed:
        raise InvalidState(f"application {no} is already placed by a final run")
    app.state, app.withdrawn_at, app.version = "withdrawn", now, app.version + 1
    events.record(session, events.WITHDRAWN, [(no, app.season, app.grade, {})], now=now)
    outbox.enqueue(session, topic=outbox.TOPIC_WITHDRAWALS, ref=no, payload={"application_no": no}, now=now,
                   idempotency_key=f"withdrawal-{no}")
    session.flush()
    return app


def record_read(session: Session, who: Identity, application_no: str, endpoint: str,
                season: int | None = None) -> None:
    """Record a read of one application's personal data (common.access; one INSERT, plus the season's look-up
    when not given) in ``session``'s transaction."""
    if season is None:
        season = session.scalar(select(Application.season).where(Application.application_no == application_no))
    access.record(session, access_log, who, application_no=application_no, season=season, endpoint=endpoint)
