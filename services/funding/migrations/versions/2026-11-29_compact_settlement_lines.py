"""compact settlement lines: keyed by (settlement_id, seat_id), WITHOUT ROWID on SQLite, no copy of the
application number (it lives on the seat), no index on seat_id alone (a seat's lines are reached through its
school's settlements), no foreign keys (their per-row checks were most of the cost on PostgreSQL; see the model).
A semester of a million lines is written in a fraction of the time.

Existing lines are kept: copied aside, the table rebuilt, copied back.

Revision ID: fund_20261129_03
Revises: fund_20261129_02
Create Date: 2026-11-29 13:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'fund_20261129_03'
down_revision = 'fund_20261129_02'
branch_labels = None
depends_on = None


def _keep_lines() -> None:
    op.create_table('settlement_lines_copy',
                    sa.Column('settlement_id', sa.Integer(), nullable=False),
                    sa.Column('seat_id', sa.Integer(), nullable=False),
                    sa.Column('days', sa.Integer(), nullable=False),
                    sa.Column('amount_fen', sa.BigInteger(), nullable=False))
    op.execute("INSERT INTO settlement_lines_copy (settlement_id, seat_id, days, amount_fen) "
               "SELECT settlement_id, seat_id, days, amount_fen FROM settlement_lines")


def upgrade() -> None:
    _keep_lines()
    with op.batch_alter_table('settlement_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_settlement_lines_seat_id'))
    op.drop_table('settlement_lines')
    op.create_table('settlement_lines',
                    sa.Column('settlement_id', sa.Integer(), nullable=False),
                    sa.Column('seat_id', sa.Integer(), nullable=False),
                    sa.Column('days', sa.Integer(), nullable=False),
                    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
                    sa.PrimaryKeyConstraint('settlement_id', 'seat_id', name=op.f('pk_settlement_lines')),
                    sqlite_with_rowid=False)
    op.execute("INSERT INTO settlement_lines (settlement_id, seat_id, days, amount_fen) "
               "SELECT settlement_id, seat_id, days, amount_fen FROM settlement_lines_copy")
    op.drop_table('settlement_lines_copy')


def downgrade() -> None:
    _keep_lines()
    op.drop_table('settlement_lines')
    op.create_table('settlement_lines',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('settlement_id', sa.Integer(), nullable=False),
                    sa.Column('seat_id', sa.Integer(), nullable=False),
                    sa.Column('application_no', sa.String(length=40), nullable=False),
                    sa.Column('days', sa.Integer(), nullable=False),
                    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
                    sa.ForeignKeyConstraint(['seat_id'], ['purchased_seats.id'],
                                            name=op.f('fk_settlement_lines_seat_id_purchased_seats')),
                    sa.ForeignKeyConstraint(['settlement_id'], ['settlements.id'],
                                            name=op.f('fk_settlement_lines_settlement_id_settlements'),
                                            ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_settlement_lines')),
                    sa.UniqueConstraint('settlement_id', 'seat_id',
                                        name=op.f('uq_settlement_lines_settlement_id_seat_id')))
    with op.batch_alter_table('settlement_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_settlement_lines_seat_id'), ['seat_id'], unique=False)
    op.execute("INSERT INTO settlement_lines (settlement_id, seat_id, application_no, days, amount_fen) "
               "SELECT c.settlement_id, c.seat_id, s.application_no, c.days, c.amount_fen "
               "FROM settlement_lines_copy c JOIN purchased_seats s ON s.id = c.seat_id")
    op.drop_table('settlement_lines_copy')
