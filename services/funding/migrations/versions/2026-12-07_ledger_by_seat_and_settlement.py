"""ledger by seat and by settlement (GET /ledger?seat_id= / ?settlement_id=, issue 12: the auditor's history of a
purchased seat or a settlement): ``ledger_seats`` (seat → entries) filled from the stored entries, an index on
``ledger_entries (settlement_id, seq)``, and one on ``roll_entries (seat_id)`` for a seat's roll per semester.

The seats of an entry already stored are recovered as new appends write them: the seats its body names
(:func:`funding.ledger.seats_named`), the lines of an approved settlement, the entries a roll confirmation wrote.

Revision ID: fund_20261207_ledger_seats
Revises: fund_20261207_access
Create Date: 2026-12-07 18:10:00
"""
import json

import sqlalchemy as sa
from alembic import op

from funding.ledger import seats_named

revision = 'fund_20261207_ledger_seats'
down_revision = 'fund_20261207_access'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ledger_seats',
                    sa.Column('seat_id', sa.Integer(), nullable=False),
                    sa.Column('seq', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('seat_id', 'seq', name=op.f('pk_ledger_seats')),
                    sqlite_with_rowid=False)
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entries_settlement_seq', ['settlement_id', 'seq'], unique=False)
    with op.batch_alter_table('roll_entries', schema=None) as batch_op:
        batch_op.create_index('ix_roll_entries_seat_id', ['seat_id'], unique=False)
    bind = op.get_bind()
    pairs: set[tuple[int, int]] = set()
    for seq, body in bind.execute(sa.text("SELECT seq, body FROM ledger_entries")):
        try:
            payload = json.loads(bytes(body))
        except ValueError:
            continue  # an unreadable body is the verification's finding, not the migration's
        pairs |= {(seat, seq) for seat in seats_named(payload)} if isinstance(payload, dict) else set()
    pairs |= set(bind.execute(sa.text(
        "SELECT e.seat_id, c.ledger_seq FROM roll_entries e JOIN roll_confirmations c ON c.id = e.confirmation_id")))
    pairs |= set(bind.execute(sa.text(
        "SELECT l.seat_id, g.seq FROM settlement_lines l JOIN ledger_entries g ON g.settlement_id = l.settlement_id "
        "WHERE g.kind = 'settlement_approved'")))
    rows = [{"seat_id": seat, "seq": seq} for seat, seq in sorted(pairs)]
    table = sa.table('ledger_seats', sa.column('seat_id', sa.Integer), sa.column('seq', sa.Integer))
    for i in range(0, len(rows), 5000):
        op.bulk_insert(table, rows[i:i + 5000])


def downgrade() -> None:
    with op.batch_alter_table('roll_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_roll_entries_seat_id')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_settlement_seq')
    op.drop_table('ledger_seats')
