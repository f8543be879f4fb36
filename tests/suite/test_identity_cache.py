"""Identity tokens are checked in full once per token and remembered until they expire (issue 15): the same token
again costs a lookup; an expired one is refused exactly as before; a refused token is never remembered; the key is
the exact token and secret."""

from __future__ import annotations

import time

import jwt
import pytest

from common import identity as ident
from common.errors import Unauthorized
from common.identity import Identity, mint, verify

SECRET = "s" * 40
OTHER = "o" * 40


@pytest.fixture(autouse=True)
def fresh_cache():
    ident._VERIFIED.clear()
    yield
    ident._VERIFIED.clear()


@pytest.fixture
def decodes(monkeypatch):
    """Counts the full checks (PyJWT decodes)."""
    calls = []
    real = jwt.decode

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ident.jwt, "decode", counting)
    return calls


def test_same_token_is_checked_once(decodes):
    who = Identity("department", "police-1", "police")
    token = mint(SECRET, who, 60)
    assert [verify(SECRET, token) for _ in range(5)] == [who] * 5
    assert len(decodes) == 1
    other = mint(SECRET, Identity("bureau", "bureau-1"), 60)
    assert verify(SECRET, other) == Identity("bureau", "bureau-1")
    assert len(decodes) == 2


def test_expired_token_is_refused_although_it_was_remembered(monkeypatch, decodes):
    token = mint(SECRET, Identity("platform", "p"), 2)
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]
    decodes.clear()
    assert verify(SECRET, token).subject == "p"
    real_time = time.time
    monkeypatch.setattr(ident.time, "time", lambda: exp - 0.5)
    assert verify(SECRET, token).subject == "p"  # before exp: from memory
    assert len(decodes) == 1
    monkeypatch.setattr(ident.time, "time", real_time)
    time.sleep(max(0.0, exp - time.time()) + 0.05)  # PyJWT reads the real clock: refuses from exp on
    with pytest.raises(Unauthorized) as err:
        verify(SECRET, token)
    assert err.value.code == "invalid_identity" and "expired" in err.value.detail
    assert len(decodes) == 2


def test_refused_tokens_are_never_remembered_and_the_secret_is_part_of_the_key(decodes):
    token = mint(SECRET, Identity("platform", "p"), 60)
    for _ in range(3):
        with pytest.raises(Unauthorized):
            verify(OTHER, token)  # signed with another secret: refused every time, checked every time
    assert len(decodes) == 3 and not ident._VERIFIED
    assert verify(SECRET, token).role == "platform"
    with pytest.raises(Unauthorized):
        verify(OTHER, token)  # remembered under SECRET only
    forged = mint(SECRET, Identity("platform", "p"), 60)[:-2] + "xx"
    with pytest.raises(Unauthorized):
        verify(SECRET, forged)
    unknown_role = jwt.encode({"sub": "x", "role": "root", "aud": "tongcheng-services", "exp": 2**40}, SECRET)
    for _ in range(2):
        with pytest.raises(Unauthorized):
            verify(SECRET, unknown_role)
    assert list(ident._VERIFIED) == [(SECRET, token)]


def test_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(ident, "_VERIFIED_MAX", 10)
    tokens = [mint(SECRET, Identity("platform", f"p{i}"), 60) for i in range(25)]
    for i, token in enumerate(tokens):
        assert verify(SECRET, token).subject == f"p{i}"
        assert len(ident._VERIFIED) <= 10
