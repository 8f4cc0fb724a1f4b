"""A community's reply rate without looking up each ticket's order: each regulator ticket keeps
its order's community (``community_id``, None without an order; triggers on the ticket and on
``work_order`` keep it), with an index a community's tickets of a period are read from alone,
and one for the tickets of no order, counted by their project code.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

from wuye_desktop.storage import migration_ops, ticket_triggers

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

log = logging.getLogger("wuye_desktop.storage.migrate")


def upgrade() -> None:
    op.add_column("regulator_ticket", sa.Column("community_id", sa.Integer(), nullable=True))
    conn = op.get_bind()
    log.info("regulator tickets: noting each one's community")
    conn.execute(
        sa.text(
            "UPDATE regulator_ticket SET community_id = (SELECT community_id FROM work_order"
            " WHERE work_order.id = regulator_ticket.order_id) WHERE order_id IS NOT NULL"
        )
    )
    op.create_index(
        "ix_regulator_ticket_community",
        "regulator_ticket",
        ["community_id", "received_at", "reply_due_at", "first_reply_at"],
        unique=False,
    )
    op.create_index(
        "ix_regulator_ticket_unplaced",
        "regulator_ticket",
        ["order_id", "project_code", "received_at"],
        unique=False,
    )
    ticket_triggers.create_community(conn)


def downgrade() -> None:
    ticket_triggers.drop_community(op.get_bind())
    op.drop_index("ix_regulator_ticket_unplaced", table_name="regulator_ticket")
    op.drop_index("ix_regulator_ticket_community", table_name="regulator_ticket")
    migration_ops.drop_columns("regulator_ticket", "community_id")
