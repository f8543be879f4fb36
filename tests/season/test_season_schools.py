"""The district's bundled data: reproducible from the generator, CSV and workbook agree, sized as planned, plans
within approved capacity (BRIEF §7), and accepted by enrollment's and funding's write models."""

from decimal import Decimal

import pytest

from enrollment.schemas import SchoolCreate
from funding.schemas import SemesterCreate, TariffPut
from tongcheng.geography import HOT_TOWNSHIPS, TOWNSHIP_WEIGHTS
from tongcheng.schools import (BUNDLED_SIZE, CLASS_LIMIT, DATA_DIR, WORKBOOK, approved_capacity, bundled,
                               expected_demand, generate, load, write_csv, write_xlsx)


@pytest.fixture(scope="module")
def district():
    return bundled()


def test_bundled_files_are_what_the_generator_makes(district, tmp_path):
    assert generate() == district  # python -m tongcheng.schools regenerates data/ exactly
    assert load(DATA_DIR / WORKBOOK) == district
    write_csv(district, tmp_path / "csv")
    for name in ("schools", "seats", "plans", "tariffs", "semesters"):
        assert (tmp_path / "csv" / f"{name}.csv").read_bytes() == (DATA_DIR / f"{name}.csv").read_bytes()
    assert write_xlsx(district, tmp_path / "d.xlsx").read_bytes() == (DATA_DIR / WORKBOOK).read_bytes()


def test_every_township_has_a_public_primary_and_catchments_cover_all(district):
    primary = {s.township_code for s in district.schools if s.kind == "public" and s.level == "primary"}
    assert primary == set(TOWNSHIP_WEIGHTS)
    junior_catchment = {t for s in district.schools if s.kind == "public" and s.level == "junior"
                        for t in s.catchment_townships}
    assert junior_catchment == set(TOWNSHIP_WEIGHTS)


def test_public_seats_fall_short_where_migrants_concentrate(district):
    demand = expected_demand(BUNDLED_SIZE)
    schools = district.by_code()
    for grade in (1, 7):
        seats = district.public_seats(grade)
        total_demand = sum(v for (_, g), v in demand.items() if g == grade)
        assert 0.80 <= sum(seats.values()) / total_demand <= 0.90  # the 95 % target is visibly not yet met
        by_town: dict[str, int] = {}
        for code, n in seats.items():
            by_town[schools[code].township_code] = by_town.get(schools[code].township_code, 0) + n
        for town in HOT_TOWNSHIPS:
            assert by_town[town] < demand[(town, grade)]  # short
        private = sum(district.private_plans(grade).values())
        assert sum(seats.values()) + private > total_demand * 1.1  # private schools can take the overflow


def test_private_plans_within_approved_capacity(district):
    schools = district.by_code()
    plans = {p.school_code: p for p in district.plans}
    private = [s for s in district.schools if s.kind == "private"]
    assert any(s.status == "phasing_out" for s in private)
    for s in private:
        cap = approved_capacity(s)
        assert cap == min(s.floor_area_m2 // (6 if s.level == "primary" else 7),
                          s.land_area_m2 // (18 if s.level == "primary" else 23),
                          sum(s.classrooms.values()) * CLASS_LIMIT[s.level])
        for grade, pupils in s.current_pupils.items():
            assert pupils <= s.classrooms[grade] * CLASS_LIMIT[s.level]
        if s.status == "phasing_out":
            assert s.code not in plans  # no new places
            continue
        plan = plans[s.code]
        assert plan.planned + sum(s.current_pupils.values()) <= cap
        assert plan.planned <= s.classrooms[str(plan.grade)] * CLASS_LIMIT[s.level]
        assert s.township_code in HOT_TOWNSHIPS
    assert all(schools[p.school_code].kind == "private" for p in district.plans)


def test_tariffs_and_semesters(district):
    private = {s.code for s in district.schools if s.kind == "private"}
    assert {t.school_code for t in district.tariffs} == private
    for t in district.tariffs:
        assert t.semester == "2025-autumn"
        assert Decimal(2500) <= t.standard <= Decimal(4500)
        assert t.standard == min(t.operating_cost_per_pupil, t.original_fee)
        TariffPut.model_validate(t.body())
    codes = [s.code for s in district.semesters]
    assert codes == ["2025-autumn", "2026-spring"]
    for s in district.semesters:
        SemesterCreate.model_validate(s.body())


def test_schools_are_accepted_by_enrollment(district):
    for s in district.schools:
        SchoolCreate.model_validate(s.body())


def test_scaled_district_keeps_its_shape():
    small, large = generate(300), generate(20_000)
    for d in (small, large):
        assert {s.code for s in d.schools} == {s.code for s in bundled().schools}
        for s in d.schools:
            if s.kind == "private" and s.status == "active":
                plan = next(p for p in d.plans if p.school_code == s.code)
                assert plan.planned + sum(s.current_pupils.values()) <= approved_capacity(s)
    assert sum(large.public_seats(1).values()) > 3 * sum(bundled().public_seats(1).values())


def test_load_refuses_a_bad_file(tmp_path):
    (tmp_path / "seats.csv").write_text("school_code,season,grade,migrant_seats\nHYGP00301,2025,1,many\n")
    with pytest.raises(ValueError, match="bad district data"):
        load(tmp_path)
    with pytest.raises(ValueError, match="folder of CSV files or an .xlsx"):
        load(tmp_path / "seats.csv")
