"""The Commitment tab: the 4 lists, issuing through the commitment form, print and reprint."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import make_user
from tests.gui.doc_support import close_previews, save_as_pdf, wait_for_preview
from tests.gui.shell_support import context, settle, type_text
from tests.unit.test_documents_commitment import promised_order
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.orders import CommitmentState
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment
from wuye_desktop.ui import workers
from wuye_desktop.ui.commitments import CommitmentsTab
from wuye_desktop.ui.commitments.model import COLUMNS
from wuye_desktop.ui.commitments.tab import STATES
from wuye_desktop.ui.work_orders.action_dialogs import CommitmentDialog

pytestmark = pytest.mark.usefixtures("shown_errors", "tidy")


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return out.stdout.decode()


def letter_ready_to_print(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> CommitmentsTab:
    """The tab showing the issued letters, the one of a new promised order chosen."""
    promised_order(db, admin, community)
    tab = CommitmentsTab(context(db, admin))
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    tab.set_state(CommitmentState.ISSUED)
    settle(qtbot)
    return tab


def warnings_said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings shown from now on (none pops up)."""
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: warnings.append(text)
    )
    return warnings


def test_a_letter_is_issued_from_the_to_issue_list(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    oid, number = promised_order(db, admin, community, issue=False)
    ctx = context(db, admin)
    tab = CommitmentsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    assert tab.state() is CommitmentState.TO_ISSUE
    assert tab.model.rowCount() == 1 and tab.selected() is not None
    assert tab.selected().order_number == number  # type: ignore[union-attr]
    assert tab.issue_button.isEnabled() and not tab.print_button.isEnabled()

    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CommitmentDialog)
    settle(qtbot)  # the order and its channels arrive from the database thread
    fields = dialog.fields
    fields.plan.clear()
    type_text(qtbot, fields.plan, "更换主管道阀门")
    fields.responsible_unit.clear()
    type_text(qtbot, fields.responsible_unit, "青岛房修公司")
    fields.responsible_person.clear()
    type_text(qtbot, fields.responsible_person, "李工")
    with qtbot.waitSignal(ctx.signals.orders_changed, timeout=5000):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the lists read again on the database thread
    assert tab.model.rowCount() == 0
    tab.set_state(CommitmentState.ISSUED)
    settle(qtbot)
    assert tab.model.rowCount() == 1
    row = tab.selected()
    assert row is not None and row.number and row.responsible_person == "李工"
    assert orders.get_order(db, admin, oid).commitment is not None


def test_print_then_reprint_marks_the_copy(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = letter_ready_to_print(qtbot, db, admin, community)
    assert tab.print_button.isEnabled() and not tab.reprint_button.isEnabled()
    names = [str(tmp_path / "original.pdf"), str(tmp_path / "copy.pdf")]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (names.pop(0), "PDF files (*.pdf)")
    )

    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    original = wait_for_preview(qtbot)
    assert "副本" not in pdf_text(original.data)
    save_as_pdf(qtbot, original)
    assert "副本" not in pdf_text((tmp_path / "original.pdf").read_bytes())
    qtbot.waitUntil(lambda: tab.selected() is not None and tab.selected().printed_count == 1)  # type: ignore[union-attr]
    assert tab.reprint_button.isEnabled() and not tab.print_button.isEnabled()
    model_text = tab.model.index(0, 8).data()
    assert model_text == 1

    original_text = pdf_text(original.data)
    close_previews()
    qtbot.mouseClick(tab.reprint_button, Qt.MouseButton.LeftButton)
    copy = wait_for_preview(qtbot)
    assert original_text != pdf_text(copy.data)
    assert "副本" in pdf_text(copy.data)
    save_as_pdf(qtbot, copy)
    assert "副本" in pdf_text((tmp_path / "copy.pdf").read_bytes())
    qtbot.waitUntil(lambda: tab.selected().printed_count == 2)  # type: ignore[union-attr]


def test_overdue_and_fulfilled_lists(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, number = promised_order(db, admin, community)
    tab = CommitmentsTab(context(db, admin))
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    tab.set_state(CommitmentState.OVERDUE)
    settle(qtbot)
    assert tab.model.rowCount() == 0
    later = now_utc() + timedelta(days=30)
    real = orders.commitment_rows
    monkeypatch.setattr(orders, "commitment_rows", lambda *a, **k: real(*a, **k, now=later))
    tab.reload()
    settle(qtbot)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 0).data() == number
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    tab.set_state(CommitmentState.FULFILLED)
    settle(qtbot)
    assert tab.model.rowCount() == 0
    assert [tab.states.tabText(i) for i in range(len(STATES))] == [
        "To issue",
        "Issued",
        "Overdue",
        "Fulfilled",
    ]


def test_a_desk_user_may_print_but_not_issue(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    promised_order(db, admin, community, issue=False)
    desk = make_user(db, admin, Role.DESK, "desk1")
    tab = CommitmentsTab(context(db, desk))
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    assert tab.issue_button.isHidden() and tab.print_button.isVisible()
    assert tab.model.rowCount() == 1


def test_a_letter_counts_only_once_it_is_saved_or_printed(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 15.1: looking at the letter, or a save that fails, uses up no original."""
    tab = letter_ready_to_print(qtbot, db, admin, community)
    warnings = warnings_said(monkeypatch)

    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    preview = wait_for_preview(qtbot)
    assert "副本" not in pdf_text(preview.data)
    qtbot.waitUntil(lambda: not workers.running_tasks())
    assert tab.selected().printed_count == 0  # type: ignore[union-attr]

    # A folder that cannot be written (its "parent" is a file): a message, nothing counted.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    chosen = [str(blocker / "letter.pdf"), str(tmp_path / "letter.pdf")]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (chosen.pop(0), "PDF files (*.pdf)")
    )
    save_as_pdf(qtbot, preview)
    assert len(warnings) == 1 and "letter.pdf" in warnings[0]
    tab.reload()
    settle(qtbot)
    assert tab.selected().printed_count == 0  # type: ignore[union-attr]
    with db.read() as s:
        assert s.scalar(select(Commitment.printed_count)) == 0

    # Saved for real: the original, counted once; the list follows.
    save_as_pdf(qtbot, preview)
    saved = (tmp_path / "letter.pdf").read_bytes()
    assert "维修承诺书" in pdf_text(saved) and "副本" not in pdf_text(saved)
    qtbot.waitUntil(lambda: tab.selected().printed_count == 1)  # type: ignore[union-attr]
    assert tab.reprint_button.isEnabled() and not tab.print_button.isEnabled()


# Qt says so when the printer cannot start, which is what this test makes happen.
@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$")
def test_a_printer_that_fails_uses_up_no_original(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = letter_ready_to_print(qtbot, db, admin, community)
    warnings = warnings_said(monkeypatch)
    printed = tmp_path / "printed.pdf"
    targets = [str(tmp_path / "no-such-folder" / "printed.pdf"), str(printed)]

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(60)
        printer.setOutputFileName(targets.pop(0))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)

    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    preview = wait_for_preview(qtbot)
    qtbot.waitUntil(lambda: not workers.running_tasks())
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert warnings == ["The printer could not be started."]
    with db.read() as s:
        assert s.scalar(select(Commitment.printed_count)) == 0

    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1
    assert "副本" not in pdf_text(printed.read_bytes())
    with db.read() as s:
        assert s.scalar(select(Commitment.printed_count)) == 1
    qtbot.waitUntil(lambda: tab.selected().printed_count == 1)  # type: ignore[union-attr]


def test_every_column_of_an_issued_letter_is_shown_whole(
    qtbot: QtBot, db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    """Issue 17.9: 出具时间 and 责任单位 were cut to "…" while the status column took the room;
    now each column fits what it holds and the description takes what is left."""
    tab = letter_ready_to_print(qtbot, db, admin, community)
    tab.resize(1400, 600)
    model, table = tab.model, tab.table
    assert model.rowCount() == 1
    metrics = table.fontMetrics()
    for column, key in enumerate(COLUMNS):
        if key == "description":
            continue
        text = str(model.data(model.index(0, column)) or "")
        assert metrics.horizontalAdvance(text) <= table.columnWidth(column), (key, text)
    assert (
        table.horizontalHeader().sectionResizeMode(COLUMNS.index("description"))
        == QHeaderView.ResizeMode.Stretch
    )
