"""run evidence: the publication gate's checks and the stability certificate stored with each run (issue 13)

Revision ID: enro_20261207_evidence
Revises: enro_20261129_02
Create Date: 2026-12-07 14:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'enro_20261207_evidence'
down_revision = 'enro_20261129_02'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('runs') as batch:
        batch.add_column(sa.Column('evidence', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('runs') as batch:
        batch.drop_column('evidence')
