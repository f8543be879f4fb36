"""Shared helpers for the reliability tests (bad input, concurrency, faults, personal data).

The fixtures (``stack``, ``module_backend``) are in this folder's ``conftest.py``.

- :func:`identity` and the role shortcuts: identity headers as the gateway would send them;
- :class:`Stack`: the four services in-process on one backend (fresh databases), built once per module by the
  :func:`stack` fixture (module-scoped, parametrized on SQLite and PostgreSQL), with :meth:`Stack.digest` to prove
  that a refused request wrote nothing (every row of every table of the service, hashed);
- valid identifiers computed here (GB 11643 ID numbers, GB 32100 USCCs) and valid request bodies;
- :func:`assert_problem` (a 4xx problem-details answer with its code and field) and :func:`raw_json` (bodies JSON
  cannot express: NaN, Infinity, 1e400, lone surrogates);
- :func:`find_personal_data`: whole ID numbers (valid check character) and whole mobile phones in text.
"""

from __future__ import annotations

import copy
import hashlib
import importlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from common.identity import IDENTITY_HEADER, Identity, mint
from common.refusals import listed
from common.vocabulary import DEPARTMENTS
from shared_kit import TEST_SECRET, drop_pg_database, migrated_database_url

SEASON = 2025
TOWN_EAST, TOWN_WEST = "331003001", "331003003"  # 东城, 西城
ORDER = ("verification", "points", "funding", "enrollment")  # each one's upstreams start before it


# ---- identities ------------------------------------------------------------------------------------------------

def identity(role: str, department: str | None = None, subject: str | None = None) -> dict[str, str]:
    """Identity headers for a caller (``X-Tongcheng-Identity``, minted with the test secret)."""
    who = Identity(role=role, subject=subject or f"{role}-{department or 'test'}", department=department)
    return {IDENTITY_HEADER: mint(TEST_SECRET, who)}


def as_role(name: str) -> dict[str, str]:
    """``"platform"``, ``"bureau"``, ``"bureau-2"``, ``"finance"``, ``"finance-2"``, ``"auditor"``, a department
    (``"police"``, ``"hrss"``, ``"housing"``, ``"market"``) or ``"service:<name>"`` → identity headers."""
    if name in DEPARTMENTS:
        return identity("department", name, f"dept-{name}")
    if name.startswith("service:"):
        return identity("service", subject=name.split(":", 1)[1])
    role, _, n = name.partition("-")
    return identity(role, subject=f"{role}-{n or '1'}")


# ---- identifiers -----------------------------------------------------------------------------------------------

ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_serial = itertools.count(101)


def id_check(body17: str) -> str:
    """ISO 7064 MOD 11-2 check character of 17 digits (GB 11643)."""
    value = (12 - sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS)) % 11) % 11
    return "X" if value == 10 else str(value)


def id_number(birth: date | str = date(1988, 5, 6), serial: int | None = None, region: str = "331003") -> str:
    """A valid 18-character ID number; ``birth`` may be a raw ``YYYYMMDD`` text (for impossible dates).

    Without ``serial``, every call gives a new number: the serial runs 0–999, then the birth date moves on a day
    (so the birth date encoded can be a few days after ``birth``: read it back with :func:`birth_of`)."""
    if serial is None:
        k = next(_serial)
        serial = k % 1000
        if isinstance(birth, date):
            birth = birth + timedelta(days=k // 1000)
    day = birth if isinstance(birth, str) else f"{birth:%Y%m%d}"
    body = f"{region}{day}{serial % 1000:03d}"
    return body + id_check(body)


def birth_of(number: str) -> date:
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def id_ending_x(birth: date = date(1990, 5, 1)) -> str:
    for serial in range(1000):
        number = id_number(birth, serial)
        if number.endswith("X"):
            return number
    raise AssertionError("no serial gives X")


def wrong_check(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in text)


def uscc(serial: int = 1) -> str:
    body = f"92331003MA2{serial:06d}"
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def valid_id(value: str) -> bool:
    """Is ``value`` 17 digits and the right check character?"""
    return bool(re.fullmatch(r"\d{17}[\dXx]", value)) and id_check(value[:17]) == value[17].upper()


# ---- personal data in text -------------------------------------------------------------------------------------

ID_PATTERN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
PHONE_PATTERN = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")


def find_personal_data(text_: str, known: Iterable[str] = ()) -> list[str]:
    """Whole ID numbers with a valid check character, whole mobile phones, and any of the ``known`` values
    (ID numbers and phones given to the suite) found in ``text_``."""
    found = [m for m in ID_PATTERN.findall(text_) if valid_id(m)]
    found += PHONE_PATTERN.findall(text_)
    found += [k for k in known if k and k in text_]
    return sorted(set(found))


# ---- answers ---------------------------------------------------------------------------------------------------

PROBLEM = "application/problem+json"


RULE_CODES_SEEN: set[str] = set()
"""Every ``errors[].code`` :func:`assert_problem` has seen in this test process."""


def fields_named(body: dict[str, Any]) -> set[str]:
    return {body.get("field") or ""} | {e.get("field", "") for e in body.get("errors") or ()}


def assert_problem(resp: httpx.Response, status: int | tuple[int, ...] | None = None, code: str | tuple[str, ...] |
                   None = None, field: str | None = None) -> dict[str, Any]:
    """A refusal: 4xx, ``application/problem+json``, ``status`` and ``code`` members, the ``field`` named (in
    ``field`` or ``errors[].field``), every ``errors[]`` entry with a rule code of the documented list
    (:func:`common.refusals.listed`, docs/api.md "Rule codes") and its message in English and Chinese. The codes
    seen are added to :data:`RULE_CODES_SEEN`. Returns the body."""
    where = f"{resp.request.method} {resp.request.url.path} → {resp.status_code} {resp.text[:400]}"
    assert 400 <= resp.status_code < 500, where
    if status is not None:
        assert resp.status_code in ((status,) if isinstance(status, int) else status), where
    assert resp.headers.get("content-type", "").startswith(PROBLEM), where
    body = resp.json()
    assert body.get("status") == resp.status_code and isinstance(body.get("code"), str) and body["code"], where
    assert body.get("request_id") and body.get("type", "").endswith(body["code"]), where
    if code is not None:
        assert body["code"] in ((code,) if isinstance(code, str) else code), where
    for entry in body.get("errors") or ():
        assert listed(entry["code"]), f"rule code {entry['code']!r} is not in the documented list: {where}"
        assert entry["message_en"] and entry["message_zh"] and entry["message"] == entry["message_en"], where
        assert not entry["message_en"].startswith(("Value error", "Assertion failed")), where
        RULE_CODES_SEEN.add(entry["code"])
    if field is not None:  # "seed" is named by "seed" or by a union member's "seed.constrained-int"
        assert any(f == field or f.startswith(field + ".") for f in fields_named(body)), \
            f"field {field!r} not named: {where}"
    return body


RAW = "@@raw@@"


def raw_json(body: Any, literal: str) -> bytes:
    """``body`` as JSON with the one value ``RAW`` replaced by ``literal`` as written (``NaN``, ``1e400``,
    ``"\\ud800"``...)."""
    text_ = json.dumps(body, ensure_ascii=False)
    assert text_.count(f'"{RAW}"') == 1, "put RAW exactly once in the body"
    return text_.replace(f'"{RAW}"', literal).encode("utf-8")


def with_value(body: Any, path: str, value: Any) -> Any:
    """A deep copy of ``body`` with ``path`` (``guardians.0.name``) set to ``value``; a missing key is added."""
    out = copy.deepcopy(body)
    parts = path.split(".")
    node = out
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out


def without(body: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != key}


# ---- valid bodies ----------------------------------------------------------------------------------------------

def public_school(code: str, township: str = TOWN_EAST) -> dict[str, Any]:
    return {"code": code, "name": f"公办{code}", "kind": "public", "level": "primary", "township_code": township,
            "catchment_townships": [township]}


def private_school(code: str, township: str = TOWN_WEST) -> dict[str, Any]:
    return {"code": code, "name": f"民办{code}", "kind": "private", "level": "primary", "township_code": township,
            "floor_area_m2": "3000.00", "land_area_m2": "9000.00", "classrooms": {"1": 4}, "current_pupils": {},
            "status": "active"}


def application(*, grade: int = 1, public: list[str] | None = None, private: list[str] | None = None,
                guardians: int = 1, name: str = "小明", township: str = TOWN_EAST) -> dict[str, Any]:
    """A valid application (docs/api.md enrollment) with fresh ID numbers and phones; the child is old enough for
    ``grade`` in the season (born from 1 March, six or twelve years before)."""
    people = [{"name": ["王建国", "李秀英"][i], "id_number": id_number(date(1985 + i, 5, 6)),
               "relation": ["father", "mother"][i], "phone": f"139{next(_serial):08d}"} for i in range(guardians)]
    child_id = id_number(date(SEASON - (6 if grade == 1 else 12), 3, 1))
    return {"season": SEASON, "grade": grade,
            "child": {"name": name, "id_number": child_id, "birth_date": birth_of(child_id).isoformat()},
            "guardians": people, "township_code": township, "public_choices": public or [],
            "private_choices": private or [], "claims": {}}


def case(application_no: str, *, guardians: int = 1, claims: dict[str, Any] | None = None) -> dict[str, Any]:
    """A verification case as enrollment registers it."""
    people = [{"guardian_no": i + 1, "name": ["张三", "李四娘"][i], "id_number": id_number(date(1990 + i, 1, 1))}
              for i in range(guardians)]
    return {"application_no": application_no, "season": SEASON, "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": people, "claims": claims or {}}


PERMIT = {"county_code": "331003", "status": "valid", "issued_on": "2020-05-01", "continuous_since": "2020-05-01",
          "township_code": TOWN_EAST}
INSURANCE = {"county_code": "331003", "active_at_cutoff": True, "continuous_months": 30, "since": "2022-10-01"}
FACTS = {"residence_permit": PERMIT, "social_insurance": INSURANCE}


def seat(application_no: str, school_code: str = "R1", start: str = "2025-09-01", *, name: str = "王小明",
         id_no: str | None = None) -> dict[str, Any]:
    return {"application_no": application_no, "pupil_name": name, "pupil_id_number": id_no or id_number(
        date(2019, 3, 1)), "school_code": school_code, "grade": 1, "start_date": start}


def rulebook(rulebook_id: str, season: int = 2026) -> dict[str, Any]:
    """The shipped HY-2025 rulebook as a new draft body for ``season``."""
    import points

    spec = json.loads((Path(points.__file__).parent / "rulebooks" / "HY-2025.json").read_text(encoding="utf-8"))
    spec.update(id=rulebook_id, season=season, cutoff_date=f"{season}-04-30", name=f"测试细则 {rulebook_id}")
    return spec


# ---- the four services in-process ------------------------------------------------------------------------------

@dataclass
class Stack:
    """The four services in-process on one backend; enrollment reads verification, points and funding through
    their TestClients (or the ``http_clients`` given)."""

    backend: str
    clients: dict[str, TestClient]
    urls: dict[str, str]
    data: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> TestClient:
        return self.clients[name]

    def call(self, service: str, method: str, path: str, role: str, *, json_body: Any = None,
             content: bytes | None = None, headers: dict[str, str] | None = None, key: str | None = None,
             **kw: Any) -> httpx.Response:
        h = {**as_role(role), **(headers or {})}
        if key:
            h["Idempotency-Key"] = key
        if content is not None:
            h.setdefault("content-type", "application/json")
            return self.clients[service].request(method, path, content=content, headers=h, **kw)
        return self.clients[service].request(method, path, json=json_body, headers=h, **kw)

    def ok(self, resp: httpx.Response, status: int = 200) -> Any:
        assert resp.status_code == status, f"{resp.request.method} {resp.request.url.path}: {resp.text[:600]}"
        return resp.json()

    def digest(self, service: str) -> dict[str, str]:
        """SHA-256 of every row of every table of ``service`` (sorted), per table: equal digests before and after
        a request prove it wrote nothing."""
        engine = self.clients[service].app.state.db.engine
        out = {}
        with engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
                out[table] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
            conn.rollback()
        return out

    def count(self, service: str, table: str, where: str = "") -> int:
        engine = self.clients[service].app.state.db.engine
        with engine.connect() as conn:
            return conn.execute(text(f'SELECT count(*) FROM "{table}" {where}')).scalar_one()


@contextmanager
def writers_held(stack: Stack, service: str, table: str,
                 where: str | None = None) -> Iterator[Callable[[int], None]]:
    """Hold back the writers the block starts until ``wait(n)`` (yielded) has seen ``n`` of them blocked.

    PostgreSQL: with ``where``, the matching rows of ``table`` are locked (``SELECT ... FOR UPDATE``): every
    writer reads them and then waits to change them; without, the table is locked ``IN SHARE MODE``: every writer
    reads (finds nothing) and then waits to insert. SQLite: the whole database is held (``BEGIN IMMEDIATE``), so
    its writers queue one behind the other (``wait`` just pauses). On leaving the block the lock is released.
    Every writer has then read the state before any could change it: a check-then-write race (a lost update, a
    duplicate insert) is certain instead of a matter of luck."""
    import time

    engine = stack[service].app.state.db.engine
    if stack.backend == "postgres":
        conn = engine.connect()
        if where is None:
            conn.execute(text(f'LOCK TABLE "{table}" IN SHARE MODE'))
        else:
            conn.execute(text(f'SELECT 1 FROM "{table}" WHERE {where} FOR UPDATE'))

        def wait(n: int) -> None:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as probe:  # a fresh snapshot
                wait_for(f"{n} writers blocked on {table}", lambda: probe.execute(text(  # of the activity each time
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'")).scalar_one() >= n, timeout_s=20)
    else:
        conn = engine.execution_options(tc_write=True).connect()
        conn.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: every other writer waits at BEGIN

        def wait(n: int) -> None:
            time.sleep(0.5)
    try:
        yield wait
    finally:
        conn.rollback()
        conn.close()


def start_stack(backend: str, folder: Path, *, http_clients: dict[str, dict[str, Any]] | None = None,
                settings: dict[str, dict[str, Any]] | None = None) -> tuple[Stack, Callable[[], None]]:
    """Start the four services on fresh databases of ``backend``; returns the stack and its closer.

    ``http_clients[service]`` replaces upstream clients (default: the upstream's TestClient); ``settings[service]``
    adds settings (enrollment's dispatcher is off unless ``outbox_dispatcher`` is given).
    """
    settings = settings or {}
    http_clients = http_clients or {}
    clients: dict[str, TestClient] = {}
    urls: dict[str, str] = {}
    started: list[TestClient] = []

    def close() -> None:
        for client in reversed(started):
            client.__exit__(None, None, None)
        for url in urls.values():
            if url.startswith("postgresql"):
                drop_pg_database(url)

    try:
        for name in ORDER:
            urls[name] = migrated_database_url(name, backend, folder, label=f"rel_{name}")  # at head already
            config = importlib.import_module(f"{name}.config")
            main = importlib.import_module(f"{name}.main")
            extra = dict(settings.get(name, {}))
            if name == "enrollment":
                extra.setdefault("outbox_dispatcher", False)
                extra.setdefault("today", date(SEASON, 4, 1))
            ups = {"points": ("verification",), "enrollment": ("verification", "points", "funding")}.get(name, ())
            given = {up: clients[up] for up in ups}
            given.update(http_clients.get(name, {}))
            app = main.create_app(config.Settings(internal_secret=TEST_SECRET, database_url=urls[name],
                                                  data_dir=folder / "data", **extra), http_clients=given)
            client = TestClient(app, raise_server_exceptions=False)
            client.__enter__()
            started.append(client)
            clients[name] = client
    except BaseException:
        close()
        raise
    return Stack(backend=backend, clients=clients, urls=urls), close


def pages(client: TestClient, path: str, role: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a paged listing."""
    items, cursor = [], None
    while True:
        query = {**params, "limit": 1000, **({"cursor": cursor} if cursor else {})}
        resp = client.get(path, params=query, headers=as_role(role))
        assert resp.status_code == 200, resp.text[:400]
        body = resp.json()
        items += body["items"]
        if not (cursor := body.get("next_cursor")):
            return items


# ---- one way to call the suite: in-process or through the real gateway ----------------------------------------

GATEWAY_SUBJECT = {"platform": "platform-taizhou", "police": "dept-police", "hrss": "dept-hrss",
                   "housing": "dept-housing", "market": "dept-market", "bureau": "bureau-1", "bureau-2": "bureau-2",
                   "finance": "finance-1", "finance-2": "finance-2", "auditor": "auditor-1"}


class Api:
    """``api.send(service, method, path, role, body=..., key=...)`` → ``httpx.Response``, in-process (a
    :class:`Stack`) or through a running gateway (bearer tokens from ``tokens.json``; ``service:enrollment`` is
    played by the bureau there, which the contract also allows for hand-overs)."""

    def __init__(self, stack: Stack | None = None, *, gateway: str | None = None, tokens: dict[str, str] | None = None,
                 timeout_s: float = 60.0):
        self.stack, self.tokens = stack, tokens or {}
        self.http = httpx.Client(base_url=gateway, timeout=timeout_s) if gateway else None

    def send(self, service: str, method: str, path: str, role: str, body: Any = None, *, key: str | None = None,
             headers: dict[str, str] | None = None, **kw: Any) -> httpx.Response:
        if self.stack is not None:
            return self.stack.call(service, method, path, role, json_body=body, key=key, headers=headers, **kw)
        role = "bureau" if role.startswith("service:") else role
        h = {"Authorization": f"Bearer {self.tokens[GATEWAY_SUBJECT[role]]}", **(headers or {})}
        if key:
            h["Idempotency-Key"] = key
        return self.http.request(method, f"/api/{service}{path}", json=body, headers=h, **kw)

    def ok(self, resp: httpx.Response, *status: int) -> Any:
        assert resp.status_code in (status or (200,)), \
            f"{resp.request.method} {resp.request.url.path}: {resp.status_code} {resp.text[:600]}"
        return resp.json() if resp.content else None

    def close(self) -> None:
        if self.http is not None:
            self.http.close()


def wait_for(what: str, check: Callable[[], Any], timeout_s: float = 30.0, interval_s: float = 0.1) -> Any:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` after ``timeout_s``."""
    import time

    deadline = time.monotonic() + timeout_s
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        time.sleep(interval_s)


def answer_all(api: Api, *, season: int = SEASON) -> int:
    """The police and hrss confirm every pending residence-permit and social-insurance request (housing and
    market answer ``not_found``) → number of results stored."""
    stored = 0
    for dept, kind in (("police", "residence_permit"), ("hrss", "social_insurance"), ("housing", "housing"),
                       ("market", "business_license")):
        while True:
            queue = api.ok(api.send("verification", "GET", f"/queue?season={season}&limit=500", dept))["items"]
            if not queue:
                break
            items = [{"request_id": r["id"], "outcome": "confirmed", "facts": FACTS[kind]} if kind in FACTS
                     else {"request_id": r["id"], "outcome": "not_found"} for r in queue]
            key = f"answers-{dept}-" + hashlib.sha256(repr([r["id"] for r in queue]).encode()).hexdigest()[:24]
            stored += api.ok(api.send("verification", "POST", "/results/batch", dept, {"items": items}, key=key))[
                "stored"]
    return stored


@dataclass
class Cohort:
    """A small placed cohort: its schools and application numbers."""

    public: str
    private: str
    numbers: list[str]
    bodies: list[dict[str, Any]]


def small_cohort(api: Api, tag: str, size: int, *, public_seats: int = 2, private_plan: int = 40,
                 key: str | None = None) -> Cohort:
    """Schools ``P<tag>`` (public, ``public_seats``) and ``R<tag>`` (private, ``private_plan``) in 东城, and
    ``size`` eligible grade-1 applications choosing both (submitted in one batch), delivered to verification,
    confirmed by the departments and scored: a run over them places ``public_seats`` in public and the rest as
    purchased seats."""
    public, private = f"P{tag}", f"R{tag}"
    school = private_school(private, TOWN_EAST)
    school["classrooms"] = {"1": 6}
    for body in (public_school(public), school):
        api.ok(api.send("enrollment", "POST", "/schools", "bureau", body, key=f"school-{body['code']}"), 201)
    api.ok(api.send("enrollment", "PUT", f"/schools/{public}/seats/{SEASON}/1", "bureau",
                    {"migrant_seats": public_seats}))
    api.ok(api.send("enrollment", "PUT", f"/schools/{private}/plans/{SEASON}/1", "bureau", {"planned": private_plan}))
    bodies = [application(public=[public], private=[private]) for _ in range(size)]
    answer = api.ok(api.send("enrollment", "POST", "/applications/batch", "platform", {"items": bodies},
                             key=key or f"cohort-{tag}"))
    assert answer["created"] == size, answer
    numbers = [i["application_no"] for i in answer["items"]]
    deliver_cases(api)
    answer_all(api)
    for no in numbers:
        api.ok(api.send("points", "POST", f"/scores/{no}", "bureau"))
    return Cohort(public, private, numbers, bodies)


def deliver_cases(api: Api, timeout_s: float = 30.0) -> dict[str, Any]:
    """Flush enrollment's outbox until nothing is pending → the outbox status."""
    def drained() -> dict[str, Any] | None:
        status = api.ok(api.send("enrollment", "POST", "/outbox/flush", "bureau"))
        return status if status["pending"] == 0 else None

    return wait_for("enrollment's outbox to drain", drained, timeout_s, interval_s=0.2)


GATEWAY_CALLERS = {"tok-platform": ("platform", None, "platform-taizhou"), "tok-bureau": ("bureau", None, "bureau-1"),
                   "tok-auditor": ("auditor", None, "auditor-1"),
                   **{f"tok-{d}": ("department", d, f"dept-{d}") for d in DEPARTMENTS}}
"""Bearer credentials of :func:`gateway_over`: token → (role, department, subject)."""


@contextmanager
def gateway_over(stack: "Stack", folder: Path) -> Iterator[TestClient]:
    """The real gateway in front of ``stack``'s four in-process services (each upstream a MockTransport that calls
    the service's TestClient), with the credentials of :data:`GATEWAY_CALLERS`."""
    from gateway.config import Settings as GatewaySettings
    from gateway.main import create_app as create_gateway

    creds = folder / "credentials.json"
    creds.write_text(json.dumps({hashlib.sha256(tok.encode()).hexdigest(): {"role": r, "department": d, "subject": s}
                                 for tok, (r, d, s) in GATEWAY_CALLERS.items()}))

    def forward(name: str) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            resp = stack.clients[name].request(request.method, request.url.raw_path.decode(),
                                               content=request.content, headers=dict(request.headers))
            return httpx.Response(resp.status_code, headers=resp.headers, content=resp.content)
        return httpx.MockTransport(handle)

    settings = GatewaySettings(internal_secret=TEST_SECRET, credentials_file=creds,
                               **{f"{n}_url": f"http://{n}.test" for n in stack.clients})
    with TestClient(create_gateway(settings, transports={n: forward(n) for n in stack.clients})) as client:
        yield client
