"""A figure as a card: its value, the previous period's and the change (green when better, red
when worse), the target where there is one, the definition one hover away. A click, Enter or
Space lists the orders it counts; the context menu also lists those that met it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from wuye_desktop.core.overview import Figure, Unit
from wuye_desktop.ui.overview.format import (
    WORSE,
    below_target,
    change_text,
    direction,
    direction_colour,
    figure_definition,
    figure_title,
    percent_text,
    value_text,
)
from wuye_desktop.ui.work_orders import labels


def card_title(figure: Figure) -> str:
    """The figure's name, with its tier for a per-tier figure."""
    title = figure_title(figure)
    if figure.tier:
        return QCoreApplication.translate("overview", "{title} · {tier}").format(
            title=title, tier=labels.tier_text(figure.tier)
        )
    return title


class FigureCard(QFrame):
    """Emits ``drill_requested(filter, title)`` for the list of its orders."""

    drill_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Figure | None = None
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(140)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.previous = QLabel()
        self.detail = QLabel()
        small = self.detail.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        for label in (self.previous, self.detail):
            label.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for w in (self.title, self.value, self.previous, self.detail):
            layout.addWidget(w)
        self.setStyleSheet(
            "#figureCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; } #figureCard:focus { border: 2px solid palette(highlight); }"
        )

    def show_figure(self, figure: Figure) -> None:
        self.figure = figure
        self.retranslate()

    def retranslate(self) -> None:
        f = self.figure
        if f is None:
            return
        self.title.setText(card_title(f))
        self.value.setText(value_text(f.unit, f.value))
        self.value.setStyleSheet(f"color: {WORSE.name()};" if below_target(f) else "")
        if f.previous is not None or f.key not in ("overdue", "due_soon", "callbacks_due"):
            change = change_text(f)
            text = QCoreApplication.translate("overview", "Before: {value}").format(
                value=value_text(f.unit, f.previous)
            )
            self.previous.setText(f"{text}  {change}" if change else text)
            self.previous.setStyleSheet(f"color: {direction_colour(direction(f)).name()};")
            self.previous.setVisible(True)
        else:
            self.previous.setVisible(False)
        details = []
        if f.target is not None:
            details.append(
                QCoreApplication.translate("overview", "Target: {value}").format(
                    value=percent_text(f.target)
                )
            )
        if f.unit is Unit.FRACTION and f.count is not None:
            details.append(
                QCoreApplication.translate("overview", "{hits} of {count}").format(
                    hits=f.hits, count=f.count
                )
            )
        elif f.unit is Unit.MINUTES and f.count is not None:
            details.append(self.tr("over %n orders", "", f.count))
        # Kept when empty, so that every card of a row is as tall.
        self.detail.setText("  ·  ".join(details) or " ")
        tip = figure_definition(f)
        if f.drill is not None:
            tip += "\n\n" + QCoreApplication.translate(
                "overview", "Click to list the orders it counts."
            )
        self.setToolTip(tip)
        self.setAccessibleName(f"{card_title(f)}: {self.value.text()}")

    # -- drilling down ---------------------------------------------------------------------------

    def drill(self, which: str = "counted") -> None:
        """List the orders the figure counts, or of a rate those that met it ("met") or did
        not ("missed": the late ones behind a bad number)."""
        f = self.figure
        if f is None:
            return
        target = {"met": f.drill_hits, "missed": f.drill_missed}.get(which, f.drill)
        if target is None:
            return
        title = card_title(f)
        if which == "met":
            title = QCoreApplication.translate("overview", "{figure}: those that met it").format(
                figure=title
            )
        elif which == "missed":
            title = QCoreApplication.translate(
                "overview", "{figure}: those that did not meet it"
            ).format(figure=title)
        self.drill_requested.emit(target, title)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.drill()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.drill()
            event.accept()
            return
        super().keyPressEvent(event)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        f = self.figure
        if f is not None and f.drill is not None:
            counted = menu.addAction(
                QCoreApplication.translate("overview", "List the orders it counts")
            )
            counted.triggered.connect(lambda: self.drill("counted"))
        if f is not None and f.drill_hits is not None:
            met = menu.addAction(
                QCoreApplication.translate("overview", "List the orders that met it")
            )
            met.triggered.connect(lambda: self.drill("met"))
        if f is not None and f.drill_missed is not None:
            missed = menu.addAction(
                QCoreApplication.translate("overview", "List the orders that did not meet it")
            )
            missed.triggered.connect(lambda: self.drill("missed"))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        if not menu.isEmpty():
            menu.exec(event.globalPos())
        menu.deleteLater()
