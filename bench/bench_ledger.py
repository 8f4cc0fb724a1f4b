"""Public-income ledger on 1,000,000 entries (10 communities × 100,000): a quarter's disclosure
totals (≤ 300 ms), full chain verification (≤ 10 s), the register's first screen (≤ 150 ms)."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from bench.data import cached_sqlite, note, throttled_progress
from wuye_desktop.core import directory, users
from wuye_desktop.core.ledger import chain, queries, services
from wuye_desktop.core.ledger.categories import DEFAULTS
from wuye_desktop.core.ledger.periods import month_of
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerEntry, LedgerHead, LedgerMonth

COMMUNITIES = 10
PER_COMMUNITY = 100_000
FIRST_SCREEN = 60
START = date(2023, 1, 1)


def _build(db: Database) -> None:
    admin = users.first_run(
        db, company_name="基准物业", credit_code="91370200MA3C12345" + _check("91370200MA3C12345"),
        admin_username="admin", admin_display_name="admin", password="admin-pass-1",
    )  # fmt: skip
    users.create_user(
        db, admin, username="caiwu", display_name="caiwu", role=Role.FINANCE,
        password="caiwu-pass-1",
    )  # fmt: skip
    fin = Actor(None, "caiwu", Role.FINANCE)
    rng = random.Random(5)
    progress = throttled_progress("ledger entries")
    income = [code for code, _ in DEFAULTS[next(iter(DEFAULTS))]]
    expense = [code for code, _ in list(DEFAULTS.values())[1]]
    created = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(COMMUNITIES):
        code = f"BM{n:03d}"
        c = directory.create_community(
            db, admin, directory.CommunityInput(code=code, name=f"基准小区{n}", project_code=code)
        )
        services.open_account(
            db, fin, code, services.AccountInput("工商银行", "6222020202021234", "50,000.00", START)
        )
        prev, balance = chain.GENESIS, 5_000_000
        months: dict[str, list[int]] = {}
        batch: list[dict[str, Any]] = []
        for seq in range(1, PER_COMMUNITY + 1):
            day = START + timedelta(days=seq * 1300 // PER_COMMUNITY)
            is_income = rng.random() < 0.6
            direction = "income" if is_income else "expense"
            category = rng.choice(income if is_income else expense)
            amount = rng.randint(100, 2_000_000)
            balance += amount if is_income else -amount
            at = created + timedelta(seconds=seq)
            fields = dict(
                community_id=c.id, seq=seq, entry_date=day, direction=direction,
                category=category, amount_fen=amount, balance_fen=balance,
                voucher_no=f"V{seq:07d}", counterparty="青岛某广告公司", note="",
                reverses_seq=None, created_at=at, created_by="caiwu",
            )  # fmt: skip
            digest = chain.entry_hash(prev_hash=prev, **fields)
            batch.append({**fields, "period": month_of(day), "prev_hash": prev, "hash": digest})
            m = months.setdefault(month_of(day), [0, 0, 0])
            m[0 if is_income else 1] += amount
            m[2] += 1
            prev = digest
            if len(batch) == 20_000:
                with db.transaction() as s:
                    s.execute(insert(LedgerEntry), batch)
                batch = []
                progress(n * PER_COMMUNITY + seq, COMMUNITIES * PER_COMMUNITY)
        with db.transaction() as s:
            if batch:
                s.execute(insert(LedgerEntry), batch)
            head = s.get(LedgerHead, c.id)
            assert head is not None
            head.seq, head.hash, head.balance_fen = PER_COMMUNITY, prev, balance
            s.execute(
                insert(LedgerMonth),
                [
                    dict(
                        community_id=c.id,
                        period=p,
                        income_fen=v[0],
                        expense_fen=v[1],
                        entries=v[2],
                        closed_by="",
                    )
                    for p, v in months.items()
                ],
            )


def _check(body: str) -> str:
    from wuye_desktop.core.validation import credit_code_check_char

    return credit_code_check_char(body)


def _median_ms(fn: Any, times: int = 7) -> float:
    samples = []
    for _ in range(times):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(samples), 1)


def run() -> Iterator[dict[str, Any]]:
    path = cached_sqlite("ledger-1m", "v1", _build)
    db = Database(str(path))
    try:
        actor = SYSTEM_ACTOR  # an administrator reads the ledger
        code = f"BM{COMMUNITIES // 2:03d}"
        quarter = "2024Q3"
        totals = queries.period_totals(db, actor, code, quarter)
        note(f"{code} {quarter}: {totals.entries} entries, closing {totals.closing_fen}")
        yield {
            "name": "ledger_quarter_totals_1m",
            "value": _median_ms(lambda: queries.period_totals(db, actor, code, quarter)),
            "unit": "ms",
            "target": 300,
        }

        def first_screen() -> None:
            queries.register_page(db, actor, code, limit=FIRST_SCREEN)

        yield {
            "name": "ledger_register_first_screen_1m",
            "value": _median_ms(first_screen),
            "unit": "ms",
            "target": 150,
        }
        started = time.perf_counter()
        result = services.verify(db, actor, progress=throttled_progress("verify"))
        elapsed = time.perf_counter() - started
        if not result.ok or result.entries != COMMUNITIES * PER_COMMUNITY:
            raise RuntimeError(f"verification failed: {result}")
        yield {
            "name": "ledger_verify_chain_1m",
            "value": round(elapsed, 2),
            "unit": "s",
            "target": 10,
        }
    finally:
        db.dispose()
