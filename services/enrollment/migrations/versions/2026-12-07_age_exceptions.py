"""age exceptions: the bureau's exception to a grade's age range for one child (BRIEF §5 E3, issue 17)

Revision ID: enro_20261207_age_exceptions
Revises: enro_20261207_counts
Create Date: 2026-12-07 18:00:00
"""
from alembic import op
import sqlalchemy as sa

import common.db


revision = 'enro_20261207_age_exceptions'
down_revision = 'enro_20261207_counts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('age_exceptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('season', sa.Integer(), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=False),
    sa.Column('child_id_number', sa.String(length=18), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('recorded_by', sa.String(length=120), nullable=False),
    sa.Column('recorded_at', common.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_age_exceptions')),
    sa.UniqueConstraint('season', 'grade', 'child_id_number',
                        name=op.f('uq_age_exceptions_season_grade_child_id_number'))
    )


def downgrade() -> None:
    op.drop_table('age_exceptions')
