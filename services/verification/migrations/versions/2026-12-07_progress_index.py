"""progress index: the season's requests by department and state, covering GET /progress's counts (the console's
season overview asks for them on every view; the queue index made it visit every request row)

Revision ID: veri_20261207_progress
Revises: veri_20261207_access
Create Date: 2026-12-07 17:50:00
"""
from alembic import op


revision = 'veri_20261207_progress'
down_revision = 'veri_20261207_access'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_requests_season_progress', 'requests', ['season', 'department', 'state', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_requests_season_progress', table_name='requests')
