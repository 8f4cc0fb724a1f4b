"""The scaling benchmark's table (bench.growth): growth from the smallest size to the largest,
and which growth is flagged as linear."""

from __future__ import annotations

import pytest

from bench.growth import LINEAR_GROWTH, Measure, growth, size_label, table, verdict

SIZES = (10_000, 100_000, 1_000_000)


def bounded(*values: float) -> Measure:
    return Measure("list_first_page", True, dict(zip(SIZES, values, strict=True)))


def test_size_labels() -> None:
    assert [size_label(s) for s in SIZES] == ["10k", "100k", "1m"]
    assert size_label(1_500) == "1500"


def test_growth_is_the_largest_over_the_smallest() -> None:
    assert growth(bounded(2.0, 3.0, 5.0), SIZES) == pytest.approx(2.5)


@pytest.mark.parametrize(
    "values",
    [
        {10_000: 2.0, 100_000: 3.0},  # the largest size was not measured
        {100_000: 3.0, 1_000_000: 5.0},  # the smallest neither
        {10_000: 0.0, 100_000: 3.0, 1_000_000: 5.0},  # a zero gives no ratio
    ],
)
def test_an_unknown_growth_is_neither_ok_nor_flagged(values: dict[int, float]) -> None:
    measure = Measure("save", True, values)
    assert growth(measure, SIZES) is None
    assert verdict(measure, SIZES) == "?"


def test_a_bounded_measure_that_grows_with_the_data_is_flagged() -> None:
    assert verdict(bounded(1.0, 10.0, 100.0), SIZES) == "LINEAR"
    assert verdict(bounded(1.0, 5.0, LINEAR_GROWTH), SIZES) == "LINEAR"


def test_a_bounded_measure_that_grows_by_a_log_factor_is_ok() -> None:
    assert verdict(bounded(1.0, 1.4, 2.2), SIZES) == "ok"
    assert verdict(bounded(1.0, 5.0, LINEAR_GROWTH - 0.1), SIZES) == "ok"


def test_an_unbounded_measure_that_grows_is_expected_not_a_defect() -> None:
    overview = Measure("overview_year", False, dict(zip(SIZES, (5.0, 50.0, 500.0), strict=True)))
    assert verdict(overview, SIZES) == "grows (expected)"


def test_the_table_has_a_row_per_measure_with_its_figures_growth_and_verdict() -> None:
    lines = table(
        [
            bounded(2.0, 2.5, 3.0),
            Measure("search_room", True, {10_000: 1.0, 100_000: 12.0, 1_000_000: 95.0}),
            Measure("overview_year", False, {10_000: 4.0, 100_000: 40.0}),
        ],
        SIZES,
    )
    assert len(lines) == 4
    assert lines[0].split() == [
        "measure",
        "10k",
        "ms",
        "100k",
        "ms",
        "1m",
        "ms",
        "10k→1m",
        "verdict",
    ]
    assert lines[1].split() == ["list_first_page", "2.00", "2.50", "3.00", "1.5×", "ok"]
    assert lines[2].split() == ["search_room", "1.00", "12.00", "95.00", "95.0×", "LINEAR"]
    assert lines[3].split() == ["overview_year", "4.00", "40.00", "-", "-", "?"]
    # The columns line up: every line is as wide as the heading up to its verdict.
    width = len(lines[0]) - len("verdict")
    assert all(len(line) - len(line.split()[-1]) == width for line in lines)
