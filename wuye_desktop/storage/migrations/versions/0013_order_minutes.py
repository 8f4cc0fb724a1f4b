"""The overview's speed: each order's response and completion minutes stored (calendar clock,
paused time left out; storage.clock_minutes), and indexes for the moves to a status, the
callbacks of a period and whether an order ever moved to a status.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from wuye_desktop.storage import migration_ops
from wuye_desktop.storage.clock_minutes import calendar_minutes
from wuye_desktop.storage.types import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

log = logging.getLogger("wuye_desktop.storage.migrate")
BATCH = 20_000

_orders = sa.table(
    "work_order",
    sa.column("id", sa.Integer),
    sa.column("reported_at", UTCDateTime(timezone=True)),
    sa.column("responded_at", UTCDateTime(timezone=True)),
    sa.column("completed_at", UTCDateTime(timezone=True)),
)
_pauses = sa.table(
    "order_pause",
    sa.column("order_id", sa.Integer),
    sa.column("start", UTCDateTime(timezone=True)),
    sa.column("end", UTCDateTime(timezone=True)),
)


def fill_minutes(conn: sa.Connection) -> None:
    """Store every responded or completed order's minutes, in batches of ids, saying how far
    it has got."""
    done_at = sa.or_(_orders.c.responded_at.is_not(None), _orders.c.completed_at.is_not(None))
    total = conn.execute(sa.select(sa.func.count()).where(done_at)).scalar() or 0
    last, done = 0, 0
    while True:
        rows = conn.execute(
            sa.select(
                _orders.c.id,
                _orders.c.reported_at,
                _orders.c.responded_at,
                _orders.c.completed_at,
            )
            .where(done_at, _orders.c.id > last)
            .order_by(_orders.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        pauses: dict[int, list[tuple[datetime, datetime | None]]] = defaultdict(list)
        for order_id, start, end in conn.execute(
            sa.select(_pauses.c.order_id, _pauses.c.start, _pauses.c.end).where(
                _pauses.c.order_id.between(rows[0][0], rows[-1][0])
            )
        ):
            pauses[order_id].append((start, end))
        conn.execute(
            sa.text(
                "UPDATE work_order SET response_minutes = :r, completion_minutes = :c"
                " WHERE id = :id"
            ),
            [
                {
                    "id": i,
                    "r": None if r is None else calendar_minutes(at, r, pauses.get(i, ())),
                    "c": None if c is None else calendar_minutes(at, c, pauses.get(i, ())),
                }
                for i, at, r, c in rows
            ],
        )
        last, done = rows[-1][0], done + len(rows)
        log.info("order minutes: %d of %d work orders", done, total)


def upgrade() -> None:
    op.add_column("work_order", sa.Column("response_minutes", sa.Float(), nullable=True))
    op.add_column("work_order", sa.Column("completion_minutes", sa.Float(), nullable=True))
    fill_minutes(op.get_bind())
    log.info("order minutes: indexing the timeline's moves")
    op.create_index(
        "ix_order_event_order_moves", "order_event", ["order_id", "kind", "status"], unique=False
    )
    op.drop_index("ix_order_event_order_id", table_name="order_event")
    op.create_index(
        "ix_order_event_moved_at",
        "order_event",
        ["kind", "status", "at", "order_id"],
        unique=False,
    )
    log.info("order minutes: indexing the callbacks")
    op.create_index("ix_callback_at", "callback", ["at", "satisfaction", "order_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_callback_at", table_name="callback")
    op.drop_index("ix_order_event_moved_at", table_name="order_event")
    op.create_index("ix_order_event_order_id", "order_event", ["order_id"], unique=False)
    op.drop_index("ix_order_event_order_moves", table_name="order_event")
    migration_ops.drop_columns("work_order", "completion_minutes", "response_minutes")
