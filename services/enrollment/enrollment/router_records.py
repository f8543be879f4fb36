"""The bureau's records in enrollment: spreadsheet imports of schools, seats and plans (``enrollment.imports``),
and who changed a school, its seats or its plans (change history, ``common.history``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Path, Query, UploadFile

from common import access, history
from common.db import ReadSession, WriteSession, utcnow
from common.identity import Caller
from common.schemas import IntParam, Page
from common.sheets import read_table
from enrollment import applications, imports, schools, search
from enrollment.deps import Cursor, Limit, SettingsDep
from enrollment.models import access_log, change_history
from enrollment.schemas import LookupIn, SearchIn

router = APIRouter()
Keeper = Caller("bureau", "auditor")
Bureau = Caller("bureau")
ImportKind = Literal["schools", "seats", "plans"]


@router.post("/imports/{kind}", tags=["imports"], response_model=None)
def import_file(kind: ImportKind, who: Bureau, session: WriteSession, settings: SettingsDep,
                file: Annotated[UploadFile, File(description="a .csv or .xlsx file (sheet named as the kind)")],
                dry_run: Annotated[bool, Query(description="check every row, write nothing")] = False
                ) -> dict[str, Any]:
    """Import the bureau's file of schools, migrant seats or private plans (multipart/form-data, field ``file``;
    CSV in UTF-8 or GB18030, or XLSX with a sheet named ``kind`` or one sheet; columns as in ``data/*.csv`` or
    their Chinese labels). Every row is checked first with the same rules as the single-record endpoints; any
    refused row → 422 ``import_refused`` with ``refused: [{sheet, row, column, value, code, reason_en,
    reason_zh}]`` and nothing written. Else → ``{kind, sheet, rows, created, updated, unchanged, dry_run, written,
    message}``: an unchanged row writes nothing (the same file twice: ``written: false``), a changed row updates
    that record only (and its history). 422 ``bad_upload`` for a file that is not CSV/XLSX or lacks columns."""
    table = read_table(file.file.read(), file.filename or "", kind, imports.ALIASES)
    return imports.import_rows(session, table, kind, who=who, now=utcnow(), settings=settings, dry_run=dry_run)
Code = Annotated[str, Path(max_length=32)]
SeasonPath = Annotated[IntParam, Path(ge=2000, le=2100)]
GradePath = Annotated[IntParam, Path(ge=1, le=9)]


@router.get("/schools/{code}/history", response_model=Page, tags=["history"])
def school_history(code: Code, who: Keeper, session: ReadSession, limit: Limit = 100,
                   cursor: Cursor = None) -> dict[str, Any]:
    """Changes of a school, oldest first: ``{items: [{id, resource: "school", key, action: create | update, actor
    (role:subject), at (Asia/Shanghai), at_utc, before, after}], next_cursor}``. 404 ``school_not_found``."""
    schools.get_school(session, code)
    return history.read(session, change_history, resource="school", key=code, limit=limit, cursor=cursor)


@router.get("/schools/{code}/seats/{season}/{grade}/history", response_model=Page, tags=["history"])
def seats_history(code: Code, season: SeasonPath, grade: GradePath, who: Keeper, session: ReadSession,
                  limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Changes of a public school's migrant seats for a season and grade (``before`` / ``after``:
    ``{migrant_seats}``), oldest first, paged. 404 ``school_not_found``."""
    schools.get_school(session, code)
    return history.read(session, change_history, resource="seats", key=f"{code}/{season}/{grade}", limit=limit,
                        cursor=cursor)


@router.get("/schools/{code}/plans/{season}/{grade}/history", response_model=Page, tags=["history"])
def plan_history(code: Code, season: SeasonPath, grade: GradePath, who: Keeper, session: ReadSession,
                 limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Changes of a private school's enrollment plan for a season and grade (``{planned}``), oldest first, paged.
    404 ``school_not_found``."""
    schools.get_school(session, code)
    return history.read(session, change_history, resource="plan", key=f"{code}/{season}/{grade}", limit=limit,
                        cursor=cursor)


# ---- finding a child (enrollment.search) -------------------------------------------------------------------------

@router.post("/applications/search", response_model=Page, tags=["applications"])
def search_applications(body: SearchIn, who: Bureau, session: ReadSession) -> dict[str, Any]:
    """Find applications (a POST, so an ID number or phone never lands in a URL or an access log): by
    ``application_no``, the child's full ``child_id_number`` or a guardian's ``phone`` (exact, keyed hash), ``school_code``
    (a public or private choice), ``township_code``, ``state``, ``season``, ``grade``; every given filter must
    match → page of Application, ID numbers and phones masked, in submission order (``limit``, ``cursor``)."""
    filters = body.model_dump(exclude={"limit", "cursor"}, exclude_none=True)
    rows, nxt = search.search(session, **filters, limit=body.limit, cursor=body.cursor)
    return {"items": [applications.application_view(a, masked=True) for a in rows], "next_cursor": nxt}


@router.post("/applications/lookup", response_model=Page, tags=["applications"])
def lookup_applications(body: LookupIn, who: Caller("platform"), session: ReadSession) -> dict[str, Any]:
    """The platform's look-up of its own applications (those it submitted) by the child's full ID number (exact,
    keyed hash; optionally one ``season``) → ``{items: [Application masked], next_cursor: null}``."""
    rows, _ = search.search(session, child_id_number=body.child_id_number, season=body.season,
                            submitted_by=who.subject, limit=1000)
    return {"items": [applications.application_view(a, masked=True) for a in rows], "next_cursor": None}


@router.post("/search-keys/rekey", tags=["applications"], response_model=None)
def rekey_search_keys(who: Bureau, session: WriteSession,
                      batch: Annotated[IntParam, Query(ge=1, le=10_000, description="applications per call")] = 1000
                      ) -> dict[str, Any]:
    """Re-key the search hashes (after ``ENROLLMENT_SEARCH_KEY`` changed; the old key as
    ``ENROLLMENT_SEARCH_KEY_PREVIOUS`` meanwhile): recompute those of up to ``batch`` applications not yet under the
    current key, in one transaction → ``{rekeyed, remaining, key_fingerprint}`` (counts of applications and the
    key's fingerprint, never a number). Call again until ``remaining`` is 0 (``tongcheng rekey-search-hashes``);
    stopping between calls loses nothing."""
    out = search.rekey(session, batch=batch)
    session.commit()
    return out


# ---- who read whose data (common.access) -------------------------------------------------------------------------

router.include_router(access.router(access_log, prefix="ENROLLMENT_"))
