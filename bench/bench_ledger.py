"""Public-income ledger on 1,000,000 entries (10 communities × 100,000), on SQLite and on
PostgreSQL (a server of the benchmark's own holding the very same rows, bench.pg_server):

    ledger_quarter_totals_<engine>_1m          a quarter's disclosure totals (≤ 100 ms)
    ledger_register_first_screen_<engine>_1m   the register's first screen (≤ 150 ms)
    ledger_verify_chain_<engine>_1m            full chain verification, every entry's hash
                                               recomputed (≤ 4 s and ≤ 2× its floor)

The floor of verification, measured in the same run and interleaved with it run by run, is
SHA-256 (with the hex digest the chain stores) over the very same canonical bytes alone,
pre-built in memory: what no verification can avoid. Each figure is the median of the runs
after a warm-up run.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from bench.data import cached_sqlite, note, throttled_progress
from bench.figures import figure
from bench.pg_server import cached_postgres, copy_from_sqlite
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
RUNS = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "5")))


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


def _runs_ms(fn: Callable[[], object], times: int = 7) -> list[float]:
    """*fn* once to warm up, then *times* timed runs, in ms."""
    fn()
    samples = []
    for _ in range(times):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def _canonical_bytes(db: Database) -> tuple[list[bytes], list[str]]:
    """Every entry's canonical bytes as chain.entry_hash hashes them, and its stored hash,
    in chain order: the floor's input."""
    e = LedgerEntry
    texts: list[bytes] = []
    hashes: list[str] = []
    with db.read() as s:
        rows = s.execute(
            select(
                e.prev_hash, e.community_id, e.seq, e.entry_date, e.direction, e.category,
                e.amount_fen, e.balance_fen, e.voucher_no, e.counterparty, e.note,
                e.reverses_seq, e.created_at, e.created_by, e.hash,
            )
            .order_by(e.community_id, e.seq)
            .execution_options(yield_per=20_000)
        )  # fmt: skip
        for r in rows:
            texts.append(
                chain.canonical(
                    prev_hash=r[0],
                    community_id=r[1],
                    seq=r[2],
                    entry_date=r[3],
                    direction=r[4],
                    category=r[5],
                    amount_fen=r[6],
                    balance_fen=r[7],
                    voucher_no=r[8],
                    counterparty=r[9],
                    note=r[10],
                    reverses_seq=r[11],
                    created_at=r[12],
                    created_by=r[13],
                )
            )
            hashes.append(r[14])
    return texts, hashes


def run() -> Iterator[dict[str, Any]]:
    path = cached_sqlite("ledger-1m", "v1", _build)
    db = Database(str(path))
    try:
        yield from _measure(db, "sqlite")
    finally:
        db.dispose()
    with cached_postgres("ledger-1m", "v1", copy_from_sqlite(path)) as url:
        db = Database(url)
        try:
            yield from _measure(db, "postgresql")
        finally:
            db.dispose()


def _measure(db: Database, engine: str) -> Iterator[dict[str, Any]]:
    actor = SYSTEM_ACTOR  # an administrator reads the ledger
    code = f"BM{COMMUNITIES // 2:03d}"
    quarter = "2024Q3"
    totals = queries.period_totals(db, actor, code, quarter)
    note(f"{engine}: {code} {quarter}: {totals.entries} entries, closing {totals.closing_fen}")
    yield figure(
        f"ledger_quarter_totals_{engine}_1m",
        _runs_ms(lambda: queries.period_totals(db, actor, code, quarter)),
        "ms",
        100,  # DESIGN.md §6
        digits=1,
    )
    yield figure(
        f"ledger_register_first_screen_{engine}_1m",
        _runs_ms(lambda: queries.register_page(db, actor, code, limit=FIRST_SCREEN)),
        "ms",
        150,
        digits=1,
    )
    texts, stored = _canonical_bytes(db)
    sha = hashlib.sha256
    if [sha(t).hexdigest() for t in texts] != stored:
        raise RuntimeError("the floor's canonical bytes are not what the chain hashes")

    def hash_alone() -> None:
        for t in texts:
            sha(t).hexdigest()

    verify_s: list[float] = []
    floor_s: list[float] = []
    for i in range(RUNS + 1):  # interleaved; the first of each warms up and is not counted
        started = time.perf_counter()
        result = services.verify(db, actor, progress=throttled_progress(f"verify {engine}", 5))
        elapsed = time.perf_counter() - started
        if not result.ok or result.entries != COMMUNITIES * PER_COMMUNITY:
            raise RuntimeError(f"verification failed: {result}")
        started = time.perf_counter()
        hash_alone()
        floored = time.perf_counter() - started
        note(f"  {engine} run {i}: verify {elapsed:.2f} s, hashing alone {floored:.2f} s")
        if i:
            verify_s.append(elapsed)
            floor_s.append(floored)
    texts.clear()  # a few hundred MB, not kept while the next engine is measured
    yield figure(
        f"ledger_verify_chain_{engine}_1m",
        verify_s,
        "s",
        4,  # DESIGN.md §6
        floor=floor_s,
        floor_name="sha256_hexdigest_of_the_same_canonical_bytes_alone",
        ratio_target=2,
    )


if __name__ == "__main__":
    import json

    for line in run():
        print(json.dumps(line, ensure_ascii=False), flush=True)
