"""The append-only, hash-chained funding ledger (BRIEF §8, plan 三(四)). Pure: no session, no HTTP; its storage
(append under the head-row lock, the walk over the stored rows, reconciliation) is :mod:`funding.ledger_store`.

Each entry stores ``seq`` (1, 2, 3 ...), ``kind``, ``body`` — the canonical bytes, exactly as hashed —,
``prev_hash`` (the previous entry's hash; 64 zeros before the first) and
``hash = SHA-256(bytes.fromhex(prev_hash) || body)`` as lowercase hex.

The body is canonical JSON: keys sorted, no spaces, UTF-8, and only integers, strings, booleans, null, lists
and objects — amounts are integer fen, dates ISO strings. It repeats ``seq``, ``kind``,
``settlement_id``, ``amount_fen`` and ``at`` (the ``recorded_at`` column), so an edit of those stored columns
is caught too. :func:`verify` walks the chain and reports the first broken entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64
KINDS = ("settlement_approved", "adjustment", "disbursement", "seat_ended", "seats_completed", "roll_confirmed")
"""Money entries first (approvals, adjustments, payments); then who ended a seat and why, the seats that ended by
themselves on completing the school's top grade, and each confirmation of a semester roll (在校确认) — these
carry ``amount_fen`` 0 and no settlement."""
_PLAIN = (int, str, bool, type(None))
_DECODER = json.JSONDecoder()

COLUMNS = ("seq", "kind", "settlement_id", "amount_fen", "recorded_at", "body", "prev_hash", "hash")
"""The stored columns :func:`verify` reads, in this order (select them so; ``recorded_at`` may be ``None``)."""
StoredRow = tuple[int, str, int | None, int, datetime | None, bytes, str, str]


@dataclass(frozen=True)
class Entry:
    """A new entry ready to store."""

    seq: int
    kind: str
    settlement_id: int | None
    amount_fen: int
    body: bytes
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Broken:
    """The first entry that fails: its ``seq`` and a ``reason`` code (``seq_gap``, ``prev_hash_mismatch``,
    ``hash_mismatch``, ``body_unreadable``, ``column_mismatch``, ``head_mismatch``) with a ``detail``."""

    seq: int
    reason: str
    detail: str


@dataclass(frozen=True)
class Verification:
    """``ok`` when every entry checks out; ``entries`` walked; ``head_hash`` of the last good-looking entry."""

    ok: bool
    entries: int
    head_hash: str
    first_broken: Broken | None


def _check_plain(value: Any, path: str = "$") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path}: ledger keys must be strings")
            _check_plain(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_plain(item, f"{path}[{i}]")
    elif not isinstance(value, _PLAIN):
        raise TypeError(f"{path}: {type(value).__name__} not allowed in a ledger body (integers and strings only)")


def canonical(payload: dict[str, Any]) -> bytes:
    """Canonical bytes of ``payload``: sorted keys, compact, UTF-8. Raises ``TypeError`` for anything but
    int / str / bool / None / list / dict (so no inexact number can enter the ledger)."""
    _check_plain(payload)
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def chain_hash(prev_hash: str, body: bytes) -> str:
    """``SHA-256(bytes.fromhex(prev_hash) || body)`` as lowercase hex."""
    return hashlib.sha256(bytes.fromhex(prev_hash) + body).hexdigest()


def next_entry(head_seq: int, head_hash: str, kind: str, payload: dict[str, Any]) -> Entry:
    """The entry that follows the head ``(head_seq, head_hash)``. ``payload`` must hold ``amount_fen`` (int)
    and ``settlement_id`` (int or None); ``seq`` and ``kind`` are added to it."""
    if kind not in KINDS:
        raise ValueError(f"unknown ledger kind {kind!r}")
    amount = payload["amount_fen"]
    if type(amount) is not int:
        raise TypeError("amount_fen must be an integer number of fen")
    seq = head_seq + 1
    body = canonical({**payload, "seq": seq, "kind": kind})
    return Entry(seq=seq, kind=kind, settlement_id=payload.get("settlement_id"), amount_fen=amount, body=body,
                 prev_hash=head_hash, hash=chain_hash(head_hash, body))


def seats_named(payload: dict[str, Any]) -> set[int]:
    """The purchased seats an entry's body names: ``seat_id`` (an end, an adjustment), ``to_seat_id`` (the seat a
    transfer opened), ``left[].seat_id`` (a roll's leavers) and ``groups[].seat_ids`` (seats completing the top
    grade) → their ids. What
    :func:`funding.ledger_store.append_ledger` indexes for ``GET /ledger?seat_id=`` besides the seats the caller
    adds (a settlement's lines, a roll's entries), and what the migration recovers from stored bodies."""
    ids = {payload[k] for k in ("seat_id", "to_seat_id") if isinstance(payload.get(k), int)}
    ids |= {x["seat_id"] for x in payload.get("left") or () if isinstance(x, dict) and isinstance(x.get("seat_id"), int)}
    for group in payload.get("groups") or ():
        if isinstance(group, dict):
            ids |= {i for i in group.get("seat_ids") or () if isinstance(i, int)}
    return ids


def _columns_disagree(row: StoredRow, body: dict[str, Any]) -> str | None:
    for i, name in enumerate(COLUMNS[:4]):
        stored = row[i]
        if body.get(name) != stored or type(body.get(name)) is not type(stored):
            return f"column {name}={stored!r} but the hashed body says {body.get(name)!r}"
    recorded_at = row[4]
    if recorded_at is not None and body.get("at") != recorded_at.isoformat():
        return f"column recorded_at={recorded_at.isoformat()} but the hashed body says {body.get('at')!r}"
    return None


def verify(rows: Iterable[StoredRow], *, head: tuple[int, str] | None = None) -> Verification:
    """Walk ``rows`` (tuples in :data:`COLUMNS` order, by ``seq``) and report the first broken entry.

    Per entry, in order: ``seq`` follows the previous one (``seq_gap``); ``prev_hash`` is the previous hash
    (``prev_hash_mismatch``); ``hash`` recomputes from ``prev_hash`` and the stored body (``hash_mismatch``); the
    body parses (``body_unreadable``) and agrees with the stored ``seq``/``kind``/``settlement_id``/``amount_fen``
    columns, and ``recorded_at`` when given (``column_mismatch``). ``head`` = the stored ``(seq, hash)`` of the
    chain head; a head that is not the last entry (entries deleted from the end) is ``head_mismatch``.
    About 100 000 entries a second on one core.
    """
    expected_seq, prev = 1, GENESIS_HASH
    sha256, fromhex, decode = hashlib.sha256, bytes.fromhex, _DECODER.decode
    count = 0
    for row in rows:
        seq, kind, settlement_id, amount_fen, recorded_at, body, prev_hash, stored_hash = row
        count += 1
        body = bytes(body)
        broken = None
        if seq != expected_seq:
            broken = Broken(expected_seq, "seq_gap", f"expected seq {expected_seq}, found {seq}")
        elif prev_hash != prev:
            broken = Broken(seq, "prev_hash_mismatch", "prev_hash is not the previous entry's hash")
        elif sha256(fromhex(prev) + body).hexdigest() != stored_hash:
            broken = Broken(seq, "hash_mismatch", "stored bytes do not hash to the stored hash")
        else:
            try:
                parsed = decode(body.decode("utf-8"))
            except ValueError:  # includes UnicodeDecodeError
                parsed = None
            if not isinstance(parsed, dict):
                broken = Broken(seq, "body_unreadable", "stored bytes are not a JSON object")
            elif not ((parsed.get("seq"), parsed.get("kind"), parsed.get("settlement_id"), parsed.get("amount_fen"))
                      == (seq, kind, settlement_id, amount_fen) and type(parsed.get("amount_fen")) is int
                      and (recorded_at is None or parsed.get("at") == recorded_at.isoformat())):
                broken = Broken(seq, "column_mismatch", _columns_disagree(row, parsed) or "columns disagree")
        if broken is not None:
            return Verification(ok=False, entries=count, head_hash=prev, first_broken=broken)
        expected_seq, prev = seq + 1, stored_hash
    if head is not None and (head[0], head[1]) != (expected_seq - 1, prev):
        broken = Broken(max(head[0], expected_seq - 1), "head_mismatch",
                        f"chain head says seq {head[0]}, the entries end at seq {expected_seq - 1}")
        return Verification(ok=False, entries=count, head_hash=prev, first_broken=broken)
    return Verification(ok=True, entries=count, head_hash=prev, first_broken=None)
