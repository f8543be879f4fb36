"""webhook secrets no longer at rest: each webhook keeps a random nonce and its secret is derived from the server
key (enrollment.webhooks.secret_for); the stored secrets are dropped, and so is the secret inside the stored
answers of POST /webhooks in the idempotency table. A webhook registered before this revision gets a new nonce,
hence a new secret its receiver does not know: its deliveries fail the receiver's check (not 2xx, so nothing is
lost) until the platform re-registers it with ``after`` = its ``delivered_up_to`` and deletes the old one.

Revision ID: enro_20261207_webhook_nonce
Revises: enro_20261207_reapply
Create Date: 2026-12-07 18:40:00
"""
import json
import secrets

from alembic import op
import sqlalchemy as sa


revision = 'enro_20261207_webhook_nonce'
down_revision = 'enro_20261207_reapply'
branch_labels = None
depends_on = None

_WEBHOOK_ANSWER = {"id", "url", "secret", "delivered_up_to", "attempts", "next_attempt_at"}


def _swap(add: str, length: int, fill, drop: str) -> None:
    """Add column ``add`` (``String(length)``), set it to ``fill()`` on each webhook, then drop ``drop``."""
    with op.batch_alter_table('webhooks', schema=None) as batch_op:
        batch_op.add_column(sa.Column(add, sa.String(length=length), nullable=True))
    bind = op.get_bind()
    hooks = sa.table('webhooks', sa.column('id', sa.Integer), sa.column(add, sa.String))
    for (hook_id,) in bind.execute(sa.select(hooks.c.id)).all():
        bind.execute(hooks.update().where(hooks.c.id == hook_id).values({add: fill()}))
    with op.batch_alter_table('webhooks', schema=None) as batch_op:
        batch_op.alter_column(add, existing_type=sa.String(length=length), nullable=False)
        batch_op.drop_column(drop)


def upgrade() -> None:
    _swap('nonce', 32, lambda: secrets.token_hex(16), 'secret')
    bind = op.get_bind()
    keys = sa.table('idempotency_keys', sa.column('id', sa.Integer), sa.column('response', sa.Text))
    for key_id, text in bind.execute(sa.select(keys.c.id, keys.c.response)
                                     .where(keys.c.response.like('%"secret"%'))).all():
        answer = json.loads(text)
        if isinstance(answer, dict) and _WEBHOOK_ANSWER <= answer.keys():
            del answer["secret"]
            bind.execute(keys.update().where(keys.c.id == key_id).values(
                response=json.dumps(answer, ensure_ascii=False, separators=(",", ":"))))


def downgrade() -> None:
    """Back to stored secrets: each webhook gets a new random one (the derived secrets cannot be stored back
    without the server key; the platform re-registers)."""
    _swap('secret', 64, lambda: secrets.token_hex(32), 'nonce')
