"""Webhooks (issue 13): each event of the feed pushed to a local receiver (a real HTTP server on a free port),
signed with HMAC-SHA256 over the timestamp and body, at least once, in order, the same event id on every retry; a
receiver that is down gets everything once it is back. The signature is checked with the snippet docs/api.md gives
(taken from the document and run), and fails on a tampered body."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from alembic import command

from common.db import alembic_config, utcnow
from enrollment import events, webhook_targets
from enrollment.webhooks import Deliverer
from enrollment_kit import MONDAY, hand_checkable_season, upstreams
from shared_kit import Receiver, free_port

REPO = Path(__file__).resolve().parents[2]


def documented_verifier():
    """The ``verify`` function of docs/api.md's webhook snippet, executed as written."""
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- webhook-verify -->\s*```python\n(.*?)```", text, re.S).group(1)
    scope: dict = {}
    exec(code, scope)  # noqa: S102 - our own documentation
    return scope["verify"]


@pytest.fixture
def world(make_service, auth):
    """The enrollment conftest's world with ``webhook_allow_private`` on: the receivers here listen on 127.0.0.1."""
    verification, points, funding, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, today=MONDAY, webhook_allow_private=True,
                       create_app_kwargs={"http_clients": clients})
    return app, points, funding, hand_checkable_season(app, auth, points)


@pytest.fixture
def guarded(make_service, auth):
    """An enrollment app with the default settings (webhook URLs must be public https)."""
    return make_service("enrollment", outbox_dispatcher=False, today=MONDAY,
                        create_app_kwargs={"http_clients": upstreams()[3]})


def fake_dns(monkeypatch, answers: dict[str, list[str]]) -> None:
    """Names resolve to ``answers`` (the test's DNS); any other name does not resolve."""
    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            raise OSError("no such name")
        return [(None, None, None, "", (ip, port)) for ip in answers[host]]
    monkeypatch.setattr(webhook_targets.socket, "getaddrinfo", getaddrinfo)


def test_a_receiver_down_then_up_gets_every_event_once_signed(world, auth, backend):
    app, points, funding, nos = world  # 8 applications submitted, one withdrawn: 9 events already
    platform, bureau = auth("platform"), auth("bureau")
    port = free_port()
    hook = app.post("/webhooks", json={"url": f"http://127.0.0.1:{port}/hook", "after": 0}, headers=platform)
    assert hook.status_code == 201, hook.text
    secret = hook.json()["secret"]
    assert len(secret) == 64 and "secret" not in app.get("/webhooks", headers=platform).json()["items"][0]

    # down: nothing listens on the port; the first event fails and backs off
    down = app.post("/outbox/flush", headers=bureau).json()["webhooks"]
    assert down == {"delivered": 0, "failed": 1}
    listed = app.get("/webhooks", headers=platform).json()["items"][0]
    assert listed["attempts"] == 1 and listed["delivered_up_to"] == 0 and listed["last_error"] == "unreachable"
    assert app.post("/outbox/flush", headers=bureau).json()["webhooks"]["failed"] == 1  # flush skips the backoff

    receiver = Receiver(port).start()
    try:
        receiver.fail_next = 1  # up, but the first attempt answers 500: retried with the same event id
        assert app.post("/outbox/flush", headers=bureau).json()["webhooks"]["failed"] == 1
        up = app.post("/outbox/flush", headers=bureau).json()["webhooks"]
        feed = app.get("/events?after=0&limit=1000", headers=platform).json()["items"]
        assert up == {"delivered": len(feed), "failed": 0} and len(feed) == 9
        assert [e["id"] for e in receiver.taken()] == [e["id"] for e in feed]  # each once, in order
        assert receiver.taken() == json.loads(json.dumps(feed))  # the feed's own objects
        first, retried = receiver.got[0], receiver.got[1]
        assert first["status"] == 500 and retried["status"] == 204
        assert first["headers"]["x-tongcheng-event-id"] == retried["headers"]["x-tongcheng-event-id"] == str(
            feed[0]["id"])
        verify = documented_verifier()
        for g in receiver.got:
            h = g["headers"]
            assert verify(secret, h["x-tongcheng-timestamp"], g["body"], h["x-tongcheng-signature"])
            tampered = g["body"].replace(b'"kind":"', b'"kind":"x')
            assert not verify(secret, h["x-tongcheng-timestamp"], tampered, h["x-tongcheng-signature"])
            assert not verify("0" * 64, h["x-tongcheng-timestamp"], g["body"], h["x-tongcheng-signature"])
            assert not verify(secret, str(int(h["x-tongcheng-timestamp"]) - 3600), g["body"],
                              h["x-tongcheng-signature"])  # another (and stale) timestamp

        # a new event reaches it on the next pass; nothing is sent twice
        run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
        app.post(f"/runs/{run['id']}/publish", headers=bureau)
        again = app.post("/outbox/flush", headers=bureau).json()["webhooks"]
        placed = [e for e in app.get("/events?after=0&limit=1000", headers=platform).json()["items"]
                  if e["kind"] == "placed"]
        assert again["delivered"] == len(placed) > 0
        ids = [e["id"] for e in receiver.taken()]
        assert ids == sorted(set(ids))
        assert app.post("/outbox/flush", headers=bureau).json()["webhooks"] == {"delivered": 0, "failed": 0}
    finally:
        receiver.stop()


def test_registering_listing_and_deleting(world, auth):
    app, *_ = world
    platform = auth("platform")
    latest = app.get("/events?after=0&limit=1000", headers=platform).json()["last_id"]
    made = app.post("/webhooks", json={"url": "https://platform.example/tongcheng"}, headers=platform).json()
    assert made["delivered_up_to"] == latest  # by default only events from now on
    other = auth("platform", subject="platform-other")
    assert app.get("/webhooks", headers=other).json()["items"] == []
    assert app.delete(f"/webhooks/{made['id']}", headers=other).status_code == 404
    for bad in ("ftp://x/y", "http://", "not a url", "http://a b/"):
        resp = app.post("/webhooks", json={"url": bad}, headers=platform)
        assert resp.status_code == 422, bad
    assert app.post("/webhooks", json={"url": "https://x.example/"}, headers=auth("bureau")).status_code == 403
    second = app.post("/webhooks", json={"url": "https://platform.example/second"}, headers=platform).json()
    first_page = app.get("/webhooks?limit=1", headers=platform).json()  # paged by id (common.paging)
    assert [h["id"] for h in first_page["items"]] == [made["id"]] and first_page["next_cursor"]
    rest = app.get("/webhooks", params={"limit": 1, "cursor": first_page["next_cursor"]}, headers=platform).json()
    assert [h["id"] for h in rest["items"]] == [second["id"]] and rest["next_cursor"] is None
    assert app.delete(f"/webhooks/{second['id']}", headers=platform).status_code == 204
    assert app.delete(f"/webhooks/{made['id']}", headers=platform).status_code == 204
    assert app.get("/webhooks", headers=platform).json()["items"] == []
    assert app.delete(f"/webhooks/{made['id']}", headers=platform).status_code == 404


def test_two_processes_deliver_each_event_once(world, auth, backend):
    app, *_ = world
    platform = auth("platform")
    receiver = Receiver(free_port()).start()
    try:
        for _ in range(2):
            assert app.post("/webhooks", json={"url": f"http://127.0.0.1:{receiver.port}/h", "after": 0},
                            headers=platform).status_code == 201
        deliverers = [Deliverer(app.app.state.db, httpx.Client(timeout=5), allow_private=True) for _ in range(2)]
        threads = [threading.Thread(target=d.deliver) for d in deliverers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        feed = [e["id"] for e in app.get("/events?after=0&limit=1000", headers=platform).json()["items"]]
        # two webhooks, each taking every event once, whichever process delivered it
        assert sorted(e["id"] for e in receiver.taken()) == sorted(feed * 2)
        assert all(d.deliver().delivered == 0 for d in deliverers)
    finally:
        receiver.stop()


def rows_holding(engine: sa.Engine, text: str) -> list[tuple[str, str]]:
    """(table, column) of every stored value, in every table, whose text contains ``text``."""
    found = []
    with engine.connect() as conn:
        meta = sa.MetaData()
        meta.reflect(bind=conn)
        for table in meta.tables.values():
            for row in conn.execute(sa.select(table)).mappings():
                found += [(table.name, col) for col, value in row.items()
                          if value is not None and text.lower() in str(value).lower()]
    return found


def test_no_secret_at_rest_and_a_replay_derives_it_again(world, auth, backend):
    """The webhook's secret is in neither the webhooks table nor the idempotency table (nor anywhere else in the
    database); an idempotent replay of the registration answers the same secret; deliveries verify with it."""
    app, *_ = world
    platform = auth("platform")
    receiver = Receiver(free_port()).start()
    try:
        body = {"url": f"http://127.0.0.1:{receiver.port}/hook", "after": 0}
        keyed = {**platform, "Idempotency-Key": "hook-1"}
        first = app.post("/webhooks", json=body, headers=keyed)
        assert first.status_code == 201, first.text
        secret = first.json()["secret"]
        again = app.post("/webhooks", json=body, headers=keyed)
        assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
        assert again.json() == first.json()  # the same webhook, the same secret, derived again
        other = app.post("/webhooks", json=body, headers=platform).json()
        assert other["id"] != first.json()["id"] and other["secret"] != secret and len(other["secret"]) == 64

        engine = app.app.state.db.engine
        assert rows_holding(engine, first.json()["url"])  # the scan does see stored values
        for s in (secret, other["secret"]):
            assert rows_holding(engine, s) == []
            assert rows_holding(engine, s[:16]) == []  # not a prefix either

        assert app.post("/outbox/flush", headers=auth("bureau")).json()["webhooks"]["failed"] == 0
        verify = documented_verifier()
        by_secret = {first.json()["id"]: secret, other["id"]: other["secret"]}
        assert len(receiver.got) == 2 * 9
        for g in receiver.got:  # each delivery verifies with its webhook's secret and not with the other's
            h = g["headers"]
            assert sum(verify(s, h["x-tongcheng-timestamp"], g["body"], h["x-tongcheng-signature"])
                       for s in by_secret.values()) == 1

        # a replay after the webhook is deleted has no secret to give
        assert app.delete(f"/webhooks/{first.json()['id']}", headers=platform).status_code == 204
        gone = app.post("/webhooks", json=body, headers=keyed)
        assert gone.status_code == 201 and gone.json()["secret"] is None
    finally:
        receiver.stop()


def test_inside_addresses_are_refused_and_nothing_written(guarded, auth, monkeypatch):
    """SSRF: a webhook cannot point at the suite's network. The registration table is in
    tests/reliability/test_bad_input.py; here the names that resolve inside (the test's DNS)."""
    fake_dns(monkeypatch, {"inside.example": ["10.1.2.3"], "mixed.example": ["93.184.216.34", "127.0.0.1"],
                           "v6.example": ["::ffff:169.254.169.254"], "outside.example": ["93.184.216.34"]})
    platform = auth("platform")
    for url in ("https://inside.example/h", "https://mixed.example/h", "https://v6.example/h",
                "http://outside.example/h", "https://[::ffff:7f00:1]/", "https://0177.0.0.1/"):
        resp = guarded.post("/webhooks", json={"url": url}, headers=platform)
        assert resp.status_code == 422 and resp.json()["code"] == "webhook_url_forbidden", (url, resp.text)
    assert guarded.get("/webhooks", headers=platform).json()["items"] == []
    assert guarded.post("/webhooks", json={"url": "https://outside.example/h"}, headers=platform).status_code == 201
    assert guarded.post("/webhooks", json={"url": "https://unknown.example/h"}, headers=platform).status_code == 201


def test_a_name_that_moves_inside_after_registration_is_not_reached(guarded, auth, monkeypatch):
    """DNS rebinding: the name was public at registration and resolves to the receiver's loopback address at
    delivery: nothing reaches the receiver, and last_error says only ``unreachable``."""
    platform, bureau = auth("platform"), auth("bureau")
    receiver = Receiver(free_port()).start()
    try:
        fake_dns(monkeypatch, {"rebind.example": ["93.184.216.34"]})
        made = guarded.post("/webhooks", json={"url": f"https://rebind.example:{receiver.port}/h", "after": 0},
                            headers=platform)
        assert made.status_code == 201, made.text
        with guarded.app.state.db.write_session() as s:
            events.record(s, events.SUBMITTED, [("HY2025-1-000001", 2025, 1, {})], now=utcnow())
            s.commit()
        fake_dns(monkeypatch, {"rebind.example": ["127.0.0.1"]})
        assert guarded.post("/outbox/flush", headers=bureau).json()["webhooks"] == {"delivered": 0, "failed": 1}
        assert receiver.got == []
        assert guarded.get("/webhooks", headers=platform).json()["items"][0]["last_error"] == "unreachable"
    finally:
        receiver.stop()


def test_the_migration_drops_stored_secrets(new_database_url, backend):
    """Rows stored before: the webhook's plain secret and the secret inside its stored idempotent answer are gone
    after the upgrade; the webhook gets a nonce and the rest of the answer is kept."""
    url = new_database_url("enrollment_hook_mig")
    cfg = alembic_config(Path(__import__("enrollment").__file__).resolve().parents[1], url)
    command.upgrade(cfg, "enro_20261207_reapply")
    secret = "ab" * 32
    answer = {"id": 1, "url": "https://p.example/h", "secret": secret, "delivered_up_to": 0, "attempts": 0,
              "next_attempt_at": "2026-12-07T10:00:00Z", "last_error": None}
    unrelated = {"secret": "not a webhook answer"}
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO webhooks (id, url, secret, owner, delivered_up_to, attempts, next_attempt_at, "
                "created_at) VALUES (1, 'https://p.example/h', :s, 'platform', 0, 0, :t, :t)"),
                {"s": secret, "t": "2026-12-07 10:00:00+00:00"})
            for i, ans in enumerate((answer, unrelated), 1):
                conn.execute(sa.text(
                    "INSERT INTO idempotency_keys (id, caller, key, fingerprint, status_code, response, created_at)"
                    " VALUES (:i, 'platform::platform', :k, :f, 201, :r, :t)"),
                    {"i": i, "k": f"k{i}", "f": "0" * 64, "r": json.dumps(ans), "t": "2026-12-07 10:00:00+00:00"})
        command.upgrade(cfg, "head")
        assert rows_holding(engine, secret) == []
        with engine.connect() as conn:
            nonce = conn.execute(sa.text("SELECT nonce FROM webhooks WHERE id = 1")).scalar_one()
            stored = [json.loads(r) for r in conn.execute(sa.text(
                "SELECT response FROM idempotency_keys ORDER BY id")).scalars()]
        assert len(nonce) == 32
        assert stored == [{k: v for k, v in answer.items() if k != "secret"}, unrelated]
        command.downgrade(cfg, "enro_20261207_reapply")
        with engine.connect() as conn:
            assert len(conn.execute(sa.text("SELECT secret FROM webhooks WHERE id = 1")).scalar_one()) == 64
    finally:
        engine.dispose()
def test_a_delivery_goes_to_the_checked_address_with_the_name_kept():
    """The pinned target connects to the address that was checked, with Host and SNI naming the host."""
    target = webhook_targets.pin("https://hook.example:8443/p?q=1", allow_private=False)
    assert target is None  # hook.example does not resolve here
    with pytest.MonkeyPatch.context() as mp:
        fake_dns(mp, {"hook.example": ["93.184.216.34"], "six.example": ["2606:2800:220:1::1"]})
        target = webhook_targets.pin("https://hook.example:8443/p?q=1", allow_private=False)
        assert target.url == "https://93.184.216.34:8443/p?q=1"
        assert target.headers == {"Host": "hook.example:8443"} and target.extensions == {"sni_hostname": "hook.example"}
        six = webhook_targets.pin("https://six.example/p", allow_private=False)
        assert six.url == "https://[2606:2800:220:1::1]/p" and six.headers == {"Host": "six.example"}


@pytest.mark.parametrize("status, error", [(500, "http_status 5xx"), (403, "http_status 4xx"),
                                           (301, "http_status 3xx")])
def test_last_error_names_only_the_class(status, error):
    """A receiver's status is reported as its class; a refused connection as ``unreachable``; the words of the
    network (``[Errno 111] Connection refused``) never."""
    deliverer = Deliverer(None, httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(status))),
                          allow_private=True)
    assert deliverer._post("http://127.0.0.1:9/h", "s" * 64, {"id": 1}) == error

    def refuse(request):
        raise httpx.ConnectError("[Errno 111] Connection refused")

    def slow(request):
        raise httpx.ReadTimeout("timed out")
    for handler, expected in ((refuse, "unreachable"), (slow, "timeout")):
        deliverer = Deliverer(None, httpx.Client(transport=httpx.MockTransport(handler)), allow_private=True)
        assert deliverer._post("http://127.0.0.1:9/h", "s" * 64, {"id": 1}) == expected
