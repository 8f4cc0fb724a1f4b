"""The table ``bench/run.py`` ends with: each figure beside its floor, ratio, target and verdict.

A verdict is ``met`` when the figure is within its target and, where DESIGN.md §6 sets one, its
ratio to the floor measured in the same run is within the ratio's bound; otherwise it says
which was missed. A figure without either bound is ``no target``; a benchmark that failed has a
row saying so, so that a missing figure is never mistaken for a met one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MET = "met"
MISSED_TARGET = "missed target"
MISSED_RATIO = "missed ratio"
MISSED_BOTH = "missed target and ratio"
NO_TARGET = "no target"
FAILED = "failed"

HEADER = ("figure", "median (min–max)", "floor", "ratio", "target", "verdict")


def verdict(result: dict[str, Any]) -> str:
    target = result.get("target")
    ratio_target = result.get("ratio_target")
    if target is None and ratio_target is None:
        return NO_TARGET
    over = target is not None and result["value"] > target
    over_ratio = ratio_target is not None and result["ratio"] > ratio_target
    if over and over_ratio:
        return MISSED_BOTH
    if over:
        return MISSED_TARGET
    return MISSED_RATIO if over_ratio else MET


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.6g}"


def _row(result: dict[str, Any]) -> tuple[str, ...]:
    unit = result["unit"]
    value = f"{_number(result['value'])} {unit}"
    if "min" in result and "max" in result:
        value += f" ({_number(result['min'])}–{_number(result['max'])})"
    floor = f"{_number(result['floor'])} {unit}" if "floor" in result else ""
    ratio = f"{result['ratio']:.2f}" if "ratio" in result else ""
    bounds = []
    if result.get("target") is not None:
        bounds.append(f"≤ {_number(result['target'])} {unit}")
    if result.get("ratio_target") is not None:
        bounds.append(f"ratio ≤ {_number(result['ratio_target'])}")
    return (result["name"], value, floor, ratio, ", ".join(bounds), verdict(result))


def render(results: Sequence[dict[str, Any]], failed: Sequence[str] = ()) -> str:
    """The table of *results* (as run.py prints them as JSON) and of the benchmarks that
    *failed* (their module names), as aligned plain text."""
    rows = [HEADER, *(_row(r) for r in results)]
    rows += [(f"bench_{name}", "", "", "", "", FAILED) for name in failed]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
