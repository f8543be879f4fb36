"""access log: who read an application's score, when, through which endpoint (common.access)

Revision ID: poin_20261207_access
Revises: poin_20261207_history
Create Date: 2026-12-07 17:30:00
"""
from alembic import op

from common.access import create_table_in_migration, drop_table_in_migration


revision = 'poin_20261207_access'
down_revision = 'poin_20261207_history'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_table_in_migration(op)


def downgrade() -> None:
    drop_table_in_migration(op)
