"""Many rows into one table inside the caller's transaction, by each engine's fastest way.

PostgreSQL through psycopg takes an executemany as one INSERT per row (the bare write of a
100,000-home roster's households and owners: 18 s, against 5 s on SQLite), and SQLAlchemy's
multi-row INSERT was slower still; COPY streams the rows as one statement. SQLite's
executemany is already its fast path and stays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, insert
from sqlalchemy.exc import DBAPIError

from wuye_desktop.storage.models import Base


def insert_rows(
    connection: Connection, model: type[Base], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert *rows* (column name -> value, the same columns in each) into *model*'s table on the
    caller's connection and transaction, exactly as ``connection.execute(insert(table), rows)``
    would: a column left out gets its scalar default or its server default (the id its
    sequence, in row order), each value goes through its column type as in an INSERT, and a
    failure is the same SQLAlchemy error, the transaction then only good for rolling back."""
    if not rows:
        return
    table = model.__table__
    assert isinstance(table, Table)  # every model maps one plain table
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), list(rows))
        return
    given = list(rows[0])
    defaults = {c.name: _scalar_default(c) for c in table.columns if c.name not in given}
    defaults = {name: value for name, value in defaults.items() if value is not _SERVER}
    names = given + list(defaults)
    cols = [table.columns[name] for name in names]
    processors = [c.type.bind_processor(connection.dialect) for c in cols]
    _copy(connection, table.name, names, rows, list(defaults.values()), processors)


_SERVER = object()  # the column's value is the server's (a sequence, a server default, NULL)


def _scalar_default(column: Column[Any]) -> object:
    default = column.default
    if default is None:
        return _SERVER
    if getattr(default, "is_scalar", False):
        return getattr(default, "arg", None)
    # A Python function or SQL expression: COPY cannot call it per row as INSERT does.
    raise ValueError(f"{column} has a default COPY cannot give; pass its value in each row")


def _copy(
    connection: Connection,
    table: str,
    names: list[str],
    rows: Sequence[Mapping[str, Any]],
    defaults: list[object],
    processors: list[Any],
) -> None:
    import psycopg  # only PostgreSQL comes here; SQLite installs need not load the driver
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(n) for n in names)
    )
    given = names[: len(names) - len(defaults)]
    raw: Any = connection.connection.driver_connection  # the transaction's own connection
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                values = [row[n] for n in given] + defaults
                copy.write_row(
                    [v if p is None else p(v) for v, p in zip(values, processors, strict=True)]
                )
    except psycopg.Error as exc:
        # As an INSERT's failure would come: Database's error handling knows these.
        text = statement.as_string(raw)
        raise DBAPIError.instance(
            text, None, exc, psycopg.Error, dialect=connection.dialect
        ) from exc
