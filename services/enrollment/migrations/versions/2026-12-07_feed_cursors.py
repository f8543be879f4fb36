"""feed cursors (issue 13): how far enrollment has followed verification's facts and points' scores, to put
verified and scored in the platform's feed, with the lease of the process following each

Revision ID: enro_20261207_feed_cursors
Revises: enro_20261207_search_fp
Create Date: 2026-12-07 18:05:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'enro_20261207_feed_cursors'
down_revision = 'enro_20261207_search_fp'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('feed_cursors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('claimed_by', sa.String(length=40), nullable=True),
    sa.Column('claimed_until', common.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_cursors')),
    sa.UniqueConstraint('name', name=op.f('uq_feed_cursors_name'))
    )


def downgrade() -> None:
    op.drop_table('feed_cursors')
