"""One household: its owners with their phones, area and note; or a new household's form.

Phones are shown masked here for every role. A role with Permission.PHONE_REVEAL gets a
"Show full number" button per owner, which asks the core (audited) for the number. A masked
phone left as shown is kept by the core on save; typing a new number replaces it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import run_db
from wuye_desktop.ui.directory.pane import EditPane
from wuye_desktop.ui.i18n import Retranslating

TYPE_WHOLE_NUMBER = QT_TRANSLATE_NOOP("core", "Type the whole number")

# An owner row's content: stored id (None when new), name, phone as typed, and the masked
# number the row was given to show ("" when it shows a full number or none).
OwnerState = tuple[int | None, str, str, str]

_OWNER_FIELD = re.compile(r"^(owner_name|phone)(?:\[(\d+)\])?$")


def owner_field(base: str, position: int) -> str:
    """The core's field name for the owner at *position* (0-based): phone, phone[2], ..."""
    return base if position == 0 else f"{base}[{position + 1}]"


class OwnerRow(Retranslating, QWidget):
    """Name and phone of one owner, with its reveal and remove buttons."""

    remove_requested = Signal(object)
    reveal_requested = Signal(object)

    def __init__(self, pane: HouseholdPane, position: int) -> None:
        super().__init__()
        self.position = position
        self.owner_id: int | None = None
        self.shown_masked = ""
        self.can_reveal = pane.ctx.can(Permission.PHONE_REVEAL)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.reveal = QPushButton()
        self.reveal.clicked.connect(lambda: self.reveal_requested.emit(self))
        self.remove = QPushButton()
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        errors = pane.errors
        errors.add_field(owner_field("owner_name", position), self.name)
        errors.add_field(owner_field("phone", position), self.phone)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(errors.wrap(owner_field("owner_name", position)), 2)
        layout.addWidget(errors.wrap(owner_field("phone", position)), 3)
        layout.addWidget(self.reveal, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        if not pane.can_edit:
            self.name.setReadOnly(True)
            self.phone.setReadOnly(True)
            self.remove.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.name.setPlaceholderText(self.tr("Owner name"))
        self.name.setAccessibleName(self.tr("Owner name"))
        self.phone.setPlaceholderText(self.tr("Mobile or landline"))
        self.phone.setAccessibleName(self.tr("Phone"))
        self.reveal.setText(self.tr("Show full number"))
        self.reveal.setToolTip(self.tr("Shows the whole number; this is recorded in the audit log"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Remove this owner"))

    def set_owner(self, state: OwnerState) -> None:
        self.owner_id, name, phone, self.shown_masked = state
        self.name.setText(name)
        self.phone.setText(phone)
        self._update_reveal()

    def owner(self) -> OwnerState:
        return self.owner_id, self.name.text(), self.phone.text(), self.shown_masked

    def set_revealed(self, full: str) -> None:
        self.shown_masked = ""
        self.phone.setText(full)
        self._update_reveal()

    def _update_reveal(self) -> None:
        self.reveal.setVisible(
            self.can_reveal and self.owner_id is not None and bool(self.shown_masked)
        )


class HouseholdPane(EditPane):
    """Detail and edit form of one household; also the form for adding one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: directory.HouseholdView | None = None
        self.community: directory.CommunityView | None = None  # when adding
        self._rows: list[int] = []  # the owner row of each owner Save sent (see _input)

        self.building = QLineEdit()
        self.unit = QLineEdit()
        self.room = QLineEdit()
        self.area = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        address = QWidget()
        address_layout = QHBoxLayout(address)
        address_layout.setContentsMargins(0, 0, 0, 0)
        for name, edit in (("building", self.building), ("unit", self.unit), ("room", self.room)):
            self.errors.add_field(name, edit)
            address_layout.addWidget(self.errors.wrap(name), 1)
        self.address_label = QLabel()
        self.address_label.setBuddy(self.building)
        self.form.addRow(self.address_label, address)

        self.owner_rows: list[OwnerRow] = []
        self.active_owners = 0
        self.owners_box = QGroupBox()
        self._owners_layout = QVBoxLayout(self.owners_box)
        self.add_owner_button = QPushButton()
        self.add_owner_button.clicked.connect(self._add_owner_clicked)
        if not self.can_edit:  # hide(), never show(), before it has a parent window
            self.add_owner_button.hide()
        self._owners_layout.addWidget(self.add_owner_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addRow(self.owners_box)
        self.add_row("area_m2", self.area)
        self.add_row("note", self.note)

        # The household's close-out list (销项表) is one click away from the household itself.
        self.closeout_button = QPushButton()
        self.closeout_button.clicked.connect(self._open_closeout)
        self.closeout_button.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.closeout_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general_label)
        layout.addWidget(self.button_row())
        layout.addStretch(1)
        self.apply_read_only(self.area, self.note)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.building.setPlaceholderText(self.tr("Building"))
        self.unit.setPlaceholderText(self.tr("Unit"))
        self.room.setPlaceholderText(self.tr("Room"))
        for edit in (self.building, self.unit, self.room):
            edit.setAccessibleName(edit.placeholderText())
        self.address_label.setText(self.tr("&Building / unit / room"))
        self.owners_box.setTitle(self.tr("Owners"))
        self.add_owner_button.setText(self.tr("&Add owner"))
        self.labels["area_m2"].setText(self.tr("A&rea (m²)"))
        self.area.setPlaceholderText(self.tr("e.g. 89.50"))
        self.labels["note"].setText(self.tr("N&ote"))
        self.closeout_button.setText(self.tr("&Close-out list…"))
        self._render_header()

    def _open_closeout(self) -> None:
        if self.view is not None:
            from wuye_desktop.ui.closeout import open_closeout_dialog

            open_closeout_dialog(self.ctx, self.view.id, self)

    def _render_header(self) -> None:
        self.closeout_button.setVisible(
            self.view is not None and self.ctx.can(Permission.DOCUMENTS_PRINT)
        )
        if self.view is not None:
            self.title.setText(self.view.code)
            self.subtitle.setText(
                self.tr("{community} · building {building}, unit {unit}, room {room}").format(
                    community=self.view.community_name,
                    building=self.view.building,
                    unit=self.view.unit,
                    room=self.view.room,
                )
            )
        elif self.community is not None:
            self.title.setText(self.tr("New household"))
            self.subtitle.setText(self.community.name)

    # -- owner rows --------------------------------------------------------------------------

    def _owner_row(self, position: int) -> OwnerRow:
        """Rows are made once and hidden when unused, so field names stay tied to widgets."""
        while len(self.owner_rows) <= position:
            row = OwnerRow(self, len(self.owner_rows))
            row.remove_requested.connect(self._remove_owner)
            row.reveal_requested.connect(self._reveal)
            self._owners_layout.insertWidget(len(self.owner_rows), row)
            self.owner_rows.append(row)
            self._chain_tab_order()
        return self.owner_rows[position]

    def _chain_tab_order(self) -> None:
        """Tab goes down the form as it reads, also through owner rows added later."""
        chain: list[QWidget] = [self.building, self.unit, self.room]
        for row in self.owner_rows:
            chain += [row.name, row.phone, row.reveal, row.remove]
        chain += [self.add_owner_button, self.area, self.note, self.revert_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _set_owners(self, owners: list[OwnerState]) -> None:
        for position, state in enumerate(owners):
            row = self._owner_row(position)
            row.set_owner(state)
            row.show()
        self.active_owners = len(owners)
        for row in self.owner_rows[self.active_owners :]:
            row.set_owner((None, "", "", ""))
            row.hide()

    def _current_owners(self) -> list[OwnerState]:
        return [row.owner() for row in self.owner_rows[: self.active_owners]]

    def _add_owner_clicked(self) -> None:
        self._set_owners([*self._current_owners(), (None, "", "", "")])
        self.owner_rows[self.active_owners - 1].name.setFocus()

    def _remove_owner(self, row: OwnerRow) -> None:
        self.errors.clear()
        self._set_owners([r.owner() for r in self.owner_rows[: self.active_owners] if r is not row])

    def _reveal(self, row: OwnerRow) -> None:
        if row.owner_id is None:
            return
        actor, owner_id, showing = self.ctx.actor, row.owner_id, self.showing

        def arrived(full: str) -> None:
            if showing == self.showing and row.owner_id == owner_id:  # still that owner
                row.set_revealed(full)

        row.reveal.setEnabled(False)  # asked once; the audit log records each reveal
        request = run_db(
            self,
            self.ctx.db,
            lambda db: directory.reveal_owner_phone(db, actor, owner_id),
            label=self.tr("Reading the number…"),
            on_done=arrived,
        )
        request.finished.connect(lambda: row.reveal.setEnabled(True))

    # -- showing -----------------------------------------------------------------------------

    def load(self, view: directory.HouseholdView) -> None:
        """Show a stored household (its address parts are its identity and are not edited)."""
        self.begin_showing()
        self.view, self.community = view, None
        self._render_header()
        self.form.setRowVisible(0, False)
        self.building.setText(view.building)
        self.unit.setText(view.unit)
        self.room.setText(view.room)
        owners: list[OwnerState] = []
        for o in view.owners:
            owners.append((o.id, o.name, o.phone, o.phone))
        self._set_owners(owners)
        self.area.setText(view.area_m2)
        self.note.setPlainText(view.note)

    def start_new(
        self, community: directory.CommunityView, building: str = "", unit: str = ""
    ) -> None:
        """An empty form for a new household in *community*, with building and unit if known."""
        self.begin_showing()
        self.view, self.community = None, community
        self._render_header()
        self.form.setRowVisible(0, True)
        self.building.setText(building)
        self.unit.setText(unit)
        self.room.clear()
        self._set_owners([(None, "", "", "")])
        self.area.clear()
        self.note.clear()
        (self.room if building and unit else self.building).setFocus()

    def focus_first(self) -> None:
        """Put the cursor where a clerk most likely edits: the first owner's phone."""
        if self.active_owners and self.can_edit:
            self.owner_rows[0].phone.setFocus()
            self.owner_rows[0].phone.selectAll()
        elif self.can_edit:
            self.add_owner_button.setFocus()

    def revert(self) -> None:
        if self.view is not None:
            self.load(self.view)
        elif self.community is not None:
            self.start_new(self.community, self.building.text(), self.unit.text())

    def reload_fresh(self, warning: str = "") -> None:
        if self.view is None:
            return
        actor, household_id = self.ctx.actor, self.view.id
        self.read_again(
            lambda db: directory.get_household(db, actor, household_id),
            self.load,
            self.tr("Reading the household…"),
            warning,
        )

    # -- saving ------------------------------------------------------------------------------

    def _input(self) -> tuple[directory.HouseholdInput, list[int]]:
        """The form as the core's input, and the owner row behind each input position.

        Owner rows left completely empty are skipped, so the core's positions can differ
        from the rows on screen; the mapping puts its errors back on the right rows.
        """
        owners: list[directory.OwnerInput] = []
        rows: list[int] = []
        local: list[FieldError] = []
        for i, row in enumerate(self.owner_rows[: self.active_owners]):
            oid, name, phone, masked = row.owner()
            if not name.strip() and not phone.strip():
                continue
            if "*" in phone and phone.strip() != masked:
                # Part of a masked number was changed: the core would keep the old one.
                local.append(FieldError(owner_field("phone", i), TYPE_WHOLE_NUMBER))
            owners.append(directory.OwnerInput(name=name, phone=phone, id=oid))
            rows.append(i)
        if local:
            raise ValidationError(local)
        data = directory.HouseholdInput(
            building=self.building.text(),
            unit=self.unit.text(),
            room=self.room.text(),
            owners=owners,
            area_m2=self.area.text(),
            note=self.note.toPlainText(),
        )
        return data, rows

    def submit(self) -> Callable[[Database], tuple[object, bool]]:
        data, self._rows = self._input()
        actor = self.ctx.actor
        household = (self.view.id, self.view.version) if self.view is not None else None
        community_id = self.community.id if self.community is not None else None

        def work(db: Database) -> tuple[object, bool]:
            if household is not None:
                household_id, version = household
                return directory.update_household(db, actor, household_id, data, version), False
            assert community_id is not None
            return directory.create_household(db, actor, community_id, data), True

        return work

    def saved_errors(self, error: ValidationError) -> ValidationError:
        return ValidationError([_on_row(err, self._rows) for err in error.errors])

    def show_saved(self, view: object) -> None:
        assert isinstance(view, directory.HouseholdView)
        self.load(view)


def _on_row(error: FieldError, rows: list[int]) -> FieldError:
    """Name the owner row on screen that an error of the core's owner *position* is about."""
    m = _OWNER_FIELD.match(error.field)
    if m is None:
        return error
    position = int(m.group(2)) - 1 if m.group(2) else 0
    if not 0 <= position < len(rows):
        return error
    return replace(error, field=owner_field(m.group(1), rows[position]))
