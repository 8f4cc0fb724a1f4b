"""The text index over work_order.search_text, which the ORM's metadata does not describe:
an FTS5 table kept by triggers on SQLite (so every write path, the bulk ones included, keeps
it), a GIN index of ``to_tsvector('simple', search_text)`` on PostgreSQL.

Note for later migrations: rebuilding work_order in SQLite's batch mode drops its triggers;
such a migration must call :func:`create` again.
"""

from __future__ import annotations

import sqlalchemy as sa

FTS_TABLE = "work_order_fts"
PG_INDEX = "ix_work_order_search"
# Names the schema comparison with the ORM leaves aside (FTS5 makes shadow tables).
NAMES = (FTS_TABLE, PG_INDEX)

_SQLITE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, content='work_order',"
    " content_rowid='id', tokenize='ascii', columnsize=0)",
    f"CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON work_order BEGIN"
    f" INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON work_order BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)"
    " VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF search_text ON work_order BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)"
    " VALUES ('delete', old.id, old.search_text);"
    f" INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
_PG = [
    f"CREATE INDEX {PG_INDEX} ON work_order USING gin"
    " (to_tsvector('simple'::regconfig, search_text))",
]

# SQLite's planner knows nothing of how many orders share a status or a community unless
# ANALYZE told it, and the program never runs ANALYZE: a search with a status or community
# filter then scanned the community's 300,000 orders instead of looking up the few the text
# names. These are the statistics ANALYZE wrote for work_order over the benchmark's
# 1,000,000 orders (rows, then rows per value of each leading column set): the plans they
# give are the right ones at any size that matters. A later ANALYZE replaces them.
WORK_ORDER_STATS = {
    "ix_work_order_reported": "1000000 1 1",
    "ix_work_order_due": "1000000 2 1",
    "ix_work_order_community_status": "1000000 250000 37038 1",
    "ix_work_order_community_reported": "1000000 250000 1 1",
    "ix_work_order_status": "1000000 142858 1 1",
    "ix_work_order_tier": "1000000 333334 1 1",
    "ix_work_order_category": "1000000 58824 1 1",
    "ix_work_order_channel": "1000000 333334 1 1",
    "ix_work_order_source": "1000000 142858 1 1",
    "ix_work_order_handler": "1000000 23810 1 1",
    "ix_work_order_household_id": "1000000 6",
    "ix_work_order_callback_due": "1000000 14",
    "ix_work_order_updated_at": "1000000 1",
}


def write_statistics(conn: sa.Connection) -> None:
    """The work_order statistics above, for SQLite's planner (see there)."""
    conn.execute(sa.text("ANALYZE sqlite_schema"))  # makes sqlite_stat1 if there is none
    conn.execute(sa.text("DELETE FROM sqlite_stat1 WHERE tbl = 'work_order'"))
    conn.execute(
        sa.text("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('work_order', :idx, :stat)"),
        [{"idx": idx, "stat": stat} for idx, stat in WORK_ORDER_STATS.items()],
    )


def create(conn: sa.Connection) -> None:
    for sql in _SQLITE if conn.dialect.name == "sqlite" else _PG:
        conn.execute(sa.text(sql))
    if conn.dialect.name == "sqlite":
        write_statistics(conn)


def drop(conn: sa.Connection) -> None:
    if conn.dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au"):
            conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{suffix}"))
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
    else:
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {PG_INDEX}"))


def is_index_name(name: str | None) -> bool:
    return name is not None and name.startswith(NAMES)
