"""Regulator inbox: dispatched tickets, their replies, supervision notices; outbox error codes.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import wuye_desktop.storage.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "regulator_supervision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervision_id", sa.String(length=64), nullable=False),
        sa.Column("ticket_id", sa.String(length=64), nullable=True),
        sa.Column("work_order_ref", sa.String(length=64), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column(
            "issued_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "deadline", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column(
            "received_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["work_order.id"],
            name=op.f("fk_regulator_supervision_order_id_work_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regulator_supervision")),
        sa.UniqueConstraint("supervision_id", name=op.f("uq_regulator_supervision_supervision_id")),
    )
    with op.batch_alter_table("regulator_supervision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_regulator_supervision_order_id"), ["order_id"], unique=False
        )

    op.create_table(
        "regulator_ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.String(length=64), nullable=False),
        sa.Column("project_code", sa.String(length=64), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column(
            "received_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "reply_due_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "first_seen_at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["work_order.id"], name=op.f("fk_regulator_ticket_order_id_work_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regulator_ticket")),
        sa.UniqueConstraint("order_id", name=op.f("uq_regulator_ticket_order_id")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_regulator_ticket_ticket_id")),
    )
    op.create_table(
        "ticket_reply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_row_id", sa.Integer(), nullable=False),
        sa.Column("at", wuye_desktop.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_row_id"],
            ["regulator_ticket.id"],
            name=op.f("fk_ticket_reply_ticket_row_id_regulator_ticket"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_reply")),
    )
    with op.batch_alter_table("ticket_reply", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ticket_reply_ticket_row_id"), ["ticket_row_id"], unique=False
        )

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        # Existing rows get an empty code; the server default is for them only.
        batch_op.add_column(
            sa.Column("error_code", sa.String(length=40), nullable=False, server_default="")
        )

    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "supervision_due",
                wuye_desktop.storage.types.UTCDateTime(timezone=True),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("work_order", schema=None) as batch_op:
        batch_op.drop_column("supervision_due")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("error_code")

    with op.batch_alter_table("ticket_reply", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_reply_ticket_row_id"))

    op.drop_table("ticket_reply")
    op.drop_table("regulator_ticket")
    with op.batch_alter_table("regulator_supervision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regulator_supervision_order_id"))

    op.drop_table("regulator_supervision")
