"""access log: who read a pupil's funding report, when, through which endpoint (common.access)

Revision ID: fund_20261207_access
Revises: fund_20261207_02
Create Date: 2026-12-07 17:30:00
"""
from alembic import op

from common.access import create_table_in_migration, drop_table_in_migration


revision = 'fund_20261207_access'
down_revision = 'fund_20261207_02'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_table_in_migration(op)


def downgrade() -> None:
    drop_table_in_migration(op)
