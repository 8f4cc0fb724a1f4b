"""The triggers that keep two columns of ``regulator_ticket`` in step, whatever writes (the inbox,
the demo's bulk loader, plain SQL), so that the reply rate (``core.overview.regulator_rules``)
counts a year's tickets of the company or of a community from one index each, instead of
looking up each ticket's replies and order:

- ``first_reply_at``: the time of its first reply, kept by triggers on ``ticket_reply``;
- ``community_id``: its order's community (None while it has no order), kept by triggers on
  ``regulator_ticket`` (its order set or changed) and on ``work_order`` (the order moved).

Migrations 0015 (the first reply) and 0016 (the community) create them on both engines.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# The ticket's first reply, recomputed: a reply changed or deleted may have been the first.
_RECOMPUTE = (
    "UPDATE regulator_ticket SET first_reply_at ="
    " (SELECT min(at) FROM ticket_reply WHERE ticket_row_id = {row}.ticket_row_id)"
    " WHERE id = {row}.ticket_row_id"
)
# A new reply is the first only if none before it (the usual case: no lookup).
_INSERTED = (
    "UPDATE regulator_ticket SET first_reply_at = NEW.at"
    " WHERE id = NEW.ticket_row_id AND (first_reply_at IS NULL OR first_reply_at > NEW.at)"
)
_ORDERS_COMMUNITY = "(SELECT community_id FROM work_order WHERE id = NEW.order_id)"
_ORDER_MOVED = "UPDATE regulator_ticket SET community_id = NEW.community_id WHERE order_id = NEW.id"


def _first_reply(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER ticket_reply_first_insert AFTER INSERT ON ticket_reply BEGIN"
            f" {_INSERTED}; END",
            "CREATE TRIGGER ticket_reply_first_update AFTER UPDATE OF ticket_row_id, at"
            f" ON ticket_reply BEGIN {_RECOMPUTE.format(row='OLD')};"
            f" {_RECOMPUTE.format(row='NEW')}; END",
            f"CREATE TRIGGER ticket_reply_first_delete AFTER DELETE ON ticket_reply BEGIN"
            f" {_RECOMPUTE.format(row='OLD')}; END",
        ]
    return [
        "CREATE FUNCTION ticket_reply_first() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" IF TG_OP = 'INSERT' THEN {_INSERTED}; RETURN NULL; END IF;"
        f" {_RECOMPUTE.format(row='OLD')};"
        f" IF TG_OP = 'UPDATE' THEN {_RECOMPUTE.format(row='NEW')}; END IF;"
        " RETURN NULL; END $$",
        "CREATE TRIGGER ticket_reply_first AFTER INSERT OR DELETE OR UPDATE OF ticket_row_id, at"
        " ON ticket_reply FOR EACH ROW EXECUTE PROCEDURE ticket_reply_first()",
    ]


def _community(dialect: str) -> list[str]:
    if dialect == "sqlite":
        placed = f"UPDATE regulator_ticket SET community_id = {_ORDERS_COMMUNITY} WHERE id = NEW.id"
        return [
            # (SQLite's triggers do not fire themselves again: recursive_triggers is off.)
            "CREATE TRIGGER ticket_community_insert AFTER INSERT ON regulator_ticket"
            f" WHEN NEW.order_id IS NOT NULL BEGIN {placed}; END",
            "CREATE TRIGGER ticket_community_update AFTER UPDATE OF order_id ON regulator_ticket"
            f" BEGIN {placed}; END",
            "CREATE TRIGGER ticket_community_order_moved AFTER UPDATE OF community_id"
            f" ON work_order BEGIN {_ORDER_MOVED}; END",
        ]
    return [
        "CREATE FUNCTION ticket_community() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" NEW.community_id := {_ORDERS_COMMUNITY}; RETURN NEW; END $$",
        "CREATE TRIGGER ticket_community BEFORE INSERT OR UPDATE OF order_id"
        " ON regulator_ticket FOR EACH ROW EXECUTE PROCEDURE ticket_community()",
        "CREATE FUNCTION ticket_community_order_moved() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN {_ORDER_MOVED}; RETURN NULL; END $$",
        "CREATE TRIGGER ticket_community_order_moved AFTER UPDATE OF community_id ON work_order"
        " FOR EACH ROW EXECUTE PROCEDURE ticket_community_order_moved()",
    ]


def create_first_reply(conn: Connection) -> None:
    """``first_reply_at``'s triggers (migration 0015)."""
    for statement in _first_reply(conn.dialect.name):
        conn.execute(text(statement))


def create_community(conn: Connection) -> None:
    """``community_id``'s triggers (migration 0016)."""
    for statement in _community(conn.dialect.name):
        conn.execute(text(statement))


def drop_first_reply(conn: Connection) -> None:
    _drop(conn, ("ticket_reply_first", "ticket_reply"), ("insert", "update", "delete"))


def drop_community(conn: Connection) -> None:
    _drop(conn, ("ticket_community", "regulator_ticket"), ("insert", "update"))
    _drop(conn, ("ticket_community_order_moved", "work_order"), ())


def _drop(conn: Connection, trigger: tuple[str, str], sqlite_ops: tuple[str, ...]) -> None:
    name, table = trigger
    if conn.dialect.name == "sqlite":
        for op in sqlite_ops or ("",):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}{'_' + op if op else ''}"))
        return
    conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
    conn.execute(text(f"DROP FUNCTION IF EXISTS {name}()"))
