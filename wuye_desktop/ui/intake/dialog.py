"""Taking a call: the intake dialog (Ctrl+N anywhere), built to be used without the mouse.

The cursor starts in the lookup box. A phone number or its last 4 digits, a room (3-2-1201), a
household code, or a scanned QR payload (a USB scanner types ``WUYE:H:<code>`` and Enter) lists
the matching households; ↑/↓ choose, Enter picks and moves on to the category; a single match
picks itself. The picked household's open and recent orders show on the right, and its first
owner is prefilled as the caller. Category, channel, source and tier are chosen by typing (see
ChoiceCombo); the tier's deadlines, computed by the core from the company's rules, show live
beside it. Ctrl+Enter saves with ONE core call (create_order, photos included); Esc cancels,
asking first if something was typed.

Everything the dialog reads (the communities on opening, the matches, the picked household and
its orders, the deadlines, the duplicate warning) comes from the database thread: each part
keeps what it shows until its answer arrives, and Ctrl+Enter typed before the answers it
needs (the household still being found) waits for them with Save disabled.

The desk sees owners' numbers masked. The order must still keep the real number, so a caller
phone left as prefilled is sent as "this owner's number" (``caller_owner_id``) and the core
copies the stored number: the masked text never becomes the order's phone.

Its parts: the rows laid out in form.py, the pictures in pictures.py, the save flow in
filing.py, the right-hand side in household_panel.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.core.deadlines import Deadlines
from wuye_desktop.core.spoken import CATEGORY_PINYIN
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.intake.choice_combo import ChoiceCombo
from wuye_desktop.ui.intake.deadline_preview import DeadlinePreview
from wuye_desktop.ui.intake.duplicate_warning import DuplicateWarning, plain_button
from wuye_desktop.ui.intake.filing import OrderFiling
from wuye_desktop.ui.intake.form import IntakeForm
from wuye_desktop.ui.intake.household_panel import HouseholdPanel
from wuye_desktop.ui.intake.lookup import HouseholdLookup
from wuye_desktop.ui.intake.pictures import PictureList
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.work_orders import labels

PREVIEW_REFRESH_MS = 30_000


class IntakeDialog(Retranslating, QDialog):
    """``order_created(id)`` after saving (the main window opens the order in its tab);
    "open it" on the duplicate warning asks for the existing order through
    ``ctx.signals.open_order_requested``."""

    order_created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id: int | None = None
        # The caller as prefilled from the household: (name, phone as shown, owner id).
        self.prefilled: tuple[str, str, int | None] = ("", "", None)
        self._caller_touched = False
        self._closing = False
        self.community_reads = DbChannel(self)
        self.filing = OrderFiling(self)
        self.filing.filed.connect(self._filed)

        self.lookup = HouseholdLookup(ctx)
        self.lookup.picked.connect(self._pick)
        self.lookup.settled.connect(self.filing.save_if_ready)
        self.lookup.entered.connect(lambda: self.category.setFocus(Qt.FocusReason.TabFocusReason))
        self.lookup.not_found.connect(self._no_household)
        self._build_form()
        self.household_panel = HouseholdPanel(ctx)
        self.household_panel.changed.connect(self._household_arrived)
        self.household_panel.open_requested.connect(self._open_existing)
        self.form = IntakeForm(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form)
        splitter.addWidget(self.household_panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([560, 700])
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self.form.set_tab_order()

        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_REFRESH_MS)
        self._preview_timer.timeout.connect(self._update_deadlines)
        self._preview_timer.start()

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(self.save)

        self.retranslate()
        self._load_communities()
        self._common_area_toggled(False)
        self._update_deadlines()
        self.resize(1280, 720)
        self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ------------------------------------------------------------------------------

    def _no_household(self) -> None:
        """Enter found nothing: said once, at the field (the lookup's own line steps aside
        until the text changes)."""
        self.lookup.status.hide()
        self.errors.show_message(self.tr("No household matches."), "household")

    def _build_form(self) -> None:
        # A few fields are annotated: IntakeForm and OrderFiling read them, and mypy cannot
        # infer an attribute's type across that import cycle.
        self.common_area = QCheckBox()
        self.common_area.toggled.connect(self._common_area_toggled)
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.community = QComboBox()
        self.category = ChoiceCombo()
        self.category.set_spoken(CATEGORY_PINYIN)
        self.category.code_changed.connect(lambda _c: self._category_or_tier_changed())
        self.channel = ChoiceCombo()
        self.source = ChoiceCombo()
        self.tier = ChoiceCombo()
        self.tier.code_changed.connect(lambda _c: self._category_or_tier_changed())
        self.deadlines = DeadlinePreview(self.ctx)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().height() * 4 + 14)
        self.caller_name = QLineEdit()
        self.caller_name.setMaxLength(100)
        self.caller_phone = QLineEdit()
        self.caller_phone.setMaxLength(40)
        for edit in (self.caller_name, self.caller_phone):
            edit.textEdited.connect(self._caller_edited)
        self.pictures = PictureList()
        self.pictures.changed.connect(lambda: self.errors.clear_field("photo"))

        self.duplicate_warning: DuplicateWarning = DuplicateWarning(self.ctx, self.category)
        self.duplicate_warning.accepted.connect(
            lambda: self.description.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.duplicate_warning.open_requested.connect(self._open_existing)

        self.errors: FormErrorDisplay = FormErrorDisplay(
            {
                "household": self.lookup.edit,
                "location": self.location,
                "community": self.community,
                "category": self.category,
                "channel": self.channel,
                "source": self.source,
                "tier": self.tier,
                "description": self.description,
                "caller_name": self.caller_name,
                "caller_phone": self.caller_phone,
                "photo": self.pictures.photos,
            },
            self,
            message_labels={"photo": self.pictures.error_label},
        )
        self.save_button: QPushButton = plain_button()
        self.save_button.clicked.connect(self.save)
        self.cancel_button: QPushButton = plain_button()
        self.cancel_button.clicked.connect(self.reject)

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New work order"))
        self.common_area.setText(self.tr("Common &area instead of a household"))
        self.location.setPlaceholderText(self.tr("Where, e.g. Building 3 lobby, north gate"))
        self.description.setPlaceholderText(self.tr("What the caller reports"))
        self.caller_name.setPlaceholderText(self.tr("Name"))
        self.caller_phone.setPlaceholderText(self.tr("Mobile or landline"))
        self.save_button.setText(self.tr("Save order"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Esc"))
        self.category.set_choices([(c.value, labels.category_text(c.value)) for c in Category])
        self.channel.set_choices(
            [(c.value, labels.channel_text(c.value)) for c in Channel],
            self.channel.code() or Channel.PROPERTY.value,
        )
        self.source.set_choices(
            [(s.value, labels.source_text(s.value)) for s in Source],
            self.source.code() or Source.PHONE.value,
        )
        self.tier.set_choices(
            [(t.value, labels.tier_text(t.value)) for t in Tier],
            self.tier.code() or Tier.TIME_LIMITED.value,
        )
        self.lookup.retranslate()

    # -- the household -------------------------------------------------------------------------

    @property
    def household(self) -> directory.HouseholdView | None:
        """The household shown (the one picked once it has arrived)."""
        return self.household_panel.household

    def _pick(self, household_id: int | None) -> None:
        if self.common_area.isChecked():
            household_id = None
        self.errors.clear_field("household")
        self.household_panel.want(household_id)

    def _household_arrived(self) -> None:
        self._choose_community()
        self._prefill_caller()
        self._check_duplicates()
        self.filing.save_if_ready()

    def _prefill_caller(self) -> None:
        """The household's first owner is the likely caller; what the user typed stays."""
        if self._caller_touched:
            return
        owner = self.household.owners[0] if self.household and self.household.owners else None
        if owner is None:
            self.prefilled = ("", "", None)
        else:
            self.prefilled = (owner.name, owner.phone, owner.id)
        self.caller_name.setText(self.prefilled[0])
        self.caller_phone.setText(self.prefilled[1])

    def _caller_edited(self, _text: str) -> None:
        self._caller_touched = True

    # -- common area, community ----------------------------------------------------------------

    def _load_communities(self) -> None:
        actor = self.ctx.actor

        def fill(communities: list[directory.CommunityChoice]) -> None:
            for c in communities:
                self.community.addItem(f"{c.name} ({c.code})", c.id)
            self._choose_community()
            self.filing.save_if_ready()

        request = self.community_reads.submit(
            self.ctx.db,
            lambda db: directory.community_choices(db, actor),
            label=self.tr("Reading the communities…"),
            on_done=fill,
        )
        request.failed.connect(lambda _error: self.filing.save_if_ready())

    def _choose_community(self) -> None:
        """The household's community, once both the household and the choices are there."""
        if self.household is not None:
            index = self.community.findData(self.household.community_id)
            if index >= 0:
                self.community.setCurrentIndex(index)

    def _common_area_toggled(self, on: bool) -> None:
        self.lookup.setEnabled(not on)
        self.location.setEnabled(on)
        self.community.setEnabled(on)
        if on:
            self.errors.clear_field("household")
            self._pick(None)
            self.location.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.errors.clear_field("location")
            self._pick(self.lookup.picked_id())
        self.household_panel.common_area = on
        self.household_panel.show_household()

    # -- deadlines and duplicates --------------------------------------------------------------

    def _category_or_tier_changed(self) -> None:
        self._update_deadlines()
        self._check_duplicates()

    def _update_deadlines(self) -> None:
        self.deadlines.update_for(self.tier.code(), self.category.code() or "")

    @property
    def preview(self) -> Deadlines | None:
        """The deadlines shown beside the tier, computed as of ``preview_at``."""
        return self.deadlines.preview

    @property
    def preview_at(self) -> datetime:
        return self.deadlines.preview_at

    def duplicates_query(self) -> Callable[[Database], list[str]] | None:
        """The question "open orders of this category here?", or None when there is none."""
        category = self.category.code()
        if self.household is None or not category or self.common_area.isChecked():
            return None
        actor, household_id = self.ctx.actor, self.household.id

        def ask(db: Database) -> list[str]:
            return orders.open_duplicates(db, actor, household_id, category)

        return ask

    def _check_duplicates(self) -> None:
        self.duplicate_warning.check(self.duplicates_query())

    def _open_existing(self, order_id: int) -> None:
        """Show an existing order instead of filing a new one; what was typed is dropped."""
        self.ctx.signals.open_order_requested.emit(order_id)
        self._closing = True
        super().reject()

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Ctrl+Enter: file the order with one core call, then hand it to the work-order tab
        (see OrderFiling)."""
        self.filing.save()

    def _filed(self, order_id: int) -> None:
        self.order_created.emit(order_id)
        self._closing = True
        self.accept()

    # -- cancelling ----------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """Whether cancelling would lose something the user typed or chose."""
        return bool(
            self.lookup.edit.text().strip()
            or self.location.text().strip()
            or self.description.toPlainText().strip()
            or self.category.currentText().strip()
            or self._caller_touched
            or self.pictures.paths
            or self.common_area.isChecked()
        )

    def reject(self) -> None:
        if self.filing.saving and not self.filing.save_waiting:  # it may be filed already: wait
            return
        if not self._closing and self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Discard this order?"),
                self.tr("What you typed for this order will be lost."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._closing = True
        self.filing.save_waiting = False
        self._preview_timer.stop()
        super().reject()
