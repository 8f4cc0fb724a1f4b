"""The roster import dialog: pick a file and community, import off the GUI thread, see the report."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.shell_support import context
from wuye_desktop.core import directory, roster
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages, workers
from wuye_desktop.ui.directory.import_dialog import ImportDialog

HEADER = "楼号,单元,房号,业主,电话,面积,备注\n"


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[WuyeError]]:
    shown: list[WuyeError] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, error: shown.append(error))
    yield shown
    assert shown == [], f"unexpected error boxes: {[str(e) for e in shown]}"


def write(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def open_dialog(qtbot: QtBot, db: Database, admin: Actor, code: str | None) -> ImportDialog:
    dialog = ImportDialog(context(db, admin), code)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def run_import(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.file_edit.setFocus()
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.is_running, timeout=10000)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=2000)


def household_count(db: Database, admin: Actor, code: str = "QD001") -> int:
    return directory.get_community(db, admin, code).household_count


def test_a_good_roster_is_imported_and_summarised(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    path = write(
        tmp_path,
        "roster.csv",
        [
            "3号楼,2单元,1201,张三,13812345678,,",  # already there: unchanged
            "3,2,1202,李四,139 0000 5678,89.5,",
            "5,1,501,赵六,0532-88881111,,租户",
        ],
    )
    dialog = open_dialog(qtbot, db, admin, "QD001")
    assert dialog.community.currentData() == "QD001"
    assert "楼号" in dialog.columns_hint.text()
    with qtbot.waitSignal(dialog.ctx.signals.directory_changed, timeout=10000):
        run_import(qtbot, dialog, path)
    assert dialog.summary.text() == "Imported 3 rows: 2 added, 0 updated, 1 unchanged."
    assert dialog.summary.kind == "info"
    assert dialog.problems_box.isHidden()
    assert household_count(db, admin) == 3
    assert directory.get_household(db, admin, "QD001-5-1-501").note == "租户"


def test_a_bad_roster_lists_every_problem_and_imports_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        [
            "3,2,1202,李四,12345,,",
            "3,2,1203,王五,13900001111,,",
            "3,2,1202,李四,13900005678,,",
            "3,2-1,1204,赵六,,abc,",
        ],
    )
    dialog = open_dialog(qtbot, db, admin, "QD001")
    run_import(qtbot, dialog, path)
    assert dialog.summary.kind == "warning"
    assert dialog.summary.text() == "The roster was refused: 4 problems."
    assert dialog.problems_box.isVisible()
    model = dialog.problems_model
    rows = [tuple(model.data(model.index(r, c)) for c in range(3)) for r in range(4)]
    assert rows == [
        ("2", "电话", "Not a mainland mobile or landline number"),
        ("4", "房号", "3-2-1202 is already in row 2"),
        ("5", "单元", "1 to 8 letters or digits, no spaces or dashes"),
        ("5", "面积", "Square metres, e.g. 89.50"),
    ]
    assert model.as_text().splitlines()[1] == "2\t电话\tNot a mainland mobile or landline number"
    assert household_count(db, admin) == 1, "nothing of a refused roster may be written"


def test_file_problems_are_shown_at_the_file_field(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
) -> None:
    dialog = open_dialog(qtbot, db, admin, None)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.error_text("file") == "Choose the roster file"
    assert dialog.task is None

    run_import(qtbot, dialog, tmp_path / "missing.xlsx")
    assert dialog.errors.error_text("file").startswith("No such file: ")
    assert dialog.errors.is_invalid("file")
    assert dialog.problems_box.isHidden()


@pytest.mark.parametrize("how", ["progress_cancel", "dialog_close"])
def test_a_slow_import_shows_progress_and_cancelling_writes_nothing(
    how: str,
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    n = 400
    path = write(tmp_path, "big.csv", [f"9,1,{100 + i},业主{i},," for i in range(n)])
    writing = threading.Event()
    real = roster.import_households

    def slowed(db_: Database, actor: Actor, p: Path, code: str, progress: Progress) -> object:
        # The real import, with each progress report taking a little time (a slow disk).
        def slow_progress(done: int, total: int) -> None:
            if done > n:
                writing.set()
            threading.Event().wait(0.01)
            progress(done, total)

        return real(db_, actor, p, code, slow_progress)

    monkeypatch.setattr(roster, "import_households", slowed)
    dialog = open_dialog(qtbot, db, admin, "QD001")
    dialog.file_edit.setFocus()
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert task is not None
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: task.progress_dialog is not None, timeout=5000)
    progress_dialog = task.progress_dialog
    assert progress_dialog is not None
    qtbot.waitUntil(writing.is_set, timeout=10000)  # cancel inside the write transaction
    cancel = progress_dialog.findChild(QPushButton)
    assert cancel is not None
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        if how == "progress_cancel":
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        else:  # Close while importing cancels; the dialog stays to say what happened
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible()
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=2000)
    assert dialog.summary.text() == "Cancelled; nothing was imported."
    assert household_count(db, admin) == 1
    assert directory.list_buildings(db, admin, community.id)[-1].number == "3"


def _sheet_cut_short(tmp_path: Path) -> Path:
    """A roster workbook whose sheet XML ends half way, in a sound zip."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["楼号", "单元", "房号", "业主"])
    for i in range(200):
        ws.append([3, 2, 101 + i, f"业主{i}"])
    whole = tmp_path / "whole.xlsx"
    wb.save(whole)
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            out.writestr(info, data)
    return path


@pytest.mark.parametrize("kind", ["truncated-xlsx", "bom-gbk", "utf16-odd-byte"])
def test_a_damaged_or_misencoded_file_is_a_sentence_at_the_file_field(
    kind: str,
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    crashes: list[str] = []  # what an unexpected exception shows: "Something went wrong"
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: crashes.append(text))
    text = HEADER + "".join(f"3,2,{101 + i},业主{i},,,\n" for i in range(30))
    if kind == "truncated-xlsx":
        path, words = _sheet_cut_short(tmp_path), "damaged.xlsx is damaged after row "
    elif kind == "bom-gbk":
        path, words = tmp_path / "bom.csv", "bom.csv, row 1: not valid UTF-8 text"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("gbk"))
    else:
        path, words = tmp_path / "odd.csv", "odd.csv, row 32: not valid UTF-16"
        path.write_bytes(text.encode("utf-16") + b"\x00")
    dialog = open_dialog(qtbot, db, admin, "QD001")
    run_import(qtbot, dialog, path)
    assert crashes == []
    assert words in dialog.errors.error_text("file")
    assert dialog.errors.is_invalid("file")
    assert dialog.problems_box.isHidden()
    assert household_count(db, admin) == 1


def test_progress_moves_from_reading_to_writing(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(roster, "READ_REPORT_EVERY", 100)
    monkeypatch.setattr(workers, "_PROGRESS_INTERVAL_S", 0.0)  # every report reaches the GUI
    n = 600
    path = write(tmp_path, "big.csv", [f"9,1,{100 + i},业主{i},," for i in range(n)])
    dialog = open_dialog(qtbot, db, admin, "QD001")
    seen: list[tuple[int, int]] = []
    dialog.file_edit.setFocus()
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert task is not None
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    reading = [done for done, total in seen if total == 0]  # the length not known yet
    assert reading == sorted(reading) and reading[-1] >= 500
    counted = [(done, total) for done, total in seen if total]
    assert {total for _done, total in counted} == {2 * n}
    assert any(done > n for done, _total in counted), "writing reports progress too"
    assert counted[-1] == (2 * n, 2 * n)
    assert household_count(db, admin) == n + 1
