"""One deadline rule as a row of the settings dialog: response and completion budgets, clock.

A tier's own rule shows the tier's name; a per-category override starts with a tier and a
category to choose and ends with a Remove button. A refusal of the core for the row is shown
in red under it.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.deadlines import ClockMode, TierRule
from wuye_desktop.core.vocab import Category, Tier
from wuye_desktop.ui.widgets.form import FieldErrorLabel
from wuye_desktop.ui.work_orders import labels

MAX_HOURS = 24 * 400
KEY_WIDTH = 330  # the tier name, or the tier and category choices of an override
DURATION_WIDTH = 170
MODE_WIDTH = 150
_INVALID_STYLE = "QSpinBox { border: 1px solid #d32f2f; background-color: #fff5f5; }"


class DurationEdit(QWidget):
    """Hours and minutes, typed or stepped with ↑/↓."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = QSpinBox()
        self.hours.setRange(0, MAX_HOURS)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 59)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.hours, 3)
        layout.addWidget(self.minutes, 2)
        self.setFixedWidth(DURATION_WIDTH)
        self.retranslate()

    def retranslate(self) -> None:
        self.hours.setSuffix(self.tr(" h"))
        self.minutes.setSuffix(self.tr(" min"))

    def value(self) -> timedelta:
        return timedelta(hours=self.hours.value(), minutes=self.minutes.value())

    def set_value(self, span: timedelta) -> None:
        minutes = int(span.total_seconds() // 60)
        self.hours.setValue(minutes // 60)
        self.minutes.setValue(minutes % 60)

    def set_invalid(self, invalid: bool) -> None:
        self.setStyleSheet(_INVALID_STYLE if invalid else "")


class RuleRow(QWidget):
    """A tier's rule (*tier* given) or a per-category override (*tier* None)."""

    remove_requested = Signal(object)

    def __init__(self, tier: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fixed_tier = tier
        self.name = QLabel()
        self.tier = QComboBox()
        self.category = QComboBox()
        self.response = DurationEdit()
        self.completion = DurationEdit()
        self.mode = QComboBox()
        self.mode.setFixedWidth(MODE_WIDTH)
        for mode in ClockMode:
            self.mode.addItem("", mode.value)
        self.remove = QPushButton()
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error = FieldErrorLabel()

        key = QWidget()
        key.setFixedWidth(KEY_WIDTH)
        key_layout = QHBoxLayout(key)
        key_layout.setContentsMargins(0, 0, 0, 0)
        if tier is None:
            for t in Tier:
                self.tier.addItem(labels.tier_text(t.value), t.value)
            for c in Category:
                self.category.addItem(labels.category_text(c.value), c.value)
            key_layout.addWidget(self.tier, 1)
            key_layout.addWidget(self.category, 1)
            self.name.hide()
        else:
            key_layout.addWidget(self.name)
            self.tier.hide()
            self.category.hide()
            self.remove.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(key)
        line.addWidget(self.response)
        line.addWidget(self.completion)
        line.addWidget(self.mode)
        line.addWidget(self.remove)
        line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(line)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        if self.fixed_tier is not None:
            self.name.setText(labels.tier_text(self.fixed_tier))
        for i in range(self.tier.count()):
            self.tier.setItemText(i, labels.tier_text(str(self.tier.itemData(i))))
        for i in range(self.category.count()):
            self.category.setItemText(i, labels.category_text(str(self.category.itemData(i))))
        self.mode.setItemText(0, self.tr("Calendar time"))
        self.mode.setItemText(1, self.tr("Working time"))
        self.mode.setToolTip(
            self.tr("Calendar time counts every minute; working time only the working hours")
        )
        self.response.setToolTip(self.tr("First response"))
        self.completion.setToolTip(self.tr("Completion"))
        self.remove.setText(self.tr("Remove"))
        self.response.retranslate()
        self.completion.retranslate()

    # -- values --------------------------------------------------------------------------------

    def key(self) -> tuple[str, str]:
        """(tier, category) of an override; (tier, "") of a tier's own rule."""
        if self.fixed_tier is not None:
            return self.fixed_tier, ""
        return str(self.tier.currentData()), str(self.category.currentData())

    def field_name(self) -> str:
        """The core's name for this rule in a refusal: ``immediate``, ``time_limited.elevator``."""
        tier, category = self.key()
        return f"{tier}.{category}" if category else tier

    def set_key(self, tier: str, category: str) -> None:
        self.tier.setCurrentIndex(max(0, self.tier.findData(tier)))
        self.category.setCurrentIndex(max(0, self.category.findData(category)))

    def rule(self) -> TierRule:
        return TierRule(
            self.response.value(),
            self.completion.value(),
            ClockMode(str(self.mode.currentData())),
        )

    def set_rule(self, rule: TierRule) -> None:
        self.response.set_value(rule.response)
        self.completion.set_value(rule.completion)
        self.mode.setCurrentIndex(max(0, self.mode.findData(rule.mode.value)))

    # -- errors --------------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error.set_message(text)
        self.response.set_invalid(bool(text))
        self.completion.set_invalid(bool(text))

    def error_text(self) -> str:
        return self.error.text()

    def focus_widgets(self) -> list[QWidget]:
        """The row's fields in the order Tab visits them."""
        durations: list[QWidget] = [
            self.response.hours,
            self.response.minutes,
            self.completion.hours,
            self.completion.minutes,
            self.mode,
        ]
        if self.fixed_tier is not None:
            return durations
        return [self.tier, self.category, *durations, self.remove]

    def focus_first(self) -> None:
        target = self.tier if self.fixed_tier is None else self.response.hours
        target.setFocus(Qt.FocusReason.OtherFocusReason)
