"""The left-hand side of the intake dialog: its fields in captioned rows, each with its error
message under it, then the duplicate warning, the general error and the buttons.

The fields belong to the dialog (it reads and fills them); this only lays them out, names
them, and sets the Tab order, which follows the rows so the desk can type the call through.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wuye_desktop.ui.i18n import Retranslating

if TYPE_CHECKING:
    from wuye_desktop.ui.intake.dialog import IntakeDialog


class IntakeForm(Retranslating, QWidget):
    def __init__(self, dialog: IntakeDialog) -> None:
        super().__init__()
        d = self.dialog = dialog
        errors = d.errors
        form_widget = QWidget()
        self.rows = QFormLayout(form_widget)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}

        def row(name: str, field: QWidget, buddy: QWidget | None = None) -> None:
            caption = QLabel()
            caption.setBuddy(buddy or field)
            self.captions[name] = caption
            self.rows.addRow(caption, field)

        d.lookup.layout_.insertWidget(1, errors.label("household"))
        row("household", d.lookup, d.lookup.edit)
        self.rows.addRow("", d.common_area)
        row("location", errors.wrap("location"), d.location)
        row("community", errors.wrap("community"), d.community)
        row("category", errors.wrap("category"), d.category)
        row("channel", errors.wrap("channel"), d.channel)
        row("source", errors.wrap("source"), d.source)
        tier_box = QWidget()
        tier_layout = QVBoxLayout(tier_box)
        tier_layout.setContentsMargins(0, 0, 0, 0)
        tier_layout.setSpacing(2)
        tier_layout.addWidget(errors.wrap("tier"))
        tier_layout.addWidget(d.deadlines)
        row("tier", tier_box, d.tier)
        row("description", errors.wrap("description"), d.description)
        caller_box = QWidget()
        caller_layout = QHBoxLayout(caller_box)
        caller_layout.setContentsMargins(0, 0, 0, 0)
        self.phone_caption = QLabel()
        self.phone_caption.setContentsMargins(0, 4, 0, 0)  # level with the field's text
        self.phone_caption.setBuddy(d.caller_phone)
        # The caller's line is typed into while the number is checked: a message under it
        # appearing and going must not move the rows below (the photos, the buttons) under
        # the clerk's pointer, so its line is kept whether a message shows or not.
        for name in ("caller_name", "caller_phone"):
            policy = errors.label(name).sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            errors.label(name).setSizePolicy(policy)
            errors.label(name).setWordWrap(False)
        caller_layout.addWidget(errors.wrap("caller_name"), 2)
        caller_layout.addWidget(self.phone_caption, 0, Qt.AlignmentFlag.AlignTop)
        caller_layout.addWidget(errors.wrap("caller_phone"), 2)
        row("caller_name", caller_box, d.caller_name)
        row("photo", d.pictures, d.pictures.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(form_widget)
        layout.addWidget(d.duplicate_warning)
        layout.addWidget(errors.general_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.keys_hint = QLabel()
        self.keys_hint.setStyleSheet("color: #666;")
        buttons.addWidget(self.keys_hint, 1)
        buttons.addWidget(d.save_button)
        buttons.addWidget(d.cancel_button)
        layout.addLayout(buttons)
        self.retranslate()

    def set_tab_order(self) -> None:
        """Down the rows, then the warning's buttons, Save, Cancel. Called once this form is in
        the dialog's layout, so the chain is set in the window the widgets end up in."""
        d = self.dialog
        order = [
            d.lookup.edit,
            d.common_area,
            d.location,
            d.community,
            d.category,
            d.channel,
            d.source,
            d.tier,
            d.description,
            d.caller_name,
            d.caller_phone,
            d.pictures.add_button,
            d.pictures.remove_button,
            d.duplicate_warning.open_button,
            d.duplicate_warning.file_anyway_button,
            d.save_button,
            d.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
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
        self.keys_hint.setText(self.tr("Ctrl+Enter saves · Esc cancels"))
