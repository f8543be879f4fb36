"""application events: every change of an application's state, in order, for the platform's feed (issue 13)

Revision ID: enro_20261207_events
Revises: enro_20261207_history
Create Date: 2026-12-07 14:50:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'enro_20261207_events'
down_revision = 'enro_20261207_history'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('application_no', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('season', sa.Integer(), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('at', common.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index(op.f('ix_events_application_no'), 'events', ['application_no'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_events_application_no'), table_name='events')
    op.drop_table('events')
