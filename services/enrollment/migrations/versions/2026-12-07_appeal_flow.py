"""appeals that carry themselves (issue 13): what an appeal disputes, where an upheld one stands (re-check at the
department, rescored, included in a run), and the lease of the process following it

Revision ID: enro_20261207_appeal_flow
Revises: enro_20261207_access
Create Date: 2026-12-07 17:50:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'enro_20261207_appeal_flow'
down_revision = 'enro_20261207_access'
branch_labels = None
depends_on = None

COLUMNS = [
    ('disputes', lambda: sa.String(length=16)), ('guardian_no', sa.Integer), ('fact_kind', lambda: sa.String(24)),
    ('rule', lambda: sa.String(length=60)), ('progress', lambda: sa.String(length=24)),
    ('department', lambda: sa.String(length=16)), ('recheck', sa.JSON), ('score', sa.JSON),
    ('ready_at', lambda: common.db.UTCDateTime(timezone=True)), ('included_run_id', sa.Integer),
    ('next_check_at', lambda: common.db.UTCDateTime(timezone=True)), ('last_error', sa.Text),
    ('claimed_by', lambda: sa.String(length=40)), ('claimed_until', lambda: common.db.UTCDateTime(timezone=True)),
]


def upgrade() -> None:
    with op.batch_alter_table('appeals') as batch:
        for name, type_ in COLUMNS:
            batch.add_column(sa.Column(name, type_(), nullable=True))
        batch.add_column(sa.Column('checks', sa.Integer(), server_default='0', nullable=False))
        batch.create_index(op.f('ix_appeals_progress'), ['progress', 'next_check_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('appeals') as batch:
        batch.drop_index(op.f('ix_appeals_progress'))
        batch.drop_column('checks')
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
