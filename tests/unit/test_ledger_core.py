"""The public-income ledger: money parsing, posting, reversal, closed periods, roles, the chain
and its verification after tampering by raw SQL on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from tests.conftest import make_user
from wuye_desktop.core import directory, users
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import NotFound, PermissionDenied, StateError, ValidationError
from wuye_desktop.core.ledger import months, queries, services
from wuye_desktop.core.ledger.money import (
    AmountError,
    format_fen,
    parse_fen,
    parse_signed_fen,
    protocol_amount,
)
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerEntry

OPENED = date(2026, 1, 1)


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("1,234.50", 123450),
        ("1234.5", 123450),
        ("1234", 123400),
        ("0.01", 1),
        ("¥ 12,345,678.90", 1234567890),
        (" 7. ", 700),
    ],
)
def test_amounts_are_read_into_whole_fen(typed: str, fen: int) -> None:
    assert parse_fen(typed) == fen


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("12.345", "two decimals"),
        ("1,234.505", "two decimals"),
        ("abc", "not an amount"),
        ("1e3", "not an amount"),
        ("12,34.00", "not an amount"),
        ("-5", "not an amount"),
        ("NaN", "not an amount"),
        ("", "required"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(typed: str, why: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_fen(typed)
    assert why in str(info.value)


def test_amounts_format_without_floats() -> None:
    assert format_fen(123450) == "1,234.50"
    assert format_fen(-5) == "-0.05"
    assert protocol_amount(123450) == "1234.50"
    assert protocol_amount(-2000) == "-20.00"
    assert parse_signed_fen("(500.00)") == -50000
    assert parse_signed_fen("-1,000") == -100000


# --- helpers ---------------------------------------------------------------------------------


def _community(db: Database, admin: Actor, code: str = "QD001") -> None:
    directory.create_community(
        db, admin, directory.CommunityInput(code=code, name="海尔云谷", project_code="370202-001")
    )


@pytest.fixture
def finance(any_db: Database, any_admin: Actor) -> Actor:
    _community(any_db, any_admin)
    fin = make_user(any_db, any_admin, Role.FINANCE, "caiwu")
    services.open_account(
        any_db,
        fin,
        "QD001",
        AccountInput("工商银行青岛分行", "6222020202021234", "10,000.00", OPENED),
    )
    return fin


def _post(db: Database, actor: Actor, amount: str, day: date = date(2026, 3, 5), **kw: str) -> int:
    data = EntryInput(
        day,
        kw.get("direction", "income"),
        kw.get("category", "elevator_ads"),
        amount,
        kw.get("voucher", "V1"),
        kw.get("party", "分众传媒"),
        kw.get("note", ""),
    )
    return services.post_entry(db, actor, "QD001", data).seq


# --- posting, reversal, periods, roles ------------------------------------------------------


def test_posting_keeps_balances_and_reversal_names_the_original(
    any_db: Database, finance: Actor
) -> None:
    _post(any_db, finance, "3,000.00")
    _post(any_db, finance, "500.00", direction="expense", category="facility_repair")
    rev = services.reverse_entry(
        any_db, finance, "QD001", 2, entry_date=date(2026, 3, 20), note="记错金额"
    )
    assert (rev.seq, rev.reverses_seq, rev.amount_fen) == (3, 2, -50000)
    rows = queries.register_page(any_db, finance, "QD001", limit=100_000)[0]
    assert [r.balance_fen for r in rows] == [1_300_000, 1_250_000, 1_300_000]
    totals = queries.period_totals(any_db, finance, "QD001", "2026Q1")
    assert (totals.opening_fen, totals.income_fen, totals.expense_fen) == (1_000_000, 300_000, 0)
    assert totals.closing_fen == 1_300_000 and totals.entries == 3
    with pytest.raises(StateError, match="already reversed"):
        services.reverse_entry(any_db, finance, "QD001", 2, entry_date=date(2026, 3, 21))
    with pytest.raises(StateError, match="itself a reversal"):
        services.reverse_entry(any_db, finance, "QD001", 3, entry_date=date(2026, 3, 21))


def test_a_reversal_needs_a_reason_and_the_register_names_it(
    any_db: Database, finance: Actor
) -> None:
    _post(any_db, finance, "3,000.00")
    _post(any_db, finance, "20.00")
    for reason in ("", "   \n "):
        with pytest.raises(ValidationError) as info:
            services.reverse_entry(any_db, finance, "QD001", 1, note=reason)
        assert [e.field for e in info.value.errors] == ["note"]
        assert "reason" in str(info.value)
    assert queries.register_count(any_db, finance, "QD001") == 2  # nothing posted
    rev = services.reverse_entry(any_db, finance, "QD001", 1, note="  合同作废  ")
    assert rev.note == "合同作废" and rev.reverses_seq == 1
    for descending in (False, True):
        rows = queries.register_page(any_db, finance, "QD001", descending=descending)[0]
        by_seq = {r.seq: (r.reversed_by, r.reverses_seq) for r in rows}
        assert by_seq == {1: (3, None), 2: (None, None), 3: (None, 1)}


def test_month_states_show_every_month_open_or_closed_and_who_closed_it(
    any_db: Database, any_admin: Actor, finance: Actor
) -> None:
    today = today_local()
    _post(any_db, finance, "100.00", day=date(2026, 2, 10))
    users.create_user(
        any_db, any_admin, username="liu", display_name="财务小刘", role=Role.FINANCE,
        password="liu-pass-1",
    )  # fmt: skip
    liu, _ = users.login(any_db, "liu", "liu-pass-1")
    services.close_period(any_db, liu, "QD001", "2026-02")
    states = months.month_states(any_db, finance, "QD001")
    assert states[0].period == f"{today.year:04d}-{today.month:02d}"  # newest first
    oldest = {m.period: m for m in states}
    assert [m.period for m in states][-3:] == ["2026-03", "2026-02", "2026-01"]
    assert oldest["2026-01"].closed and oldest["2026-02"].closed and not oldest["2026-03"].closed
    assert oldest["2026-02"].entries == 1 and oldest["2026-03"].entries == 0
    assert oldest["2026-02"].closed_by == "财务小刘"  # the name, not the login
    assert oldest["2026-02"].closed_at is not None and oldest["2026-02"].closed_at.tzinfo
    assert oldest["2026-03"].closed_by == "" and oldest["2026-03"].closed_at is None


def test_register_pages_by_seq_with_filters(any_db: Database, finance: Actor) -> None:
    for i in range(1, 8):
        _post(any_db, finance, f"{i}.00", voucher=f"V{i}", note="停车" if i % 2 else "")
    page, nxt = queries.register_page(any_db, finance, "QD001", limit=3)
    assert [r.seq for r in page] == [1, 2, 3] and nxt == 3
    page, nxt = queries.register_page(any_db, finance, "QD001", after_seq=nxt, limit=3)
    assert [r.seq for r in page] == [4, 5, 6] and nxt == 6
    page, nxt = queries.register_page(any_db, finance, "QD001", after_seq=nxt, limit=3)
    assert [r.seq for r in page] == [7] and nxt is None
    page, nxt = queries.register_page(any_db, finance, "QD001", limit=2, descending=True)
    assert [r.seq for r in page] == [7, 6] and nxt == 6
    flt = queries.RegisterFilter(text="停车")
    page, nxt = queries.register_page(any_db, finance, "QD001", flt, after_seq=1, limit=10)
    assert [r.seq for r in page] == [3, 5, 7] and nxt is None
    assert queries.register_count(any_db, finance, "QD001", flt) == 4
    assert queries.register_count(any_db, finance, "QD001") == 7
    assert services.verify(any_db, finance).ok


def test_closed_period_refuses_postings_but_allows_reversing_into_an_open_one(
    any_db: Database, finance: Actor
) -> None:
    _post(any_db, finance, "100.00", day=date(2026, 2, 10))
    services.close_period(any_db, finance, "QD001", "2026-02")
    with pytest.raises(ValidationError) as info:
        _post(any_db, finance, "1.00", day=date(2026, 2, 28))
    assert "2026-02 is closed" in str(info.value)
    with pytest.raises(ValidationError, match="closed"):  # January closed along with it
        _post(any_db, finance, "1.00", day=date(2026, 1, 28))
    with pytest.raises(ValidationError, match="closed"):
        services.reverse_entry(
            any_db, finance, "QD001", 1, entry_date=date(2026, 2, 11), note="重复"
        )
    rev = services.reverse_entry(
        any_db, finance, "QD001", 1, entry_date=date(2026, 3, 1), note="重复"
    )
    assert rev.reverses_seq == 1
    with pytest.raises(StateError, match="closed already"):
        services.close_period(any_db, finance, "QD001", "2026-02")
    months = queries.month_summaries(any_db, finance, "QD001")
    assert [(m.period, m.closed) for m in months][:3] == [
        ("2026-01", True),
        ("2026-02", True),
        ("2026-03", False),
    ]


def test_bad_entries_are_refused_field_by_field(any_db: Database, finance: Actor) -> None:
    bad = EntryInput(date(2025, 12, 31), "income", "facility_repair", "12.345", "V\x07", "", "")
    with pytest.raises(ValidationError) as info:
        services.post_entry(any_db, finance, "QD001", bad)
    fields = {e.field for e in info.value.errors}
    assert fields == {"amount", "category", "date", "voucher_no"}
    for amount in ("abc", "0", "1.2.3"):
        with pytest.raises(ValidationError, match="amount"):
            _post(any_db, finance, amount)
    future = today_local() + timedelta(days=3)
    with pytest.raises(ValidationError, match="future"):
        _post(any_db, finance, "1.00", day=future)
    assert queries.register_count(any_db, finance, "QD001") == 0


def test_entries_cannot_be_edited_or_deleted_through_the_program(
    any_db: Database, finance: Actor
) -> None:
    _post(any_db, finance, "10.00")
    with pytest.raises(StateError, match="cannot be edited or deleted"), any_db.transaction() as s:
        e = s.get(LedgerEntry, 1)
        assert e is not None
        e.amount_fen = 1
    with pytest.raises(StateError, match="cannot be edited or deleted"), any_db.transaction() as s:
        e = s.get(LedgerEntry, 1)
        s.delete(e)
    assert services.verify(any_db, finance).ok


def test_roles_finance_edits_managers_and_admins_read(
    any_db: Database, any_admin: Actor, finance: Actor
) -> None:
    manager = make_user(any_db, any_admin, Role.MANAGER, "jingli")
    desk = make_user(any_db, any_admin, Role.DESK, "qiantai")
    _post(any_db, finance, "10.00")
    for reader in (manager, any_admin):
        assert queries.register_count(any_db, reader, "QD001") == 1
        with pytest.raises(PermissionDenied):
            _post(any_db, reader, "1.00")
        with pytest.raises(PermissionDenied):
            services.close_period(any_db, reader, "QD001", "2026-01")
    with pytest.raises(PermissionDenied):
        queries.register_page(any_db, desk, "QD001")
    with pytest.raises(NotFound):
        _community(any_db, any_admin, "QD002")
        services.post_entry(
            any_db, finance, "QD002", EntryInput(OPENED, "income", "parking", "1.00")
        )


# --- tampering -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("amount_fen", "amount_fen + 1"),
        ("entry_date", "'2026-03-06'"),
        ("direction", "'expense'"),
        ("category", "'parking'"),
        ("voucher_no", "'V9'"),
        ("counterparty", "'某公司'"),
        ("note", "'x'"),
        ("balance_fen", "balance_fen - 1"),
        ("created_by", "'mallory'"),
        ("created_at", "'2020-01-01 00:00:00+00'"),
        ("reverses_seq", "1"),
        ("hash", "'" + "a" * 64 + "'"),
    ],
)
def test_a_changed_field_is_named_by_its_entry(
    any_db: Database, finance: Actor, column: str, value: str
) -> None:
    for i in range(4):
        _post(any_db, finance, f"{i + 1}00.00", voucher=f"V{i}")
    with any_db.engine.begin() as c:
        c.execute(text(f"UPDATE ledger_entry SET {column} = {value} WHERE seq = 3"))
    result = services.verify(any_db, finance)
    assert [(b.community_code, b.seq, b.reason) for b in result.breaks] == [("QD001", 3, "changed")]
    assert "entry #3" in result.breaks[0].message()
    with pytest.raises(StateError, match="#3"):
        services.require_intact(any_db, finance, "QD001")


def test_a_time_stored_in_another_text_form_of_the_same_moment_still_verifies(
    db: Database, admin: Actor
) -> None:
    # SQLite keeps times as text; the fast path expects SQLAlchemy's own form and recomputes any
    # other row the slow way, so only a real change breaks the chain.
    _community(db, admin)
    fin = make_user(db, admin, Role.FINANCE, "caiwu")
    services.open_account(
        db, fin, "QD001", AccountInput("工行", "6222020202021234", "1.00", OPENED)
    )
    for i in range(3):
        _post(db, fin, f"{i + 1}.00")
    with db.engine.begin() as c:
        c.execute(text("UPDATE ledger_entry SET created_at = replace(created_at, ' ', 'T')"))
        assert c.scalar(text("SELECT created_at FROM ledger_entry WHERE seq = 2")).count("T") == 1
    assert services.verify(db, fin).ok


def test_deleted_and_inserted_entries_are_detected(any_db: Database, finance: Actor) -> None:
    for i in range(4):
        _post(any_db, finance, "1.00", voucher=f"V{i}")
    with any_db.engine.begin() as c:
        c.execute(text("DELETE FROM ledger_entry WHERE seq = 2"))
    (b,) = services.verify(any_db, finance).breaks
    assert (b.seq, b.reason) == (2, "missing")
    assert "#2" in b.message() and "deleted" in b.message()


def test_removing_or_appending_at_the_end_is_detected(any_db: Database, finance: Actor) -> None:
    for i in range(3):
        _post(any_db, finance, "1.00", voucher=f"V{i}")
    with any_db.engine.begin() as c:
        c.execute(text("DELETE FROM ledger_entry WHERE seq = 3"))
    (b,) = services.verify(any_db, finance).breaks
    assert b.reason == "missing" and "#3" in b.message()
    with any_db.engine.begin() as c:  # a forged copy of entry 2 appended as #3
        c.execute(
            text(
                "INSERT INTO ledger_entry (community_id, seq, entry_date, period, direction, "
                "category, amount_fen, balance_fen, voucher_no, counterparty, note, created_at, "
                "created_by, prev_hash, hash) SELECT community_id, 3, entry_date, period, "
                "direction, category, amount_fen, balance_fen + 100, voucher_no, counterparty, "
                "note, created_at, created_by, hash, hash FROM ledger_entry WHERE seq = 2"
            )
        )
    (b,) = services.verify(any_db, finance).breaks
    assert (b.seq, b.reason) == (3, "changed")


def test_two_desks_posting_at_once_keep_one_chain(any_db: Database, finance: Actor) -> None:
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            for i in range(10):
                _post(any_db, finance, "1.00", voucher=f"D{n}-{i}")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = services.verify(any_db, finance)
    assert result.ok and result.entries == 40
    rows = queries.register_page(any_db, finance, "QD001", limit=100_000)[0]
    assert [r.seq for r in rows] == list(range(1, 41))
    assert rows[-1].balance_fen == 1_000_000 + 4000
