"""Statements of a hot path (saving an order) compiled once per engine kind and run straight on
the transaction's DB-API cursor.

SQLAlchemy's own execution of even a cached Core statement costs tens of microseconds of
Python each time (cache key, execution context, result object); a save runs several, and its
floor is a bare INSERT of a fraction of a millisecond. Here the statement is compiled once,
its parameters go through the same bind processors SQLAlchemy would apply (so the stored
values are the same: times as UTC text on SQLite, for one), and a driver error still reaches
the caller as SQLAlchemy's exception, with the connection invalidated if it was lost, so that
``storage.db`` classifies it as it classifies any other.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Select
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

_GIVEN: Any = object()  # a parameter whose value each run gives


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # the parameters, in the order the driver takes them
    fixed: tuple[Any, ...]  # their values in the statement itself (a literal's), else _GIVEN
    processors: tuple[Callable[[Any], Any] | None, ...]
    positional: bool


class Prepared:
    """A statement built by *build* for an engine kind (``"sqlite"``, ``"postgresql"``); its
    ``bindparam``s without a value are given to :meth:`run` by name. An INSERT without values
    names its *columns* (all of them that are written, defaults included), given the same way."""

    def __init__(
        self, build: Callable[[str], ClauseElement], columns: Sequence[str] | None = None
    ) -> None:
        self._build = build
        self._columns = None if columns is None else list(columns)
        self._compiled: dict[str, _Compiled] = {}

    def _for(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self._build(dialect.name).compile(dialect=dialect, column_keys=self._columns)
            assert isinstance(compiled, SQLCompiler)
            if compiled.insert_prefetch:
                # A column default the execution would have filled in: give every column.
                raise ValueError(f"columns without a value: {compiled.insert_prefetch}")
            if compiled.positional:
                names = tuple(compiled.positiontup or ())
            else:
                names = tuple(compiled.binds)
            processors = tuple(
                compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
                for name in names
            )
            fixed = tuple(
                _GIVEN if compiled.binds[name].required else compiled.binds[name].effective_value
                for name in names
            )
            found = _Compiled(compiled.string, names, fixed, processors, compiled.positional)
            self._compiled[dialect.name] = found
        return found

    def run(self, conn: Connection, values: Mapping[str, Any]) -> Any:
        """Execute on *conn*'s transaction; the DB-API cursor, for its rows or lastrowid."""
        c = self._for(conn.dialect)
        processed = [
            value if process is None else process(value)
            for value, process in zip(
                (values[n] if f is _GIVEN else f for n, f in zip(c.names, c.fixed, strict=True)),
                c.processors,
                strict=True,
            )
        ]
        params: Any = processed if c.positional else dict(zip(c.names, processed, strict=True))
        fairy = conn.connection
        cursor = fairy.cursor()
        # Whoever listens to the engine's statements (a test counting them, a profile) still
        # sees these; without a listener this costs a truth test.
        dispatch = conn.dispatch
        if dispatch.before_cursor_execute:
            dispatch.before_cursor_execute(conn, cursor, c.sql, params, None, False)
        with _translated(conn, c.sql, params, cursor):
            cursor.execute(c.sql, params)
        if dispatch.after_cursor_execute:
            dispatch.after_cursor_execute(conn, cursor, c.sql, params, None, False)
        return cursor


@contextmanager
def together(conn: Connection) -> Iterator[None]:
    """The statements run inside go to the server together: on PostgreSQL in pipeline mode,
    one round trip for all of them (the rows of one RETURNING cannot feed the next, and each
    one's rows are read after the block); on SQLite, which has no round trips, one by one.
    A statement's error is raised at the end of the block at the latest."""
    driver = conn.connection.driver_connection
    pipeline = getattr(driver, "pipeline", None)
    if pipeline is None or not _can_pipeline(conn.dialect.loaded_dbapi.__name__):
        yield
        return
    with _translated(conn, "(pipeline)", None, None), pipeline():
        yield


@functools.cache
def _can_pipeline(driver: str) -> bool:
    """Whether the driver module named *driver* can pipeline (psycopg with libpq 14 on)."""
    return bool(getattr(sys.modules[driver], "Pipeline").is_supported())  # noqa: B009


@contextmanager
def _translated(conn: Connection, sql: str, params: Any, cursor: Any) -> Iterator[None]:
    """A driver's error as SQLAlchemy raises it (and the connection invalidated if lost)."""
    try:
        yield
    except conn.dialect.loaded_dbapi.Error as exc:
        lost = conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, cursor)
        if lost:
            conn.invalidate(exc)
        raise DBAPIError.instance(
            sql,
            params,
            exc,
            conn.dialect.loaded_dbapi.Error,
            connection_invalidated=lost,
            dialect=conn.dialect,
        ) from exc


def all_rows_binary(conn: Connection, statement: Select[Any]) -> list[Any]:
    """*statement*'s rows, as tuples; on PostgreSQL asked for in binary form.

    For reads of big ``bytea`` columns (a year of the overview's sorted minutes: megabytes):
    in the text form PostgreSQL sends them hex-encoded, twice the bytes to send and decode,
    which cost a year's overview 70 ms against 30. The values come as the driver makes them
    (int, str, date, bytes), which for such columns is what SQLAlchemy would give."""
    if conn.dialect.name != "postgresql":
        return [tuple(row) for row in conn.execute(statement)]
    compiled = statement.compile(dialect=conn.dialect)
    assert isinstance(compiled, SQLCompiler)
    params = {}
    for name, value in compiled.construct_params().items():
        process = compiled.binds[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        params[name] = value if process is None else process(value)
    cursor = conn.connection.driver_connection.cursor(binary=True)  # type: ignore[union-attr]
    dispatch = conn.dispatch
    if dispatch.before_cursor_execute:
        dispatch.before_cursor_execute(conn, cursor, compiled.string, params, None, False)
    with _translated(conn, compiled.string, params, cursor):
        cursor.execute(compiled.string, params)
        rows: list[Any] = cursor.fetchall()
    if dispatch.after_cursor_execute:
        dispatch.after_cursor_execute(conn, cursor, compiled.string, params, None, False)
    cursor.close()
    return rows
