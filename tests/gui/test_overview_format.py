"""How a figure's change against the previous period reads on its card (ui.overview.format):
a change too small to show reads 持平, uncoloured, never "▲ 0.0 个百分点"."""

from __future__ import annotations

import pytest

from wuye_desktop.core.overview.model import Figure, Unit
from wuye_desktop.ui.overview.format import Direction, change_text, direction


def _figure(key: str, unit: Unit, value: float, previous: float) -> Figure:
    return Figure(key, unit, value, previous, "title", "definition")


@pytest.mark.parametrize(
    ("unit", "value", "previous"),
    [
        (Unit.FRACTION, 0.87312, 0.87288),  # 87.3 % both: a change of 0.02 points
        (Unit.FRACTION, 0.5, 0.5),
        (Unit.COUNT, 12, 12),
    ],
)
def test_a_change_too_small_to_show_reads_no_change(
    qapp: object, unit: Unit, value: float, previous: float
) -> None:
    figure = _figure("completion_on_time", unit, value, previous)
    assert change_text(figure) == "no change"
    assert direction(figure) is Direction.SAME


def test_a_change_that_shows_has_its_arrow_and_colour(qapp: object) -> None:
    better = _figure("completion_on_time", Unit.FRACTION, 0.8731, 0.8529)
    assert change_text(better) == "▲ 2.0 points"
    assert direction(better) is Direction.BETTER
    worse = _figure("reopened", Unit.COUNT, 14, 13)
    assert change_text(worse) == "▲ 1"
    assert direction(worse) is Direction.WORSE
