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
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, orders
from wuye_desktop.core.deadlines import Deadlines
from wuye_desktop.core.errors import FieldError, ValidationError, WuyeError
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.intake.choice_combo import ChoiceCombo
from wuye_desktop.ui.intake.deadline_preview import DeadlinePreview
from wuye_desktop.ui.intake.duplicate_warning import DuplicateWarning, plain_button
from wuye_desktop.ui.intake.household_panel import HouseholdPanel
from wuye_desktop.ui.intake.lookup import HouseholdLookup
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.work_orders import labels

log = logging.getLogger(__name__)

PREVIEW_REFRESH_MS = 30_000
PICTURE_FILTER = "*.jpg *.jpeg *.png"


class IntakeDialog(Retranslating, QDialog):
    """``order_created(id)`` after saving (the main window opens the order in its tab);
    "open it" on the duplicate warning asks for the existing order through
    ``ctx.signals.open_order_requested``."""

    order_created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id: int | None = None
        self.photo_paths: list[Path] = []
        # The caller as prefilled from the household: (name, phone as shown, owner id).
        self._prefilled: tuple[str, str, int | None] = ("", "", None)
        self._caller_touched = False
        self._closing = False
        self._saving = False  # the order is on its way to the database
        self._save_waiting = False  # Ctrl+Enter waits for the answers the order needs
        self._communities = DbChannel(self)

        self.lookup = HouseholdLookup(ctx)
        self.lookup.picked.connect(self._pick)
        self.lookup.settled.connect(self._save_if_ready)
        self.lookup.entered.connect(lambda: self.category.setFocus(Qt.FocusReason.TabFocusReason))
        self.lookup.not_found.connect(
            lambda: self.errors.show_message(self.tr("No household matches."), "household")
        )
        self._build_form()
        self.household_panel = HouseholdPanel(ctx)
        self.household_panel.changed.connect(self._household_arrived)
        self.household_panel.open_requested.connect(self._open_existing)
        self._build_layout()

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

    def _build_form(self) -> None:
        self.common_area = QCheckBox()
        self.common_area.toggled.connect(self._common_area_toggled)
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.community = QComboBox()
        self.category = ChoiceCombo()
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
        self.photos = QListWidget()
        self.photos.setMaximumHeight(self.photos.fontMetrics().height() * 3 + 12)
        self.add_photos_button = plain_button()
        self.add_photos_button.clicked.connect(self.add_photos)
        self.remove_photo_button = plain_button()
        self.remove_photo_button.clicked.connect(self.remove_photo)

        self.duplicate_warning = DuplicateWarning(self.ctx, self.category)
        self.duplicate_warning.accepted.connect(
            lambda: self.description.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.duplicate_warning.open_requested.connect(self._open_existing)

        self.errors = FormErrorDisplay(
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
                "photo": self.photos,
            },
            self,
        )
        self.save_button = plain_button()
        self.save_button.clicked.connect(self.save)
        self.cancel_button = plain_button()
        self.cancel_button.clicked.connect(self.reject)

    def _build_layout(self) -> None:
        form_widget = QWidget()
        self.form = QFormLayout(form_widget)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}

        def row(name: str, field: QWidget, buddy: QWidget | None = None) -> None:
            caption = QLabel()
            caption.setBuddy(buddy or field)
            self.captions[name] = caption
            self.form.addRow(caption, field)

        self.lookup.layout_.insertWidget(1, self.errors.label("household"))
        row("household", self.lookup, self.lookup.edit)
        self.form.addRow("", self.common_area)
        row("location", self.errors.wrap("location"), self.location)
        row("community", self.errors.wrap("community"), self.community)
        row("category", self.errors.wrap("category"), self.category)
        row("channel", self.errors.wrap("channel"), self.channel)
        row("source", self.errors.wrap("source"), self.source)
        tier_box = QWidget()
        tier_layout = QVBoxLayout(tier_box)
        tier_layout.setContentsMargins(0, 0, 0, 0)
        tier_layout.setSpacing(2)
        tier_layout.addWidget(self.errors.wrap("tier"))
        tier_layout.addWidget(self.deadlines)
        row("tier", tier_box, self.tier)
        row("description", self.errors.wrap("description"), self.description)
        caller_box = QWidget()
        caller_layout = QHBoxLayout(caller_box)
        caller_layout.setContentsMargins(0, 0, 0, 0)
        self.phone_caption = QLabel()
        self.phone_caption.setContentsMargins(0, 4, 0, 0)  # level with the field's text
        self.phone_caption.setBuddy(self.caller_phone)
        caller_layout.addWidget(self.errors.wrap("caller_name"), 2)
        caller_layout.addWidget(self.phone_caption, 0, Qt.AlignmentFlag.AlignTop)
        caller_layout.addWidget(self.errors.wrap("caller_phone"), 2)
        row("caller_name", caller_box, self.caller_name)
        photo_box = QWidget()
        photo_layout = QHBoxLayout(photo_box)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.errors.wrap("photo"), 1)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_photos_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_layout.addLayout(photo_buttons)
        row("photo", photo_box, self.add_photos_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(form_widget)
        left_layout.addWidget(self.duplicate_warning)
        left_layout.addWidget(self.errors.general_label)
        left_layout.addStretch(1)
        buttons = QHBoxLayout()
        self.keys_hint = QLabel()
        self.keys_hint.setStyleSheet("color: #666;")
        buttons.addWidget(self.keys_hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        left_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.household_panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([560, 700])
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        order = [
            self.lookup.edit,
            self.common_area,
            self.location,
            self.community,
            self.category,
            self.channel,
            self.source,
            self.tier,
            self.description,
            self.caller_name,
            self.caller_phone,
            self.add_photos_button,
            self.remove_photo_button,
            self.duplicate_warning.open_button,
            self.duplicate_warning.file_anyway_button,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New work order"))
        captions = {
            "household": self.tr("&Household"),
            "location": self.tr("L&ocation"),
            "community": self.tr("Co&mmunity"),
            "category": self.tr("&Category"),
            "channel": self.tr("Cha&nnel"),
            "source": self.tr("&Source"),
            "tier": self.tr("&Tier"),
            "description": self.tr("&Description"),
            "caller_name": self.tr("Call&er"),
            "photo": self.tr("Pictures"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.phone_caption.setText(self.tr("&Phone"))
        self.common_area.setText(self.tr("Common &area instead of a household"))
        self.location.setPlaceholderText(self.tr("Where, e.g. Building 3 lobby, north gate"))
        self.description.setPlaceholderText(self.tr("What the caller reports"))
        self.caller_name.setPlaceholderText(self.tr("Name"))
        self.caller_phone.setPlaceholderText(self.tr("Mobile or landline"))
        self.add_photos_button.setText(self.tr("Add p&ictures…"))
        self.remove_photo_button.setText(self.tr("Remo&ve"))
        self.save_button.setText(self.tr("Save order"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Esc"))
        self.keys_hint.setText(self.tr("Ctrl+Enter saves · Esc cancels"))
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
        self._save_if_ready()

    def _prefill_caller(self) -> None:
        """The household's first owner is the likely caller; what the user typed stays."""
        if self._caller_touched:
            return
        owner = self.household.owners[0] if self.household and self.household.owners else None
        if owner is None:
            self._prefilled = ("", "", None)
        else:
            self._prefilled = (owner.name, owner.phone, owner.id)
        self.caller_name.setText(self._prefilled[0])
        self.caller_phone.setText(self._prefilled[1])

    def _caller_edited(self, _text: str) -> None:
        self._caller_touched = True

    # -- common area, community ----------------------------------------------------------------

    def _load_communities(self) -> None:
        actor = self.ctx.actor

        def fill(communities: list[directory.CommunityChoice]) -> None:
            for c in communities:
                self.community.addItem(f"{c.name} ({c.code})", c.id)
            self._choose_community()
            self._save_if_ready()

        request = self._communities.submit(
            self.ctx.db,
            lambda db: directory.community_choices(db, actor),
            label=self.tr("Reading the communities…"),
            on_done=fill,
        )
        request.failed.connect(lambda _error: self._save_if_ready())

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

    def _duplicates_query(self) -> Callable[[Database], list[str]] | None:
        """The question "open orders of this category here?", or None when there is none."""
        category = self.category.code()
        if self.household is None or not category or self.common_area.isChecked():
            return None
        actor, household_id = self.ctx.actor, self.household.id

        def ask(db: Database) -> list[str]:
            return orders.open_duplicates(db, actor, household_id, category)

        return ask

    def _check_duplicates(self) -> None:
        self.duplicate_warning.check(self._duplicates_query())

    def _open_existing(self, order_id: int) -> None:
        """Show an existing order instead of filing a new one; what was typed is dropped."""
        self.ctx.signals.open_order_requested.emit(order_id)
        self._closing = True
        super().reject()

    # -- pictures ------------------------------------------------------------------------------

    def add_photos(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add pictures"),
            "",
            self.tr("Pictures ({patterns})").format(patterns=PICTURE_FILTER),
        )
        for name in paths:
            path = Path(name)
            if path not in self.photo_paths:
                self.photo_paths.append(path)
                self.photos.addItem(path.name)
        self.errors.clear_field("photo")

    def remove_photo(self) -> None:
        row = self.photos.currentRow()
        if row < 0 and self.photos.count():
            row = self.photos.count() - 1
        if row >= 0:
            self.photos.takeItem(row)
            del self.photo_paths[row]
        self.errors.clear_field("photo")

    # -- saving --------------------------------------------------------------------------------

    def _order_input(self) -> orders.OrderInput | None:
        pictures: list[tuple[str, bytes]] = []
        for path in self.photo_paths:
            try:
                pictures.append((path.name, path.read_bytes()))
            except OSError as error:
                self.errors.show_message(
                    self.tr("Cannot read {name}: {error}").format(
                        name=path.name, error=error.strerror or error
                    ),
                    "photo",
                )
                return None
        common = self.common_area.isChecked()
        household = None if common else self.household
        community_id = household.community_id if household else self.community.currentData()
        if community_id is None:
            self.errors.show_message(
                self.tr("Add a community in the directory first."), "community"
            )
            return None
        _name, shown_phone, owner_id = self._prefilled
        phone = self.caller_phone.text()
        same_as_prefilled = household is not None and owner_id is not None and phone == shown_phone
        return orders.OrderInput(
            community_id=int(community_id),
            household_id=household.id if household else None,
            location=self.location.text() if common else "",
            category=self.category.code() or "",
            channel=self.channel.code() or "",
            source=self.source.code() or "",
            tier=self.tier.code() or "",
            description=self.description.toPlainText(),
            caller_name=self.caller_name.text(),
            caller_phone=phone,
            caller_owner_id=owner_id if same_as_prefilled else None,
            photos=pictures,
        )

    def _show_refusal(self, error: ValidationError) -> None:
        # Without a household the core names the missing place "location"; in household mode
        # the field to fix is the lookup box.
        if not self.common_area.isChecked():
            error = ValidationError(
                FieldError("household", e.template, e.params, e.row) if e.field == "location" else e
                for e in error.errors
            )
        self.errors.show(error)

    @property
    def saving(self) -> bool:
        return self._saving

    def _set_saving(self, on: bool) -> None:
        self._saving = on
        self.save_button.setEnabled(not on)

    def save(self) -> None:
        """Ctrl+Enter: file the order with one core call, then hand it to the work-order tab.

        The duplicate check and the filing run on the database thread; the dialog stays
        responsive meanwhile, with Save disabled, and a second Ctrl+Enter does nothing."""
        if self._saving:
            return
        self.lookup.flush()
        if self._waiting():
            self._save_waiting = True
            self._set_saving(True)
            return
        self.errors.clear()
        self.duplicate_warning.drop_check()  # asked again below, with the answer awaited
        ask = self._duplicates_query()
        if ask is None:
            self.duplicate_warning.set_numbers([])
            self._file()
            return

        def refused(error: WuyeError) -> None:
            log.warning("duplicate check failed: %s", error)
            self._set_saving(False)
            self.duplicate_warning.set_numbers([])
            self._file()

        def checked(numbers: list[str]) -> None:
            self._set_saving(False)
            self.duplicate_warning.set_numbers(numbers)
            self._file()

        self._set_saving(True)
        run_db(
            self,
            self.ctx.db,
            ask,
            label=self.tr("Saving the order…"),
            on_done=checked,
            on_error=refused,
        )

    def _waiting(self) -> bool:
        """An answer the order is made of has not arrived yet."""
        return self.lookup.busy or self.household_panel.busy or self._communities.busy

    def _save_if_ready(self) -> None:
        """Go on with a Ctrl+Enter that waited, once nothing it needs is still coming."""
        if self._save_waiting and not self._waiting():
            self._save_waiting = False
            self._set_saving(False)
            self.save()

    def _file(self) -> None:
        warning = self.duplicate_warning
        if warning.numbers and not warning.filing_anyway and not warning.ask(self):
            return
        data = self._order_input()
        if data is None:
            return
        actor = self.ctx.actor

        def create(db: Database) -> int:
            return orders.create_order(db, actor, data)

        def refused(error: WuyeError) -> None:
            self._set_saving(False)
            if isinstance(error, ValidationError):
                self._show_refusal(error)
            else:
                messages.show_error(self, error)

        self._set_saving(True)
        request = run_db(
            self,
            self.ctx.db,
            create,
            label=self.tr("Saving the order…"),
            on_done=self._saved,
            on_error=refused,
        )
        request.failed.connect(lambda _exc: self._set_saving(False))

    def _saved(self, order_id: int) -> None:
        self._set_saving(False)
        self.order_id = order_id
        self.ctx.signals.orders_changed.emit()
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
            or self.photo_paths
            or self.common_area.isChecked()
        )

    def reject(self) -> None:
        if self._saving and not self._save_waiting:  # the order may be filed already: wait
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
        self._save_waiting = False
        self._preview_timer.stop()
        super().reject()
