"""The Signage tab: what to fill in before printing, preview, the community's pack with
progress and cancel, blank callback forms."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.doc_support import close_previews, save_as_pdf, wait_for_preview
from tests.gui.shell_support import context, settle
from wuye_desktop.core import directory
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.vocab import Channel
from wuye_desktop.documents import words
from wuye_desktop.documents.output import page_count
from wuye_desktop.documents.signage import Location
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import DayCounter
from wuye_desktop.ui import workers
from wuye_desktop.ui.signage import SignageTab
from wuye_desktop.ui.widgets import saved_notice

pytestmark = pytest.mark.usefixtures("shown_errors", "tidy")


def make_tab(qtbot: QtBot, db: Database, actor: Actor) -> SignageTab:
    tab = SignageTab(context(db, actor))
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    return tab


def test_missing_channel_data_is_listed_exactly_and_blocks_printing(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    bare = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="金茂湾")
    )
    directory.set_channels(
        db,
        admin,
        bare.id,
        [
            directory.ChannelInput(
                Channel.PROPERTY, "安居物业", "王经理", "0532-88881234", "24小时"
            ),
            directory.ChannelInput(
                Channel.REPAIR_CONTRACTOR, "青岛房修公司", "李工", "13911112222", "8:00-18:00"
            ),
            directory.ChannelInput(Channel.DEVELOPER, "海尔地产", "赵主任", "", "9:00-17:00"),
        ],
    )
    tab = make_tab(qtbot, db, admin)
    assert tab.problem_box.isHidden()
    assert tab.preview_button.isEnabled()

    tab.community.setCurrentIndex(tab.community.findData(bare.id))
    settle(qtbot)
    items = [tab.problem_list.item(i).text() for i in range(tab.problem_list.count())]
    assert items == [f"Community QD002: fill in the phone of {words.CHANNEL['developer']}"]
    assert tab.problem_box.isVisible()
    assert not tab.preview_button.isEnabled() and not tab.pack_button.isEnabled()

    tab.community.setCurrentIndex(tab.community.findData(community.id))
    settle(qtbot)
    assert tab.problem_box.isHidden() and tab.pack_button.isEnabled()


def test_a_community_without_channels_lists_all_twelve_details(
    qtbot: QtBot, db: Database, admin: Actor
) -> None:
    directory.create_community(db, admin, directory.CommunityInput(code="QD009", name="新小区"))
    tab = make_tab(qtbot, db, admin)
    assert tab.problem_list.count() == 12  # 3 channels x unit, contact, phone, hours
    assert not tab.pack_button.isEnabled()


def test_preview_shows_the_chosen_places_of_the_chosen_buildings(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    tab = make_tab(qtbot, db, admin)
    assert tab.buildings.count() == 1
    for where, box in tab.locations.items():
        box.setChecked(where.value == "home")
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_preview(qtbot)
    assert dialog.page_count == 1  # one household: one in-home card

    close_previews()
    for box in tab.locations.values():
        box.setChecked(True)
    tab.paper.setCurrentText("A3")
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_preview(qtbot)
    elevators = directory.list_buildings(db, admin, community.id)[0].elevator_count
    assert dialog.page_count == 1 + elevators + 1
    # What it is, whose and when: a name that still says something in a Downloads folder.
    assert dialog.file_name == f"Signage-QD001-A3-{today_local():%Y%m%d}.pdf"


def test_the_pack_is_generated_with_progress_into_one_file(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = make_tab(qtbot, db, admin)
    target = tmp_path / "pack.pdf"
    reports: list[tuple[int, int]] = []
    task = tab.start_pack(target)
    task.progressed.connect(lambda done, total: reports.append((done, total)))
    qtbot.waitUntil(lambda: not task.is_running, timeout=15000)
    pages = page_count(target.read_bytes())
    elevators = directory.list_buildings(db, admin, community.id)[0].elevator_count
    assert pages == 1 + elevators + 1  # lobby, elevator cars, the one household's card
    assert reports and reports[-1] == (pages, pages)
    # Where it went, with a way to open it or its folder (no box to click away).
    assert tab.saved_notice.isVisible() and str(target) in tab.saved_notice.label.text()
    opened: list[Path] = []
    monkeypatch.setattr(saved_notice, "open_path", lambda path: opened.append(path) or True)
    qtbot.mouseClick(tab.saved_notice.open_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.saved_notice.open_file_button, Qt.MouseButton.LeftButton)
    assert opened == [target.parent, target]
    out = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
    assert "海尔云谷" in out.stdout


def test_cancelling_the_pack_writes_nothing(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, db, admin)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "pack.pdf"
    task = tab.start_pack(target)
    cancelled: list[bool] = []
    task.cancelled.connect(lambda: cancelled.append(True))
    task.cancel()
    qtbot.waitUntil(lambda: not task.is_running, timeout=15000)
    assert cancelled == [True]
    assert not target.exists()
    assert list(out_dir.iterdir()) == []  # no partial file left behind


def test_blank_callback_forms_are_previewed(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = make_tab(qtbot, db, admin)
    tab.blank_count.setValue(4)
    qtbot.mouseClick(tab.blank_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_preview(qtbot)
    assert dialog.page_count >= 1
    assert "HF" in text(dialog.data)
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=5000)
    with db.read() as s:  # looking takes no number
        assert list(s.scalars(select(DayCounter.last))) == []

    # A save that fails takes none either; the one that succeeds takes 0001 to 0004.
    names = [str(tmp_path / "missing" / "forms.pdf"), str(tmp_path / "forms.pdf")]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (names.pop(0), "PDF files (*.pdf)")
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, message, *_a: warnings.append(message)
    )
    save_as_pdf(qtbot, dialog)
    assert len(warnings) == 1 and "forms.pdf" in warnings[0]
    with db.read() as s:
        assert list(s.scalars(select(DayCounter.last))) == []
    save_as_pdf(qtbot, dialog)
    saved = text((tmp_path / "forms.pdf").read_bytes())
    assert re.findall(r"HF\d{8}-(\d{4})", saved)[-1] == "0004"
    with db.read() as s:
        assert list(s.scalars(select(DayCounter.last))) == [4]


def text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def test_the_weekly_list_prints_the_chosen_week(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    from wuye_desktop.ui.work_orders.weekly import WeeklyDialog

    dialog = WeeklyDialog(context(db, admin))
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.view
    qtbot.waitUntil(lambda: view.task is not None and not view.task.is_running, timeout=10000)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    preview = wait_for_preview(qtbot)
    assert preview.windowTitle() == f"Weekly list {view.selected_week()}"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=preview.data, capture_output=True, check=True
    ).stdout.decode()
    assert view.selected_week() in text or "16:00" in text


def test_the_pages_are_counted_and_text_only_codes_are_said_before_printing(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    tab = make_tab(qtbot, db, admin)
    elevators = directory.list_buildings(db, admin, community.id)[0].elevator_count
    total = 1 + elevators + 1  # the one entrance's lobby, its elevators, the one household
    assert f"{total}" in tab.summary.text() and tab.text_only.isVisible()
    assert "WUYE:" in tab.text_only.text()
    tab.locations[Location.HOME].setChecked(False)
    settle(qtbot)
    assert f"Preview: {1 + elevators} page" in tab.summary.text()
    company = directory.get_company(db)
    assert company is not None
    directory.update_company(
        db,
        admin,
        directory.CompanyInput(
            company.name,
            company.credit_code,
            report_url_template="https://report.example.cn/r?h={household}",
            entrance_url_template="https://report.example.cn/e?k={entrance}",
        ),
    )
    tab.refresh()
    settle(qtbot)
    assert not tab.text_only.isVisible()
