"""``wuye print ...`` and ``wuye closeout import``: files written, exit codes, what is named."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit import pdf_support as pdf
from wuye_desktop.cli import main
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database


@pytest.fixture
def url(db: Database, community: directory.CommunityView) -> str:
    assert db.sqlite_path is not None
    return str(db.sqlite_path)


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def new_order(db: Database, admin: Actor, community: directory.CommunityView, tier: str) -> str:
    home = directory.get_household(db, admin, "QD001-3-2-1201")
    oid = orders.create_order(
        db,
        admin,
        orders.OrderInput(
            community.id, "water_leak", "property", "phone", tier, "厨房水管漏水", home.id
        ),
    )
    return orders.get_order(db, admin, oid).row.number


def test_every_document_is_written(
    capsys: pytest.CaptureFixture[str],
    url: str,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
) -> None:
    promised = new_order(db, admin, community, "promised")
    detail = orders.get_order(db, admin, promised)
    day = to_local(now_utc()).date() + timedelta(days=10)
    orders.issue_commitment(
        db,
        admin,
        detail.id,
        detail.version,
        orders.CommitmentInput("更换主管道", day, "房修公司", "李工"),
    )
    plain = new_order(db, admin, community, "immediate")
    oid = orders.get_order(db, admin, plain).id
    orders.dispatch(
        db, admin, oid, orders.get_order(db, admin, oid).version, channel="property", handler="王"
    )
    orders.start_work(db, admin, oid, orders.get_order(db, admin, oid).version)
    orders.complete(db, admin, oid, orders.get_order(db, admin, oid).version, "已修好")

    cases = [
        (["signage", "--community", "qd001"], 2, "WUYE:B:QD001-3-2"),  # lobby, home
        (["signage", "--community", "QD001", "--location", "home", "--size", "a3"], 1, None),
        (["commitment", "--order", promised], 1, None),
        (["commitment", "--order", promised, "--copy"], 1, None),
        (["closeout", "--household", "QD001-3-2-1201"], 1, None),
        (["callback", "--order", plain], 1, None),
        (["callback", "--blank", "3", "--community", "QD001"], 2, None),
        (["slip", "--order", plain], 1, "WUYE:W:" + plain),
        (["weekly"], 1, None),
        (["weekly", "--week", "2026-W47", "--community", "QD001"], 1, None),
    ]
    for n, (argv, page_count, qr) in enumerate(cases):
        target = tmp_path / f"doc{n}.pdf"
        code, out, err = run(capsys, url, "print", *argv, "--out", str(target))
        assert code == 0, (argv, err)
        assert out.strip() == f"{target}: {page_count} page(s)", argv
        assert pdf.pages(target, tmp_path) == page_count, argv
        pdf.assert_fonts_embedded(target, tmp_path)
        if qr is not None:
            assert pdf.qr_codes(target, tmp_path, last=1) == [[qr]]
    assert "副本" in pdf.flat(pdf.text(tmp_path / "doc3.pdf", tmp_path))


def test_bad_input_exits_3_naming_what_is_missing_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    url: str,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
) -> None:
    waiting = new_order(db, admin, community, "promised")
    target = tmp_path / "out.pdf"
    cases = [
        (["commitment", "--order", "GD20991231-0001"], "No such work order: GD20991231-0001"),
        (["slip", "--order", "GD20991231-0002"], "No such work order: GD20991231-0002"),
        (["closeout", "--household", "QD001-9-9-999"], "No such household: QD001-9-9-999"),
        (["commitment", "--order", waiting], f"Order {waiting} has no commitment yet"),
        (["callback", "--order", waiting], f"Order {waiting} is accepted"),
        (["signage", "--community", "QD404"], "No such community: QD404"),
    ]
    for argv, message in cases:
        code, out, err = run(capsys, url, "print", *argv, "--out", str(target))
        assert code == 3, argv
        assert message in err, (argv, err)
        assert out == ""
        assert not target.exists()
    # A malformed option is wrong usage (2), named as it is typed.
    for argv, message in [
        (
            ["callback", "--blank", "0", "--community", "QD001"],
            "--blank: must be between 1 and 500",
        ),
        (["weekly", "--week", "47"], "--week: A week is written like 2026-W47"),
    ]:
        code, out, err = run(capsys, url, "print", *argv, "--out", str(target))
        assert code == 2, argv
        assert message in err, (argv, err)
        assert not target.exists()

    # A community whose channel lacks its phone: the list of exactly what to fill in.
    directory.set_channels(
        db,
        admin,
        community.id,
        [
            directory.ChannelInput(Channel.PROPERTY, "安居物业", "", "", "24小时"),
            directory.ChannelInput(Channel.DEVELOPER, "海尔地产", "赵主任", "", "9:00-17:00"),
        ],
    )
    code, _, err = run(
        capsys, url, "print", "signage", "--community", "QD001", "--out", str(target)
    )
    assert code == 3
    (line,) = err.strip().splitlines()  # one line, each field named in it
    named = [part.split(": ")[0] for part in line.removeprefix("wuye: error: ").split("; ")]
    assert named == ["property.contact", "property.phone", "developer.phone"]
    assert "developer.phone: Community QD001: fill in the phone of 建设单位" in err
    assert not target.exists()

    code, _, err = run(capsys, url, "print", "weekly", "--out", str(tmp_path / "missing" / "w.pdf"))
    assert code == 3 and "no such folder" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["print"],
        ["print", "slip", "--order", "GD1"],  # no --out
        ["print", "callback", "--blank", "3", "--out", "x.pdf"],  # no --community
        ["print", "callback", "--order", "GD1", "--community", "QD001", "--out", "x.pdf"],
        ["print", "callback", "--order", "GD1", "--blank", "2", "--out", "x.pdf"],
        ["print", "signage", "--community", "QD001", "--location", "roof", "--out", "x.pdf"],
        ["closeout", "import", "f.csv"],  # no --household
    ],
)
def test_wrong_usage_exits_2_before_opening_anything(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    code = main(["--db", str(tmp_path / "w.sqlite3"), *argv])
    _, err = capsys.readouterr()
    assert code == 2
    assert "usage:" in err
    assert not (tmp_path / "w.sqlite3").exists()


def test_closeout_import(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("问题,部位,整改期限\n客厅墙面空鼓,客厅,2026-12-01\n窗户漏风,次卧,\n", "utf-8")
    code, out, _ = run(
        capsys, url, "closeout", "import", str(good), "--household", "qd001-3-2-1201"
    )
    assert code == 0
    assert out.strip() == f"{good}: 2 row(s) for QD001-3-2-1201: 2 added, 0 already on the list."
    code, out, _ = run(
        capsys, url, "closeout", "import", str(good), "--household", "QD001-3-2-1201"
    )
    assert code == 0 and "0 added, 2 already on the list" in out

    bad = tmp_path / "bad.csv"
    bad.write_text("问题,部位,整改期限\n,客厅,2026-12-01\n窗户漏风,次卧,明天\n", "utf-8")
    code, out, err = run(
        capsys, url, "closeout", "import", str(bad), "--household", "QD001-3-2-1201"
    )
    assert code == 3 and out == ""
    assert f"{bad}: row 2, column 问题: Required" in err
    assert f"{bad}: row 3, column 整改期限: Not a date" in err
    assert "nothing was imported" in err

    target = tmp_path / "xx.pdf"
    code, _, _ = run(
        capsys, url, "print", "closeout", "--household", "QD001-3-2-1201", "--out", str(target)
    )
    assert code == 0
    text = pdf.flat(pdf.text(target, tmp_path))
    assert "客厅墙面空鼓" in text and "窗户漏风" in text and "共2项" in text
