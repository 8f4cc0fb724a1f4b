"""The benchmark runner: every ``bench/bench_*.py`` module, results as JSON lines on stdout.

    .venv/bin/python bench/run.py                  all benchmarks
    .venv/bin/python bench/run.py --only cold_start one (by module name without "bench_")
    .venv/bin/python bench/run.py --list           what there is
    .venv/bin/python bench/run.py --check          exit 1 if a result misses its target

Each module has ``run() -> Iterable[dict]``; each result is ``{"name", "value", "unit",
"target"}``, where ``target`` is the upper bound DESIGN.md §6 sets, in the same unit; results
made by ``bench.figures`` add the runs' min and max and, where §6 sets one, the floor measured
in the same run, the ratio to it and the ratio's upper bound (``--check`` checks it too). Progress
goes to stderr, and so does the table the run ends with (:mod:`bench.table`): every result it
ran with its floor, ratio, target and verdict. The databases the benchmarks measure are built once and kept in
``.bench-data/`` (or ``$WUYE_BENCH_DATA``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `bench` as a package, when run as a script

from bench import table  # noqa: E402  (after the path is set)

KEYS = ("name", "value", "unit", "target")
# What bench.figures adds: the runs' spread, and the floor measured in the same run.
OPTIONAL: tuple[str, ...] = ("min", "max", "runs", "floor", "floor_name", "floor_min")
OPTIONAL += ("floor_max", "ratio", "ratio_target")


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def _checked(result: dict[str, Any], module: str) -> dict[str, Any]:
    unknown = set(result) - set(KEYS) - set(OPTIONAL)
    if not set(KEYS) <= set(result) or unknown or not isinstance(result["value"], int | float):
        raise ValueError(f"bench_{module}: a result must be {{{', '.join(KEYS)}}}: {result!r}")
    return {key: result[key] for key in KEYS + OPTIONAL if key in result}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks; JSON lines on stdout.")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only this one")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a result is above its target"
    )
    args = parser.parse_args(argv)
    names = available()
    if args.list:
        print("\n".join(names))
        return 0
    unknown = sorted(set(args.only or ()) - set(names))
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (there are: {', '.join(names)})")
    failed: list[str] = []
    results: list[dict[str, Any]] = []
    for name in args.only or names:
        try:
            module = importlib.import_module(f"bench.bench_{name}")
            for result in module.run():
                line = _checked(result, name)
                print(json.dumps(line, ensure_ascii=False), flush=True)
                results.append(line)
        except Exception:
            failed.append(name)
            print(f"bench_{name} failed:", file=sys.stderr)
            traceback.print_exc()
    print("\n" + table.render(results, failed), file=sys.stderr, flush=True)
    if failed:
        return 2
    missed = any(table.verdict(r) not in (table.MET, table.NO_TARGET) for r in results)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
