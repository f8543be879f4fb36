"""runs.appeal_ids: the upheld appeals whose correction a run's frozen snapshot holds (enrollment.appeals_flow
.included_by), decided against the scores the run used rather than by time; runs made before keep NULL (the
earlier rule: appeals ready when the run was created)

Revision ID: enro_20261207_run_appeal_ids
Revises: enro_20261207_webhook_nonce
Create Date: 2026-12-07 18:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'enro_20261207_run_appeal_ids'
down_revision = 'enro_20261207_webhook_nonce'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('appeal_ids', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.drop_column('appeal_ids')
