"""The district's schools for a season, generated reproducibly and bundled as files in ``data/``.

``python -m tongcheng.schools`` rewrites the bundled files (``data/schools.csv``, ``seats.csv``, ``plans.csv``,
``tariffs.csv``, ``semesters.csv`` and the workbook ``data/huangyan-2025.xlsx`` with one sheet per file) for
``BUNDLED_SIZE`` applications. :func:`load` reads either form back; :func:`generate` makes the same data for
another cohort size (the demo does this when ``--size`` differs from the bundled size).

Sizing (plan 二(一), 三(二), 三(四)): public migrant seats cover about 70 % of the expected eligible demand in the
five townships where migrants concentrate (西城, 北城, 新前, 江口, 院桥) and 125 % elsewhere — about 89 % of the
district's demand, so the 95 % target is visibly not yet met; private migrant schools stand in those townships
with enrollment plans for about 30 % of demand, within their approved capacity (BRIEF §7), and one is phasing out.

File formats: lists are ``;``-separated (``331003003;331003004``), per-grade counts are ``grade:count`` pairs
(``1:3;2:3``), money is yuan with 2 decimals (``3200.00``), dates ``YYYY-MM-DD``.
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
import zipfile
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from tongcheng.geography import HOT_TOWNSHIPS, TOWNSHIP_WEIGHTS, short_name

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "data"
WORKBOOK = "huangyan-2025.xlsx"
BUNDLED_SIZE, BUNDLED_SEED = 6000, 2025
SEASON = 2025
AUTUMN, SPRING = f"{SEASON}-autumn", f"{SEASON + 1}-spring"

GRADE_1_SHARE = 2 / 3  # of applications; the rest are grade 7
EXPECTED_ELIGIBLE = 0.90  # share of applications expected eligible (see tongcheng.cohort), used for sizing
SEAT_RATIO_HOT, SEAT_RATIO_OTHER = 0.70, 1.25  # public migrant seats / expected eligible demand
PRIVATE_PLAN_SHARE = 0.30  # private plans / expected eligible demand, per grade

LEVEL_OF_GRADE = {1: "primary", 7: "junior"}
GRADES_OF_LEVEL = {"primary": (1, 2, 3, 4, 5, 6), "junior": (7, 8, 9)}
# BRIEF §7 defaults (the bureau's configuration lives in enrollment; these size the synthetic schools).
CLASS_LIMIT = {"primary": 45, "junior": 50}
FLOOR_NORM = {"primary": 6, "junior": 7}
LAND_NORM = {"primary": 18, "junior": 23}

# Township suffix → (public primary schools, public junior schools).
PUBLIC_LAYOUT = {"003": (3, 2), "004": (3, 2), "005": (3, 1), "007": (3, 1), "107": (3, 1), "001": (2, 1),
                 "002": (2, 1), "006": (2, 1), "008": (2, 1), "108": (1, 1), "103": (1, 1), "102": (1, 1),
                 "101": (1, 1), "200": (1, 0), "201": (1, 0), "202": (1, 0), "203": (1, 0), "204": (1, 0),
                 "205": (1, 0)}
# Townships without a junior school send their pupils to a neighbour's (junior school township → extra catchment).
JUNIOR_CATCHMENT_EXTRA = {"101": ("200", "201", "204"), "108": ("202",), "103": ("203",), "102": ("205",)}
# Private migrant schools (民办随迁子女学校): (township suffix, level, name, status).
PRIVATE_LAYOUT = [
    ("003", "primary", "育英", "active"), ("003", "primary", "启明", "active"),
    ("004", "primary", "阳光", "active"), ("004", "primary", "春晖", "active"),
    ("005", "primary", "博文", "active"), ("007", "primary", "向阳", "active"),
    ("107", "primary", "明德", "active"), ("008", "primary", "新苗", "phasing_out"),
    ("003", "junior", "英才", "active"), ("004", "junior", "立人", "active"),
    ("005", "junior", "晨曦", "active"), ("007", "junior", "希望", "active"),
]
_ORDINALS = "一二三四五"


@dataclass(frozen=True)
class School:
    """A school as ``POST /schools`` takes it; area, classroom and pupil fields only for private schools."""

    code: str
    name: str
    kind: str  # public | private
    level: str  # primary | junior
    township_code: str
    catchment_townships: tuple[str, ...] = ()
    floor_area_m2: int | None = None
    land_area_m2: int | None = None
    classrooms: dict[str, int] = field(default_factory=dict)
    current_pupils: dict[str, int] = field(default_factory=dict)
    status: str = "active"

    def body(self) -> dict:
        """The JSON body of ``POST /api/enrollment/schools``."""
        out = {"code": self.code, "name": self.name, "kind": self.kind, "level": self.level,
               "township_code": self.township_code, "status": self.status}
        if self.kind == "public":
            out["catchment_townships"] = list(self.catchment_townships)
        else:
            out.update(floor_area_m2=self.floor_area_m2, land_area_m2=self.land_area_m2,
                       classrooms=dict(self.classrooms), current_pupils=dict(self.current_pupils))
        return out


@dataclass(frozen=True)
class Seats:
    school_code: str
    season: int
    grade: int
    migrant_seats: int


@dataclass(frozen=True)
class Plan:
    school_code: str
    season: int
    grade: int
    planned: int


@dataclass(frozen=True)
class Tariff:
    """Autumn tariff inputs (yuan per pupil per semester) and the decided standard (BRIEF §8)."""

    school_code: str
    semester: str
    operating_cost_per_pupil: Decimal
    original_fee: Decimal
    standard: Decimal
    note: str = ""

    def body(self) -> dict:
        """The JSON body of ``PUT /api/funding/tariffs/{school_code}/{semester}``."""
        return {"operating_cost_per_pupil": f"{self.operating_cost_per_pupil:.2f}",
                "original_fee": f"{self.original_fee:.2f}", "standard": f"{self.standard:.2f}", "note": self.note}


@dataclass(frozen=True)
class Semester:
    code: str
    name: str
    starts_on: date
    ends_on: date

    def body(self) -> dict:
        return {"code": self.code, "name": self.name, "starts_on": self.starts_on.isoformat(),
                "ends_on": self.ends_on.isoformat()}


@dataclass
class District:
    """Everything the bureau loads before a season: the five files of ``data/``."""

    schools: list[School]
    seats: list[Seats]
    plans: list[Plan]
    tariffs: list[Tariff]
    semesters: list[Semester]

    def by_code(self) -> dict[str, School]:
        return {s.code: s for s in self.schools}

    def public_seats(self, grade: int) -> dict[str, int]:
        """School code → migrant seats for ``grade``."""
        return {s.school_code: s.migrant_seats for s in self.seats if s.grade == grade}

    def private_plans(self, grade: int) -> dict[str, int]:
        return {p.school_code: p.planned for p in self.plans if p.grade == grade}


def approved_capacity(school: School) -> int:
    """核定规模 (BRIEF §7): min(⌊floor / floor_norm⌋, ⌊land / land_norm⌋, classrooms × class_limit), default norms."""
    lvl = school.level
    return min((school.floor_area_m2 or 0) // FLOOR_NORM[lvl], (school.land_area_m2 or 0) // LAND_NORM[lvl],
               sum(school.classrooms.values()) * CLASS_LIMIT[lvl])


def expected_demand(size: int) -> dict[tuple[str, int], float]:
    """(township, grade) → expected eligible applications for a cohort of ``size``."""
    out = {}
    for town, weight in TOWNSHIP_WEIGHTS.items():
        out[(town, 1)] = size * GRADE_1_SHARE * weight / 100 * EXPECTED_ELIGIBLE
        out[(town, 7)] = size * (1 - GRADE_1_SHARE) * weight / 100 * EXPECTED_ELIGIBLE
    return out


def _round_seats(x: float) -> int:
    return max(5, 5 * round(x / 5))


def generate(size: int = BUNDLED_SIZE, seed: int = BUNDLED_SEED, season: int = SEASON) -> District:
    """The district's schools, seats, plans, tariffs and semesters sized for ``size`` applications.

    Deterministic for (size, seed, season). Public seats per township = expected eligible demand × 0.70 in the
    five migrant townships (× 1.25 elsewhere), split over its schools; private plans = 30 % of the demand of each
    grade, in whole classes, within approved capacity (sum of current pupils + plan ≤ capacity, and each grade ≤
    classrooms × class limit).
    """
    rng = random.Random(f"district:{size}:{seed}:{season}")
    demand = expected_demand(size)
    schools: list[School] = []
    seats: list[Seats] = []
    for suffix, (n_primary, n_junior) in PUBLIC_LAYOUT.items():
        town = "331003" + suffix
        ratio = SEAT_RATIO_HOT if town in HOT_TOWNSHIPS else SEAT_RATIO_OTHER
        for level, count, grade in (("primary", n_primary, 1), ("junior", n_junior, 7)):
            if not count:
                continue
            catchment = (town, *("331003" + s for s in JUNIOR_CATCHMENT_EXTRA.get(suffix, ()))) \
                if level == "junior" else (town,)
            total = sum(demand[(t, grade)] for t in catchment) * ratio
            split = [rng.uniform(0.7, 1.3) for _ in range(count)]
            for i, part in enumerate(split):
                kind_name = "小学" if level == "primary" else "中学"
                name = f"黄岩区{short_name(town)}{'第' + _ORDINALS[i] if count > 1 else ''}{kind_name}"
                code = f"HYG{'P' if level == 'primary' else 'J'}{suffix}{i + 1:02d}"
                schools.append(School(code=code, name=name, kind="public", level=level, township_code=town,
                                      catchment_townships=catchment))
                seats.append(Seats(code, season, grade, _round_seats(total * part / sum(split))))
    plans, tariffs = _private_schools(rng, demand, season, schools)
    semesters = [Semester(AUTUMN, f"{season}学年秋季学期", date(season, 9, 1), date(season + 1, 1, 31)),
                 Semester(SPRING, f"{season}学年春季学期", date(season + 1, 2, 1), date(season + 1, 7, 15))]
    return District(schools=schools, seats=seats, plans=plans, tariffs=tariffs, semesters=semesters)


def _private_schools(rng: random.Random, demand: dict[tuple[str, int], float], season: int,
                     schools: list[School]) -> tuple[list[Plan], list[Tariff]]:
    plans: list[Plan] = []
    tariffs: list[Tariff] = []
    for grade, level in LEVEL_OF_GRADE.items():
        layout = [row for row in PRIVATE_LAYOUT if row[1] == level]
        active = [row for row in layout if row[3] == "active"]
        need = sum(v for (_, g), v in demand.items() if g == grade) * PRIVATE_PLAN_SHARE
        weight_sum = sum(TOWNSHIP_WEIGHTS["331003" + row[0]] for row in active)
        limit = CLASS_LIMIT[level]
        serial: dict[str, int] = {}
        for suffix, _, label, status in layout:
            town = "331003" + suffix
            serial[suffix] = serial.get(suffix, 0) + 1
            code = f"HYM{'P' if level == 'primary' else 'J'}{suffix}{serial[suffix]:02d}"
            if status == "active":
                share = need * TOWNSHIP_WEIGHTS[town] / weight_sum
                planned = limit * max(1, math.ceil(share / limit))
            else:
                planned = limit * rng.randint(1, 2)  # what it would hold; it gets no plan
            intake_rooms = planned // limit
            classrooms, current = {}, {}
            for g in GRADES_OF_LEVEL[level]:
                rooms = intake_rooms if g == grade else max(1, intake_rooms + rng.randint(-1, 1))
                classrooms[str(g)] = rooms
                current[str(g)] = 0 if g == grade else round(rooms * limit * rng.uniform(0.70, 0.95))
            required = sum(current.values()) + planned
            floor = math.ceil(required * FLOOR_NORM[level] * rng.uniform(1.01, 1.20))
            land = math.ceil(required * LAND_NORM[level] * rng.uniform(1.00, 1.15)) + LAND_NORM[level]
            kind_name = "随迁子女学校" if level == "primary" else "随迁子女中学"
            school = School(code=code, name=f"黄岩{label}{kind_name}", kind="private", level=level,
                            township_code=town, floor_area_m2=floor, land_area_m2=land, classrooms=classrooms,
                            current_pupils=current, status=status)
            assert approved_capacity(school) >= required
            schools.append(school)
            if status == "active":
                plans.append(Plan(code, season, grade, planned))
            cost = Decimal(rng.randrange(2600, 4501, 50))
            fee = Decimal(rng.randrange(2500, 4501, 100))
            tariffs.append(Tariff(code, f"{season}-autumn", cost, fee, min(cost, fee),
                                  "办学成本与原收费标准孰低 (lower of operating cost and original fee)"))
    return plans, tariffs


# ---- files ----------------------------------------------------------------------------------------------------

FILES = {"schools": School, "seats": Seats, "plans": Plan, "tariffs": Tariff, "semesters": Semester}


def _encode(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ";".join(value)
    if isinstance(value, dict):
        return ";".join(f"{k}:{v}" for k, v in value.items())
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _decode(cls: type, name: str, text: str) -> object:
    kind = {f.name: str(f.type) for f in fields(cls)}[name]
    text = text.strip()
    if kind.startswith("tuple"):
        return tuple(x.strip() for x in text.split(";") if x.strip())
    if kind.startswith("dict"):
        pairs = (x.split(":", 1) for x in text.split(";") if x.strip())
        return {k.strip(): int(v) for k, v in pairs}
    if kind.startswith("int"):
        return int(Decimal(text)) if text else None
    if kind == "Decimal":
        return Decimal(text).quantize(Decimal("0.01"))
    if kind == "date":
        return date.fromisoformat(text[:10])
    return text


def _rows(district: District) -> dict[str, tuple[list[str], list[list[str]]]]:
    out = {}
    for name, cls in FILES.items():
        header = [f.name for f in fields(cls)]
        out[name] = header, [[_encode(v) for v in astuple(item)] for item in getattr(district, name)]
    return out


def write_csv(district: District, folder: Path) -> list[Path]:
    """Write the five CSV files (UTF-8, header row) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in _rows(district).items():
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def write_xlsx(district: District, path: Path) -> Path:
    """Write the same data as one workbook, a sheet per file; codes and money stay text (no float)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, (header, rows) in _rows(district).items():
        ws = wb.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append([int(v) if h in ("season", "grade", "migrant_seats", "planned", "floor_area_m2",
                                        "land_area_m2") and v else v for h, v in zip(header, row)])
        ws.freeze_panes = "A2"
    wb.properties.creator = "tongcheng.schools"
    wb.properties.created = wb.properties.modified = datetime(SEASON, 1, 1)
    raw = io.BytesIO()
    wb.save(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():  # fixed times (entries, and the save time openpyxl stamps): same data, same bytes
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>%d-01-01T00:00:00Z" % SEASON, data)
            out.writestr(zipfile.ZipInfo(info.filename, date_time=(SEASON, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return path


def _build(tables: dict[str, Iterable[dict[str, str]]]) -> District:
    parts = {}
    for name, cls in FILES.items():
        parts[name] = [cls(**{k: _decode(cls, k, v or "") for k, v in row.items() if k})
                       for row in tables.get(name, []) if any((v or "").strip() for v in row.values())]
    return District(**parts)


def load(path: Path) -> District:
    """Read district data from a folder of the five CSV files or from an ``.xlsx`` workbook (a sheet per file).

    Missing files/sheets are empty lists; raises ``ValueError`` naming the file and row on a bad value.
    """
    path = Path(path)
    tables: dict[str, list[dict[str, str]]] = {}
    if path.is_dir():
        for name in FILES:
            csv_path = path / f"{name}.csv"
            if csv_path.exists():
                with csv_path.open(encoding="utf-8-sig", newline="") as fh:
                    tables[name] = list(csv.DictReader(fh))
    elif path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        for name in FILES:
            if name in wb.sheetnames:
                rows = list(wb[name].iter_rows(values_only=True))
                header = [str(h) for h in rows[0]] if rows else []
                tables[name] = [{h: "" if v is None else str(v) for h, v in zip(header, row)} for row in rows[1:]]
        wb.close()
    else:
        raise ValueError(f"{path}: give a folder of CSV files or an .xlsx workbook")
    try:
        return _build(tables)
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise ValueError(f"{path}: bad district data ({exc})") from None


def bundled() -> District:
    """The bundled district data (``data/*.csv``)."""
    return load(DATA_DIR)


def for_size(size: int) -> District:
    """The bundled data for the bundled size, otherwise the same generator scaled to ``size``."""
    return bundled() if size == BUNDLED_SIZE else generate(size)


def main() -> None:
    district = generate()
    for path in [*write_csv(district, DATA_DIR), write_xlsx(district, DATA_DIR / WORKBOOK)]:
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
