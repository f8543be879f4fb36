"""change history: who changed a bureau record, when, before and after (common.history)

Revision ID: poin_20261207_history
Revises: poin_20261207_01
Create Date: 2026-12-07 14:30:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'poin_20261207_history'
down_revision = 'poin_20261207_01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resource', sa.String(length=16), nullable=False),
    sa.Column('resource_key', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=160), nullable=False),
    sa.Column('at', common.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_history'))
    )
    with op.batch_alter_table('change_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_history_resource'), ['resource', 'resource_key', 'id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('change_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_history_resource'))
    op.drop_table('change_history')
