"""a private school's staff (role school) bound to one school code

Revision ID: cons_20261208_01
Revises: cons_20261207_01
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "cons_20261208_01"
down_revision = "cons_20261207_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:  # SQLite rebuilds the table; PostgreSQL alters it
        batch.add_column(sa.Column("school_code", sa.String(length=32), nullable=True))
        batch.drop_constraint(op.f("ck_staff_role"), type_="check")
        batch.create_check_constraint(op.f("ck_staff_role"), "role IN ('bureau', 'finance', 'auditor', 'department', 'school')")


def downgrade() -> None:
    op.execute("DELETE FROM staff_sessions WHERE username IN (SELECT username FROM staff WHERE role = 'school')")
    op.execute("DELETE FROM staff WHERE role = 'school'")
    with op.batch_alter_table("staff") as batch:
        batch.drop_constraint(op.f("ck_staff_role"), type_="check")
        batch.create_check_constraint(op.f("ck_staff_role"), "role IN ('bureau', 'finance', 'auditor', 'department')")
        batch.drop_column("school_code")
