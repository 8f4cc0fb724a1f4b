"""How a figure grows with the number of orders (issue 18 point 4): one table, a row per
measure and a column per size, with the growth from the smallest size to the largest and a
flag where something that should cost the same at any size grows about as the data does.

Pure functions on numbers, so the flagging is tested without a database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# From 10,000 to 1,000,000 orders the data grows 100×. A query bounded by an index (a keyset
# page, a key lookup, an insert into B-trees) grows by a log factor and the noise of a shared
# machine; one that reads a fixed share of the rows grows about 100×. 30× is well clear of the
# first and catches anything that is even a third of the way to linear.
LINEAR_GROWTH = 30.0


@dataclass(frozen=True)
class Measure:
    """A row of the table: *bounded* when its cost should not depend on how many orders
    there are (a list page, a search, a save), not when it reads a share of them (a year's
    overview, until a summary table keeps its figures)."""

    name: str
    bounded: bool
    values: Mapping[int, float]  # size (orders) -> median, in the table's unit


def size_label(size: int) -> str:
    """10000 -> "10k", 1000000 -> "1m"."""
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}m"
    if size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


def growth(measure: Measure, sizes: Sequence[int]) -> float | None:
    """The largest size's figure over the smallest's; None when either is missing or zero."""
    first, last = measure.values.get(sizes[0]), measure.values.get(sizes[-1])
    if first is None or last is None or first <= 0:
        return None
    return last / first


def verdict(measure: Measure, sizes: Sequence[int]) -> str:
    """ "LINEAR" for a bounded measure that grows ≥ LINEAR_GROWTH×, "grows (expected)" for an
    unbounded one that does, "ok" otherwise, "?" when the growth is unknown."""
    factor = growth(measure, sizes)
    if factor is None:
        return "?"
    if factor < LINEAR_GROWTH:
        return "ok"
    return "LINEAR" if measure.bounded else "grows (expected)"


def table(measures: Sequence[Measure], sizes: Sequence[int], unit: str = "ms") -> list[str]:
    """The table's lines: the measure, its median at each size, the growth, the verdict."""
    span = f"{size_label(sizes[0])}→{size_label(sizes[-1])}"
    width = max([len("measure"), *(len(m.name) for m in measures)])
    head = [f"{'measure':<{width}}", *(f"{size_label(s) + ' ' + unit:>11}" for s in sizes)]
    lines = ["  ".join([*head, f"{span:>9}", "verdict"])]
    for m in measures:
        cells = [f"{m.name:<{width}}"]
        for s in sizes:
            value = m.values.get(s)
            cells.append(f"{value:>11.2f}" if value is not None else f"{'-':>11}")
        factor = growth(m, sizes)
        cells.append(f"{factor:>8.1f}×" if factor is not None else f"{'-':>9}")
        cells.append(verdict(m, sizes))
        lines.append("  ".join(cells))
    return lines
