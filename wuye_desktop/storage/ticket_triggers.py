"""The triggers that keep ``regulator_ticket.first_reply_at`` the time of the ticket's first
reply, whatever writes ``ticket_reply`` (the inbox's reply, the demo's bulk loader, plain SQL):
the reply rate (``core.overview.regulator_rules``) counts a year's tickets from one index
instead of looking up each one's replies. Migration 0015 creates them on both engines.
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


def _sqlite() -> list[str]:
    return [
        f"CREATE TRIGGER ticket_reply_first_insert AFTER INSERT ON ticket_reply BEGIN"
        f" {_INSERTED}; END",
        "CREATE TRIGGER ticket_reply_first_update AFTER UPDATE OF ticket_row_id, at"
        f" ON ticket_reply BEGIN {_RECOMPUTE.format(row='OLD')};"
        f" {_RECOMPUTE.format(row='NEW')}; END",
        f"CREATE TRIGGER ticket_reply_first_delete AFTER DELETE ON ticket_reply BEGIN"
        f" {_RECOMPUTE.format(row='OLD')}; END",
    ]


def _postgresql() -> list[str]:
    return [
        "CREATE FUNCTION ticket_reply_first() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        f" IF TG_OP = 'INSERT' THEN {_INSERTED}; RETURN NULL; END IF;"
        f" {_RECOMPUTE.format(row='OLD')};"
        f" IF TG_OP = 'UPDATE' THEN {_RECOMPUTE.format(row='NEW')}; END IF;"
        " RETURN NULL; END $$",
        "CREATE TRIGGER ticket_reply_first AFTER INSERT OR DELETE OR UPDATE OF ticket_row_id, at"
        " ON ticket_reply FOR EACH ROW EXECUTE PROCEDURE ticket_reply_first()",
    ]


def create(conn: Connection) -> None:
    for statement in _sqlite() if conn.dialect.name == "sqlite" else _postgresql():
        conn.execute(text(statement))


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for op in ("insert", "update", "delete"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS ticket_reply_first_{op}"))
        return
    conn.execute(text("DROP TRIGGER IF EXISTS ticket_reply_first ON ticket_reply"))
    conn.execute(text("DROP FUNCTION IF EXISTS ticket_reply_first()"))
