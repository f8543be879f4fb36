"""What finance will owe (BRIEF §8, plan 三(四)): the cost of the coming semesters of a school year, projected from
the purchased seats held now. Pure: seats, levels, tariffs and semester spans in; integer fen out (yuan strings only
at the edge) — never a float.

For each semester and school: **continuing** seats (started before it — before the school year for its first semester
— not ended before it starts, the pupil in the school's grades then — :mod:`funding.progression`), **new intake**
(seats handed over from the season's private placements that start from the school year's first day, or during a
later semester), **completing** (continuing seats whose last semester it is: the top grade's spring,
:func:`funding.progression.closes_school_year`, as :func:`funding.schooling.complete_due` ends them). Each counted seat costs a whole semester at the school's tariff (the decided one for that semester,
else the school's latest, carried forward; none → 0 and the school is listed as without a tariff), the assumption
being that a pupil on the roll today stays; leavers and late starters are what the settlements will correct.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from funding import progression
from funding.settlement_rules import Period

SeatRow = tuple[str, int, date, date | None]
"""``(school_code, entry_grade, start_date, end_date | None)``."""


@dataclass
class SchoolForecast:
    school_code: str
    level: str
    continuing: int = 0
    new_intake: int = 0
    completing: int = 0
    tariff_fen: int | None = None
    tariff_source: str = "none"  # decided | carried | none

    @property
    def seats(self) -> int:
        return self.continuing + self.new_intake

    @property
    def amount_fen(self) -> int:
        return self.seats * (self.tariff_fen or 0)


@dataclass
class SemesterForecast:
    code: str
    period: Period
    schools: list[SchoolForecast] = field(default_factory=list)

    @property
    def amount_fen(self) -> int:
        return sum(s.amount_fen for s in self.schools)

    @property
    def seats(self) -> int:
        return sum(s.seats for s in self.schools)


def project(seats: Iterable[SeatRow], levels: dict[str, str], semesters: list[tuple[str, Period]],
            tariffs: dict[tuple[str, str], int], latest_tariff: dict[str, int],
            starts: progression.YearStart = (7, 16)) -> list[SemesterForecast]:
    """Project ``semesters`` (``(code, period)`` in order) from ``seats``. ``levels``: school → level (a school
    missing there takes the level its lowest seat grade implies); ``tariffs``: (school, semester) → decided fen;
    ``latest_tariff``: school → its latest decided fen (carried into semesters without one)."""
    rows = list(seats)
    lowest: dict[str, int] = {}
    for school, grade, _, _ in rows:
        lowest[school] = min(grade, lowest.get(school, 9))
    out = []
    previous_end: date | None = None
    for code, period in semesters:
        by_school: dict[str, SchoolForecast] = {}
        year = progression.school_year(period.starts_on, starts)
        intake_from = _intake_from(period, previous_end, year, starts)
        previous_end = period.ends_on
        closes = progression.closes_school_year(period.starts_on, starts)
        windows: dict[str, dict[int, tuple[date, date]]] = {}
        for school, grade, start, end in rows:
            if start > period.ends_on or (end is not None and end < period.starts_on):
                continue
            level = levels.get(school) or progression.level_for_grade(lowest[school])
            if school not in windows:
                windows[school] = progression.start_windows(period.starts_on, level, starts)
            window = windows[school].get(grade)
            if window is None or not window[0] <= start <= window[1]:
                continue  # outside the school's grades that semester
            f = by_school.get(school)
            if f is None:
                f = by_school[school] = SchoolForecast(school, level)
            if start < intake_from:
                f.continuing += 1
                top = progression.grades_of(level)[1]
                if closes and progression.final_school_year(grade, start, top, starts) == year:
                    f.completing += 1
            else:
                f.new_intake += 1
        for school, f in by_school.items():
            if (school, code) in tariffs:
                f.tariff_fen, f.tariff_source = tariffs[(school, code)], "decided"
            elif school in latest_tariff:
                f.tariff_fen, f.tariff_source = latest_tariff[school], "carried"
        out.append(SemesterForecast(code, period, [by_school[k] for k in sorted(by_school)]))
    return out


def _intake_from(period: Period, previous_end: date | None, year: int, starts: progression.YearStart) -> date:
    """The first day a seat may start to count as new intake in ``period`` rather than continuing: the day after
    the previous listed semester of the same school year ended, else the school year's first day — so the season's
    placements, handed over to start on the school year's start (enrollment's ``school_year_start``, which may lie
    before the autumn semester's first day), are the autumn's intake and not its continuing seats."""
    first = date(year, *starts)
    if previous_end is not None and previous_end >= first:
        return previous_end + timedelta(days=1)
    return first


def by_budget_year(forecasts: list[SemesterForecast]) -> dict[int, int]:
    """Forecast fen per budget year (the calendar year a semester starts in, as :mod:`funding.budget` counts)."""
    out: dict[int, int] = defaultdict(int)
    for f in forecasts:
        out[f.period.starts_on.year] += f.amount_fen
    return dict(out)


# ---- use case (a session in, never commits) --------------------------------------------------------------------

def forecast_year(session, year: int, settings) -> dict:
    """The forecast of school year ``year`` (its ``<year>-autumn`` and ``<year+1>-spring`` semesters, configured
    dates where configured, else the defaults) from the seats held now, with each budget year it touches →
    ``{school_year, semesters: [SemesterForecast], budget: [{year, appropriation_fen | None, settled_fen,
    forecast_fen, remaining_fen | None}]}``. ``settled_fen``: approved and paid settlements (with adjustments) of
    that budget year's other semesters; ``remaining`` = appropriation − settled − forecast."""
    from sqlalchemy import func, or_, select

    from funding.models import SETTLED, Budget, FundedSchool, PurchasedSeat, Semester, Settlement, Tariff
    from funding.schooling import year_start
    from funding.settlement_rules import default_period
    from funding.settlements import money_of

    codes = [f"{year}-autumn", f"{year + 1}-spring"]
    configured = {s.code: Period(s.starts_on, s.ends_on)
                  for s in session.scalars(select(Semester).where(Semester.code.in_(codes)))}
    semesters = [(c, configured.get(c) or default_period(c, autumn=(settings.autumn_starts, settings.autumn_ends),
                                                         spring=(settings.spring_starts, settings.spring_ends)))
                 for c in codes]
    first, last = semesters[0][1].starts_on, semesters[-1][1].ends_on
    seats = [tuple(r) for r in session.connection().execute(
        select(PurchasedSeat.school_code, PurchasedSeat.grade, PurchasedSeat.start_date, PurchasedSeat.end_date)
        .where(PurchasedSeat.start_date <= last,
               or_(PurchasedSeat.end_date.is_(None), PurchasedSeat.end_date >= first)))]
    levels = {c: lv for c, lv in session.execute(select(FundedSchool.code, FundedSchool.level))}
    latest = (select(Tariff.school_code, Tariff.semester_code, func.max(Tariff.version).label("v"))
              .group_by(Tariff.school_code, Tariff.semester_code).subquery())
    decided = session.execute(select(Tariff.school_code, Tariff.semester_code, Tariff.standard_fen, Semester.starts_on)
                              .join(latest, (Tariff.school_code == latest.c.school_code)
                                    & (Tariff.semester_code == latest.c.semester_code) & (Tariff.version == latest.c.v))
                              .join(Semester, Semester.code == Tariff.semester_code)).all()
    tariffs = {(s, c): fen for s, c, fen, _ in decided}
    newest: dict[str, tuple[date, int]] = {}
    for school, _, fen, starts_on in decided:
        if starts_on <= last and (school not in newest or starts_on > newest[school][0]):
            newest[school] = (starts_on, fen)
    result = project(seats, levels, semesters, tariffs, {s: fen for s, (_, fen) in newest.items()},
                     year_start(settings))
    budget = []
    for budget_year, forecast_fen in sorted(by_budget_year(result).items()):
        row = session.get(Budget, budget_year)
        others = list(session.scalars(select(Semester.code).where(
            Semester.starts_on >= date(budget_year, 1, 1), Semester.starts_on <= date(budget_year, 12, 31),
            Semester.code.not_in(codes))))
        settled_rows = session.execute(select(Settlement.id, Settlement.total_fen).where(
            Settlement.semester_code.in_(others), Settlement.state.in_(SETTLED))).all()
        money = money_of(session, [r.id for r in settled_rows])
        settled = sum(r.total_fen + money[r.id][0] for r in settled_rows)
        appropriation = row.appropriation_fen if row else None
        budget.append({"year": budget_year, "appropriation_fen": appropriation, "settled_fen": settled,
                       "forecast_fen": forecast_fen,
                       "remaining_fen": None if appropriation is None else appropriation - settled - forecast_fen})
    return {"school_year": year, "semesters": result, "budget": budget}
