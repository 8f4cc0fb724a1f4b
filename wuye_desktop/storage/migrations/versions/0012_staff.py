"""The staff directory work orders are dispatched to, and each order's link to its handler.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wuye_desktop.storage.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("skills", sa.String(length=400), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_staff_community_id_community")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_index(op.f("ix_staff_community_id"), "staff", ["community_id"], unique=False)
    # Orders dispatched before keep their typed handler, unlinked (handler_id NULL). The
    # column is added in place, not by copying the table: work_order may hold a million rows.
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a reference only with the column itself (ALTER TABLE … ADD CONSTRAINT
        # would need the table copied).
        op.execute(
            "ALTER TABLE work_order ADD COLUMN handler_id INTEGER"
            " CONSTRAINT fk_work_order_handler_id_staff REFERENCES staff (id)"
        )
    else:
        op.add_column("work_order", sa.Column("handler_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_work_order_handler_id_staff"), "work_order", "staff", ["handler_id"], ["id"]
        )
    op.create_index(op.f("ix_work_order_handler_id"), "work_order", ["handler_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("fk_work_order_handler_id_staff"), "work_order", type_="foreignkey")
    op.drop_index(op.f("ix_work_order_handler_id"), table_name="work_order")
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_column("handler_id")
    op.drop_index(op.f("ix_staff_community_id"), table_name="staff")
    op.drop_table("staff")
