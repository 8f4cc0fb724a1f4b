"""Operations the migrations share that Alembic does not do right on every engine."""

from __future__ import annotations

from alembic import op


def drop_columns(table: str, *columns: str) -> None:
    """Drop *columns* of *table* in place: on PostgreSQL, and on SQLite from 3.35 (Debian 12,
    Ubuntu 22.04) with ``ALTER TABLE … DROP COLUMN``.

    Alembic's batch mode, the only way before 3.35, copies the table and drops the old one,
    which fails with "FOREIGN KEY constraint failed" once other rows refer to it (an order's
    events, a ticket's replies) unless foreign keys are off outside the transaction (SQLite's
    "12 steps"; ``bench.bench_search`` does so to take a database back). Only downgrades drop
    columns, and the program never downgrades: this is for developers and benchmarks.
    """
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # The library's own version: the tests tell SQLAlchemy an older one on purpose.
        version = str(bind.exec_driver_sql("SELECT sqlite_version()").scalar())
        if tuple(int(p) for p in version.split(".")[:2]) >= (3, 35):
            for column in columns:
                op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            return
    with op.batch_alter_table(table) as batch:
        for column in columns:
            batch.drop_column(column)
