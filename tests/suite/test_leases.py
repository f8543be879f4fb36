"""The common leased-work module (issue 14): concurrent claimers never share a row, on SQLite and PostgreSQL;
a crashed holder's rows are taken over after its lease, a live holder's never; a stop hands the leases back."""

from __future__ import annotations

import threading
import time
from collections import Counter

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, update

from common.db import Database, UTCDateTime
from common.leases import Leases

WORK = Table("work", MetaData(), Column("id", Integer, primary_key=True), Column("done_by", String(40)),
             Column("claimed_by", String(40)), Column("claimed_until", UTCDateTime()))


def _database(url: str, rows: int) -> Database:
    db = Database(url)
    WORK.metadata.create_all(db.engine)
    with db.write_session() as s:
        s.execute(insert(WORK), [{"id": i} for i in range(1, rows + 1)])
        s.commit()
    return db


def test_concurrent_claimers_never_share_a_row(new_database_url, backend):
    url = new_database_url("leases")
    seed = _database(url, 300)
    done: Counter = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def worker(n: int) -> None:
        db = Database(url)  # each claimer its own engine and connections, as a separate process has
        leases = Leases(db, WORK, lease_s=30, owner=f"owner{n:011d}")
        barrier.wait()
        while (claim := leases.claim(WORK.c.done_by.is_(None), limit=7)) is not None:
            with lock:
                done.update(claim.ids)
            assert leases.release(claim.token, done_by=leases.owner) == len(claim.ids)
        db.dispose()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert done == Counter(range(1, 301))  # every row once
    with seed.read_session() as s:
        owners = Counter(s.scalars(select(WORK.c.done_by)))
        assert sum(owners.values()) == 300 and None not in owners
        assert s.scalar(select(WORK.c.id).where(WORK.c.claimed_by.is_not(None))) is None
    seed.dispose()


def test_a_crashed_holder_is_taken_over_a_live_one_never(new_database_url, backend):
    db = _database(new_database_url("leases"), 4)
    try:
        crashed = Leases(db, WORK, lease_s=1.0)  # claims and never renews
        live = Leases(db, WORK, lease_s=1.0)
        live.start()  # renews every third of the lease
        other = Leases(db, WORK, lease_s=10)
        first = crashed.claim(WORK.c.id <= 2, limit=2)
        second = live.claim(WORK.c.id > 2, limit=2)
        assert first.ids == [1, 2] and second.ids == [3, 4]
        assert other.claim(limit=4) is None  # both leases still run
        time.sleep(2.2)
        taken = other.claim(limit=4)
        assert taken is not None and taken.ids == [1, 2]  # only the crashed holder's rows
        # the crashed holder's late write is refused: its token holds nothing any more
        assert crashed.release(first.token, done_by="late") == 0
        assert live.stop() == 2  # SIGTERM: hands its rows back ...
        assert other.claim(limit=4).ids == [3, 4]  # ... and they are taken at once
        with db.read_session() as s:
            assert s.scalar(select(WORK.c.done_by).where(WORK.c.done_by.is_not(None))) is None
    finally:
        db.dispose()


def test_renewal_forgets_claims_that_were_taken_over(new_database_url, backend):
    db = _database(new_database_url("leases"), 1)
    try:
        mine = Leases(db, WORK, lease_s=5)
        claim = mine.claim(limit=1)
        with db.write_session() as s:  # another process took it over (this one stalled past its lease)
            s.execute(update(WORK).values(claimed_by="someone-else"))
            s.commit()
        assert mine.renew() == 0 and mine.held_tokens() == set()
        assert claim.token not in mine.held_tokens()
    finally:
        db.dispose()
