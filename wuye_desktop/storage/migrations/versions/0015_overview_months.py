"""A year's overview without reading every day and every ticket: the per-day figures added up
per community, calendar month and tier (``overview_month``), built here from the day rows and
kept by ``core.overview.summary`` from then on; and each regulator ticket's first reply kept on
the ticket (``first_reply_at``, by triggers on ``ticket_reply``), with an index the reply rate
of a period reads alone.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

import wuye_desktop.storage.types
from wuye_desktop.storage import migration_ops, overview_months, ticket_triggers

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

log = logging.getLogger("wuye_desktop.storage.migrate")
_TIME = wuye_desktop.storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "overview_month",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("cells", sa.Text(), nullable=False),
        sa.Column("response_minutes", sa.LargeBinary(), nullable=False),
        sa.Column("completion_minutes", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("community_id", "month", "tier", name=op.f("pk_overview_month")),
    )
    op.add_column("regulator_ticket", sa.Column("first_reply_at", _TIME, nullable=True))
    conn = op.get_bind()
    log.info("regulator tickets: noting each one's first reply")
    conn.execute(
        sa.text(
            "UPDATE regulator_ticket SET first_reply_at = (SELECT min(at) FROM ticket_reply"
            " WHERE ticket_reply.ticket_row_id = regulator_ticket.id)"
        )
    )
    op.create_index(
        "ix_regulator_ticket_received",
        "regulator_ticket",
        ["received_at", "reply_due_at", "first_reply_at", "order_id"],
        unique=False,
    )
    ticket_triggers.create_first_reply(conn)
    # The months of the days counted so far; days still to count (notes left by 0014, or
    # made since) add theirs up when they are counted.
    log.info("overview summary: adding up the days into months")
    with Session(bind=conn) as s:
        overview_months.count_months(
            s,
            {
                (cid, day.replace(day=1))
                for cid, day in s.execute(
                    sa.text("SELECT DISTINCT community_id, day FROM overview_day").columns(
                        community_id=sa.Integer(), day=sa.Date()
                    )
                )
            },
        )
        s.flush()


def downgrade() -> None:
    conn = op.get_bind()
    ticket_triggers.drop_first_reply(conn)
    op.drop_index("ix_regulator_ticket_received", table_name="regulator_ticket")
    migration_ops.drop_columns("regulator_ticket", "first_reply_at")
    op.drop_table("overview_month")
