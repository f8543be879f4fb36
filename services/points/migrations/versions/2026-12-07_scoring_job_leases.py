"""scoring job leases: any points process may hold a running job, another takes it over after a crash

Revision ID: poin_20261207_01
Revises: poin_20261129_03
Create Date: 2026-12-07 14:30:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'poin_20261207_01'
down_revision = 'poin_20261129_03'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Running jobs of a stopped single process are left running with no lease: the first process to start takes
    # them over and resumes them from their last committed page.
    with op.batch_alter_table('scoring_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resume_after', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('claimed_until', common.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('scoring_jobs', schema=None) as batch_op:
        batch_op.drop_column('claimed_until')
        batch_op.drop_column('claimed_by')
        batch_op.drop_column('resume_after')
