"""A benchmark's result as run.py prints it: the median of its runs, with their min and max,
and, where DESIGN.md §6 measures against a limit, that limit (the floor) taken in the same run
and the ratio to it. On a shared, noisy machine the ratio is the figure that holds."""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from typing import Any

from bench.data import note

MIN_RUNS = 5  # DESIGN.md §6: every figure is the median of at least five runs


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), printed beside each figure."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def figure(
    name: str,
    samples: Sequence[float],
    unit: str,
    target: float | None,
    *,
    floor: Sequence[float] | None = None,
    floor_name: str = "",
    ratio_target: float | None = None,
    digits: int = 2,
) -> dict[str, Any]:
    """The result *name*: median of *samples* (runs after the warm-up), min, max; with the
    floor's median and the ratio of the two medians when *floor* samples are given."""
    if len(samples) < MIN_RUNS:
        raise ValueError(f"{name}: {len(samples)} runs, at least {MIN_RUNS} needed")
    value = statistics.median(samples)
    result: dict[str, Any] = {
        "name": name,
        "value": round(value, digits),
        "unit": unit,
        "target": target,
        "min": round(min(samples), digits),
        "max": round(max(samples), digits),
        "runs": len(samples),
    }
    line = (
        f"  {name}: median {value:.{digits}f} {unit} (min {min(samples):.{digits}f}, "
        f"max {max(samples):.{digits}f}, {len(samples)} runs)"
    )
    if floor is not None:
        if len(floor) < MIN_RUNS:
            raise ValueError(f"{floor_name}: {len(floor)} runs, at least {MIN_RUNS} needed")
        base = statistics.median(floor)
        result.update(
            floor=round(base, digits + 1),
            floor_name=floor_name,
            floor_min=round(min(floor), digits + 1),
            floor_max=round(max(floor), digits + 1),
            ratio=round(value / base, 2),
            ratio_target=ratio_target,
        )
        line += (
            f"; floor {floor_name}: median {base:.{digits + 1}f} {unit} (min "
            f"{min(floor):.{digits + 1}f}, max {max(floor):.{digits + 1}f}); ratio "
            f"{value / base:.2f}" + (f" (target ≤ {ratio_target})" if ratio_target else "")
        )
    note(line + f"; load {load()}")
    return result
