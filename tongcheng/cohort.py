"""A synthetic enrollment cohort: families, what they claim, and the departments' records of the truth.

``generate(size, seed)`` is reproducible (``random.Random`` seeded from the arguments only) and makes no real
person: names are drawn from common characters, ID numbers from origin counties with synthetic birth dates and
sequences. It scales to 100,000 families in a few seconds.

Per family (season 2025, rulebook HY-2025, cut-off 2025-04-30):
- grade 1 (about two thirds; child 6 on 31 Aug) or grade 7 (12 on 31 Aug); about 1.5 % are too young (E3);
- one guardian (35 %) or two, born 1975–1998, ID numbers issued in the provinces Huangyan's migrants come from;
- the township of residence, weighted to 西城, 北城, 新前, 江口, 院桥 (plan 三(二));
- the TRUTH of record per guardian (``Guardian.permit``, ``Guardian.insurance``; ``Family.documents`` for homes
  and business licences), from a profile: most are settled (permit in 331003, valid, ≥ 1 year; insurance active,
  ≥ 12 months); a minority is new, suspended, registered elsewhere, or has 11 months of insurance;
- what the family CLAIMS (``Family.claims``): usually the truth; a small share of mismatches (a home share or a
  licence holder that differs), missing records (an unregistered lease, an unknown licence), and one or two
  falsified documents (a veto, E4);
- choices weighted toward nearby schools: ≤ 5 public (same township first, then neighbours), ≤ 3 private.

``Family.notes`` names what was planted, so tests and the demo can check that the suite caught it.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field
from itertools import accumulate
from datetime import date, timedelta

from tongcheng.geography import NEIGHBOURS, ORIGIN_COUNTIES, OTHER_COUNTIES, TOWNSHIP_WEIGHTS
from tongcheng.idgen import USCC_ALPHABET, id_number, uscc
from tongcheng.schools import GRADE_1_SHARE, LEVEL_OF_GRADE, SEASON, District

COUNTY = "331003"
RULEBOOK_ID = "HY-2025"
CUTOFF = date(SEASON, 4, 30)
AGE_DAY = date(SEASON, 8, 31)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
MALE_CHARS = "伟强军磊勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋勋文志国建成海峰亮东松庆兵军"
FEMALE_CHARS = "芳娟敏静丽艳娜霞秀英华玲燕红梅琳丹萍婷雪慧颖莉洁蓉倩琴云兰凤霞月萍佳怡欣悦"
CHILD_CHARS = "子梓浩宇轩睿博文涵一诺欣怡晨阳佳琪思雨可馨梦瑶俊熙铭泽皓天嘉乐宸安若依雅芯语彤沐辰"
MINORITY_NAMES = ("阿依古丽·吐尔逊", "买买提·艾力", "扎西·多吉", "古丽米拉·阿不都", "热依拉·买合木提",
                  "吉克·阿呷", "阿卜杜拉·艾则孜", "卓玛·次仁")
EXT_B_CHAR = "\U00021336"  # 𡌶, CJK Unified Ideographs Extension B: a name that needs 4 bytes in UTF-8
_FULL_WIDTH = str.maketrans("()0123456789", "（）０１２３４５６７８９")
PHONE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "177",
                  "180", "181", "182", "183", "187", "188", "189", "191", "199")

# Guardian profiles: (name, weight for the first guardian, weight for the second).
PROFILES = (
    ("settled", 85.0, 70.0),
    ("newcomer", 3.0, 6.0),  # permit for < 1 year, insurance < 12 months
    ("no_permit", 1.5, 5.0),  # police have no permit on record
    ("suspended", 2.0, 3.0),  # missed endorsement (签注)
    ("permit_elsewhere", 1.0, 2.0),  # permit from 椒江 or 路桥
    ("no_insurance", 1.5, 6.0),  # hrss has no record
    ("insurance_11", 3.0, 4.0),  # 11 months: one short of E2
    ("insurance_inactive", 1.5, 2.0),  # stopped paying before the cut-off
    ("insurance_elsewhere", 1.5, 2.0),
)


@dataclass
class Guardian:
    """A parent or guardian and the police / hrss records about them (``None``: no record)."""

    guardian_no: int
    name: str
    id_number: str
    relation: str
    phone: str
    profile: str
    permit: dict | None = None  # residence_permit facts of record (docs/api.md)
    insurance: dict | None = None  # social_insurance facts of record

    def body(self) -> dict:
        return {"name": self.name, "id_number": self.id_number, "relation": self.relation, "phone": self.phone}


@dataclass
class Document:
    """A housing or business-licence record as its department holds it.

    ``number`` is the certificate / lease number or the USCC; ``facts`` the record (docs/api.md facts without the
    per-holder share); ``holders`` maps an ID number to its share percent (``"100.00"``; ``""`` for licences).
    ``falsified``: the department knows the document presented under this number is forged.
    """

    kind: str  # housing | business_license
    number: str
    facts: dict
    holders: dict[str, str]
    falsified: bool = False


@dataclass
class Family:
    """One child's application for the season, with the truth behind it."""

    key: str  # F000001: stable per (size, seed) position, not the application number (enrollment assigns that)
    grade: int
    child: dict  # {name, id_number, birth_date}
    guardians: list[Guardian]
    township_code: str
    public_choices: list[str]
    private_choices: list[str]
    claims: dict  # {"housing": [...], "business_license": [...]} as in POST /applications
    documents: list[Document] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    season: int = SEASON

    def application(self, season: int | None = None) -> dict:
        """The JSON body of one item of ``POST /api/enrollment/applications/batch``."""
        return {"season": season or self.season, "grade": self.grade, "child": dict(self.child),
                "guardians": [g.body() for g in self.guardians], "township_code": self.township_code,
                "public_choices": list(self.public_choices), "private_choices": list(self.private_choices),
                "claims": {k: [dict(c) for c in v] for k, v in self.claims.items()}}

    @property
    def too_young(self) -> bool:
        """E3 fails: under 6 (grade 1) or 12 (grade 7) on 31 August."""
        born = date.fromisoformat(self.child["birth_date"])
        return _full_years(born, date(self.season, 8, 31)) < (6 if self.grade == 1 else 12)


@dataclass
class Cohort:
    size: int
    seed: int
    season: int
    families: list[Family]

    def by_grade(self, grade: int) -> list[Family]:
        return [f for f in self.families if f.grade == grade]

    def planted(self, note: str) -> list[Family]:
        """Families carrying ``note`` (``too_young``, ``falsified``, ``claim_mismatch``, ``missing_record``,
        ``appeal_case`` …)."""
        return [f for f in self.families if any(n == note or n.startswith(note + ":") for n in f.notes)]


def _full_years(since: date, on: date) -> int:
    """BRIEF §5 ``full_years``."""
    return on.year - since.year - ((on.month, on.day) < (since.month, since.day))


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _months_before(d: date, months: int) -> date:
    """First day of the month ``months - 1`` months before ``d``'s month: the start of ``months`` continuous
    months of contributions up to ``d``."""
    index = d.year * 12 + d.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def _day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


class _Maker:
    """Draws families for one (size, seed, season); keeps ID numbers and document numbers unique."""

    def __init__(self, size: int, seed: int, season: int, district: District):
        self.rng = random.Random(f"cohort:{size}:{seed}:{season}")
        self.size, self.season, self.district = size, season, district
        self.cutoff = date(season, 4, 30)
        self.ids: set[str] = set()
        self.numbers: set[str] = set()
        self.towns = list(TOWNSHIP_WEIGHTS)
        self.town_weights = list(accumulate(TOWNSHIP_WEIGHTS.values()))
        self.provinces = list(ORIGIN_COUNTIES)
        self.province_weights = list(accumulate(ORIGIN_COUNTIES[p][0] for p in self.provinces))
        self.profile_names = [p[0] for p in PROFILES]
        self.profile_weights = {1: list(accumulate(p[1] for p in PROFILES)),
                                2: list(accumulate(p[2] for p in PROFILES))}
        self.distance = {t: _distances(t) for t in self.towns}
        self.tier_cache: dict[tuple[str, str, str], list[list[str]]] = {}
        n = max(1, size)
        self.minority_at = set(range(3, n, max(1, n // max(2, n // 1500))))  # a few: about 1 in 1,500, at least 2
        self.ext_b_at = min(7, n - 1)
        self.falsified_at = {i % n for i in (n // 3, (2 * n) // 3)} if n >= 4000 else {min(n - 1, n // 2)}

    # -- people ------------------------------------------------------------------------------------------------
    def new_id(self, county: str, birth: date, male: bool) -> str:
        while True:
            seq = self.rng.randrange(0, 1000)
            if (seq % 2 == 1) != male:
                seq = (seq + 1) % 1000
            number = id_number(county, birth, seq)
            if number not in self.ids:
                self.ids.add(number)
                return number

    def name(self, surname: str, chars: str) -> str:
        given = "".join(self.rng.choice(chars) for _ in range(self.rng.choice((1, 2, 2, 2))))
        return surname + given

    def phone(self) -> str:
        return self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def child_birth(self, grade: int) -> tuple[date, str | None]:
        age = 6 if grade == 1 else 12
        year = self.season - age  # born 1 Sep (year-1) … 31 Aug (year): exactly `age` on 31 Aug
        roll = self.rng.random()
        if roll < 0.015:
            return _day_between(self.rng, date(year, 9, 1), date(year, 12, 31)), "too_young"
        if roll < 0.025:
            return _day_between(self.rng, date(year - 2, 9, 1), date(year - 1, 8, 31)), "older"
        return _day_between(self.rng, date(year - 1, 9, 1), date(year, 8, 31)), None

    # -- records -----------------------------------------------------------------------------------------------
    def records(self, profile: str, town: str) -> tuple[dict | None, dict | None]:
        """(residence permit facts, social insurance facts) of record for a guardian of ``profile``."""
        rng, c = self.rng, self.cutoff
        if profile == "newcomer":
            since = c - timedelta(days=rng.randint(20, 360))
        else:
            since = _years_before(c, rng.choice((1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12)))
            since -= timedelta(days=rng.randint(0, 330))
            since = max(since, _years_before(c, 12) + timedelta(days=1))
        permit = None
        if profile != "no_permit":
            county = rng.choice(OTHER_COUNTIES) if profile == "permit_elsewhere" else COUNTY
            permit = {"county_code": county, "status": "suspended" if profile == "suspended" else "valid",
                      "issued_on": (since - timedelta(days=rng.choice((0, 0, 0, 365, 730)))).isoformat(),
                      "continuous_since": since.isoformat(),
                      "township_code": town if county == COUNTY else county + "001"}
        insurance = None
        if profile != "no_insurance":
            if profile == "newcomer":
                months = rng.randint(1, 10)
            elif profile == "insurance_11":
                months = 11
            else:
                years = _full_years(since, c)
                months = min(120, max(12, years * 12 + rng.randint(-10, 8)))
            insurance = {"county_code": rng.choice(OTHER_COUNTIES) if profile == "insurance_elsewhere" else COUNTY,
                         "active_at_cutoff": profile != "insurance_inactive", "continuous_months": months,
                         "since": _months_before(c, months).isoformat()}
        return permit, insurance

    def unique_number(self, make) -> str:
        while True:
            number = make()
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def housing(self, fam: Family, falsified: bool) -> None:
        rng, gs, town = self.rng, fam.guardians, fam.township_code
        roll = rng.random()
        if roll < 0.10 and not falsified:
            return  # lives in a factory dormitory: claims nothing
        if roll < 0.22 or falsified:  # owned
            year = rng.randint(self.season - 10, self.season)
            number = self.unique_number(lambda: f"浙({year})黄岩区不动产权第{rng.randrange(10**7):07d}号")
            acquired = _day_between(rng, date(year, 1, 1), min(date(year, 12, 31), self.cutoff))
            shape = rng.random()
            if len(gs) == 2 and shape < 0.45:
                holders = {gs[0].id_number: "50.00", gs[1].id_number: "50.00"}
            elif shape < 0.85:
                holders = {gs[0].id_number: "100.00"}
            else:  # 30 %: the rest belongs to a relative; no owned-home points (share < 50 %)
                holders = {gs[0].id_number: "30.00"}
            facts = {"tenure": "owned", "certificate_no": number, "acquired_on": acquired.isoformat(),
                     "county_code": COUNTY, "township_code": town}
            doc = Document("housing", number, facts, holders, falsified=falsified)
            claims = [{"guardian_no": g.guardian_no, "tenure": "owned", "certificate_no": number,
                       "share_percent": holders[g.id_number]} for g in gs if g.id_number in holders]
            if not falsified and rng.random() < 0.04 and claims[0]["share_percent"] != "100.00":
                claims[0]["share_percent"] = "100.00"  # claims the whole home: mismatch
                fam.notes.append("claim_mismatch:housing")
            elif rng.random() < 0.05:  # typed with full-width brackets and digits: the same certificate
                for claim in claims:
                    claim["certificate_no"] = number.translate(_FULL_WIDTH)
                fam.notes.append("full_width_certificate")
        else:  # registered lease (租赁登记备案)
            year = rng.randint(self.season - 6, self.season)
            number = self.unique_number(lambda: f"HYZL-{year}-{rng.randrange(10**5):05d}")
            registered = _day_between(rng, date(year, 1, 1), min(date(year, 12, 31), self.cutoff))
            if rng.random() < 0.01:
                registered = self.cutoff + timedelta(days=rng.randint(1, 60))  # after the cut-off: does not count
                fam.notes.append("dated_after_cutoff:housing")
            holder = gs[0] if len(gs) == 1 or rng.random() < 0.8 else gs[1]
            facts = {"tenure": "rented", "lease_no": number, "registered_on": registered.isoformat(),
                     "county_code": COUNTY, "township_code": town}
            doc = Document("housing", number, facts, {holder.id_number: "100.00"})
            claims = [{"guardian_no": holder.guardian_no, "tenure": "rented", "lease_no": number}]
            roll = rng.random()
            if roll < 0.03:
                doc = None  # never registered: the housing department has no record
                fam.notes.append("missing_record:housing")
            elif roll < 0.05 and len(gs) == 2:
                other = gs[1] if holder is gs[0] else gs[0]
                claims[0]["guardian_no"] = other.guardian_no  # registered to the other guardian: mismatch
                fam.notes.append("claim_mismatch:housing")
        if doc is not None:
            fam.documents.append(doc)
        if falsified:
            fam.notes.append("falsified:housing")
        fam.claims["housing"] = claims

    def business(self, fam: Family) -> None:
        rng = self.rng
        if rng.random() >= 0.15:
            return
        holder = fam.guardians[0] if len(fam.guardians) == 1 or rng.random() < 0.75 else fam.guardians[1]
        individual = rng.random() < 0.85
        county = COUNTY if rng.random() < 0.93 else rng.choice(OTHER_COUNTIES)
        body = lambda: "".join(rng.choice(USCC_ALPHABET) for _ in range(6))  # noqa: E731
        number = self.unique_number(lambda: uscc(county, "MA" + body(), individual=individual))
        status = rng.choices(("active", "revoked", "cancelled"), (90, 5, 5))[0]
        established = _day_between(rng, _years_before(self.cutoff, 12), self.cutoff)
        facts = {"uscc": number, "entity_type": "individual" if individual else "company", "county_code": county,
                 "status": status, "established_on": established.isoformat()}
        doc = Document("business_license", number, facts, {holder.id_number: ""})
        roll = rng.random()
        if roll < 0.04:
            doc.holders = {self.new_id(rng.choice(ORIGIN_COUNTIES["52"][1]), date(1980, 5, 5), True): ""}
            fam.notes.append("claim_mismatch:business_license")  # the licence is a relative's
        elif roll < 0.07:
            doc = None
            fam.notes.append("missing_record:business_license")
        if doc is not None:
            fam.documents.append(doc)
        fam.claims["business_license"] = [{"guardian_no": holder.guardian_no, "uscc": number}]

    # -- choices -----------------------------------------------------------------------------------------------
    def _tiers(self, town: str, level: str, kind: str) -> list[list[str]]:
        """Admitting schools of ``kind`` and ``level`` grouped by distance from ``town`` (catchment first)."""
        key = (town, level, kind)
        if key not in self.tier_cache:
            dist, tiers = self.distance[town], {}
            for s in self.district.schools:
                if s.level == level and s.kind == kind and s.status == "active":
                    d = 0 if town in s.catchment_townships else dist.get(s.township_code, 99)
                    tiers.setdefault(d, []).append(s.code)
            self.tier_cache[key] = [tiers[d] for d in sorted(tiers)]
        return self.tier_cache[key]

    def _nearest(self, tiers: list[list[str]], n: int) -> list[str]:
        out: list[str] = []
        for tier in tiers:
            if len(out) >= n:
                break
            group = list(tier)
            self.rng.shuffle(group)
            out += group[: n - len(out)]
        return out

    def choices(self, town: str, grade: int) -> tuple[list[str], list[str]]:
        rng, level = self.rng, LEVEL_OF_GRADE[grade]
        public_tiers = self._tiers(town, level, "public")
        n_public = rng.choices((1, 2, 3, 4, 5), cum_weights=(10, 25, 50, 70, 100))[0]
        public = self._nearest(public_tiers, n_public)
        if public_tiers and rng.random() < 0.05:  # one far-away wish
            far = rng.choice(rng.choice(public_tiers))
            if far not in public:
                public = public[: n_public - 1] + [far] if len(public) == 5 else public + [far]
        n_private = rng.choices((0, 1, 2, 3), cum_weights=(30, 60, 85, 100))[0]
        return public, self._nearest(self._tiers(town, level, "private"), n_private)

    # -- a family ----------------------------------------------------------------------------------------------
    def family(self, index: int) -> Family:
        rng = self.rng
        grade = 1 if rng.random() < GRADE_1_SHARE else 7
        town = rng.choices(self.towns, cum_weights=self.town_weights)[0]
        province = rng.choices(self.provinces, cum_weights=self.province_weights)[0]
        counties = ORIGIN_COUNTIES[province][1]
        born, age_note = self.child_birth(grade)
        two = rng.random() >= 0.35
        first_is_father = rng.random() < 0.6
        guardians: list[Guardian] = []
        father_surname = rng.choice(SURNAMES)
        for no in range(1, 3 if two else 2):
            male = first_is_father == (no == 1)
            age_at_birth = rng.randint(21, 38) + (2 if male else 0)
            year = min(1998, max(1975, born.year - age_at_birth))
            gb = _day_between(rng, date(year, 1, 1), date(year, 12, 28))
            county = rng.choice(counties) if no == 1 or rng.random() < 0.5 else rng.choice(
                ORIGIN_COUNTIES[rng.choices(self.provinces, cum_weights=self.province_weights)[0]][1])
            surname = father_surname if male else rng.choice(SURNAMES)
            name = self.name(surname, MALE_CHARS if male else FEMALE_CHARS)
            relation = ("father" if male else "mother") if rng.random() > 0.01 else "guardian"
            profile = rng.choices(self.profile_names, cum_weights=self.profile_weights[no])[0]
            g = Guardian(no, name, self.new_id(county, gb, male), relation, self.phone(), profile)
            g.permit, g.insurance = self.records(profile, town)
            guardians.append(g)
        child_male = rng.random() < 0.52
        child_surname = father_surname if rng.random() < 0.9 else rng.choice(SURNAMES)
        child_name = self.name(child_surname, CHILD_CHARS)
        notes = [age_note] if age_note else []
        if index in self.minority_at:
            guardians[0].name = rng.choice(MINORITY_NAMES)
            child_name = rng.choice(MINORITY_NAMES)
            notes.append("minority_name")
        if index == self.ext_b_at:
            child_name = child_surname + EXT_B_CHAR + rng.choice(CHILD_CHARS)
            notes.append("ext_b_name")
        child = {"name": child_name, "id_number": self.new_id(rng.choice(counties), born, child_male),
                 "birth_date": born.isoformat()}
        public, private = self.choices(town, grade)
        fam = Family(key=f"F{index + 1:06d}", grade=grade, child=child, guardians=guardians, township_code=town,
                     public_choices=public, private_choices=private, claims={"housing": [], "business_license": []},
                     notes=notes, season=self.season)
        self.housing(fam, falsified=index in self.falsified_at)
        self.business(fam)
        return fam


def _distances(start: str) -> dict[str, int]:
    """Hops from ``start`` over NEIGHBOURS (breadth-first)."""
    seen, queue = {start: 0}, deque([start])
    while queue:
        here = queue.popleft()
        for nxt in NEIGHBOURS[here]:
            if nxt not in seen:
                seen[nxt] = seen[here] + 1
                queue.append(nxt)
    return seen


def _mark_appeal_case(families: list[Family]) -> None:
    """Pick the family whose wrongly missing insurance record the demo's appeal corrects: a single settled
    guardian, grade 1, nothing else planted. Its hrss record is entered late (``Registry.late``)."""
    for fam in families:
        g = fam.guardians[0]
        if (fam.grade == 1 and len(fam.guardians) == 1 and g.profile == "settled" and not fam.notes
                and fam.public_choices):
            fam.notes.append("appeal_case")
            return


def generate(size: int, seed: int, *, season: int = SEASON, district: District | None = None) -> Cohort:
    """``size`` families for ``season`` (reproducible for (size, seed, season); choices over ``district``,
    default: the district data for this size, see :func:`tongcheng.schools.for_size`)."""
    if size < 1 or size > 1_000_000:
        raise ValueError("size must be 1 … 1,000,000")
    if district is None:
        from tongcheng.schools import for_size

        district = for_size(size)
    maker = _Maker(size, seed, season, district)
    families = [maker.family(i) for i in range(size)]
    _mark_appeal_case(families)
    return Cohort(size=size, seed=seed, season=season, families=families)
