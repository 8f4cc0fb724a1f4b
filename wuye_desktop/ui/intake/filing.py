"""Saving the intake dialog's order: Ctrl+Enter to one core call (create_order, photos included).

The duplicate check is asked again, with its answer awaited, and the filing runs on the
database thread; the dialog stays responsive meanwhile, with Save disabled, and a second
Ctrl+Enter does nothing. A Ctrl+Enter typed before the answers the order is made of (the
household still being found, the communities still being read) waits for them, then goes on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from wuye_desktop.core import orders
from wuye_desktop.core.errors import FieldError, ValidationError, WuyeError
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.db_worker import run_db

if TYPE_CHECKING:
    from wuye_desktop.ui.intake.dialog import IntakeDialog

log = logging.getLogger(__name__)


class OrderFiling(QObject):
    """The save flow of *dialog*. ``filed(id)`` once the order is in the database."""

    filed = Signal(int)

    def __init__(self, dialog: IntakeDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.saving = False  # the order is on its way to the database
        self.save_waiting = False  # Ctrl+Enter waits for the answers the order needs

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        self.dialog.save_button.setEnabled(not on)

    def save(self) -> None:
        d = self.dialog
        if self.saving:
            return
        d.lookup.flush()
        if self._waiting():
            self.save_waiting = True
            self._set_saving(True)
            return
        d.errors.clear()
        d.duplicate_warning.drop_check()  # asked again below, with the answer awaited
        ask = d.duplicates_query()
        if ask is None:
            d.duplicate_warning.set_numbers([])
            self._file()
            return

        def refused(error: WuyeError) -> None:
            log.warning("duplicate check failed: %s", error)
            self._set_saving(False)
            d.duplicate_warning.set_numbers([])
            self._file()

        def checked(numbers: list[str]) -> None:
            self._set_saving(False)
            d.duplicate_warning.set_numbers(numbers)
            self._file()

        self._set_saving(True)
        run_db(
            d,
            d.ctx.db,
            ask,
            label=self.tr("Saving the order…"),
            on_done=checked,
            on_error=refused,
        )

    def _waiting(self) -> bool:
        """An answer the order is made of has not arrived yet."""
        d = self.dialog
        return d.lookup.busy or d.household_panel.busy or d.community_reads.busy

    def save_if_ready(self) -> None:
        """Go on with a Ctrl+Enter that waited, once nothing it needs is still coming."""
        if self.save_waiting and not self._waiting():
            self.save_waiting = False
            self._set_saving(False)
            self.save()

    def _order_input(self) -> orders.OrderInput | None:
        d = self.dialog
        pictures: list[tuple[str, bytes]] = []
        for path in d.pictures.paths:
            try:
                pictures.append((path.name, path.read_bytes()))
            except OSError as error:
                d.errors.show_message(
                    self.tr("Cannot read {name}: {error}").format(
                        name=path.name, error=error.strerror or error
                    ),
                    "photo",
                )
                return None
        common = d.common_area.isChecked()
        household = None if common else d.household
        community_id = household.community_id if household else d.community.currentData()
        if community_id is None:
            d.errors.show_message(self.tr("Add a community in the directory first."), "community")
            return None
        _name, shown_phone, owner_id = d.prefilled
        phone = d.caller_phone.text()
        same_as_prefilled = household is not None and owner_id is not None and phone == shown_phone
        return orders.OrderInput(
            community_id=int(community_id),
            household_id=household.id if household else None,
            location=d.location.text() if common else "",
            category=d.category.code() or "",
            channel=d.channel.code() or "",
            source=d.source.code() or "",
            tier=d.tier.code() or "",
            description=d.description.toPlainText(),
            caller_name=d.caller_name.text(),
            caller_phone=phone,
            caller_owner_id=owner_id if same_as_prefilled else None,
            photos=pictures,
        )

    def _show_refusal(self, error: ValidationError) -> None:
        # Without a household the core names the missing place "location"; in household mode
        # the field to fix is the lookup box.
        if not self.dialog.common_area.isChecked():
            error = ValidationError(
                FieldError("household", e.template, e.params, e.row) if e.field == "location" else e
                for e in error.errors
            )
        self.dialog.errors.show(error)

    def _file(self) -> None:
        d = self.dialog
        warning = d.duplicate_warning
        if warning.numbers and not warning.filing_anyway and not warning.ask(d):
            return
        data = self._order_input()
        if data is None:
            return
        actor = d.ctx.actor

        def create(db: Database) -> int:
            return orders.create_order(db, actor, data)

        def refused(error: WuyeError) -> None:
            self._set_saving(False)
            if isinstance(error, ValidationError):
                self._show_refusal(error)
            else:
                messages.show_error(d, error)

        self._set_saving(True)
        request = run_db(
            d,
            d.ctx.db,
            create,
            label=self.tr("Saving the order…"),
            on_done=self._saved,
            on_error=refused,
        )
        request.failed.connect(lambda _exc: self._set_saving(False))

    def _saved(self, order_id: int) -> None:
        self._set_saving(False)
        self.dialog.order_id = order_id
        self.dialog.ctx.signals.orders_changed.emit()
        self.filed.emit(order_id)
