"""The overview's sections of figure cards, in the order a manager reads them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QWidget

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.overview import Figure
from wuye_desktop.core.overview.service import TIERS
from wuye_desktop.ui.overview.cards import FigureCard

COLUMNS = 4


def _tiered(stem: str) -> tuple[str, ...]:
    return (stem, *(f"{stem}.{t}" for t in TIERS))


# (title, figure keys), titles marked in context "overview".
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("overview", "Now"), ("overdue", "due_soon", "callbacks_due")),
    (
        QT_TRANSLATE_NOOP("overview", "Orders"),
        ("reported", "reopened", "first_time_fix", "commitment_in_48h"),
    ),
    (QT_TRANSLATE_NOOP("overview", "Responded on time"), _tiered("response_on_time")),
    (QT_TRANSLATE_NOOP("overview", "Completed on time"), _tiered("completion_on_time")),
    (
        QT_TRANSLATE_NOOP("overview", "Times"),
        (
            "response_minutes_avg",
            "response_minutes_p90",
            "completion_minutes_avg",
            "completion_minutes_p90",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("overview", "Callbacks and the regulator"),
        ("callback_coverage", "satisfaction", "regulator_reply_rate", "supervision_in_time"),
    ),
)
NOW_SECTION = SECTIONS[0][0]


class CardSection(QGroupBox):
    """A titled grid of cards; ``drill_requested`` passes on a card's."""

    drill_requested = Signal(object, str)

    def __init__(self, title: str, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_template = title
        self.keys = tuple(keys)
        self.cards: dict[str, FigureCard] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for i, key in enumerate(self.keys):
            card = FigureCard(self)
            card.drill_requested.connect(self.drill_requested)
            grid.addWidget(card, i // COLUMNS, i % COLUMNS)
            self.cards[key] = card
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.retranslate()

    def show_figures(self, figures: dict[str, Figure]) -> None:
        for key, card in self.cards.items():
            figure = figures.get(key)
            card.setVisible(figure is not None)
            if figure is not None:
                card.show_figure(figure)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("overview", self.title_template))
        for card in self.cards.values():
            card.retranslate()
