"""Words to SQLite's query planner, which picks an index by its own estimates."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql._typing import _ColumnExpressionArgument
from sqlalchemy.sql.functions import FunctionElement


class unindexed(FunctionElement[Any]):  # noqa: N801 (reads as a word in a condition)
    """*column*, which SQLite must not look up by an index (``+column``: the same value); other
    engines get the column as it is.

    For a condition whose column leads a covering index that SQLite would rather scan whole
    than look the rows up by the index that narrows them (the moves of a few hundred orders:
    every completed move of a million orders was scanned per 500 ids)."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: _ColumnExpressionArgument[Any]) -> None:
        super().__init__(column)
        self.type = next(iter(self.clauses)).type


@compiles(unindexed)
def _plain(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(next(iter(element.clauses)), **kw))


@compiles(unindexed, "sqlite")
def _plus(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(next(iter(element.clauses)), **kw))
