"""a withdrawn application's case (issue 17): cases.withdrawn_at; its requests become state withdrawn, leave the
departments' queues and take no more answers

Revision ID: veri_20261207_withdrawal
Revises: veri_20261207_progress
Create Date: 2026-12-07 20:45:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'veri_20261207_withdrawal'
down_revision = 'veri_20261207_progress'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('withdrawn_at', common.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('withdrawn_at')
