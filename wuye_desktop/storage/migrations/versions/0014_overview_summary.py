"""The overview's precomputed figures: per community, local day and tier of report; per
community and day of the moves to completed and of the callbacks; the repeated moves; the
orders still pending a deadline; and the triggers noting every change of what they count.

The migration notes every existing order as changed; ``core.overview.summary`` then builds the
rows in batches, saying how far it has got: right after the upgrade when the program upgrades at
start-up, ``wuye db upgrade`` or a restore; else (a database busy then, or upgraded by other
means) the overview's tab a second's worth of batches at a time, and a report or export all of
what is left before it reads.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

import wuye_desktop.storage.types
from wuye_desktop.storage import overview_triggers

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

log = logging.getLogger("wuye_desktop.storage.migrate")
_TIME = wuye_desktop.storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "overview_dirty",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=True),
        sa.Column("at", _TIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overview_dirty")),
    )
    op.create_table(
        "overview_day",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("cells", sa.Text(), nullable=False),
        sa.Column("response_minutes", sa.LargeBinary(), nullable=False),
        sa.Column("completion_minutes", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("community_id", "day", "tier", name=op.f("pk_overview_day")),
    )
    op.create_table(
        "overview_event_day",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("moves", sa.Integer(), nullable=False),
        sa.Column("moves_called_back", sa.Integer(), nullable=False),
        sa.Column("callbacks", sa.Integer(), nullable=False),
        sa.Column("satisfied", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("community_id", "day", name=op.f("pk_overview_event_day")),
    )
    op.create_table(
        "overview_repeat",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("prev_at", _TIME, nullable=False),
        sa.Column("called_back", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_overview_repeat")),
    )
    op.create_index(
        "ix_overview_repeat_at",
        "overview_repeat",
        ["at", "prev_at", "community_id", "called_back"],
        unique=False,
    )
    op.create_index(
        op.f("ix_overview_repeat_order_id"), "overview_repeat", ["order_id"], unique=False
    )
    op.create_table(
        "overview_pending",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("reported_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_overview_pending")),
    )
    op.create_index(
        "ix_overview_pending_reported",
        "overview_pending",
        ["reported_at", "community_id"],
        unique=False,
    )
    conn = op.get_bind()
    overview_triggers.create(conn)
    log.info("overview summary: noting every work order to be counted")
    conn.execute(
        sa.text(
            "INSERT INTO overview_dirty (order_id, community_id, at)"
            " SELECT id, community_id, reported_at FROM work_order"
        )
    )


def downgrade() -> None:
    overview_triggers.drop(op.get_bind())
    op.drop_index("ix_overview_pending_reported", table_name="overview_pending")
    op.drop_table("overview_pending")
    op.drop_index(op.f("ix_overview_repeat_order_id"), table_name="overview_repeat")
    op.drop_index("ix_overview_repeat_at", table_name="overview_repeat")
    op.drop_table("overview_repeat")
    op.drop_table("overview_event_day")
    op.drop_table("overview_day")
    op.drop_table("overview_dirty")
