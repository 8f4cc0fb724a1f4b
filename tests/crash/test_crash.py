"""The fast subset of the crash tests: two kills per scenario, on smaller inputs.

The full run (at least 20 kills per scenario) is ``python -m tests.crash.run --runs 20``; see
docs/crash-tests.md. ``WUYE_CRASH_SEED`` replays the moments of a failed run's kills.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path

import pytest

from tests.crash.harness import SCENARIOS, Settings, Tally, make_templates, run_scenario

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX locks, SIGKILL"),
]

KILLS = 2
FAST = Settings(
    roster_rows=200,
    # More files than the window can import (one takes well under 0.1 s now), so a kill lands
    # while one is being written rather than after the last.
    roster_files=60,
    statement_rows=30,
    statement_files=20,
    demo_args=("--households", "100", "--work-orders", "100", "--ledger-entries", "50"),
    windows={"orders": 1.0, "ledger": 1.5, "roster": 2.0, "backup": 2.0},
    dialog_ms=300,
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("crash-templates"))


def seed() -> str:
    return os.environ.get("WUYE_CRASH_SEED") or str(time.time_ns() % 1_000_000)


def failures(tally: Tally, run_seed: str) -> str:
    details = "\n".join(r.describe() for r in tally.failed_runs)
    return f"{details}\nreplay: WUYE_CRASH_SEED={run_seed}"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_killed_at_random_moments_it_loses_nothing_committed(
    scenario: str, templates: dict[str, Path], tmp_path: Path
) -> None:
    run_seed = seed()
    tally = run_scenario(scenario, KILLS, run_seed, tmp_path, FAST, templates)
    assert tally.ok, failures(tally, run_seed)
    # Runs go on until KILLS kills have landed mid-work (at most 3 * KILLS runs): otherwise
    # every kill came too early or too late and the test showed nothing.
    assert tally.kills == KILLS, f"{tally.kills} kills mid-work (WUYE_CRASH_SEED={run_seed})"
    if scenario != "demo":
        assert tally.actions > 0


def test_without_the_lock_protection_the_crash_tests_find_the_loss(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    """The crash tests can fail: the program as it was before the fix of issue 11 (POSIX locks,
    no check for deleted files) loses committed orders once the file dialog has read desk.db.
    (Beside wuye.sqlite3 it dies of SIGBUS on its first write instead: the second desk, finding
    no lock on the -shm file, truncates the file the program has mapped.)"""
    run_seed = seed()
    settings = dataclasses.replace(FAST, without_fix=True, db_names=("desk.db",))
    tally = run_scenario("orders", 3, run_seed, tmp_path, settings, templates)
    assert tally.lost > 0, f"nothing lost without the fix (WUYE_CRASH_SEED={run_seed})"
    assert tally.integrity_failures == 0
