"""re-checks asked by upheld appeals (复核, issue 13): a request back in its department's queue, marked with the
appeal and the family's ground, until the department answers

Revision ID: veri_20261207_rechecks
Revises: veri_20261129_02
Create Date: 2026-12-07 17:40:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'veri_20261207_rechecks'
down_revision = 'veri_20261129_02'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('requests') as batch:
        batch.add_column(sa.Column('recheck_ref', sa.String(length=60), nullable=True))
        batch.add_column(sa.Column('recheck_ground', sa.Text(), nullable=True))
        batch.add_column(sa.Column('recheck_open', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column('recheck_requested_at', common.db.UTCDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('recheck_result_id', sa.Integer(), nullable=True))
        batch.create_unique_constraint(op.f('uq_requests_recheck_ref'), ['recheck_ref'])
        batch.create_index('ix_requests_recheck_queue', ['department', 'recheck_open', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('requests') as batch:
        batch.drop_index('ix_requests_recheck_queue')
        batch.drop_constraint(op.f('uq_requests_recheck_ref'), type_='unique')
        for name in ('recheck_result_id', 'recheck_requested_at', 'recheck_open', 'recheck_ground', 'recheck_ref'):
            batch.drop_column(name)
