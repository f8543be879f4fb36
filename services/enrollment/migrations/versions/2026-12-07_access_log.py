"""access log: who read which application's personal data, when, through which endpoint (common.access)

Revision ID: enro_20261207_access
Revises: enro_20261207_search
Create Date: 2026-12-07 15:30:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'enro_20261207_access'
down_revision = 'enro_20261207_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('access_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', common.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('reader', sa.String(length=160), nullable=False),
    sa.Column('application_no', sa.String(length=40), nullable=True),
    sa.Column('season', sa.Integer(), nullable=True),
    sa.Column('endpoint', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_log'))
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_log_application_no'), ['application_no', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_log_reader'), ['reader', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_log_reader'))
        batch_op.drop_index(batch_op.f('ix_access_log_application_no'))
    op.drop_table('access_log')
