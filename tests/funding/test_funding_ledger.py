"""The pure hash-chained ledger (funding.ledger): canonical bytes, chaining, and verify finding the first broken
entry for every kind of tampering — BRIEF §8."""

import hashlib
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.ledger import COLUMNS, GENESIS_HASH, canonical, chain_hash, next_entry, verify

T0 = datetime(2026, 1, 5, 8, 30, tzinfo=timezone.utc)


def build(n: int) -> list:
    """``n`` stored rows, as tuples in ``COLUMNS`` order (what the service selects)."""
    rows, seq, head = [], 0, GENESIS_HASH
    for i in range(n):
        at = T0 + timedelta(minutes=i)
        e = next_entry(seq, head, ("settlement_approved", "adjustment", "disbursement")[i % 3],
                       {"settlement_id": i // 3 + 1, "amount_fen": 300_000 - i * 7, "at": at.isoformat(),
                        "school_code": "PS001", "note": "退学 调整"})
        rows.append((e.seq, e.kind, e.settlement_id, e.amount_fen, at, e.body, e.prev_hash, e.hash))
        seq, head = e.seq, e.hash
    return rows


class Rows(list):
    """The rows, with ``rows.but(i, column=value)`` to edit one stored column."""

    def but(self, i, **changes):
        row = list(self[i])
        for name, value in changes.items():
            row[COLUMNS.index(name)] = value
        self[i] = tuple(row)


def col(row, name):
    return row[COLUMNS.index(name)]


def head_of(rows):
    return (rows[-1][0], rows[-1][7]) if rows else (0, GENESIS_HASH)


def test_canonical_bytes_and_hash_definition():
    body = canonical({"b": 1, "a": "学位", "c": [1, None, True]})
    assert body == '{"a":"学位","b":1,"c":[1,null,true]}'.encode()
    assert chain_hash(GENESIS_HASH, body) == hashlib.sha256(bytes(32) + body).hexdigest()
    e = next_entry(0, GENESIS_HASH, "adjustment", {"settlement_id": 3, "amount_fen": -1803_92})
    assert json.loads(e.body) == {"settlement_id": 3, "amount_fen": -180392, "seq": 1, "kind": "adjustment"}
    assert e.prev_hash == GENESIS_HASH and e.hash == chain_hash(GENESIS_HASH, e.body)


@pytest.mark.parametrize("bad", [Decimal("1.00"), 1.5, {1: "x"}, b"bytes", object()])
def test_canonical_refuses_anything_but_plain_json(bad):
    with pytest.raises(TypeError):
        canonical({"x": [bad]})


def test_next_entry_refuses_unknown_kind_and_inexact_amount():
    with pytest.raises(ValueError):
        next_entry(0, GENESIS_HASH, "refund", {"settlement_id": 1, "amount_fen": 1})
    with pytest.raises(TypeError):
        next_entry(0, GENESIS_HASH, "adjustment", {"settlement_id": 1, "amount_fen": "100"})


def test_a_good_chain_verifies():
    rows = build(30)
    result = verify(rows, head=head_of(rows))
    assert result.ok and result.entries == 30 and result.head_hash == rows[-1][7] and result.first_broken is None
    empty = verify([], head=(0, GENESIS_HASH))
    assert empty.ok and empty.entries == 0 and empty.head_hash == GENESIS_HASH
    assert verify([(*r[:4], None, *r[5:]) for r in rows]).ok  # recorded_at may be left out


def _tampered_amount_body(row):
    doc = json.loads(col(row, "body"))
    doc["amount_fen"] += 100
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _rehashed(rows, i):
    body = _tampered_amount_body(rows[i])
    rows.but(i, body=body, amount_fen=col(rows[i], "amount_fen") + 100,
             hash=chain_hash(col(rows[i], "prev_hash"), body))


TAMPERING = {
    "amount column edited": (lambda rows: rows.but(9, amount_fen=col(rows[9], "amount_fen") + 1),
                             10, "column_mismatch"),
    "kind column edited": (lambda rows: rows.but(4, kind="disbursement"), 5, "column_mismatch"),
    "settlement column edited": (lambda rows: rows.but(4, settlement_id=None), 5, "column_mismatch"),
    "recorded_at edited": (lambda rows: rows.but(2, recorded_at=T0), 3, "column_mismatch"),
    "body bytes edited": (lambda rows: rows.but(9, body=_tampered_amount_body(rows[9])), 10, "hash_mismatch"),
    "body edited and rehashed": (lambda rows: _rehashed(rows, 9), 11, "prev_hash_mismatch"),
    "entry deleted": (lambda rows: rows.pop(6), 7, "seq_gap"),
    "entries swapped": (lambda rows: rows.__setitem__(slice(3, 5), [rows[4], rows[3]]), 4, "seq_gap"),
    "hash edited": (lambda rows: rows.but(0, hash="f" * 64), 1, "hash_mismatch"),
    "body not json": (lambda rows: rows.but(29, body=b"\xff", hash=chain_hash(col(rows[29], "prev_hash"), b"\xff")),
                      30, "body_unreadable"),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_tampering_is_found_at_the_first_broken_entry(case):
    rows = Rows(build(30))
    head = head_of(rows)
    edit, seq, reason = TAMPERING[case]
    edit(rows)
    result = verify(rows, head=head)
    assert not result.ok
    assert (result.first_broken.seq, result.first_broken.reason) == (seq, reason), result.first_broken


def test_entries_cut_from_the_end_break_the_head():
    rows = build(10)
    head = head_of(rows)
    result = verify(rows[:8], head=head)
    assert not result.ok and result.first_broken.reason == "head_mismatch" and result.first_broken.seq == 10
    assert verify(rows[:8]).ok  # without the head row the cut is invisible: the service always passes it


@given(st.integers(1, 40), st.data())
def test_any_single_byte_flip_in_any_body_is_caught(n, data):
    rows = Rows(build(n))
    i = data.draw(st.integers(0, n - 1))
    body = bytearray(col(rows[i], "body"))
    j = data.draw(st.integers(0, len(body) - 1))
    body[j] ^= data.draw(st.integers(1, 255))
    rows.but(i, body=bytes(body))
    result = verify(rows, head=head_of(build(n)))
    assert not result.ok and result.first_broken.seq == i + 1

