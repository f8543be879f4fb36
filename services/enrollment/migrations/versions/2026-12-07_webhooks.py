"""webhooks (issue 13): URLs of the platform's that receive each event of the feed, signed, with how far each was
delivered, its backoff and the lease of the delivering process

Revision ID: enro_20261207_webhooks
Revises: enro_20261207_feed_cursors
Create Date: 2026-12-07 18:20:00
"""
from alembic import op
import sqlalchemy as sa
import common.db


revision = 'enro_20261207_webhooks'
down_revision = 'enro_20261207_feed_cursors'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('webhooks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('delivered_up_to', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', common.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_delivered_at', common.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', common.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=40), nullable=True),
    sa.Column('claimed_until', common.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhooks'))
    )
    op.create_index(op.f('ix_webhooks_owner'), 'webhooks', ['owner'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_webhooks_owner'), table_name='webhooks')
    op.drop_table('webhooks')
