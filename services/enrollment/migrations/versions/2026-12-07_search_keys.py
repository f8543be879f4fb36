"""search keys: keyed hashes of each application's child ID number and guardian phones (enrollment.search)

Applications stored before this revision have no keys: `tongcheng` seasons start empty; an existing database is
given its keys when the service starts (enrollment.search.backfill).

Revision ID: enro_20261207_search
Revises: enro_20261207_events
Create Date: 2026-12-07 15:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'enro_20261207_search'
down_revision = 'enro_20261207_events'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_no', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_keys'))
    )
    with op.batch_alter_table('search_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_keys_application_no'), ['application_no'], unique=False)
        batch_op.create_index(batch_op.f('ix_search_keys_kind'), ['kind', 'digest'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('search_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_keys_kind'))
        batch_op.drop_index(batch_op.f('ix_search_keys_application_no'))
    op.drop_table('search_keys')
