"""The triggers that keep the overview's precomputed figures in step with whatever writes.

Each one only notes the order a row belongs to in ``overview_dirty`` (one small insert): with
its community and report time for ``work_order`` (old and new, so a moved order's old day is
recomputed too), with the time of the event or callback for those tables. The overview
(``core.overview.summary.refresh``) recomputes what the noted orders touch before it reads, so
a desk service, the demo's bulk loader, an import, the regulator inbox, the owners' portal or
plain SQL all keep it right. Migration 0014 creates them on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# The columns of work_order a figure reads; an update of others (search keys, version) is not noted.
ORDER_COLUMNS = (
    "community_id, category, channel, source, tier, status, reported_at, response_due,"
    " completion_due, responded_at, completed_at, paused_since"
)
# table -> the column of the time noted with the order (NULL: the time does not place it).
CHILD_TABLES = {
    "order_event": "at",
    "callback": "at",
    "commitment": "NULL",
    "order_pause": "NULL",
}
_INSERT = "INSERT INTO overview_dirty (order_id, community_id, at) VALUES"


def _sqlite() -> list[str]:
    out = [
        f"CREATE TRIGGER overview_work_order_insert AFTER INSERT ON work_order BEGIN"
        f" {_INSERT} (NEW.id, NEW.community_id, NEW.reported_at); END",
        f"CREATE TRIGGER overview_work_order_update AFTER UPDATE OF {ORDER_COLUMNS}"
        f" ON work_order BEGIN {_INSERT} (NEW.id, NEW.community_id, NEW.reported_at);"
        " INSERT INTO overview_dirty (order_id, community_id, at)"
        " SELECT OLD.id, OLD.community_id, OLD.reported_at"
        " WHERE OLD.community_id IS NOT NEW.community_id"
        " OR OLD.reported_at IS NOT NEW.reported_at; END",
        f"CREATE TRIGGER overview_work_order_delete AFTER DELETE ON work_order BEGIN"
        f" {_INSERT} (OLD.id, OLD.community_id, OLD.reported_at); END",
    ]
    for table, at in CHILD_TABLES.items():
        new_at, old_at = (at, at) if at == "NULL" else (f"NEW.{at}", f"OLD.{at}")
        out += [
            f"CREATE TRIGGER overview_{table}_insert AFTER INSERT ON {table} BEGIN"
            f" {_INSERT} (NEW.order_id, NULL, {new_at}); END",
            f"CREATE TRIGGER overview_{table}_update AFTER UPDATE ON {table} BEGIN"
            f" {_INSERT} (NEW.order_id, NULL, {new_at}), (OLD.order_id, NULL, {old_at}); END",
            f"CREATE TRIGGER overview_{table}_delete AFTER DELETE ON {table} BEGIN"
            f" {_INSERT} (OLD.order_id, NULL, {old_at}); END",
        ]
    return out


def _postgresql() -> list[str]:
    out = [
        "CREATE FUNCTION overview_note_work_order() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN"
        " IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND"
        " (OLD.community_id IS DISTINCT FROM NEW.community_id"
        " OR OLD.reported_at IS DISTINCT FROM NEW.reported_at)) THEN"
        f" {_INSERT} (OLD.id, OLD.community_id, OLD.reported_at); END IF;"
        " IF TG_OP <> 'DELETE' THEN"
        f" {_INSERT} (NEW.id, NEW.community_id, NEW.reported_at); END IF;"
        " RETURN NULL; END $$",
        "CREATE TRIGGER overview_work_order AFTER INSERT OR DELETE OR UPDATE OF"
        f" {ORDER_COLUMNS} ON work_order"
        " FOR EACH ROW EXECUTE PROCEDURE overview_note_work_order()",
    ]
    for table, at in CHILD_TABLES.items():
        new_at, old_at = (at, at) if at == "NULL" else (f"NEW.{at}", f"OLD.{at}")
        out += [
            f"CREATE FUNCTION overview_note_{table}() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN"
            f" IF TG_OP <> 'INSERT' THEN {_INSERT} (OLD.order_id, NULL, {old_at}); END IF;"
            f" IF TG_OP <> 'DELETE' THEN {_INSERT} (NEW.order_id, NULL, {new_at}); END IF;"
            " RETURN NULL; END $$",
            f"CREATE TRIGGER overview_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH ROW EXECUTE PROCEDURE overview_note_{table}()",
        ]
    return out


def create(conn: Connection) -> None:
    for statement in _sqlite() if conn.dialect.name == "sqlite" else _postgresql():
        conn.execute(text(statement))


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for table in ("work_order", *CHILD_TABLES):
            for op in ("insert", "update", "delete"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS overview_{table}_{op}"))
        return
    for table in ("work_order", *CHILD_TABLES):
        conn.execute(text(f"DROP TRIGGER IF EXISTS overview_{table} ON {table}"))
        conn.execute(text(f"DROP FUNCTION IF EXISTS overview_note_{table}()"))
