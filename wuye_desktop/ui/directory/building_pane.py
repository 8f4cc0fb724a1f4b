"""One building: its number (part of household codes), name on the wall, floors, elevators."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QSpinBox, QVBoxLayout, QWidget

from wuye_desktop.core import directory
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.directory.pane import EditPane


def _spin() -> QSpinBox:
    # Wider than any real building: the core says what is allowed, at the field.
    spin = QSpinBox()
    spin.setRange(0, 999)
    return spin


class BuildingPane(EditPane):
    """Detail and edit form of a building; also the form for adding one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: directory.BuildingView | None = None
        self.community: directory.CommunityView | None = None
        self.number = QLineEdit()
        self.name = QLineEdit()
        self.floors = _spin()
        self.elevators = _spin()
        fields = {
            "number": self.number,
            "name": self.name,
            "floors": self.floors,
            "elevator_count": self.elevators,
        }
        for name, widget in fields.items():
            self.add_row(name, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general_label)
        layout.addWidget(self.button_row())
        layout.addStretch(1)
        self.apply_read_only(*fields.values())
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.labels["number"].setText(self.tr("N&umber"))
        self.labels["name"].setText(self.tr("&Name"))
        self.labels["floors"].setText(self.tr("&Floors"))
        self.labels["elevator_count"].setText(self.tr("&Elevators per entrance"))
        self.number.setPlaceholderText(self.tr("e.g. 3"))
        self.number.setToolTip(self.tr("Part of every household code; fixed once created"))
        self.name.setPlaceholderText(self.tr("As written on the wall, e.g. 3号楼"))
        self.elevators.setToolTip(
            self.tr("Elevators of each unit entrance (单元); a sign is printed per elevator car")
        )
        self._render_header()

    def _render_header(self) -> None:
        if self.community is None:
            return
        if self.view is not None:
            self.title.setText(self.view.name or self.view.number)
        else:
            self.title.setText(self.tr("New building"))
        self.subtitle.setText(self.community.name)

    def load(self, view: directory.BuildingView, community: directory.CommunityView) -> None:
        self.begin_showing()
        self.view, self.community = view, community
        self._render_header()
        self.number.setText(view.number)
        self.number.setReadOnly(True)  # part of household codes
        self.name.setText(view.name)
        self.floors.setValue(view.floors)
        self.elevators.setValue(view.elevator_count)

    def start_new(self, community: directory.CommunityView) -> None:
        self.begin_showing()
        self.view, self.community = None, community
        self._render_header()
        self.number.clear()
        self.number.setReadOnly(not self.can_edit)
        self.name.clear()
        self.floors.setValue(0)
        self.elevators.setValue(0)
        self.number.setFocus()

    def revert(self) -> None:
        if self.community is None:
            return
        if self.view is not None:
            self.load(self.view, self.community)
        else:
            self.start_new(self.community)

    def reload_fresh(self, warning: str = "") -> None:
        if self.view is None or self.community is None:
            return
        actor, building_id = self.ctx.actor, self.view.id
        community_id, community = self.view.community_id, self.community

        def read(db: Database) -> directory.BuildingView:
            buildings = directory.list_buildings(db, actor, community_id)
            fresh = next((b for b in buildings if b.id == building_id), None)
            if fresh is None:
                raise NotFound(QT_TRANSLATE_NOOP("core", "No such building: {id}"), id=building_id)
            return fresh

        self.read_again(
            read,
            lambda fresh: self.load(fresh, community),
            self.tr("Reading the building…"),
            warning,
        )

    def submit(self) -> Callable[[Database], tuple[object, bool]]:
        assert self.community is not None
        self.floors.interpretText()
        self.elevators.interpretText()
        data = directory.BuildingInput(
            number=self.number.text(),
            name=self.name.text(),
            floors=self.floors.value(),
            elevator_count=self.elevators.value(),
        )
        actor, community_id = self.ctx.actor, self.community.id
        building = (self.view.id, self.view.version) if self.view is not None else None

        def work(db: Database) -> tuple[object, bool]:
            if building is not None:
                building_id, version = building
                return directory.update_building(db, actor, building_id, data, version), False
            return directory.create_building(db, actor, community_id, data), True

        return work

    def show_saved(self, view: object) -> None:
        assert isinstance(view, directory.BuildingView) and self.community is not None
        self.load(view, self.community)
