"""score change feed (issue 13): each stored score takes a seq from one counter, in commit order, so enrollment
follows GET /score-changes?after= and tells the platform an application was scored

Revision ID: poin_20261207_changes
Revises: poin_20261207_access
Create Date: 2026-12-07 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'poin_20261207_changes'
down_revision = 'poin_20261207_access'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('score_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_counter'))
    )
    with op.batch_alter_table('scores') as batch:
        batch.add_column(sa.Column('seq', sa.BigInteger(), nullable=True))
        batch.create_unique_constraint(op.f('uq_scores_seq'), ['seq'])


def downgrade() -> None:
    with op.batch_alter_table('scores') as batch:
        batch.drop_constraint(op.f('uq_scores_seq'), type_='unique')
        batch.drop_column('seq')
    op.drop_table('score_counter')
