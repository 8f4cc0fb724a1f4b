"""Search keys: owners' reversed phone digits, orders' search_text as the program's own keys,
and the text index over them (FTS5 on SQLite, GIN of to_tsvector on PostgreSQL).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from wuye_desktop.storage import search_index
from wuye_desktop.storage.search_keys import order_keys, reversed_digits

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

log = logging.getLogger("wuye_desktop.storage.migrate")
BATCH = 20_000


def _refill_orders(conn: sa.Connection, keys: Callable[[sa.Connection, Any], str]) -> None:
    """Rewrite every order's search_text in batches of ids, saying how far it has got."""
    total = conn.execute(sa.text("SELECT count(*) FROM work_order")).scalar() or 0
    last, done = 0, 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT id, number, caller_phone, caller_name, description, location,"
                " household_id FROM work_order WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE work_order SET search_text = :t WHERE id = :id"),
            [{"id": r[0], "t": keys(conn, r)} for r in rows],
        )
        last, done = rows[-1][0], done + len(rows)
        log.info("search keys: %d of %d work orders", done, total)


def _new_keys(_conn: sa.Connection, r: Any) -> str:
    return order_keys(str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]))


def upgrade() -> None:
    with op.batch_alter_table("owner", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("phone_key", sa.String(length=24), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_owner_phone_key"), ["phone_key"], unique=False)
    conn = op.get_bind()
    owners = conn.execute(sa.text("SELECT id, phone FROM owner WHERE phone <> ''")).all()
    if owners:
        conn.execute(
            sa.text("UPDATE owner SET phone_key = :k WHERE id = :id"),
            [{"id": i, "k": reversed_digits(p)} for i, p in owners],
        )
    log.info("search keys: %d owners' phones", len(owners))
    _refill_orders(conn, _new_keys)
    # A whole community newest first, or a stretch of its days (the search's filters).
    op.create_index(
        "ix_work_order_community_reported",
        "work_order",
        ["community_id", "reported_at", "id"],
        unique=False,
    )
    # A room typed alone at intake ("1201"), found without reading every household.
    op.create_index("ix_household_room", "household", ["room"], unique=False)
    search_index.create(conn)


def _old_text(conn: sa.Connection, r: Any) -> str:
    room = ""
    if r[6] is not None:
        found = conn.execute(
            sa.text(
                "SELECT b.number, u.number, h.room FROM household h JOIN unit u ON u.id = h.unit_id"
                " JOIN building b ON b.id = u.building_id WHERE h.id = :h"
            ),
            {"h": r[6]},
        ).first()
        room = "-".join(str(x) for x in found) if found else ""
    return " ".join([str(r[1]), room, str(r[5]), str(r[4])]).lower()


def downgrade() -> None:
    conn = op.get_bind()
    search_index.drop(conn)
    op.drop_index("ix_work_order_community_reported", table_name="work_order")
    op.drop_index("ix_household_room", table_name="household")
    _refill_orders(conn, _old_text)
    with op.batch_alter_table("owner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owner_phone_key"))
        batch_op.drop_column("phone_key")
