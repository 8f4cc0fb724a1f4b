"""Which period the overview shows: its kind (week, month, quarter, year, custom) and which one,
or two dates for a custom stretch. Starts on the last complete month, which a manager compares
with the month before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from wuye_desktop.core.clock import today_local
from wuye_desktop.core.overview import Period, PeriodKind, current, custom
from wuye_desktop.core.overview.periods import KIND_LABELS
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.overview.format import period_label, tr_overview
from wuye_desktop.ui.widgets.dates import date_edit, edited_date

# How many periods of each kind the second list offers, newest first.
_CHOICES = {PeriodKind.WEEK: 27, PeriodKind.MONTH: 25, PeriodKind.QUARTER: 13, PeriodKind.YEAR: 11}


def recent_periods(kind: PeriodKind, today: date) -> list[Period]:
    """The period holding *today*, then those before it."""
    out = [current(kind, today)]
    while len(out) < _CHOICES[kind]:
        out.append(out[-1].previous())
    return out


class PeriodPicker(Retranslating, QWidget):
    """Emits ``changed`` when another period is picked (``period()`` tells which)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or today_local()
        self._quiet = False
        self.kind = QComboBox()
        for kind in PeriodKind:
            self.kind.addItem("", kind.value)
        self.which = QComboBox()
        self.which.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        last = current(PeriodKind.CUSTOM, self._today)
        self.first: QDateEdit = date_edit(last.start)
        self.last: QDateEdit = date_edit(last.last_day)
        self.dash = QLabel("–")
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind_label, self.kind, self.which, self.first, self.dash, self.last):
            layout.addWidget(w)

        self.kind.setCurrentIndex(self.kind.findData(PeriodKind.MONTH.value))
        self._fill_which()
        self.which.setCurrentIndex(1)  # the last complete month
        self._show_fields()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.which.currentIndexChanged.connect(self._emit)
        self.first.dateChanged.connect(self._dates_changed)
        self.last.dateChanged.connect(self._dates_changed)
        self.retranslate()

    def current_kind(self) -> PeriodKind:
        return PeriodKind(self.kind.currentData())

    def period(self) -> Period:
        kind = self.current_kind()
        if kind is PeriodKind.CUSTOM:
            first, last = edited_date(self.first), edited_date(self.last)
            return custom(min(first, last), max(first, last))
        chosen = self.which.currentData()
        assert isinstance(chosen, Period)
        return chosen

    def set_period(self, period: Period) -> None:
        """Show *period* (a test, or a period named elsewhere); emits ``changed`` once."""
        self._quiet = True
        try:
            self.kind.setCurrentIndex(self.kind.findData(period.kind.value))
            self._fill_which()
            if period.kind is PeriodKind.CUSTOM:
                for edit, day in ((self.first, period.start), (self.last, period.last_day)):
                    edit.setDate(QDate(day.year, day.month, day.day))
            else:
                index = next(
                    (i for i in range(self.which.count()) if self.which.itemData(i) == period), -1
                )
                if index < 0:
                    self.which.addItem(period_label(period), period)
                    index = self.which.count() - 1
                self.which.setCurrentIndex(index)
            self._show_fields()
        finally:
            self._quiet = False
        self.changed.emit()

    def _fill_which(self) -> None:
        kind = self.current_kind()
        self.which.blockSignals(True)
        try:
            self.which.clear()
            if kind is not PeriodKind.CUSTOM:
                for number, p in enumerate(recent_periods(kind, self._today)):
                    self.which.addItem(self._label(p, number == 0), p)
        finally:
            self.which.blockSignals(False)

    @staticmethod
    def _label(period: Period, running: bool) -> str:
        text = period_label(period)
        if running:
            return QCoreApplication.translate("overview", "{period} (so far)").format(period=text)
        return text

    def _show_fields(self) -> None:
        is_custom = self.current_kind() is PeriodKind.CUSTOM
        self.which.setVisible(not is_custom)
        for w in (self.first, self.dash, self.last):
            w.setVisible(is_custom)

    def _kind_changed(self, _index: int) -> None:
        if self._quiet:
            return
        self._fill_which()
        if self.which.count() > 1:
            self.which.setCurrentIndex(1)  # the last complete one
        self._show_fields()
        self._emit()

    def _dates_changed(self, _day: QDate) -> None:
        if self.current_kind() is PeriodKind.CUSTOM:
            self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit()

    def retranslate(self) -> None:
        self.kind_label.setText(QCoreApplication.translate("overview", "&Period:"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, tr_overview(KIND_LABELS[PeriodKind(self.kind.itemData(i))]))
        for i in range(self.which.count()):
            p = self.which.itemData(i)
            if isinstance(p, Period):
                self.which.setItemText(i, self._label(p, p.start <= self._today < p.end))
        self.first.setToolTip(QCoreApplication.translate("overview", "First day"))
        self.last.setToolTip(QCoreApplication.translate("overview", "Last day (included)"))
