"""How the overview writes its numbers: percentages, counts, times in the unit a manager reads
at a glance, and the change against the previous period with whether it is better or worse."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from wuye_desktop.core.overview import Figure, Period, Unit

CONTEXT = "overview"

BETTER = QColor("#1b7f3b")
WORSE = QColor("#b3261e")
NEUTRAL = QColor("#5f6368")

# Figures where less is better; rates are better higher; the number reported is neither.
_LOWER_IS_BETTER = ("response_minutes", "completion_minutes", "reopened", "overdue", "due_soon")
_NEUTRAL = ("reported", "callbacks_due")


class Direction(enum.Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    UNKNOWN = "unknown"  # no previous value, or a figure that is neither good nor bad


def tr_overview(text: str) -> str:
    """A text the core marked with QT_TRANSLATE_NOOP("overview", ...), translated."""
    return QCoreApplication.translate(CONTEXT, text)


def figure_title(figure: Figure) -> str:
    return tr_overview(figure.title)


def figure_definition(figure: Figure) -> str:
    return tr_overview(figure.definition)


def period_label(period: Period) -> str:
    return tr_overview(period.label_template()).format(**period.label_params())


def minutes_text(minutes: float) -> str:
    """Minutes under two hours, hours under two days, days beyond."""
    if minutes < 120:
        return QCoreApplication.translate("overview", "{n} min").format(n=round(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("overview", "{n} h").format(n=f"{minutes / 60:.1f}")
    return QCoreApplication.translate("overview", "{n} d").format(n=f"{minutes / (24 * 60):.1f}")


def percent_text(fraction: float) -> str:
    return QCoreApplication.translate("overview", "{n} %").format(n=f"{fraction * 100:.1f}")


def value_text(unit: Unit, value: float | None) -> str:
    if value is None:
        return "—"
    if unit is Unit.FRACTION:
        return percent_text(value)
    if unit is Unit.MINUTES:
        return minutes_text(value)
    return str(round(value))


def _amount(unit: Unit, delta: float) -> str:
    """A change as shown, without its arrow: 3.5 points, 12, 2.0 h."""
    if unit is Unit.FRACTION:
        return QCoreApplication.translate("overview", "{n} points").format(
            n=f"{abs(delta) * 100:.1f}"
        )
    return value_text(unit, abs(delta))


def _shown_unchanged(unit: Unit, delta: float) -> bool:
    """No change, or one too small to show (87.31 % against 87.29 % reads ▲ 0.0 points)."""
    return abs(delta) < 1e-9 or _amount(unit, delta) == _amount(unit, 0.0)


def change_text(figure: Figure) -> str:
    """▲ 3.5 points, ▼ 12, ▲ 2.0 h; "" when there is nothing to compare."""
    if figure.value is None or figure.previous is None:
        return ""
    delta = figure.value - figure.previous
    if _shown_unchanged(figure.unit, delta):
        return QCoreApplication.translate("overview", "no change")
    arrow = "▲" if delta > 0 else "▼"
    return f"{arrow} {_amount(figure.unit, delta)}"


def direction(figure: Figure) -> Direction:
    if figure.value is None or figure.previous is None:
        return Direction.UNKNOWN
    stem = figure.key.split(".")[0]
    if any(stem.startswith(n) for n in _NEUTRAL):
        return Direction.UNKNOWN
    delta = figure.value - figure.previous
    if _shown_unchanged(figure.unit, delta):
        return Direction.SAME  # not coloured better or worse for a change the card hides
    lower_better = any(stem.startswith(n) for n in _LOWER_IS_BETTER)
    return Direction.BETTER if (delta < 0) == lower_better else Direction.WORSE


def direction_colour(d: Direction) -> QColor:
    return {Direction.BETTER: BETTER, Direction.WORSE: WORSE}.get(d, NEUTRAL)


def below_target(figure: Figure) -> bool:
    return figure.target is not None and figure.value is not None and figure.value < figure.target
