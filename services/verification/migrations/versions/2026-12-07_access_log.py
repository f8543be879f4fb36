"""access log: who read an application's verification requests and facts, when, through which endpoint (common.access)

Revision ID: veri_20261207_access
Revises: veri_20261207_rechecks
Create Date: 2026-12-07 17:30:00
"""
from alembic import op

from common.access import create_table_in_migration, drop_table_in_migration


revision = 'veri_20261207_access'
down_revision = 'veri_20261207_rechecks'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_table_in_migration(op)


def downgrade() -> None:
    drop_table_in_migration(op)
