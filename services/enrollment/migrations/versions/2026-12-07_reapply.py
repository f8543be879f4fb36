"""re-applying after a withdrawal (issue 17): one active application per child and season, the withdrawn ones kept

The unique constraint on (season, child_id_number) becomes a unique index over the submitted applications only
(state = 'submitted', a partial index on SQLite and PostgreSQL alike), so a family that withdrew can apply again
for the child while the season is open; the new application names the one it follows (previous_application_no)
and the withdrawn one names its successor (next_application_no).

Revision ID: enro_20261207_reapply
Revises: enro_20261207_age_exceptions
Create Date: 2026-12-07 18:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'enro_20261207_reapply'
down_revision = 'enro_20261207_age_exceptions'
branch_labels = None
depends_on = None

ACTIVE = sa.text("state = 'submitted'")


def upgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_application_no', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('next_application_no', sa.String(length=40), nullable=True))
        batch_op.drop_constraint('uq_applications_season_child_id_number', type_='unique')
        batch_op.create_index('uq_applications_active_child', ['season', 'child_id_number'], unique=True,
                              sqlite_where=ACTIVE, postgresql_where=ACTIVE)
        batch_op.create_index('ix_applications_season_child', ['season', 'child_id_number'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_season_child')
        batch_op.drop_index('uq_applications_active_child')
        batch_op.create_unique_constraint('uq_applications_season_child_id_number', ['season', 'child_id_number'])
        batch_op.drop_column('next_application_no')
        batch_op.drop_column('previous_application_no')
