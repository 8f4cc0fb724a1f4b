"""The owners' reporting page: the random keys its QR codes carry, and the orders filed on it
(their form tokens, unique, and the hashes of their follow links).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wuye_desktop.storage.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("entrance", sa.String(length=64), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_portal_key_community_id_community"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_portal_key_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portal_key")),
        sa.UniqueConstraint("entrance", name=op.f("uq_portal_key_entrance")),
        sa.UniqueConstraint("household_id", name=op.f("uq_portal_key_household_id")),
        sa.UniqueConstraint("key", name=op.f("uq_portal_key_key")),
    )
    op.create_index(
        op.f("ix_portal_key_community_id"), "portal_key", ["community_id"], unique=False
    )
    op.create_table(
        "portal_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("portal_key_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("form_token", sa.String(length=64), nullable=False),
        sa.Column("follow_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_portal_report_household_id_household"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_portal_report_order_id_work_order")
        ),
        sa.ForeignKeyConstraint(
            ["portal_key_id"],
            ["portal_key.id"],
            name=op.f("fk_portal_report_portal_key_id_portal_key"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portal_report")),
        sa.UniqueConstraint("follow_hash", name=op.f("uq_portal_report_follow_hash")),
        sa.UniqueConstraint("form_token", name=op.f("uq_portal_report_form_token")),
        sa.UniqueConstraint("order_id", name=op.f("uq_portal_report_order_id")),
    )
    op.create_index(
        "ix_portal_report_household_created",
        "portal_report",
        ["household_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_portal_report_key_created",
        "portal_report",
        ["portal_key_id", "created_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_portal_report_key_created", table_name="portal_report")
    op.drop_index("ix_portal_report_household_created", table_name="portal_report")
    op.drop_table("portal_report")
    op.drop_index(op.f("ix_portal_key_community_id"), table_name="portal_key")
    op.drop_table("portal_key")
