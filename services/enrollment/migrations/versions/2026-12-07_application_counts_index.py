"""application counts index: a season's applications by grade and state, covering GET /reports/applications/{season}
(the console's season overview asks for the counts on every view; the season index made it visit every row)

Revision ID: enro_20261207_counts
Revises: enro_20261207_webhooks
Create Date: 2026-12-07 17:55:00
"""
from alembic import op


revision = 'enro_20261207_counts'
down_revision = 'enro_20261207_webhooks'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_applications_season_state', 'applications', ['season', 'grade', 'state'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_applications_season_state', table_name='applications')
