"""search keys: which key made each hash (key_fp), so the hashes can be re-keyed in resumable batches
(enrollment.search.rekey); rows made before have none and are re-keyed first

Revision ID: enro_20261207_search_fp
Revises: enro_20261207_appeal_flow
Create Date: 2026-12-07 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'enro_20261207_search_fp'
down_revision = 'enro_20261207_appeal_flow'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('search_keys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key_fp', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_search_keys_key_fp'), ['key_fp'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('search_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_keys_key_fp'))
        batch_op.drop_column('key_fp')
