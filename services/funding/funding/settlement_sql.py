"""The settlement arithmetic of :mod:`funding.settlement_rules` as SQL expressions, so a semester's lines are computed
and stored by the database in one ``INSERT … SELECT`` a school (BRIEF §8, plan 三(四); issue 19's figure: 50 schools
× 20 000 seats within 3 s). Integers only, on SQLite and PostgreSQL alike:

- days held in the period = ``min(end, last) − max(start, first) + 1`` (both ends inclusive, an open seat's end is
  the period's last day), as :func:`funding.settlement_rules.days_enrolled`; a seat held the whole period gets the
  period's day count without any date arithmetic;
- amount = ``(2 × tariff_fen × days + semester_days) DIV (2 × semester_days)``: integer division of non-negative
  integers, which is :func:`funding.settlement_rules.prorate_fen`'s half-up rounding (with ``n = tariff × days =
  q × sd + r``, the quotient is ``q + 1`` exactly when ``2r ≥ sd``).

The pure module stays the definition; ``tests/funding/test_funding_settlement_sql.py`` checks these expressions
against it on both backends (every day count of a semester, spans around both ends, open seats, seats that never
started), and approval compares the stored lines with a fresh computation.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Integer, and_, case, cast, func, literal, or_, type_coerce
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from funding.settlement_rules import Period


class DaysFrom(FunctionElement):
    """``hi − lo`` in whole days for two date expressions, as an integer (``DaysFrom(lo, hi)``)."""

    type = Integer()
    inherit_cache = True
    name = "days_from"


@compiles(DaysFrom)
def _days_from_default(element: DaysFrom, compiler: Any, **kw: Any) -> str:
    lo, hi = list(element.clauses)
    return f"({compiler.process(hi, **kw)} - {compiler.process(lo, **kw)})"  # PostgreSQL: date − date is an integer


@compiles(DaysFrom, "sqlite")
def _days_from_sqlite(element: DaysFrom, compiler: Any, **kw: Any) -> str:
    # dates are ISO text on SQLite; julianday() of a date is an exact x.5 double, so the difference is an exact
    # whole number (no money involved: a count of days)
    lo, hi = list(element.clauses)
    return f"CAST(julianday({compiler.process(hi, **kw)}) - julianday({compiler.process(lo, **kw)}) AS INTEGER)"


def _greatest(a: ColumnElement, b: Any) -> ColumnElement:
    return case((a > b, a), else_=b)


def _least(a: ColumnElement, b: Any) -> ColumnElement:
    return case((a < b, a), else_=b)


def days_held(period: Period, start: ColumnElement, end: ColumnElement) -> ColumnElement:
    """SQL: the days of ``period`` a seat running ``start``..``end`` (``NULL`` = open) holds, for a seat whose span
    meets the period or ends the day before it starts (the caller's ``WHERE``; such a seat gives 0 or less, so
    filter ``> 0``). :func:`funding.settlement_rules.days_enrolled` in SQL."""
    first, last = literal(period.starts_on), literal(period.ends_on)
    whole = and_(start <= first, or_(end.is_(None), end >= last))
    lo = _greatest(start, first)
    hi = _least(func.coalesce(end, last), last)
    return case((whole, period.days), else_=DaysFrom(lo, hi) + 1)


def prorate(tariff_fen: int, days: ColumnElement, semester_days: int) -> ColumnElement:
    """SQL: ``tariff_fen × days ÷ semester_days`` rounded half-up to the fen, in integers
    (:func:`funding.settlement_rules.prorate_fen`). ``ValueError`` for a negative tariff or ``semester_days < 1``."""
    if tariff_fen < 0 or semester_days < 1:
        raise ValueError(f"cannot prorate tariff {tariff_fen} fen over {semester_days} days")
    num = type_coerce(days, BigInteger) * literal(2 * tariff_fen, BigInteger) + literal(semester_days, BigInteger)
    return cast(num // literal(2 * semester_days, BigInteger), BigInteger)
