"""The Public-income tab: pick a community (one without a special account yet shows a hint, and
finance may open the account there), its chain is verified in the background (a red
banner names the first broken entry), the register pages in lazily with filters, and finance
posts, reverses, closes months, imports statements, exports and publishes the disclosure.
Managers and administrators read; the core refuses everyone else.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.errors import StateError, WuyeError
from wuye_desktop.core.file_names import suggested_file_name
from wuye_desktop.core.ledger import export, queries, services
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS, Direction
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.ledger.services import AccountView, CategoryView, EntryView
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.ledger.account_dialogs import CategoriesDialog, OpenAccountDialog
from wuye_desktop.ui.ledger.dialogs import (
    CloseMonthDialog,
    EntryDialog,
    ReverseDialog,
    TotalsDialog,
)
from wuye_desktop.ui.ledger.disclosure_dialog import DisclosureDialog
from wuye_desktop.ui.ledger.import_dialog import StatementImportDialog
from wuye_desktop.ui.ledger.register_model import COLUMNS, RegisterModel
from wuye_desktop.ui.widgets.focus_return import open_returning_focus
from wuye_desktop.ui.workers import Task, run_in_background

_WIDTHS = {"seq": 60, "date": 90, "direction": 70, "category": 140, "amount": 110,
           "balance": 120, "voucher": 100, "counterparty": 160, "note": 180}  # fmt: skip
_BANNER = "background-color: #c62828; color: white; padding: 6px; font-weight: bold;"


class LedgerTab(Retranslating, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.LEDGER_EDIT)
        self.accounts: list[AccountView] = []
        self.categories: list[CategoryView] = []
        self.verify_task: Task | None = None
        self.task: Task | None = None
        self.dialog: QDialog | None = None
        self.chain_ok: bool | None = None
        self._reads = DbChannel(self)  # the accounts, then a community's categories

        self.community = QComboBox()
        self.community.currentIndexChanged.connect(lambda _i: self.open_community())
        self.community_label = QLabel()
        self.account_label = QLabel()
        self.banner = QLabel()
        self.banner.setStyleSheet(_BANNER)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.chain_label = QLabel()
        # Shown instead of the register while the chosen community has no special account.
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-size: 14px; padding: 12px;")
        self.open_account_button = QPushButton()
        self.open_account_button.clicked.connect(self.open_account)
        self.open_account_button.setVisible(self.can_edit)

        self.period_from = QLineEdit()
        self.period_to = QLineEdit()
        for edit in (self.period_from, self.period_to):
            edit.setPlaceholderText("2026-01")
            edit.setMaximumWidth(90)
            edit.returnPressed.connect(self.apply_filter)
        self.direction = QComboBox()
        self.direction.currentIndexChanged.connect(lambda _i: self._fill_category_filter())
        self.category = QComboBox()
        self.text = QLineEdit()
        self.text.returnPressed.connect(self.apply_filter)
        self.newest_first = QCheckBox()
        self.newest_first.setChecked(True)
        self.newest_first.toggled.connect(lambda _c: self.apply_filter())
        self.filter_button = QPushButton()
        self.filter_button.clicked.connect(self.apply_filter)
        self.filter_labels = [QLabel() for _ in range(4)]

        self.model = RegisterModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, key in enumerate(COLUMNS):
            self.table.setColumnWidth(column, _WIDTHS.get(key, 90))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        # Enter or a double click on a reversed entry or a reversal goes to the other one.
        self.table.activated.connect(lambda index: self.go_to_linked(index.row()))
        self.count_label = QLabel()

        def button(slot: object, edit: bool) -> QPushButton:
            b = QPushButton()
            b.clicked.connect(slot)
            b.setVisible(self.can_edit or not edit)
            return b

        self.post_button = button(self.post, True)
        self.reverse_button = button(self.reverse, True)
        self.close_button = button(self.close_month, False)  # readers see which are closed
        self.import_button = button(self.import_statement, True)
        self.totals_button = button(self.show_totals, False)
        self.export_button = button(self.export, False)
        self.disclosure_button = button(self.disclosure, False)
        self.categories_button = button(self.edit_categories, False)

        top = QHBoxLayout()
        top.addWidget(self.community_label)
        top.addWidget(self.community)
        top.addWidget(self.account_label, 1)
        top.addWidget(self.chain_label)
        filters = QHBoxLayout()
        for label, widget in zip(
            self.filter_labels,
            (self.period_from, self.direction, self.category, self.text),
            strict=True,
        ):
            filters.addWidget(label)
            filters.addWidget(widget)
            if widget is self.period_from:
                filters.addWidget(QLabel("–"))
                filters.addWidget(self.period_to)
        filters.addWidget(self.newest_first)
        filters.addWidget(self.filter_button)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for b in (
            self.post_button, self.reverse_button, self.close_button, self.import_button,
            self.totals_button, self.export_button, self.disclosure_button,
            self.categories_button,
        ):  # fmt: skip
            actions.addWidget(b)
        self.register_box = QWidget()
        register = QVBoxLayout(self.register_box)
        register.setContentsMargins(0, 0, 0, 0)
        register.addLayout(filters)
        register.addWidget(self.table, 1)
        register.addLayout(actions)
        self.no_account_box = QWidget()
        no_account = QVBoxLayout(self.no_account_box)
        no_account.addStretch(1)
        no_account.addWidget(self.hint)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_account_button)
        open_row.addStretch(1)
        no_account.addLayout(open_row)
        no_account.addStretch(2)
        self.no_account_box.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.register_box, 1)
        layout.addWidget(self.no_account_box, 1)

        self.retranslate()
        self.refresh()

    # -- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every community and which have an account (the core refuses roles without
        the ledger); a community without one is listed so that its account can be opened.
        Read on the database thread; what is shown stays until the answer arrives."""
        actor = self.ctx.actor

        def read(db: Database) -> tuple[list[AccountView], list[tuple[int, str]]]:
            accounts = services.list_accounts(db, actor)
            try:
                choices = [
                    (c.id, f"{c.name} ({c.code})") for c in directory.community_choices(db, actor)
                ]
            except WuyeError:
                # every ledger role reads the directory today; should one not, show the accounts
                choices = [(a.community_id, f"{a.community_name} ({a.community_code})")
                           for a in accounts]  # fmt: skip
            return accounts, choices

        def refused(error: WuyeError) -> None:
            self.accounts = []
            self.setEnabled(False)
            messages.show_error(self, error)

        self._reads.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the special accounts…"),
            on_done=self._accounts_arrived,
            on_error=refused,
        )

    def _accounts_arrived(self, result: tuple[list[AccountView], list[tuple[int, str]]]) -> None:
        self.accounts, choices = result
        chosen = self.community.currentData()
        if chosen is None and self.accounts:
            chosen = self.accounts[0].community_id  # first open: a register rather than a hint
        self.community.blockSignals(True)
        self.community.clear()
        for cid, title in choices:
            self.community.addItem(title, cid)
        self.community.setCurrentIndex(max(0, self.community.findData(chosen)))
        self.community.blockSignals(False)
        self.open_community()

    def current_account(self) -> AccountView | None:
        cid = self.community.currentData()
        return next((a for a in self.accounts if a.community_id == cid), None)

    def community_id(self) -> int | None:
        a = self.current_account()
        return None if a is None else a.community_id

    def open_community(self) -> None:
        """Show a community's register and verify its chain off the GUI thread."""
        account = self.current_account()
        self.banner.hide()
        self.chain_ok = None
        self.chain_label.setText("")
        self.register_box.setVisible(account is not None)
        self.no_account_box.setVisible(account is None)
        if account is None:
            self.account_label.setText("")
            self._show_hint()
            self.categories = []
            self._reads.drop()
            self.model.load(None, queries.RegisterFilter(), True, {})
            self._update_buttons()
            return
        self.account_label.setText(
            self.tr("{bank}, account {number}, opened {day} with {opening} yuan").format(
                bank=account.bank,
                number=account.account_no_masked,
                day=account.opened_on.isoformat(),
                opening=format_fen(account.opening_balance_fen),
            )
        )
        actor, cid = self.ctx.actor, account.community_id

        def arrived(categories: list[CategoryView]) -> None:
            if cid != self.community_id():
                return  # another community was chosen meanwhile
            self.categories = categories
            self._fill_category_filter()
            self.apply_filter()
            self.verify()

        self._reads.submit(
            self.ctx.db,
            lambda db: services.list_categories(db, actor, cid),
            label=self.tr("Reading the categories…"),
            on_done=arrived,
        )

    def _show_hint(self) -> None:
        if self.community.count() == 0:
            self.hint.setText(self.tr("There are no communities yet."))
        elif self.can_edit:
            self.hint.setText(
                self.tr(
                    "This community has no special account yet. Open it to keep its "
                    "public-income register."
                )
            )
        else:
            self.hint.setText(
                self.tr("This community has no special account yet. Finance staff can open it.")
            )
        self.open_account_button.setEnabled(self.community.count() > 0)

    def verify(self) -> None:
        cid = self.community_id()
        if cid is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.chain_label.setText(self.tr("Checking the chain…"))
        self.verify_task = run_in_background(
            self,
            lambda progress: services.require_intact(db, actor, cid),
            label=self.tr("Checking the ledger's chain…"),
            on_done=lambda result: self._verified(cid, None),
            on_error=lambda error: self._verified(cid, error),
            show_after_ms=2000,
        )

    def _verified(self, cid: int, error: WuyeError | None) -> None:
        if cid != self.community_id():
            return  # another community was chosen meanwhile
        if error is not None and not isinstance(error, StateError):
            self.chain_label.setText("")
            messages.show_error(self, error)
            return
        self.chain_ok = error is None
        if error is None:
            self.chain_label.setText(self.tr("Chain intact"))
            self.banner.hide()
        else:
            self.chain_label.setText(self.tr("Chain broken"))
            self.banner.setText(messages.describe(error))
            self.banner.show()

    def _fill_category_filter(self) -> None:
        direction = self.direction.currentData()
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), "")
        for c in self.categories:
            if not direction or c.direction == direction:
                self.category.addItem(c.label, c.code)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))
        self.category.blockSignals(False)

    def current_filter(self) -> queries.RegisterFilter:
        return queries.RegisterFilter(
            self.period_from.text().strip(),
            self.period_to.text().strip(),
            str(self.direction.currentData() or ""),
            str(self.category.currentData() or ""),
            self.text.text(),
        )

    def apply_filter(self) -> None:
        cid = self.community_id()
        flt = self.current_filter()
        labels = {c.code: c.label for c in self.categories}

        def shown() -> None:
            if self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, 0))
            self._count(cid, flt)  # after the page: a bad period is refused once, by the page
            self._update_buttons()

        self.model.load(
            cid,
            flt,
            self.newest_first.isChecked(),
            labels,
            then=shown,
            on_error=lambda error: messages.show_error(self, error),
        )
        self.count_label.setText("")
        self._update_buttons()

    def _count(self, cid: int | None, flt: queries.RegisterFilter) -> None:
        """The number of matching entries, counted in the background (a million takes a while)."""
        self.count_label.setText("")
        if cid is None:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def show(n: int) -> None:
            if cid == self.community_id() and flt == self.current_filter():
                self.count_label.setText(self.tr("%n entries", "", n))

        self.task = run_in_background(
            self,
            lambda _progress: queries.register_count(db, actor, cid, flt),
            label=self.tr("Counting entries…"),
            on_done=show,
            show_after_ms=5000,
        )

    def go_to_linked(self, row: int) -> None:
        """Select the reversal of the entry in *row*, or the entry it reverses."""
        e = self.model.entry(row)
        target = None if e is None else (e.reversed_by or e.reverses_seq)
        if target is not None:
            self.go_to(target)

    def go_to(self, seq: int) -> None:
        """Select entry *seq*; one not read yet (or filtered out) is read with the filters
        cleared, the register starting at it."""
        row = self.model.row_of(seq)
        if row is not None:
            self._select_row(row)
            return
        cid = self.community_id()
        if cid is None:
            return
        for edit in (self.period_from, self.period_to, self.text):
            edit.clear()
        for combo in (self.direction, self.category):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_category_filter()

        def shown() -> None:
            found = self.model.row_of(seq)
            self._select_row(0 if found is None else found)
            self._count(cid, self.current_filter())

        labels = {c.code: c.label for c in self.categories}
        self.model.load(
            cid,
            self.current_filter(),
            self.newest_first.isChecked(),
            labels,
            then=shown,
            on_error=lambda error: messages.show_error(self, error),
            start_seq=seq,
        )

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        self._update_buttons()

    def selected(self) -> EntryView | None:
        return self.model.entry(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        has = self.community_id() is not None
        e = self.selected()
        for b in (
            self.post_button, self.close_button, self.import_button, self.totals_button,
            self.export_button, self.disclosure_button, self.categories_button,
        ):  # fmt: skip
            b.setEnabled(has)
        self.reverse_button.setEnabled(
            e is not None and e.reverses_seq is None and e.reversed_by is None
        )

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, reload: bool) -> None:
        if reload:
            dialog.accepted.connect(self.after_change)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        open_returning_focus(dialog, self.table)

    def after_change(self) -> None:
        self.apply_filter()
        self.verify()

    def open_account(self) -> None:
        cid = self.community.currentData()
        if cid is None or self.current_account() is not None:
            return
        dialog = OpenAccountDialog(self.ctx, int(cid), self.community.currentText(), self)
        dialog.accepted.connect(self.refresh)
        self._open(dialog, False)

    def edit_categories(self) -> None:
        cid = self.community_id()
        if cid is None:
            return
        dialog = CategoriesDialog(self.ctx, cid, self)
        dialog.added.connect(lambda: self._categories_added(cid, dialog.categories))
        self._open(dialog, False)

    def _categories_added(self, cid: int, categories: list[CategoryView]) -> None:
        """The filter and the entry form offer a new category at once."""
        if cid == self.community_id():
            self.categories = list(categories)
            self._fill_category_filter()

    def post(self) -> None:
        cid = self.community_id()
        if cid is not None:
            self._open(EntryDialog(self.ctx, cid, self.categories, self), True)

    def reverse(self) -> None:
        cid, e = self.community_id(), self.selected()
        if cid is not None and e is not None:
            self._open(ReverseDialog(self.ctx, cid, e, self), True)

    def close_month(self) -> None:
        cid = self.community_id()
        if cid is not None:
            dialog = CloseMonthDialog(self.ctx, cid, self.can_edit, self)
            dialog.closed_months.connect(lambda _months: self.after_change())
            self._open(dialog, False)

    def show_totals(self) -> None:
        cid = self.community_id()
        if cid is not None:
            labels = {c.code: c.label for c in self.categories}
            self._open(TotalsDialog(self.ctx, cid, labels, self), False)

    def import_statement(self) -> None:
        cid = self.community_id()
        if cid is not None:
            dialog = StatementImportDialog(self.ctx, cid, self)
            dialog.finished.connect(lambda _r: self.after_change())
            self._open(dialog, False)

    def disclosure(self) -> None:
        a = self.current_account()
        if a is not None:
            self._open(DisclosureDialog(self.ctx, a.community_id, a.community_code, self), False)

    def export(self) -> None:
        a = self.current_account()
        if a is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            suggested_file_name(self.tr("Public-income ledger"), a.community_code, ext="xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return
        self.export_to(name)

    def export_to(self, path: str) -> Task | None:
        cid = self.community_id()
        if cid is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.task = run_in_background(
            self,
            lambda progress: export.export_xlsx(db, actor, cid, path, None, progress),
            label=self.tr("Exporting the ledger…"),
            on_done=lambda n: self.count_label.setText(
                self.tr("%n entries exported to {path}", "", n).format(path=path)
            ),
        )
        return self.task

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.community_label.setText(self.tr("Community"))
        for label, text in zip(
            self.filter_labels,
            (self.tr("Months"), self.tr("Direction"), self.tr("Category"), self.tr("Text")),
            strict=True,
        ):
            label.setText(text)
        chosen = self.direction.currentData()
        self.direction.blockSignals(True)
        self.direction.clear()
        self.direction.addItem(self.tr("All"), "")
        for d in Direction:
            self.direction.addItem(messages.tr_core(DIRECTION_LABELS[d]), d.value)
        self.direction.setCurrentIndex(max(0, self.direction.findData(chosen)))
        self.direction.blockSignals(False)
        self.text.setPlaceholderText(self.tr("Voucher, counterparty or note"))
        self.newest_first.setText(self.tr("Newest first"))
        self.filter_button.setText(self.tr("Filter"))
        self.post_button.setText(self.tr("New entry…"))
        self.reverse_button.setText(self.tr("Reverse…"))
        self.close_button.setText(
            self.tr("Close a month…") if self.can_edit else self.tr("Closed months…")
        )
        self.import_button.setText(self.tr("Import statement…"))
        self.totals_button.setText(self.tr("Totals…"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.disclosure_button.setText(self.tr("Disclosure…"))
        self.categories_button.setText(self.tr("Categories…"))
        self.open_account_button.setText(self.tr("Open account…"))
        if self.current_account() is None:
            self._show_hint()
        self.model.retranslate()
