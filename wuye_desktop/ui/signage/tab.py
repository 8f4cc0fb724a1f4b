"""The Signage tab: choose a community, its buildings and the places to post; preview the
notices or generate the whole community's pack into a file; print blank callback forms.

What the notices say comes from the directory (the 3 channels) and the company's deadline
rules, through core.prints.signage. Before anything is printed the tab says how many pages the
choice makes (a lobby sign per unit entrance, an elevator sign per elevator of each entrance,
a card per household) and warns when owners' phones would see only text in the codes. A community whose channels lack a unit name, contact, phone
or service hours cannot be printed: the tab lists exactly what to fill in, as the core does.

What the tab reads (the communities, a community's buildings and channels, the page counts) comes
from the database thread; meanwhile the tab shows what it had, and Preview and the pack wait
for the chosen community's buildings.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.file_names import suggested_file_name
from wuye_desktop.core.prints import callback_form, signage
from wuye_desktop.documents.signage import ALL_LOCATIONS, Location
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.documents.preview import preview_document
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.saved_notice import SavedNotice
from wuye_desktop.ui.workers import Task, run_in_background

PROBLEM_STYLE = (
    "QGroupBox { border: 1px solid #d32f2f; border-radius: 4px; margin-top: 14px; "
    "background: #fff5f5; } QGroupBox::title { color: #d32f2f; subcontrol-origin: margin; "
    "left: 8px; }"
)


class _Community(NamedTuple):
    """What the tab shows of one community."""

    view: directory.CommunityView
    buildings: list[directory.BuildingView]


class _Plan(NamedTuple):
    pages: dict[Location, int]  # of the chosen buildings and places
    pack: signage.SignagePlan


class SignageTab(Retranslating, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._codes: dict[int, str] = {}
        self.ctx = ctx
        self.task: Task | None = None
        self.problems: list[str] = []
        self._communities = DbChannel(self)
        self._community = DbChannel(self)
        self._plan = DbChannel(self)

        self.community = QComboBox()
        self.community.setMinimumWidth(260)
        self.community.currentIndexChanged.connect(lambda _i: self._community_changed())
        self.buildings = QListWidget()
        self.buildings.setMinimumHeight(160)
        self.all_buildings = QPushButton()
        self.all_buildings.setAutoDefault(False)
        self.all_buildings.clicked.connect(lambda: self._check_all(True))
        self.no_buildings = QPushButton()
        self.no_buildings.setAutoDefault(False)
        self.no_buildings.clicked.connect(lambda: self._check_all(False))
        self.locations = {where: QCheckBox() for where in ALL_LOCATIONS}
        for box in self.locations.values():
            box.setChecked(True)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3"])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.text_only = QLabel()
        self.text_only.setWordWrap(True)
        self.text_only.setStyleSheet("color: #8a4b00;")
        self.text_only.hide()
        self.buildings.itemChanged.connect(lambda _item: self._update_summary())
        for box in self.locations.values():
            box.toggled.connect(lambda _on: self._update_summary())

        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.pack_button = QPushButton()
        self.pack_button.clicked.connect(self.generate_pack)

        self.problem_box = QGroupBox()
        self.problem_box.setStyleSheet(PROBLEM_STYLE)
        self.problem_intro = QLabel()
        self.problem_intro.setWordWrap(True)
        self.problem_list = QListWidget()
        self.problem_list.setFrameShape(QListWidget.Shape.NoFrame)
        self.problem_list.setStyleSheet("background: transparent; color: #b71c1c;")
        problem_layout = QVBoxLayout(self.problem_box)
        problem_layout.addWidget(self.problem_intro)
        problem_layout.addWidget(self.problem_list)
        self.problem_box.hide()

        self.blank_count = QSpinBox()
        self.blank_count.setRange(1, callback_form.MAX_BLANK)
        self.blank_count.setValue(50)
        self.blank_button = QPushButton()
        self.blank_button.clicked.connect(self.print_blank_forms)

        # -- layout ------------------------------------------------------------------------------
        building_buttons = QHBoxLayout()
        building_buttons.addWidget(self.all_buildings)
        building_buttons.addWidget(self.no_buildings)
        building_buttons.addStretch(1)
        building_box = QVBoxLayout()
        building_box.addWidget(self.buildings, 1)
        building_box.addLayout(building_buttons)
        location_row = QHBoxLayout()
        for box in self.locations.values():
            location_row.addWidget(box)
        location_row.addStretch(1)
        self.form_box = QGroupBox()
        self.form = QFormLayout(self.form_box)
        self.community_label = QLabel()
        self.buildings_label = QLabel()
        self.locations_label = QLabel()
        self.paper_label = QLabel()
        self.community_label.setBuddy(self.community)
        self.paper_label.setBuddy(self.paper)
        self.form.addRow(self.community_label, self.community)
        self.form.addRow(self.buildings_label, building_box)
        self.form.addRow(self.locations_label, location_row)
        self.form.addRow(self.paper_label, self.paper)
        self.form.addRow(self.summary)
        self.form.addRow(self.text_only)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.pack_button)
        actions.addStretch(1)
        self.form.addRow(actions)

        self.blank_box = QGroupBox()
        blank_layout = QHBoxLayout(self.blank_box)
        self.blank_label = QLabel()
        self.blank_label.setBuddy(self.blank_count)
        blank_layout.addWidget(self.blank_label)
        blank_layout.addWidget(self.blank_count)
        blank_layout.addWidget(self.blank_button)
        blank_layout.addStretch(1)

        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #4b5563;")
        self.saved_notice = SavedNotice()
        left = QVBoxLayout()
        left.addWidget(self.saved_notice)
        left.addWidget(self.form_box)
        left.addWidget(self.problem_box)
        left.addWidget(self.blank_box)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.explain, 2, Qt.AlignmentFlag.AlignTop)

        ctx.signals.directory_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- reading -------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """Something the tab shows is on its way from the database."""
        return self._communities.busy or self._community.busy or self._plan.busy

    def refresh(self) -> None:
        """Read the communities again, keeping the chosen one."""
        actor = self.ctx.actor
        self._communities.submit(
            self.ctx.db,
            lambda db: directory.list_communities(db, actor),
            label=self.tr("Reading the communities…"),
            on_done=self._communities_arrived,
        )

    def _communities_arrived(self, communities: list[directory.CommunityView]) -> None:
        chosen = self.community_id()
        self.community.blockSignals(True)
        self.community.clear()
        self._codes = {c.id: c.code for c in communities}
        for c in communities:
            self.community.addItem(f"{c.name} ({c.code})", c.id)
        index = self.community.findData(chosen) if chosen is not None else 0
        self.community.setCurrentIndex(max(0, index))
        self.community.blockSignals(False)
        self._community_changed()

    def community_id(self) -> int | None:
        data = self.community.currentData()
        return int(data) if data is not None else None

    def _file_name(self, *what: str) -> str:
        """公示牌-QD001-A4-20261206.pdf: the document, the community, the day."""
        community = self.community_id()
        code = self._codes.get(community, "") if community is not None else ""
        return suggested_file_name(what[0], code, *what[1:], ext="pdf")

    def _community_changed(self) -> None:
        community = self.community_id()
        if community is None:
            self._community.drop()
            self._show_community(None)
            return
        actor = self.ctx.actor

        def read(db: Database) -> _Community:
            return _Community(
                directory.get_community(db, actor, community),
                directory.list_buildings(db, actor, community),
            )

        # The buildings shown belong to the community chosen before: nothing may be printed
        # from them until the new ones arrive.
        for button in (self.preview_button, self.pack_button, self.blank_button):
            button.setEnabled(False)
        self._community.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the community…"),
            on_done=self._show_community,
        )

    def _show_community(self, answer: _Community | None) -> None:
        self.buildings.blockSignals(True)
        self.buildings.clear()
        self.problems = []
        if answer is not None:
            for b in answer.buildings:
                text = self.tr("{name} (%n elevators)", "", b.elevator_count).format(name=b.name)
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.buildings.addItem(item)
            self.problems = [
                messages.describe_field(e) for e in signage.channel_problems(answer.view)
            ]
        self.buildings.blockSignals(False)
        self._show_problems()
        self._update_summary()

    def _update_summary(self) -> None:
        """The pages the chosen buildings and places make, and the pack's, said before printing;
        and which codes owners' phones would only see as text. The last counts stay shown
        until the new ones arrive."""
        community = self.community_id()
        if community is None or self.problems:
            self._plan.drop()
            self.summary.clear()
            self.text_only.hide()
            return
        actor, locations = self.ctx.actor, self.chosen_locations()
        buildings = self.checked_building_ids()

        def plan(db: Database) -> _Plan:
            pack = signage.plan_signage(db, actor, community)
            pages: dict[Location, int] = {}
            if locations and buildings:
                pages = signage.plan_signage(db, actor, community, locations, buildings).pages
            return _Plan(pages, pack)

        self._plan.submit(
            self.ctx.db,
            plan,
            label=self.tr("Counting the pages…"),
            on_done=self._show_plan,
            on_error=lambda _error: None,  # the buttons say what is wrong when pressed
        )

    def _show_plan(self, plan: _Plan) -> None:
        names = self._place_names()
        parts = ", ".join(f"{names[w]} {n}" for w, n in plan.pages.items()) or "—"
        preview = self.tr("Preview: %n page(s) ({parts}).", "", sum(plan.pages.values()))
        pack = self.tr("The community's pack: %n page(s).", "", plan.pack.total)
        self.summary.setText(preview.format(parts=parts) + " " + pack)
        self.text_only.setVisible(bool(plan.pack.text_only))
        if plan.pack.text_only:
            places = "、".join(names[w] for w in plan.pack.text_only)
            self.text_only.setText(messages.tr_core(signage.TEXT_ONLY_NOTICE, places=places))

    def _place_names(self) -> dict[Location, str]:
        return {
            Location.LOBBY: self.tr("lobby"),
            Location.ELEVATOR: self.tr("elevator"),
            Location.HOME: self.tr("in-home"),
        }

    def _show_problems(self) -> None:
        self.problem_list.clear()
        self.problem_list.addItems(self.problems)
        self.problem_box.setVisible(bool(self.problems))
        ready = self.community_id() is not None and not self.problems
        self.preview_button.setEnabled(ready)
        self.pack_button.setEnabled(ready)
        self.blank_button.setEnabled(self.community_id() is not None)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.buildings.count()):
            self.buildings.item(row).setCheckState(state)

    def checked_building_ids(self) -> list[int]:
        return [
            int(self.buildings.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.buildings.count())
            if self.buildings.item(row).checkState() == Qt.CheckState.Checked
        ]

    def chosen_locations(self) -> list[str]:
        return [where.value for where, box in self.locations.items() if box.isChecked()]

    # -- documents -----------------------------------------------------------------------------

    def _refused(self, error: WuyeError) -> None:
        """Channel data missing (another desk may have just cleared it): list what to fill in."""
        if isinstance(error, ValidationError):
            self.problems = [messages.describe_field(e) for e in error.errors]
            self._show_problems()
            return
        messages.show_error(self, error)

    def preview(self) -> None:
        community = self.community_id()
        if community is None:
            return
        building_ids, locations = self.checked_building_ids(), self.chosen_locations()
        if not building_ids or not locations:
            QMessageBox.information(
                self, self.tr("Signage"), self.tr("Choose at least one building and one place.")
            )
            return
        db, actor, size = self.ctx.db, self.ctx.actor, self.paper.currentText()
        self.task = preview_document(
            self,
            self.ctx,
            self.tr("Signage"),
            lambda progress: signage.signage_pdf(
                db,
                actor,
                community,
                location=locations,
                size=size,
                building_ids=building_ids,
                progress=progress,
            ),
            file_name=self._file_name(self.tr("Signage"), size),
            on_error=self._refused,
        )

    def generate_pack(self) -> None:
        community = self.community_id()
        if community is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the community's signage"),
            self._file_name(self.tr("Signage"), self.paper.currentText()),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.start_pack(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def start_pack(self, path: Path) -> Task:
        """Every sheet of every building and place of the community, written to *path*."""
        community = self.community_id()
        assert community is not None
        db, actor, size = self.ctx.db, self.ctx.actor, self.paper.currentText()
        self.task = run_in_background(
            self,
            lambda progress: signage.write_signage(
                db, actor, path, community, location="all", size=size, progress=progress
            ),
            label=self.tr("Generating the community's signage…"),
            on_done=self._pack_written,
            on_error=self._refused,
        )
        return self.task

    def _pack_written(self, path: Path) -> None:
        self.saved_notice.show_saved(path)

    def print_blank_forms(self) -> None:
        community = self.community_id()
        if community is None:
            return
        db, actor, count = self.ctx.db, self.ctx.actor, self.blank_count.value()
        self.task = preview_document(
            self,
            self.ctx,
            self.tr("Blank callback forms"),
            lambda progress: callback_form.preview_blank(db, actor, community, count, progress),
            file_name=self._file_name(self.tr("Blank callback forms")),
            # The numbers are taken only when the batch is printed or saved.
            issue=lambda output: callback_form.print_blank(db, actor, community, count, output),
        )

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.form_box.setTitle(self.tr("“4个3” signage"))
        self.community_label.setText(self.tr("&Community"))
        self.buildings_label.setText(self.tr("Buildings"))
        self.locations_label.setText(self.tr("Places"))
        self.paper_label.setText(self.tr("&Paper"))
        self.all_buildings.setText(self.tr("All"))
        self.no_buildings.setText(self.tr("None"))
        names = {
            Location.LOBBY: self.tr("&Lobby (one per unit entrance)"),
            Location.ELEVATOR: self.tr("&Elevator car (one per elevator of each entrance)"),
            Location.HOME: self.tr("&In-home card (one per household)"),
        }
        for where, box in self.locations.items():
            box.setText(names[where])
        self._update_summary()
        self.preview_button.setText(self.tr("P&review…"))
        self.pack_button.setText(self.tr("&Generate the community's pack…"))
        self.pack_button.setToolTip(
            self.tr("Every building and place of the community in one PDF file")
        )
        self.problem_box.setTitle(self.tr("Fill in before printing"))
        self.problem_intro.setText(
            self.tr(
                "A notice without its channels' details must not go up. Fill these in on the "
                "community in the Directory tab:"
            )
        )
        self.blank_box.setTitle(self.tr("Blank callback forms (回访单), numbered"))
        self.blank_label.setText(self.tr("How &many"))
        self.blank_button.setText(self.tr("Print &blank forms…"))
        self.explain.setText(
            self.tr(
                "The notices show the community's 3 repair channels (unit, contact, phone, "
                "service hours), the 3 tiers with the deadlines of the company's rules and "
                "examples, the lines to complain to, and a QR code: the entrance's on lobby and "
                "elevator notices (large, read from 1-2 m), each household's own on its in-home "
                "card.\n\nPreview shows the chosen buildings and places; the pack "
                "holds all of them."
            )
        )
