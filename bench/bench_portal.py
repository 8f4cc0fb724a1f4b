"""The owners' reporting page under 50 owners submitting at once (DESIGN.md §6: p95 ≤ 300 ms,
0 lost, 0 duplicated), on loopback.

    portal_50_owners_submit_p95_sqlite        ``wuye owner-portal`` on the demo company's
                                              SQLite database (1,200 households)
    portal_50_owners_submit_p95_postgresql    the same on a durable PostgreSQL server

The service runs as it is deployed: ``wuye owner-portal`` in a process of its own, with its
production limits. Each of the 50 owners is a phone of its own (its own connection, its own
address given in X-Forwarded-For, which the service trusts from 127.0.0.1 as it trusts the
company's nginx) and reports for its own household, as 50 neighbours scanning their in-home
cards would: so the limits per address (60 requests a minute, 10 posts in 10 minutes) and per
household (5 reports an hour) are the real ones and none is reached, and no report is refused
as a duplicate. A run: every owner GETs its form; when all have it, all POST their report at
the same moment; the figure is the 95th percentile of those POSTs' times. It is the median of
the runs' p95s after a warm-up run (which is not counted), each run with new owners.

Its floor, measured in the same run against the same server, is the same traffic to the
trivial ``/healthz``: 50 connections each GET it, then all GET it again at the same moment,
the p95 of the second GETs. After every run the database is counted: the orders of source
扫码报修 and the page's records of them must have grown by exactly 50, each response
naming a different order (0 lost, 0 duplicated), or the benchmark fails.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.data import note
from bench.figures import figure
from bench.pg_server import throwaway_postgres
from wuye_desktop.storage.db import Database

RUNS = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
OWNERS = 50
TARGET_MS = 300  # DESIGN.md §6
PUBLIC_URL = "https://bx.example.com"
_NUMBER = re.compile(r"GD\d{8}-\d{4,}")


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="wuye-bench-portal-") as tmp:
        path = Path(tmp) / "portal.sqlite3"
        db = Database(str(path))
        try:
            from wuye_desktop.storage import migrate

            migrate.upgrade(db)
            yield _measure(db, str(path), "sqlite")
        finally:
            db.dispose()
    with throwaway_postgres("portal", durable=True) as url:
        db = Database(url)
        try:
            yield _measure(db, url, "postgresql")
        finally:
            db.dispose()


def _company(db: Database) -> list[str]:
    """The demo company with the page's address set; the in-home card keys of the households
    with no open order (as many as the runs need), their signs printed."""
    from wuye_desktop.core import portal
    from wuye_desktop.core.orders.status import OPEN_VALUES
    from wuye_desktop.core.roles import SYSTEM_ACTOR
    from wuye_desktop.demo import fill_demo
    from wuye_desktop.storage.models import Household, WorkOrder

    fill_demo(db, households=1200, seed=1)
    portal.configure_portal(db, SYSTEM_ACTOR, public_url=PUBLIC_URL)
    busy = select(WorkOrder.household_id).where(
        WorkOrder.status.in_(list(OPEN_VALUES)), WorkOrder.household_id.is_not(None)
    )
    with db.read() as s:
        rows = s.execute(
            select(Household.id, Household.community_id)
            .where(Household.id.not_in(busy))
            .order_by(Household.id)
            .limit((RUNS + 1) * OWNERS)
        ).all()
    if len(rows) < (RUNS + 1) * OWNERS:
        raise RuntimeError(f"only {len(rows)} households without an open order")
    keys: list[str] = []
    for community_id in sorted({c for _, c in rows}):
        homes, _ = portal.sign_addresses(
            db, PUBLIC_URL, community_id, [h for h, c in rows if c == community_id], []
        )
        keys += [url.rsplit("/", 1)[1] for url in homes.values()]
    return keys


@contextmanager
def _service(db_url: str) -> Iterator[str]:
    """``wuye owner-portal`` on a free port, in its own process; its base URL."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from wuye_desktop.cli import main; sys.exit(main())",
            "--db",
            db_url,
            "owner-portal",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        m = re.search(r"listening on (http://\S+)", line)
        if m is None:
            raise RuntimeError(f"wuye owner-portal did not start: {line!r}")
        yield m.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if proc.stdout is not None:
            proc.stdout.close()


async def _burst(
    base: str, paths: list[str], run_no: int, post: bool
) -> tuple[list[float], list[str]]:
    """Each path's owner on its own connection and address: a GET of the page, then, all
    together, a POST of the report (or a second GET, for the floor). The times of the second
    requests in ms, and the pages they answered."""
    import httpx

    ready = asyncio.Event()
    got = 0

    async def owner(i: int, path: str) -> tuple[float, str]:
        nonlocal got
        headers = {"X-Forwarded-For": f"10.{run_no % 250}.{i // 250}.{i % 250 + 1}"}
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as c:
            form = await c.get(path)
            if form.status_code != 200:
                raise RuntimeError(f"GET {path}: {form.status_code}")
            got += 1
            if got == len(paths):
                ready.set()
            await ready.wait()
            started = time.perf_counter()
            if post:
                token = re.search(r'name="token" value="([^"]+)"', form.text)
                assert token is not None
                data = {
                    "token": token.group(1),
                    "category": "water_leak",
                    "description": "卫生间天花板漏水，已经滴了两天",
                    "phone": f"139{run_no:04d}{i:04d}",
                    "name": "",
                    "room": "",
                }
                answer = await c.post(path, data=data, files=[])
            else:
                answer = await c.get(path)
            ms = (time.perf_counter() - started) * 1000
            if answer.status_code != 200:
                raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:200]}")
            return ms, answer.text

    results = await asyncio.gather(*(owner(i, p) for i, p in enumerate(paths)))
    return [ms for ms, _ in results], [page for _, page in results]


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def _counts(db: Database) -> tuple[int, int]:
    from wuye_desktop.storage.models import PortalReport, WorkOrder

    with db.read() as s:
        orders = s.scalar(
            select(func.count()).select_from(WorkOrder).where(WorkOrder.source == "qr_code")
        )
        reports = s.scalar(select(func.count()).select_from(PortalReport))
    return int(orders or 0), int(reports or 0)


def _measure(db: Database, db_url: str, engine: str) -> dict[str, Any]:
    note(f"  {engine}: the demo company and its in-home cards")
    keys = _company(db)
    p95s: list[float] = []
    floors: list[float] = []
    with _service(db_url) as base:
        for run_no in range(RUNS + 1):
            paths = [f"/h/{k}" for k in keys[run_no * OWNERS : (run_no + 1) * OWNERS]]
            before = _counts(db)
            times, pages = asyncio.run(_burst(base, paths, run_no, post=True))
            numbers = [m.group(0) if (m := _NUMBER.search(p)) else "" for p in pages]
            filed = sum("报修已提交" in p for p in pages)
            after = _counts(db)
            grown = (after[0] - before[0], after[1] - before[1])
            if filed != OWNERS or len(set(numbers) - {""}) != OWNERS or grown != (OWNERS, OWNERS):
                raise RuntimeError(
                    f"run {run_no}: {filed} filed, {len(set(numbers))} numbers, "
                    f"orders and reports grown by {grown} (expected {OWNERS} each)"
                )
            floor, _ = asyncio.run(_burst(base, ["/healthz"] * OWNERS, run_no, post=False))
            if run_no:  # the first run warms the service's caches and connections
                p95s.append(_p95(times))
                floors.append(_p95(floor))
                note(
                    f"  run {run_no}: submit p95 {p95s[-1]:.1f} ms (median "
                    f"{statistics.median(times):.1f}, max {max(times):.1f}); "
                    f"/healthz p95 {floors[-1]:.1f} ms"
                )
    note(f"  {engine}: 0 lost, 0 duplicated in {(RUNS + 1) * OWNERS} submissions")
    return figure(
        f"portal_50_owners_submit_p95_{engine}",
        p95s,
        "ms",
        TARGET_MS,
        floor=floors,
        floor_name="portal_50_owners_healthz_p95",
        digits=1,
    )
