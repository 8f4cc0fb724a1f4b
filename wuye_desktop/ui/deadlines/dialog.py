"""The company's deadline rules, for administrators (the core refuses everybody else).

Per tier: the first-response and completion budgets and whether the clock runs in calendar or
working time; per-category overrides of them (the elevator's 24 h by default); the working
hours with the public holidays and make-up working days; the promised tier's longest promise;
when a callback falls due and how early an order counts as "due soon". Save hands the rules to
the core (settings.save_rules), then the two work-order options (save_work_order_options);
a refusal is shown at the field or rule it names and nothing of that part is written.
"""

from __future__ import annotations

import itertools
import logging
from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import holidays, orders, settings
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.deadlines import DeadlineRules, TierRule, WorkCalendar
from wuye_desktop.core.errors import FieldError, ValidationError, WuyeError
from wuye_desktop.core.roles import Permission
from wuye_desktop.core.vocab import Tier
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.deadlines.date_list import DateListEdit
from wuye_desktop.ui.deadlines.rule_row import (
    DURATION_WIDTH,
    KEY_WIDTH,
    MODE_WIDTH,
    RuleRow,
)
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import describe_field
from wuye_desktop.ui.widgets.form import FormErrorDisplay

log = logging.getLogger(__name__)


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _pytime(moment: QTime) -> time:
    return time(moment.hour(), moment.minute())


class DeadlineSettingsDialog(Retranslating, QDialog):
    """Built from the stored rules; raises the core's WuyeError if they cannot be read."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.ADMINISTER)
        self.saved = False
        self._header_labels: list[tuple[list[QLabel], bool]] = []
        rules = settings.deadline_rules(ctx.db)
        options = orders.work_order_options(ctx.db)
        self._stored = (settings.rules_to_json(rules), options)

        # -- tiers --
        self.tier_rows = {t.value: RuleRow(t.value) for t in Tier}
        self.tiers_box = QGroupBox()
        tiers_layout = QVBoxLayout(self.tiers_box)
        self.tier_header = self._header()
        tiers_layout.addWidget(self.tier_header)
        for row in self.tier_rows.values():
            tiers_layout.addWidget(row)

        # -- overrides --
        self.override_rows: list[RuleRow] = []
        self.overrides_box = QGroupBox()
        self.overrides_layout = QVBoxLayout(self.overrides_box)
        self.override_header = self._header(override=True)
        self.overrides_layout.addWidget(self.override_header)
        self.add_override_button = QPushButton()
        self.add_override_button.setAutoDefault(False)
        self.add_override_button.clicked.connect(lambda: self.add_override())
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_override_button)
        add_row.addStretch(1)
        self.overrides_layout.addLayout(add_row)

        # -- working calendar --
        self.day_start = QTimeEdit()
        self.day_end = QTimeEdit()
        for time_edit in (self.day_start, self.day_end):
            time_edit.setDisplayFormat("HH:mm")
        self.holidays = DateListEdit()
        self.makeup_days = DateListEdit()
        self.calendar_box = QGroupBox()
        self.calendar_note = QLabel()
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("color: #555;")
        hours = QWidget()
        hours_layout = QHBoxLayout(hours)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        self.until_label = QLabel()
        hours_layout.addWidget(self.day_start)
        hours_layout.addWidget(self.until_label)
        hours_layout.addWidget(self.day_end)
        hours_layout.addStretch(1)

        # -- other options --
        self.promised_max_days = QSpinBox()
        self.promised_max_days.setRange(0, 999)
        # These two ranges are the core's: the options saved after the rules cannot be refused
        # then, so a Save never writes the rules and fails on the options.
        self.callback_days = QSpinBox()
        self.callback_days.setRange(1, 30)
        self.due_soon = QSpinBox()
        self.due_soon.setRange(10, 7 * 24 * 60)
        self.due_soon.setSingleStep(30)

        self.errors = FormErrorDisplay(
            {
                "working_hours": self.day_start,
                "promised_max_days": self.promised_max_days,
                "callback_days": self.callback_days,
                "due_soon": self.due_soon,
            },
            self,
        )
        self.captions: dict[str, QLabel] = {}
        calendar_form = QFormLayout(self.calendar_box)
        calendar_form.addRow(self.calendar_note)
        self._form_row(calendar_form, "working_hours", self.day_start, hours)
        dates = QHBoxLayout()
        self.holidays_label = QLabel()
        self.makeup_label = QLabel()
        for label, edit in (
            (self.holidays_label, self.holidays),
            (self.makeup_label, self.makeup_days),
        ):
            label.setBuddy(edit.picker)
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(edit)
            dates.addLayout(column)
        calendar_form.addRow(dates)
        # -- the official calendar: a year filled in from the State Council's notice --
        self.calendar_warning = QLabel()
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.calendar_warning.hide()
        self.import_year = QSpinBox()
        self.import_year.setRange(2000, 2100)
        self.import_year.valueChanged.connect(lambda _y: self._name_import_button())
        self.import_button = QPushButton()
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_official_year)
        self.import_status = QLabel()
        self.import_status.setWordWrap(True)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_year)
        import_row.addWidget(self.import_button)
        import_row.addWidget(self.import_status, 1)
        calendar_form.addRow(self.calendar_warning)
        calendar_form.addRow(import_row)
        self.options_box = QGroupBox()
        options_form = QFormLayout(self.options_box)
        for name, widget in (
            ("promised_max_days", self.promised_max_days),
            ("callback_days", self.callback_days),
            ("due_soon", self.due_soon),
        ):
            self._form_row(options_form, name, widget, self.errors.wrap(name))

        # -- buttons --
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        self.notice.setVisible(not self.can_edit)
        self.save_button = QPushButton()
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self.can_edit)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors.general_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self).activated.connect(self.save)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.notice)
        content_layout.addWidget(self.tiers_box)
        content_layout.addWidget(self.overrides_box)
        content_layout.addWidget(self.calendar_box)
        content_layout.addWidget(self.options_box)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.show_rules(rules, options)
        self._chain_tab_order()
        content.setEnabled(self.can_edit)
        self.retranslate()
        self.resize(960, 780)

    def _header(self, override: bool = False) -> QWidget:
        header = QWidget()
        layout = QHBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        names = [QLabel() for _ in range(4)]
        for label, width in zip(
            names, (KEY_WIDTH, DURATION_WIDTH, DURATION_WIDTH, MODE_WIDTH), strict=True
        ):
            label.setFixedWidth(width)
            label.setStyleSheet("color: #555;")
            layout.addWidget(label)
        layout.addStretch(1)
        self._header_labels.append((names, override))
        return header

    def _form_row(self, form: QFormLayout, name: str, buddy: QWidget, field: QWidget) -> None:
        caption = QLabel()
        caption.setBuddy(buddy)
        self.captions[name] = caption
        form.addRow(caption, field)
        if name == "working_hours":
            form.addRow("", self.errors.label(name))

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Deadlines"))
        self.tiers_box.setTitle(self.tr("Deadlines per tier"))
        self.overrides_box.setTitle(self.tr("Per-category overrides"))
        self.calendar_box.setTitle(self.tr("Working time"))
        self.options_box.setTitle(self.tr("Promises and callbacks"))
        for names, override in self._header_labels:
            texts = (
                self.tr("Tier and category") if override else self.tr("Tier"),
                self.tr("First response"),
                self.tr("Completion"),
                self.tr("Clock"),
            )
            for label, text in zip(names, texts, strict=True):
                label.setText(text)
        self.add_override_button.setText(self.tr("&Add override"))
        self.calendar_note.setText(
            self.tr(
                "Rules on working time count only these hours on working days: Monday to "
                "Friday except public holidays, plus make-up working days on weekends."
            )
        )
        self.captions["working_hours"].setText(self.tr("Working &hours"))
        self.until_label.setText(self.tr("to"))
        self.holidays_label.setText(self.tr("Pu&blic holidays"))
        self.makeup_label.setText(self.tr("&Make-up working days"))
        self._name_import_button()
        self.import_year.setToolTip(self.tr("The year to fill in"))
        self._warn_missing()
        self.captions["promised_max_days"].setText(self.tr("Longest &promise"))
        self.captions["callback_days"].setText(self.tr("&Callback due within"))
        self.captions["due_soon"].setText(self.tr("&Due soon from"))
        self.promised_max_days.setSuffix(self.tr(" days after the order"))
        self.callback_days.setSuffix(self.tr(" days of completion"))
        self.due_soon.setSuffix(self.tr(" minutes before the deadline"))
        self.notice.setText(self.tr("Only administrators change the deadlines."))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.cancel_button.setText(self.tr("Cancel") if self.can_edit else self.tr("Close"))
        for row in [*self.tier_rows.values(), *self.override_rows]:
            row.retranslate()
        for edit in (self.holidays, self.makeup_days):
            edit.retranslate()

    # -- values --------------------------------------------------------------------------------

    def show_rules(self, rules: DeadlineRules, options: orders.WorkOrderOptions) -> None:
        for tier, row in self.tier_rows.items():
            row.set_rule(rules.tiers[tier])
        for row in list(self.override_rows):
            self.remove_override(row)
        for (tier, category), rule in rules.overrides.items():
            self.add_override(tier, category, rule, focus=False)
        cal = rules.calendar
        self.day_start.setTime(_qtime(cal.day_start))
        self.day_end.setTime(_qtime(cal.day_end))
        self.holidays.set_dates(cal.holidays)
        self.makeup_days.set_dates(cal.makeup_workdays)
        today = today_local()
        missing = holidays.missing_year(cal, today)
        self.import_year.setValue(missing or today.year + 1)
        self._warn_missing()
        self.promised_max_days.setValue(rules.promised_max_days)
        self.callback_days.setValue(options.callback_days)
        self.due_soon.setValue(options.due_soon_minutes)

    # -- the official calendar -----------------------------------------------------------------

    def _shown_calendar(self) -> WorkCalendar:
        return WorkCalendar(
            holidays=self.holidays.dates(), makeup_workdays=self.makeup_days.dates()
        )

    def rules_calendar(self) -> WorkCalendar:
        """The holidays and make-up days as shown (the window's warning reads them)."""
        return self._shown_calendar()

    def _warn_missing(self) -> None:
        year = holidays.missing_year(self._shown_calendar(), today_local())
        self.calendar_warning.setVisible(year is not None)
        if year is not None:
            self.calendar_warning.setText(
                self.tr(
                    "The public holidays of {year} are not entered: deadlines in working time "
                    "would count them as working days. Import them below or enter them by hand."
                ).format(year=year)
            )

    def _name_import_button(self) -> None:
        self.import_button.setText(
            self.tr("&Import {year} from the State Council notice").format(
                year=self.import_year.value()
            )
        )

    def import_official_year(self) -> None:
        """Put the chosen year's official holidays and make-up days in the lists (that year's
        dates replaced, other years kept); they are saved, or edited first, like typed ones."""
        year = self.import_year.value()
        try:
            official = holidays.official_year(year)
        except WuyeError as error:
            self.import_status.setStyleSheet("color: #b71c1c;")
            self.import_status.setText(messages.describe(error))
            return
        calendar = holidays.with_official_year(self._shown_calendar(), official)
        self.holidays.set_dates(calendar.holidays)
        self.makeup_days.set_dates(calendar.makeup_workdays)
        self.import_status.setStyleSheet("color: #2e7d32;")
        self.import_status.setText(
            self.tr(
                "{year}: {holidays} holidays and {workdays} make-up working days filled in; "
                "check them and save."
            ).format(
                year=year,
                holidays=len(official.holidays),
                workdays=len(official.makeup_workdays),
            )
        )
        self._warn_missing()

    def add_override(
        self,
        tier: str = Tier.TIME_LIMITED.value,
        category: str = "",
        rule: TierRule | None = None,
        *,
        focus: bool = True,
    ) -> RuleRow:
        row = RuleRow()
        row.set_key(tier, category)
        row.set_rule(rule or self.tier_rows[tier].rule())
        row.remove_requested.connect(self.remove_override)
        # Inserted above the Add button: the button stays last.
        self.overrides_layout.insertWidget(self.overrides_layout.count() - 1, row)
        row.show()  # at once, not when the layout gets round to it: Tab must reach it now
        self.override_rows.append(row)
        self._chain_tab_order()
        if focus:
            row.focus_first()
        return row

    def remove_override(self, row: RuleRow) -> None:
        self.override_rows.remove(row)
        self.overrides_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._chain_tab_order()
        self.add_override_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chain_tab_order(self) -> None:
        """Rows added later would come last in the Tab order; keep it the order shown."""
        chain: list[QWidget] = []
        for row in [*self.tier_rows.values(), *self.override_rows]:
            chain.extend(row.focus_widgets())
        chain += [
            self.add_override_button,
            self.day_start,
            self.day_end,
            self.holidays.picker,
            self.holidays.add_button,
            self.holidays.remove_button,
            self.holidays.list,
            self.makeup_days.picker,
            self.makeup_days.add_button,
            self.makeup_days.remove_button,
            self.makeup_days.list,
            self.import_year,
            self.import_button,
            self.promised_max_days,
            self.callback_days,
            self.due_soon,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def rules(self) -> DeadlineRules | None:
        """The rules as shown, or None after saying at the field what cannot become rules."""
        try:
            calendar = WorkCalendar(
                _pytime(self.day_start.time()),
                _pytime(self.day_end.time()),
                self.holidays.dates(),
                self.makeup_days.dates(),
            )
        except ValueError:
            self.errors.show_message(
                self.tr("The working day must end after it starts"), "working_hours"
            )
            return None
        seen: dict[tuple[str, str], RuleRow] = {}
        twice = False
        for row in self.override_rows:
            if row.key() in seen:
                row.show_error(self.tr("This tier and category is listed twice"))
                twice = True
            seen[row.key()] = row
        if twice:
            return None
        return DeadlineRules(
            tiers={tier: row.rule() for tier, row in self.tier_rows.items()},
            overrides={row.key(): row.rule() for row in self.override_rows},
            calendar=calendar,
            promised_max_days=self.promised_max_days.value(),
        )

    # -- saving --------------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        self.errors.clear()
        for row in [*self.tier_rows.values(), *self.override_rows]:
            row.show_error("")

    def _show_refusal(self, error: ValidationError) -> None:
        rows = {row.field_name(): row for row in [*self.tier_rows.values(), *self.override_rows]}
        rest: list[FieldError] = []
        first: RuleRow | None = None
        for item in error.errors:
            row = rows.get(item.field)
            if row is None:
                rest.append(item)
                continue
            row.show_error(describe_field(item))
            first = first or row
        if rest:
            self.errors.show(ValidationError(rest))
        elif first is not None:
            first.focus_first()

    def save(self) -> None:
        """Ctrl+Enter: the rules, then the two options, each saved only if it changed."""
        self._clear_errors()
        rules = self.rules()
        if rules is None:
            return
        options = orders.WorkOrderOptions(self.callback_days.value(), self.due_soon.value())
        try:
            if settings.rules_to_json(rules) != self._stored[0]:
                settings.save_rules(self.ctx.db, self.ctx.actor, rules)
            if options != self._stored[1]:
                settings.save_work_order_options(
                    self.ctx.db,
                    self.ctx.actor,
                    callback_days=options.callback_days,
                    due_soon=options.due_soon_minutes,
                )
        except ValidationError as error:
            self._show_refusal(error)
            return
        except WuyeError as error:
            messages.show_error(self, error)
            return
        self.saved = True
        # "Due soon" colours every list of orders: let them all read their rows again.
        self.ctx.signals.orders_changed.emit()
        self.accept()
