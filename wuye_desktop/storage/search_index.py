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


def create(conn: sa.Connection) -> None:
    for sql in _SQLITE if conn.dialect.name == "sqlite" else _PG:
        conn.execute(sa.text(sql))


def drop(conn: sa.Connection) -> None:
    if conn.dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au"):
            conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{suffix}"))
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
    else:
        conn.execute(sa.text(f"DROP INDEX IF EXISTS {PG_INDEX}"))


def is_index_name(name: str | None) -> bool:
    return name is not None and name.startswith(NAMES)
