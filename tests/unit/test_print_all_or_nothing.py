"""A print that counts (the commitment letter's original, blank forms' serial numbers) counts
only once its file is written: a failed write leaves the count, the numbers and the audit as
they were (issue 15, point 1)."""

from __future__ import annotations

import errno
import os
import re
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.unit import pdf_support as pdf
from wuye_desktop.cli import main
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.prints import commitment
from wuye_desktop.core.roles import Actor
from wuye_desktop.documents.output import PendingFile
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, Commitment


@pytest.fixture
def url(db: Database, community: directory.CommunityView) -> str:
    assert db.sqlite_path is not None
    return str(db.sqlite_path)


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def promised_letter(db: Database, admin: Actor, community: directory.CommunityView) -> str:
    home = directory.get_household(db, admin, "QD001-3-2-1201")
    oid = orders.create_order(
        db,
        admin,
        orders.OrderInput(
            community.id, "water_leak", "property", "phone", "promised", "厨房水管漏水", home.id
        ),
    )
    detail = orders.get_order(db, admin, oid)
    day = to_local(now_utc()).date() + timedelta(days=10)
    orders.issue_commitment(
        db,
        admin,
        oid,
        detail.version,
        orders.CommitmentInput("更换主管道", day, "房修公司", "李工"),
    )
    return detail.row.number


def prints(db: Database) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "document.print")
            )
            or 0
        )


def printed_count(db: Database) -> int:
    with db.read() as s:
        return sum(s.scalars(select(Commitment.printed_count)))


def test_a_letter_that_could_not_be_written_is_not_counted(
    capsys: pytest.CaptureFixture[str],
    url: str,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = promised_letter(db, admin, community)
    target = tmp_path / "letter.pdf"

    def fail(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", fail)
        code, out, err = run(
            capsys, url, "print", "commitment", "--order", order, "--out", str(target)
        )
    assert code == 1  # the environment: retry when there is room
    assert out == ""
    assert err.strip() == f"wuye: error: --out {target}: No space left on device"
    assert not target.exists()
    assert list(tmp_path.glob(".*partial")) == []
    assert printed_count(db) == 0
    assert prints(db) == 0

    code, out, err = run(capsys, url, "print", "commitment", "--order", order, "--out", str(target))
    assert code == 0, err
    text = pdf.flat(pdf.text(target, tmp_path))
    assert "维修承诺书" in text
    assert "副本" not in text  # the original, still
    assert printed_count(db) == 1
    assert prints(db) == 1

    again = tmp_path / "again.pdf"
    code, _out, err = run(capsys, url, "print", "commitment", "--order", order, "--out", str(again))
    assert code == 0, err
    assert "副本" in pdf.flat(pdf.text(again, tmp_path))


def test_a_blank_batch_that_could_not_be_written_uses_no_numbers(
    capsys: pytest.CaptureFixture[str],
    url: str,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "forms.pdf"
    argv = ("print", "callback", "--blank", "3", "--community", "QD001", "--out", str(target))
    code, _out, err = run(capsys, url, *argv)
    assert code == 0, err
    first = re.findall(r"HF\d{8}-(\d{4})", pdf.flat(pdf.text(target, tmp_path)))
    assert sorted(set(first)) == ["0001", "0002", "0003"]
    target.unlink()

    def fail(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", fail)
        code, out, err = run(capsys, url, *argv)
    assert code == 1
    assert out == ""
    assert "No space left on device" in err
    assert not target.exists()
    assert prints(db) == 1

    code, _out, err = run(capsys, url, *argv)
    assert code == 0, err
    numbers = re.findall(r"HF\d{8}-(\d{4})", pdf.flat(pdf.text(target, tmp_path)))
    assert sorted(set(numbers)) == ["0004", "0005", "0006"]  # no gap where the failed batch was
    assert prints(db) == 2


class SlowFile(PendingFile):
    """A file whose writing takes a while: the other desk tries to print meanwhile."""

    def __init__(self, path: Path, writing: threading.Event) -> None:
        super().__init__(path)
        self.writing = writing

    def write(self, data: bytes) -> None:
        self.writing.set()
        time.sleep(0.5)
        super().write(data)


def test_two_desks_printing_at_once_get_one_original(
    any_db: Database, any_admin: Actor, tmp_path: Path
) -> None:
    """On PostgreSQL the commitment's row is locked (SELECT … FOR UPDATE) while the first desk
    writes; on SQLite the write transaction is. The second desk waits, then gets the copy."""
    db, admin = any_db, any_admin
    place = directory.create_community(
        db, admin, directory.CommunityInput(code="QD001", name="海尔云谷", project_code="370202-1")
    )
    directory.create_household(db, admin, place.id, directory.HouseholdInput("3", "2", "1201", []))
    order = promised_letter(db, admin, directory.get_community(db, admin, place.id))
    writing = threading.Event()
    errors: list[BaseException] = []

    def slow_desk() -> None:
        try:
            commitment.print_commitment(db, admin, order, SlowFile(tmp_path / "a.pdf", writing))
        except BaseException as exc:  # reported below
            errors.append(exc)

    first = threading.Thread(target=slow_desk)
    first.start()
    assert writing.wait(10)
    commitment.write_commitment(db, admin, tmp_path / "b.pdf", order)  # waits for the first
    first.join(10)
    assert errors == []
    texts = [pdf.flat(pdf.text(tmp_path / name, tmp_path)) for name in ("a.pdf", "b.pdf")]
    assert ["副本" in t for t in texts] == [False, True]
    assert printed_count(db) == 2 and prints(db) == 2


def test_a_cancelled_or_refused_print_leaves_no_file_and_no_count(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    """The output is discarded whatever stops the print before its commit."""
    order = promised_letter(db, admin, community)
    output = PendingFile(tmp_path / "x.pdf")

    class Stop(Exception):
        pass

    def publish() -> None:
        raise AssertionError("published although the count did not commit")

    output.publish = publish  # type: ignore[method-assign]
    real_write = output.write

    def write_then_stop(data: bytes) -> None:
        real_write(data)
        assert list(tmp_path.glob(".x.pdf.*.partial"))  # written, not yet renamed
        raise Stop

    output.write = write_then_stop  # type: ignore[method-assign]
    with pytest.raises(Stop):
        commitment.print_commitment(db, admin, order, output)
    assert [p.name for p in tmp_path.iterdir() if "x.pdf" in p.name] == []
    assert printed_count(db) == 0 and prints(db) == 0
