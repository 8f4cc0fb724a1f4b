"""One community: name, the regulator's project code, address, and its 3 channels' contacts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from wuye_desktop.core import directory
from wuye_desktop.core.vocab import CHANNEL_LABELS, Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.directory.pane import EditPane

# The parts of a channel contact, as the core names its fields ("property.phone").
CHANNEL_PARTS = ("unit_name", "contact", "phone", "service_hours")


class CommunityPane(EditPane):
    """Detail and edit form of a community; also the form for adding one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: directory.CommunityView | None = None
        self.adding = False
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.project_code = QLineEdit()
        self.address = QLineEdit()
        self.district = QLineEdit()
        fields = {
            "code": self.code,
            "name": self.name,
            "project_code": self.project_code,
            "address": self.address,
            "district": self.district,
        }
        for name, widget in fields.items():
            self.add_row(name, widget)

        # The 3 channels of 4个3: per channel its name, then unit name, contact, phone, hours.
        self.channel_edits: dict[tuple[Channel, str], QLineEdit] = {}
        self.channel_labels: dict[Channel, QLabel] = {}
        self.part_labels = [QLabel() for _ in CHANNEL_PARTS]
        self.channels_box = QGroupBox()
        grid = QGridLayout(self.channels_box)
        for col, label in enumerate(self.part_labels):
            grid.addWidget(label, 0, col)
        top = Qt.AlignmentFlag.AlignTop
        for number, channel in enumerate(Channel):
            label = QLabel()
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.channel_labels[channel] = label
            grid.addWidget(label, 1 + 2 * number, 0, 1, len(CHANNEL_PARTS))
            for col, part in enumerate(CHANNEL_PARTS):
                edit = QLineEdit()
                self.channel_edits[(channel, part)] = edit
                field = f"{channel.value}.{part}"
                self.errors.add_field(field, edit)
                grid.addWidget(self.errors.wrap(field), 2 + 2 * number, col, top)
        for col, stretch in enumerate((4, 2, 3, 2)):
            grid.setColumnStretch(col, stretch)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.channels_box)
        layout.addWidget(self.errors.general_label)
        layout.addWidget(self.button_row())
        layout.addStretch(1)
        self.apply_read_only(*fields.values(), *self.channel_edits.values())
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        texts = {
            "code": self.tr("Co&de"),
            "name": self.tr("&Name"),
            "project_code": self.tr("Re&gulator project code"),
            "address": self.tr("Addr&ess"),
            "district": self.tr("Dis&trict"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.code.setPlaceholderText(self.tr("e.g. QD001"))
        self.code.setToolTip(self.tr("Part of every household code; fixed once created"))
        self.project_code.setToolTip(self.tr("The project code the housing regulator assigned"))
        self.channels_box.setTitle(self.tr("The 3 reporting channels"))
        headers = (
            self.tr("Unit name"),
            self.tr("Contact"),
            self.tr("Phone"),
            self.tr("Service hours"),
        )
        for label, text in zip(self.part_labels, headers, strict=True):
            label.setText(text)
        for channel, label in self.channel_labels.items():
            label.setText(messages.tr_core(CHANNEL_LABELS[channel]))
            for part, header in zip(CHANNEL_PARTS, headers, strict=True):
                self.channel_edits[(channel, part)].setAccessibleName(f"{label.text()} {header}")
        self._render_header()

    def _render_header(self) -> None:
        if self.view is not None:
            self.title.setText(self.view.name)
            self.subtitle.setText(
                self.tr("{code} · {buildings} buildings, {households} households").format(
                    code=self.view.code,
                    buildings=self.view.building_count,
                    households=self.view.household_count,
                )
            )
        elif self.adding:
            self.title.setText(self.tr("New community"))
            self.subtitle.clear()

    def load(self, view: directory.CommunityView) -> None:
        self.begin_showing()
        self.view, self.adding = view, False
        self._render_header()
        self.code.setText(view.code)
        self.code.setReadOnly(True)  # the code is part of every household code
        self.name.setText(view.name)
        self.project_code.setText(view.project_code)
        self.address.setText(view.address)
        self.district.setText(view.district)
        given = {c.channel: c for c in view.channels}
        for channel in Channel:
            c = given.get(channel)
            values = (c.unit_name, c.contact, c.phone, c.service_hours) if c else ("",) * 4
            for part, value in zip(CHANNEL_PARTS, values, strict=True):
                self.channel_edits[(channel, part)].setText(value)

    def start_new(self) -> None:
        self.begin_showing()
        self.view, self.adding = None, True
        self._render_header()
        for edit in (self.code, self.name, self.project_code, self.address, self.district):
            edit.clear()
        self.code.setReadOnly(not self.can_edit)
        for edit in self.channel_edits.values():
            edit.clear()
        self.code.setFocus()

    def revert(self) -> None:
        if self.view is not None:
            self.load(self.view)
        else:
            self.start_new()

    def reload_fresh(self, warning: str = "") -> None:
        if self.view is None:
            return
        actor, community_id = self.ctx.actor, self.view.id
        self.read_again(
            lambda db: directory.get_community(db, actor, community_id),
            self.load,
            self.tr("Reading the community…"),
            warning,
        )

    def submit(self) -> Callable[[Database], tuple[object, bool]]:
        data = directory.CommunityInput(
            code=self.code.text(),
            name=self.name.text(),
            project_code=self.project_code.text(),
            address=self.address.text(),
            district=self.district.text(),
        )
        channels = [
            directory.ChannelInput(
                channel, *(self.channel_edits[(channel, part)].text() for part in CHANNEL_PARTS)
            )
            for channel in Channel
        ]
        actor = self.ctx.actor
        community_id = self.view.id if self.view else None
        version = self.view.version if self.view else None

        def work(db: Database) -> tuple[object, bool]:
            view = directory.save_community(db, actor, community_id, data, channels, version)
            return view, community_id is None

        return work

    def show_saved(self, view: object) -> None:
        assert isinstance(view, directory.CommunityView)
        self.load(view)
