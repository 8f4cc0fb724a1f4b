"""The full crash-test run: ``python -m tests.crash.run --runs 20`` (docs/crash-tests.md).

Prints, per scenario: runs, kills that landed mid-work, committed actions checked, committed
actions lost, integrity failures and ledger-verify failures, then every failed run in detail.
Exit status 0 when nothing was lost or broken. ``WUYE_CRASH_SEED`` (or ``--seed``) replays a
run's moments of the kills.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.crash.harness import SCENARIOS, RunResult, Settings, Tally, make_templates, run_scenario

HEADER = (
    "scenario",
    "runs",
    "kills",
    "actions",
    "lost",
    "integrity",
    "verify",
    "refused",
    "desk2",
    "s",
)


def row(t: Tally) -> tuple[object, ...]:
    return (t.scenario, t.runs, t.kills, t.actions, t.lost, t.integrity_failures,
            t.verify_failures, t.refused, t.meddler_opens, round(t.seconds))  # fmt: skip


def table(rows: list[tuple[object, ...]]) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            str(v).rjust(w) if i else str(v).ljust(w)
            for i, (v, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.crash.run", description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="kills per scenario (default 20)")
    parser.add_argument("--scenario", action="append", choices=SCENARIOS, help="default: all")
    parser.add_argument("--seed", default=os.environ.get("WUYE_CRASH_SEED"))
    parser.add_argument("--workdir", type=Path, help="keep the runs' files here")
    parser.add_argument(
        "--without-fix",
        action="store_true",
        help="run the program without the lock protection of issue 11 (shows the loss)",
    )
    parser.add_argument("--demo-args", default="", help="options of `wuye demo` (default none)")
    args = parser.parse_args(argv)
    seed = args.seed or str(time.time_ns() % 1_000_000)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="wuye-crash-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("WUYE_LOG_DIR", str(workdir / "logs"))
    settings = Settings(without_fix=args.without_fix, demo_args=tuple(args.demo_args.split()))
    print(
        f"WUYE_CRASH_SEED={seed}  workdir {workdir}"
        + ("  WITHOUT THE FIX" if args.without_fix else ""),
        flush=True,
    )
    templates = make_templates(workdir / "templates")
    tallies: list[Tally] = []

    def progress(r: RunResult) -> None:
        mark = "ok" if r.ok else "FAILED"
        print(f"  {r.scenario} {r.run:3d}: {mark} killed={r.killed} mid_work={r.mid_work} "
              f"actions={r.actions} lost={r.lost} {r.seconds:.1f}s", flush=True)  # fmt: skip

    for scenario in args.scenario or SCENARIOS:
        tallies.append(
            run_scenario(
                scenario, args.runs, seed, workdir / scenario, settings, templates, progress
            )
        )
    print()
    print(table([HEADER, *(row(t) for t in tallies)]))
    print()
    for t in tallies:
        print(f"{t.scenario}: " + ", ".join(f"{k} {v}" for k, v in sorted(t.checked.items())))
    failed = [r for t in tallies for r in t.failed_runs]
    for r in failed:
        print()
        print(r.describe())
    if failed:
        print(f"\n{len(failed)} run(s) failed; replay with WUYE_CRASH_SEED={seed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
