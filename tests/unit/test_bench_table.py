"""The table bench/run.py ends with: one row per figure, its verdict from the target and the
ratio to the floor measured in the same run."""

from __future__ import annotations

from typing import Any

from bench import table


def _result(value: float, ratio: float | None = None, **extra: Any) -> dict[str, Any]:
    result: dict[str, Any] = {"name": "sync_10000_events_sqlite", "value": value, "unit": "s"}
    result.update(target=15.0, min=value - 1, max=value + 1, runs=5)
    if ratio is not None:
        result.update(floor=round(value / ratio, 3), floor_name="bare", ratio=ratio)
        result.update(ratio_target=2.0)
    result.update(extra)
    return result


def test_verdicts() -> None:
    assert table.verdict(_result(12.0, ratio=1.8)) == table.MET
    assert table.verdict(_result(15.0, ratio=2.0)) == table.MET  # the bounds are inclusive
    assert table.verdict(_result(16.0, ratio=1.8)) == table.MISSED_TARGET
    assert table.verdict(_result(12.0, ratio=2.4)) == table.MISSED_RATIO
    assert table.verdict(_result(16.0, ratio=2.4)) == table.MISSED_BOTH
    assert table.verdict(_result(16.0)) == table.MISSED_TARGET  # no floor: the target alone
    assert table.verdict(_result(3.0, ratio=1.5, target=None)) == table.MET
    assert table.verdict(_result(3.0, target=None)) == table.NO_TARGET


def test_render_lists_every_result_and_failure() -> None:
    text = table.render(
        [
            _result(12.25, ratio=1.8),
            _result(12.0, ratio=2.4, name="sync_10000_events_postgresql"),
            {"name": "cold_start_s", "value": 1.5, "unit": "s", "target": 1.0},
        ],
        failed=["portal"],
    )
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["figure", "median"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    sqlite, postgresql, cold, portal = lines[2:]
    assert sqlite.startswith("sync_10000_events_sqlite")
    assert "12.25 s (11.25–13.25)" in sqlite
    assert "1.80" in sqlite and "≤ 15 s, ratio ≤ 2" in sqlite
    assert sqlite.endswith(table.MET)
    assert postgresql.endswith(table.MISSED_RATIO)
    assert cold.endswith(table.MISSED_TARGET) and "1.5 s" in cold
    assert portal.split() == ["bench_portal", table.FAILED]
    # The columns line up: every row's verdict starts where the header's does.
    column = lines[0].index("verdict")
    assert all(line[column:].strip() for line in lines[2:])
