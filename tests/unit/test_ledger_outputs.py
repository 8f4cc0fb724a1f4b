"""What leaves the ledger agrees to the fen: the register, the .xlsx export (also as LibreOffice
reads it), the disclosure PDF and the regulator payload; statement import; the CLI."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select, text

from tests.conftest import make_user, valid_credit_code
from tests.unit import pdf_support as pdf
from wuye_desktop.cli import main
from wuye_desktop.core import directory, users
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.ledger import disclosure, queries, services
from wuye_desktop.core.ledger.categories import DEFAULTS, Direction
from wuye_desktop.core.ledger.export import export_xlsx
from wuye_desktop.core.ledger.money import format_fen, parse_fen, parse_signed_fen, protocol_amount
from wuye_desktop.core.ledger.periods import parse_period
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.ledger.statement_import import import_statement
from wuye_desktop.core.prints.disclosure import disclosure_pdf
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import OutboxEvent

OPENED = date(2026, 1, 1)
OPENING = "10,000.00"


def _setup(db: Database) -> Actor:
    admin = users.first_run(
        db,
        company_name="青岛安居物业服务有限公司",
        credit_code=valid_credit_code(),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )
    directory.create_community(
        db,
        admin,
        directory.CommunityInput(code="QD001", name="海尔云谷", project_code="370202-001"),
    )
    fin = make_user(db, admin, Role.FINANCE, "caiwu")
    services.open_account(
        db, fin, "QD001", AccountInput("工商银行青岛分行", "6222020202021234", OPENING, OPENED)
    )
    return fin


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "template.sqlite3"
    db = Database(str(path))
    migrate.upgrade(db)
    _setup(db)
    db.dispose()
    return path


@pytest.fixture
def ledger(template: Path, tmp_path: Path) -> Iterator[tuple[Database, Actor]]:
    path = tmp_path / "wuye.sqlite3"
    shutil.copy(template, path)
    db = Database(str(path))
    fin, _ = users.login(db, "caiwu", "caiwu-pass-1")
    yield db, fin
    db.dispose()


# --- the property ----------------------------------------------------------------------------

_CATEGORIES = [(d, code) for d, items in DEFAULTS.items() for code, _ in items]
_post = st.tuples(
    st.just("post"),
    st.sampled_from(_CATEGORIES),
    st.integers(min_value=1, max_value=5_000_000_00),
    st.integers(min_value=1, max_value=6),  # month of 2026
)
_reverse = st.tuples(
    st.just("reverse"), st.integers(min_value=0), st.integers(min_value=1, max_value=6)
)
OPS = st.tuples(_post, st.lists(st.one_of(_post, _reverse), max_size=24)).map(
    lambda first_rest: [first_rest[0], *first_rest[1]]
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=OPS)
def test_opening_plus_income_minus_expense_is_closing_everywhere(
    template: Path, tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[object, ...]]
) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    path = tmp / "wuye.sqlite3"
    shutil.copy(template, path)
    db = Database(str(path))
    try:
        fin, _ = users.login(db, "caiwu", "caiwu-pass-1")
        net_by_month = dict.fromkeys(range(1, 7), 0)
        posted: list[tuple[int, int, int]] = []  # seq, signed effect, reversible
        seq = 0
        for op in ops:
            if op[0] == "post":
                (_, (direction, category), fen, month) = op
                assert isinstance(fen, int) and isinstance(month, int)
                services.post_entry(
                    db, fin, "QD001",
                    EntryInput(date(2026, month, 3), str(direction), str(category),
                               format_fen(fen), f"V{seq}", "对方", ""),
                )  # fmt: skip
                seq += 1
                effect = fen if direction == Direction.INCOME else -fen
                net_by_month[month] += effect
                posted.append((seq, effect, 1))
            else:
                reversible = [p for p in posted if p[2]]
                if not reversible:
                    continue
                index, month = int(str(op[1])), int(str(op[2]))
                target = reversible[index % len(reversible)]
                services.reverse_entry(
                    db, fin, "QD001", target[0], entry_date=date(2026, month, 9), note="更正"
                )
                seq += 1
                posted[posted.index(target)] = (target[0], target[1], 0)
                posted.append((seq, -target[1], 0))
                net_by_month[month] -= target[1]
        opening = parse_fen(OPENING)
        final = opening + sum(net_by_month.values())

        # the register
        rows = queries.register_page(db, fin, "QD001", limit=100_000)[0]
        assert rows[-1].balance_fen == final
        assert services.verify(db, fin).ok

        # the totals, the payload and the PDF of 2026Q2
        q2_opening = opening + sum(net_by_month[m] for m in (1, 2, 3))
        q2_closing = q2_opening + sum(net_by_month[m] for m in (4, 5, 6))
        d = disclosure.disclosure_data(db, fin, "QD001", "2026Q2")
        assert (d.opening_fen, d.closing_fen) == (q2_opening, q2_closing)
        assert d.opening_fen + d.income_fen - d.expense_fen == d.closing_fen
        from datetime import UTC, datetime

        body = disclosure.payload(d, datetime(2026, 7, 1, tzinfo=UTC))
        cents = lambda s: int(s.replace(".", ""))  # noqa: E731  exact: "1234.50" → 123450
        assert all(
            re.fullmatch(r"\d+\.\d{2}", x["amount"]) for x in body["income"] + body["expense"]
        )
        assert (
            cents(body["opening_balance"])
            + sum(cents(x["amount"]) for x in body["income"])
            - sum(cents(x["amount"]) for x in body["expense"])
            == cents(body["closing_balance"])
            == q2_closing
        )
        pdf_text = pdf.flat(pdf.text(disclosure_pdf(db, fin, "QD001", "2026Q2"), tmp))
        assert f"期末余额{format_fen(q2_closing)}元" in pdf_text
        assert f"期初余额{format_fen(q2_opening)}元" in pdf_text

        # the export
        out = tmp / "ledger.xlsx"
        export_xlsx(db, fin, "QD001", out)
        wb = load_workbook(out)
        entries = list(wb["分录"].iter_rows(min_row=2, values_only=True))
        income = sum(Decimal(str(r[7])) for r in entries if r[7] is not None)
        expense = sum(Decimal(str(r[8])) for r in entries if r[8] is not None)
        expected = Decimal(final).scaleb(-2)
        assert Decimal(opening).scaleb(-2) + income - expense == expected
        assert Decimal(str(entries[-1][9])) == expected
        months = list(wb["月度余额"].iter_rows(min_row=2, values_only=True))
        assert Decimal(str(months[-1][4])) == expected
    finally:
        db.dispose()


# --- export through LibreOffice --------------------------------------------------------------


def test_export_converts_with_libreoffice_to_the_same_totals(
    ledger: tuple[Database, Actor], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/setup.sh installs it)")
    db, fin = ledger
    for i, (direction, category, amount) in enumerate(
        [("income", "parking", "1,234.50"), ("income", "elevator_ads", "0.05"),
         ("expense", "tax", "99.99"), ("expense", "facility_repair", "1,000,000.01")]
    ):  # fmt: skip
        services.post_entry(
            db, fin, "QD001", EntryInput(date(2026, 2, 1 + i), direction, category, amount)
        )
    out = tmp_path / "auditor.xlsx"
    assert export_xlsx(db, fin, "QD001", out) == 4
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with (tmp_path / "auditor.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["序号", "日期", "凭证号"]
    income = sum(parse_fen(r[7]) for r in rows[1:] if r[7])
    expense = sum(parse_fen(r[8]) for r in rows[1:] if r[8])
    assert (income, expense) == (123455, 100010000)
    assert parse_fen(OPENING) + income - expense == parse_signed_fen(rows[-1][9]) == -98886545


# --- statement import ------------------------------------------------------------------------


def test_statement_import_is_all_or_nothing_and_skips_duplicates(
    ledger: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, fin = ledger
    good = tmp_path / "statement.csv"
    good.write_text(
        "交易日期,交易金额,对方户名,流水号,摘要,类别\n"
        '2026-03-01,"3,000.00",分众传媒,B001,电梯广告费,电梯及其他广告收入\n'
        "2026/03/05,-500.00,青岛电梯维保,B002,电梯维修,facility_repair\n"
        "20260310,12.5,某快递,B003,快递柜,\n",
        encoding="utf-8",
    )
    result = import_statement(db, fin, "QD001", good)
    assert (result.imported, result.income_fen, result.expense_fen) == (3, 301250, 50000)
    cats = [r.category for r in queries.register_page(db, fin, "QD001", limit=100_000)[0]]
    assert cats == ["elevator_ads", "facility_repair", "other_income"]
    again = import_statement(db, fin, "QD001", good)
    assert (again.imported, again.duplicates) == (0, (2, 3, 4))

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "日期,收入,支出,凭证号\n2026-04-01,100.00,,C1\n2026-04-02,12.345,,C2\n"
        "2026-13-01,1.00,,C3\n2026-04-03,abc,,C4\n",
        encoding="utf-8",
    )
    code = main(["--db", str(db.sqlite_path), "ledger", "import", str(bad), "--community", "QD001"])
    assert code == 3
    assert queries.register_count(db, fin, "QD001") == 3  # nothing of bad.csv posted


def test_import_errors_name_the_row_and_column(
    ledger: tuple[Database, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = ledger
    bad = tmp_path / "bad.csv"
    bad.write_text("记账日,金额\n2026-04-01,12.345\nyesterday,1.00\n", encoding="utf-8")
    url = str(db.sqlite_path)
    code = main(["--db", url, "ledger", "import", str(bad), "--community", "QD001",
                 "--map", "date=记账日"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert f"{bad}: row 2, column amount: 12.345: amounts have at most two decimals" in err
    assert f"{bad}: row 3, column date: yesterday is not a date" in err
    assert "nothing was imported" in err


# --- CLI: verify, export, print disclosure, publish --------------------------------------------


def test_cli_verify_export_print_and_publish(
    ledger: tuple[Database, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, fin = ledger
    url = str(db.sqlite_path)
    for i in range(3):
        services.post_entry(
            db, fin, "QD001", EntryInput(date(2026, 4, 2 + i), "income", "parking", "100.00")
        )
    assert main(["--db", url, "ledger", "verify"]) == 0
    assert "ledger intact: 3 entries" in capsys.readouterr().out

    xlsx = tmp_path / "q2.xlsx"
    assert main(["--db", url, "ledger", "export", "--community", "QD001", "--period", "2026Q2",
                 "--out", str(xlsx)]) == 0  # fmt: skip
    assert load_workbook(xlsx)["分录"].max_row == 4

    out = tmp_path / "disclosure.pdf"
    assert main(["--db", url, "print", "disclosure", "--community", "QD001", "--period",
                 "2026Q2", "--out", str(out)]) == 0  # fmt: skip
    shown = pdf.flat(pdf.text(out, tmp_path))
    head = (
        services.verify(db, fin).ok
        and queries.register_page(db, fin, "QD001", limit=100_000)[0][-1].hash
    )
    assert "6222********1234" in shown and "分录笔数3笔" in shown and "停车收入" in shown
    assert pdf.qr_codes(out, tmp_path)[0] == [head]  # the last entry of Q2 is the head here
    pdf.assert_fonts_embedded(out, tmp_path)

    # Publishing needs the quarter closed.
    assert (
        main(["--db", url, "ledger", "publish", "--community", "QD001", "--period", "2026Q2"]) == 3
    )
    assert "Close every month of 2026Q2" in capsys.readouterr().err
    services.close_period(db, fin, "QD001", "2026-06")  # closes every month up to it
    assert (
        main(["--db", url, "ledger", "publish", "--community", "QD001", "--period", "2026Q2"]) == 0
    )
    with db.read() as s:
        event = s.scalars(select(OutboxEvent)).one()
    body = json.loads(event.body)
    assert event.path == "/public-income/disclosures"
    assert body["account"] == {"bank": "工商银行青岛分行", "account_no_masked": "6222********1234"}
    assert body["opening_balance"] == "10000.00" and body["closing_balance"] == "10300.00"
    assert body["income"] == [{"category": "parking", "amount": protocol_amount(30000)}]
    assert body["entries"] == 3 and body["ledger_head_hash"] == head
    assert re.fullmatch(r"[0-9a-f]{64}", body["ledger_head_hash"])

    # Tampering: verify exits 3 naming the entry; the disclosure is refused too.
    with db.engine.begin() as c:
        c.execute(text("UPDATE ledger_entry SET counterparty = 'x' WHERE seq = 2"))
    assert main(["--db", url, "ledger", "verify"]) == 3
    err = capsys.readouterr().err
    assert "Ledger of QD001 is broken at entry #2: the entry was changed" in err
    assert main(["--db", url, "print", "disclosure", "--community", "QD001", "--period",
                 "2026Q2", "--out", str(tmp_path / "x.pdf")]) == 3  # fmt: skip
    assert "#2" in capsys.readouterr().err


# --- the disclosure as posted ----------------------------------------------------------------


def test_a_quarter_with_every_default_category_is_one_sheet_with_its_signatures(
    tmp_path: Path,
) -> None:
    from wuye_desktop.core.prints.disclosure import disclosure_sheet
    from wuye_desktop.documents.disclosure import render_disclosure

    def lines(direction: Direction) -> tuple[disclosure.Line, ...]:
        return tuple(
            disclosure.Line(code, label, 123_456_78 + i)
            for i, (code, label) in enumerate(DEFAULTS[direction])
        )

    income, expense = lines(Direction.INCOME), lines(Direction.EXPENSE)
    data = disclosure.Disclosure(
        community_code="QD001",
        community_name="海尔云谷",
        project_code="370202-001",
        period="2026Q3",
        bank="中国工商银行青岛分行",
        account_no_masked="6222********1234",
        opening_fen=50_000_00,
        income=income,
        expense=expense,
        closing_fen=50_000_00
        + sum(x.amount_fen for x in income)
        - sum(x.amount_fen for x in expense),
        entries=420,
        head_hash="cd" * 32,
        closed=True,
        last_seq=420,
        last_hash="ab" * 32,
        service_unit="海尔云谷物业服务中心",
        service_phone="0532-88886666",
    )
    doc = render_disclosure(disclosure_sheet("青岛安居物业服务有限公司", data))
    # The posted sheet is one page; the appendix of entries follows on its own pages.
    page = pdf.flat(pdf.page_texts(doc, tmp_path)[0])
    assert "业主委员会（盖章）" in page and "物业服务企业（盖章）" in page
    appendix = "附表：本期分录明细"
    assert appendix not in page and appendix in pdf.flat(pdf.page_texts(doc, tmp_path)[1])
    assert pdf.qr_codes(doc, tmp_path) == [["ab" * 32], []]
    pdf.assert_fonts_embedded(doc, tmp_path)


def _quarter_before(day: date) -> tuple[str, date]:
    """The quarter before *day*'s (as 2026Q3) and its first day."""
    q = (day.month - 1) // 3  # 0-based quarter of day
    year, q = (day.year, q - 1) if q else (day.year - 1, 3)
    return f"{year}Q{q + 1}", date(year, 3 * q + 1, 1)


def _without_print_time(page: str) -> str:
    return re.sub(r"打印时间：[\d\- :]+", "", pdf.flat(page))


def test_a_closed_quarter_prints_its_own_last_entry_not_the_ledger_head(
    ledger: tuple[Database, Actor], tmp_path: Path
) -> None:
    """Issue 15.5: the Q3 notice printed again after a December posting is the same notice."""
    db, fin = ledger
    period, first = _quarter_before(today_local())
    if first < OPENED:
        pytest.skip("the account opened after the previous quarter began")
    for i in range(40):  # enough for an appendix of two pages
        services.post_entry(
            db, fin, "QD001",
            EntryInput(first + timedelta(days=i), "income", "parking", f"{100 + i}.00",
                       voucher_no=f"PZ-{i:03d}", counterparty=f"停车户{i:02d}"),
        )  # fmt: skip
    last = queries.register_page(db, fin, "QD001", limit=1, descending=True)[0][0]
    close_month = parse_period(period).last
    services.close_period(db, fin, "QD001", close_month)

    before = disclosure_pdf(db, fin, "QD001", period, posted_on=today_local())
    services.post_entry(  # a posting of today, after the quarter: the ledger's head moves
        db, fin, "QD001", EntryInput(today_local(), "expense", "tax", "9.99", voucher_no="PZ-X")
    )
    after = disclosure_pdf(db, fin, "QD001", period, posted_on=today_local())

    pages = pdf.page_texts(before, tmp_path)
    assert [_without_print_time(p) for p in pages] == [
        _without_print_time(p) for p in pdf.page_texts(after, tmp_path)
    ]
    first_page = pdf.flat(pages[0])
    assert f"期末记账哈希（第{last.seq}笔）：{last.hash}" in first_page
    assert "链首" not in first_page and "试算" not in first_page
    assert pdf.qr_codes(after, tmp_path)[0] == [last.hash]
    # The appendix: every entry with date, voucher, counterparty, category and amount, its
    # header on each of its pages with rows under it.
    appendix = [pdf.flat(p) for p in pages[1:]]
    assert len(appendix) >= 2
    assert all("笔号" in p and "停车收入" in p for p in appendix), appendix
    listed = "".join(appendix)
    assert f"{first.isoformat()}PZ-000停车户00停车收入100.00" in listed
    assert "PZ-039" in listed and "PZ-X" not in listed

    # What goes to the regulator is the notice on the wall: the period's own last entry, so
    # the platform's record and the posted sheet can be compared hash for hash.
    body = disclosure.publish(db, fin, "QD001", period)
    assert body["ledger_head_hash"] == last.hash
    assert body["entries"] == 40


def test_an_open_period_is_marked_provisional_and_a_future_one_refused(
    ledger: tuple[Database, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, fin = ledger
    today = today_local()
    services.post_entry(
        db, fin, "QD001", EntryInput(today, "income", "parking", "100.00", counterparty="张三")
    )
    current = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    doc = disclosure_pdf(db, fin, "QD001", current, posted_on=date(2026, 12, 6))
    pages = [pdf.flat(p) for p in pdf.page_texts(doc, tmp_path)]
    assert len(pages) >= 2 and all("未结账·试算" in p for p in pages)
    assert "公示期2026年12月6日至2026年12月21日" in pages[0]

    url = str(db.sqlite_path)
    future = f"{today.year + 1}Q1"
    out = tmp_path / "future.pdf"
    assert main(["--db", url, "print", "disclosure", "--community", "QD001", "--period",
                 future, "--out", str(out)]) == 2  # fmt: skip
    assert f"--period: {future} has not begun yet" in capsys.readouterr().err
    assert not out.exists()
