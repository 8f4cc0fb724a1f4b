"""``wuye owner-portal`` killed with SIGKILL while owners' reports are in flight leaves no
half-filed order: every record the page keeps of a report has its order and that order's
outbox event, and every order the page filed has its record. Started again, the same forms sent
again (an owner tapping Submit once more after the page hung) file what was lost and give the
orders already filed back, once each, by the form's token."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import func, select

from wuye_desktop.core import directory, portal
from wuye_desktop.core.orders._shared import order_stream
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    AuditEntry,
    Household,
    OutboxEvent,
    PortalKey,
    PortalReport,
    WorkOrder,
)

OWNERS = 40
PUBLIC_URL = "https://bx.example.com"
NUMBER = re.compile(r"GD\d{8}-\d{4,}")


@contextmanager
def owner_portal(path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``wuye owner-portal`` on the database at *path*, on a free port: the process, its URL."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from wuye_desktop.cli import main; sys.exit(main())",
            "--db",
            str(path),
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
        assert m, line
        yield proc, m.group(1)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=20)
        if proc.stdout is not None:
            proc.stdout.close()


def homes(db: Database, admin: Actor, community: directory.CommunityView) -> list[str]:
    """OWNERS households of 3-2, each with its in-home card printed: their page paths."""
    for floor in range(1, OWNERS):
        directory.create_household(
            db, admin, community.id, directory.HouseholdInput("3", "2", f"{floor + 1}02", [])
        )
    portal.configure_portal(db, admin, public_url=PUBLIC_URL)
    with db.read() as s:
        ids = list(s.scalars(select(Household.id).order_by(Household.id)))
    portal.sign_addresses(db, PUBLIC_URL, community.id, ids, [])
    with db.read() as s:
        return [f"/h/{k}" for k in s.scalars(select(PortalKey.key).order_by(PortalKey.id))]


def form(i: int, token: str) -> dict[str, str]:
    return {
        "token": token,
        "category": "water_leak",
        "description": f"卫生间漏水 {i}",
        "phone": f"1391234{i:04d}",
        "name": "",
        "room": "",
    }


def owner_headers(i: int) -> dict[str, str]:
    # Each owner its own address, as behind the company's proxy: the limits per address are
    # the page's real ones and none is reached.
    return {"X-Forwarded-For": f"10.9.0.{i + 1}"}


def assert_no_half_filed_order(db: Database) -> dict[int, str]:
    """The page's records and its orders match one for one, each order with its outbox
    event; the household of each order filed so far and its number."""
    with db.read() as s:
        reports = s.execute(
            select(
                PortalReport.order_id, WorkOrder.number, WorkOrder.source, WorkOrder.household_id
            ).outerjoin(WorkOrder, WorkOrder.id == PortalReport.order_id)
        ).all()
        assert all(number is not None for _, number, _, _ in reports), reports
        assert {source for _, _, source, _ in reports} <= {"qr_code"}
        streams = set(s.scalars(select(OutboxEvent.stream)))
        missing = [n for _, n, _, _ in reports if order_stream(n) not in streams]
        assert missing == [], f"orders without their outbox event: {missing}"
        by_page = set(
            s.scalars(
                select(WorkOrder.id)
                .join(AuditEntry, AuditEntry.entity_id == WorkOrder.number)
                .where(AuditEntry.action == "order.create", AuditEntry.username == "owner-portal")
            )
        )
        qr_orders = set(s.scalars(select(WorkOrder.id).where(WorkOrder.source == "qr_code")))
        assert by_page == qr_orders == {order_id for order_id, _, _, _ in reports}
    return {household: number for _, number, _, household in reports}


def test_killed_mid_submit_no_half_filed_order_and_the_same_form_gives_the_same_order(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    paths = homes(db, admin, community)
    assert len(paths) == OWNERS
    db_path = Path(db.engine.url.database or "")
    answered: list[int] = []
    failed: list[int] = []
    done = threading.Condition()

    def submit(base: str, i: int, token: str) -> None:
        try:
            r = httpx.post(
                base + paths[i], data=form(i, token), headers=owner_headers(i), timeout=30
            )
            ok = r.status_code == 200 and "报修已提交" in r.text
        except httpx.HTTPError:
            ok = False
        with done:
            (answered if ok else failed).append(i)
            done.notify_all()

    with owner_portal(db_path) as (proc, base):
        tokens = []
        for i, path in enumerate(paths):
            page = httpx.get(base + path, headers=owner_headers(i), timeout=30)
            m = re.search(r'name="token" value="([^"]+)"', page.text)
            assert page.status_code == 200 and m, page.text
            tokens.append(m.group(1))
        threads = [threading.Thread(target=submit, args=(base, i, t)) for i, t in enumerate(tokens)]
        for t in threads:
            t.start()
        with done:  # a few reports filed, the rest still in flight
            done.wait_for(lambda: len(answered) + len(failed) >= 3, timeout=60)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=20) == -signal.SIGKILL
        for t in threads:
            t.join(timeout=60)
    assert failed, "every report was answered before the kill: nothing was in flight"

    before = assert_no_half_filed_order(db)
    assert len(before) >= len(answered) >= 1  # some filed before the kill, maybe more unanswered
    with db.read() as s:
        ids = list(s.scalars(select(Household.id).order_by(Household.id)))

    with owner_portal(db_path) as (_proc, base):
        numbers = []
        for i, token in enumerate(tokens):
            r = httpx.post(
                base + paths[i], data=form(i, token), headers=owner_headers(i), timeout=30
            )
            assert r.status_code == 200 and "报修已提交" in r.text, r.text
            m = NUMBER.search(r.text)
            assert m, r.text
            numbers.append(m.group(0))
            if ids[i] in before:  # filed before the kill: that very order again
                assert numbers[-1] == before[ids[i]]

    after = assert_no_half_filed_order(db)
    assert len(set(numbers)) == OWNERS and sorted(after.values()) == sorted(numbers)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == OWNERS
