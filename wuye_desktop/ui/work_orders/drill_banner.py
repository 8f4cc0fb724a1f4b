"""The line above the work-order list while it shows the orders of an overview figure: what
they are, and a button back to the filter bar's own list. The figure's filter is the core's
(``OrderFilter.slice`` / ``order_ids``), which the filter bar cannot show, so the bar is set
aside rather than made to pretend."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from wuye_desktop.core.orders import OrderFilter
from wuye_desktop.ui.i18n import Retranslating


class DrillBanner(Retranslating, QFrame):
    """Hidden unless a figure's orders are listed; ``cleared`` when its button is pressed."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillBanner")
        self.setStyleSheet(
            "#drillBanner { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 4px; }"
        )
        self.filter: OrderFilter | None = None
        self._title = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.cleared)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self.setVisible(False)
        self.retranslate()

    def show_drill(self, order_filter: OrderFilter, title: str) -> None:
        self.filter, self._title = order_filter, title
        self.retranslate()
        self.setVisible(True)

    def clear(self) -> None:
        self.filter, self._title = None, ""
        self.setVisible(False)

    def retranslate(self) -> None:
        self.label.setText(
            self.tr(
                "From the overview: {title}. The filters above are set aside until one is changed."
            ).format(title=self._title)
        )
        self.clear_button.setText(self.tr("Back to the filters"))
        self.clear_button.setToolTip(self.tr("List the orders the filters above choose"))
