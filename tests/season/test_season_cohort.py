"""The synthetic cohort: reproducible, valid identifiers, roughly the intended proportions, accepted by the
services' write models (the contract), and a registry whose answers verification's models accept."""

from collections import Counter
from datetime import date

import pytest

from common.ids import check_id_number, check_uscc
from enrollment.rules import check_application
from enrollment.schemas import ApplicationIn
from tongcheng.cohort import AGE_DAY, CUTOFF, EXT_B_CHAR, generate
from tongcheng.geography import HOT_TOWNSHIPS, ORIGIN_COUNTIES
from tongcheng.registry import Registry, answer
from tongcheng.schools import bundled
from verification.facts import parse_facts

SIZE = 3000
PROVINCES = set(ORIGIN_COUNTIES)


@pytest.fixture(scope="module")
def cohort():
    return generate(SIZE, 11, district=bundled())


def test_same_seed_same_cohort_other_seed_other_cohort(cohort):
    again = generate(SIZE, 11, district=bundled())
    assert [f.application() for f in again.families] == [f.application() for f in cohort.families]
    assert [f.notes for f in again.families] == [f.notes for f in cohort.families]
    other = generate(SIZE, 12, district=bundled())
    assert [f.application() for f in other.families] != [f.application() for f in cohort.families]


def test_identifiers_are_valid_and_unique(cohort):
    ids = []
    for fam in cohort.families:
        for person in [fam.child, *(g.body() for g in fam.guardians)]:
            assert check_id_number(person["id_number"], today=CUTOFF) == person["id_number"]
            assert person["id_number"][:2] in PROVINCES
            ids.append(person["id_number"])
        assert fam.child["id_number"][6:14] == fam.child["birth_date"].replace("-", "")
        for claim in fam.claims["business_license"]:
            assert check_uscc(claim["uscc"]) == claim["uscc"]
    assert len(ids) == len(set(ids))


def test_proportions(cohort):
    fams = cohort.families
    grade1 = sum(f.grade == 1 for f in fams) / SIZE
    assert 0.62 < grade1 < 0.72
    assert {len(f.guardians) for f in fams} == {1, 2}
    assert 0.55 < sum(len(f.guardians) == 2 for f in fams) / SIZE < 0.75
    hot = sum(f.township_code in HOT_TOWNSHIPS for f in fams) / SIZE
    assert 0.58 < hot < 0.72  # 65 % of migrants live in 西城, 北城, 新前, 江口, 院桥
    assert 0.10 < sum(bool(f.claims["business_license"]) for f in fams) / SIZE < 0.20
    too_young = cohort.planted("too_young")
    assert 0.005 < len(too_young) / SIZE < 0.03 and all(f.too_young for f in too_young)
    assert sum(f.too_young for f in fams) == len(too_young)
    assert 1 <= len(cohort.planted("falsified")) <= 2
    assert len(cohort.planted("appeal_case")) == 1
    for kind in ("claim_mismatch", "missing_record"):
        assert 0.005 < len(cohort.planted(kind)) / SIZE < 0.08


def test_people_and_records_are_plausible(cohort):
    profiles = Counter()
    for fam in cohort.families:
        born = date.fromisoformat(fam.child["birth_date"])
        age = AGE_DAY.year - born.year - ((AGE_DAY.month, AGE_DAY.day) < (born.month, born.day))
        assert age in ((5, 6, 7) if fam.grade == 1 else (11, 12, 13))
        for g in fam.guardians:
            assert 1975 <= int(g.id_number[6:10]) <= 1998
            assert len(g.phone) == 11 and g.phone[0] == "1"
            profiles[g.profile] += 1
            if g.permit:
                since = date.fromisoformat(g.permit["continuous_since"])
                assert CUTOFF.replace(year=2013) < since <= CUTOFF
            if g.insurance:
                assert 0 < g.insurance["continuous_months"] <= 120
    settled = profiles["settled"] / sum(profiles.values())
    assert 0.70 < settled < 0.90 and profiles["insurance_11"] > 0 and profiles["suspended"] > 0


def test_names_include_minorities_and_extension_b(cohort):
    names = [f.child["name"] for f in cohort.families] + [g.name for f in cohort.families for g in f.guardians]
    assert sum("·" in n for n in names) >= 2
    assert sum(EXT_B_CHAR in n for n in names) == 1


def test_choices_are_nearby_admitting_schools_within_limits(cohort):
    schools = bundled().by_code()
    same_township = 0
    for fam in cohort.families:
        level = "primary" if fam.grade == 1 else "junior"
        assert 1 <= len(fam.public_choices) <= 5 and len(fam.private_choices) <= 3
        assert len(set(fam.public_choices)) == len(fam.public_choices)
        for code in fam.public_choices + fam.private_choices:
            assert schools[code].level == level and schools[code].status == "active"
        assert all(schools[c].kind == "public" for c in fam.public_choices)
        assert all(schools[c].kind == "private" for c in fam.private_choices)
        same_township += fam.township_code in schools[fam.public_choices[0]].catchment_townships
    assert same_township / SIZE > 0.9  # the first wish is a school whose catchment covers home


def test_applications_are_accepted_by_enrollments_write_model(cohort):
    for fam in cohort.families:
        app = ApplicationIn.model_validate(fam.application())
        assert check_application(app) == [], fam.key


def test_registry_answers_are_accepted_by_verifications_models(cohort):
    registry = Registry.from_cohort(cohort)
    outcomes = Counter()
    for fam in cohort.families[:1500]:
        for g in fam.guardians:
            requests = [{"kind": "residence_permit", "claim": None}, {"kind": "social_insurance", "claim": None}]
            requests += [{"kind": "housing", "claim": c} for c in fam.claims["housing"] if c["guardian_no"] == g.guardian_no]
            requests += [{"kind": "business_license", "claim": c}
                         for c in fam.claims["business_license"] if c["guardian_no"] == g.guardian_no]
            for req in requests:
                outcome, facts = answer(registry, {**req, "subject_id_number": g.id_number})
                outcomes[(req["kind"], outcome)] += 1
                if facts is not None:
                    parse_facts(req["kind"], facts)  # raises on facts verification would refuse
    assert outcomes[("housing", "mismatch")] and outcomes[("business_license", "mismatch")]
    assert outcomes[("housing", "not_found")] and outcomes[("residence_permit", "not_found")]


def test_planted_cases_get_the_planted_answers(cohort):
    registry = Registry.from_cohort(cohort)
    fam = cohort.planted("falsified")[0]
    claim = fam.claims["housing"][0]
    who = fam.guardians[claim["guardian_no"] - 1].id_number
    assert answer(registry, {"kind": "housing", "claim": claim, "subject_id_number": who}) == ("falsified", None)
    case = cohort.planted("appeal_case")[0]
    g = case.guardians[0]
    req = {"kind": "social_insurance", "claim": None, "subject_id_number": g.id_number}
    assert answer(registry, req) == ("not_found", None)
    assert answer(registry, req, include_late=True) == ("confirmed", g.insurance)
    full = cohort.planted("full_width_certificate")[0]
    claim = full.claims["housing"][0]
    assert "（" in claim["certificate_no"]
    who = full.guardians[claim["guardian_no"] - 1].id_number
    assert answer(registry, {"kind": "housing", "claim": claim, "subject_id_number": who})[0] == "confirmed"


def test_registry_round_trips_through_its_file(cohort, tmp_path):
    registry = Registry.from_cohort(cohort)
    assert Registry.load(registry.save(tmp_path / "registry.json")) == registry


def test_a_larger_cohort_keeps_people_unique():
    big = generate(12_000, 3, district=bundled())
    ids = [f.child["id_number"] for f in big.families] + [g.id_number for f in big.families for g in f.guardians]
    assert len(ids) == len(set(ids)) and len(big.families) == 12_000


@pytest.mark.slow
def test_a_hundred_thousand_families():
    huge = generate(100_000, 2025)
    assert len(huge.families) == 100_000
    assert 0.62 < sum(f.grade == 1 for f in huge.families) / 100_000 < 0.72


def test_every_child_is_within_the_grades_age_range(cohort):
    """No generated child is refused with age_out_of_range (issue 17: the default range, 8 the oldest for grade
    1, 15 for grade 7, on 31 August): the planted "older" children are 7 or 13, the "too_young" ones are E3's
    (scored ineligible), not a refusal."""
    from enrollment.rules import AgeRange, check_age

    for fam in cohort.families:
        body = ApplicationIn.model_validate(fam.application())
        assert check_age(body.season, body.grade, body.child.birth_date, AgeRange()) is None, fam.notes
    assert cohort.planted("older") and cohort.planted("too_young")
