"""The regulator step of ``wuye --selftest``: one real sync against an in-process server.

It touches neither the user's keyring nor the database's regulator settings: the client is
built here with the secret the throwaway server issued.
"""

from __future__ import annotations

from pathlib import Path

from wuye_desktop.regulator import queue
from wuye_desktop.regulator.client import RegulatorClient
from wuye_desktop.regulator.settings import company_code
from wuye_desktop.regulator.sync import sync_once
from wuye_desktop.storage.db import Database


def sync_roundtrip(db_url: str, workdir: Path) -> str:
    """Send the database's outbox and take in one dispatched ticket; raise if anything fails."""
    from sqlalchemy import select

    from wuye_desktop.regulator.server.runner import start_server
    from wuye_desktop.storage.models import Community

    db = Database(db_url)
    try:
        code = company_code(db)
        with db.read() as s:
            project = s.scalar(select(Community.project_code).where(Community.project_code != ""))
        server = start_server(workdir / "regulator-selftest")
        try:
            secret = server.store.register_company(code, name="selftest")
            if project:
                server.store.add_ticket(
                    code,
                    project_code=project,
                    category="lighting",
                    content="自检：路灯不亮",
                    household=None,
                )
            queued = queue.counts(db).pending
            with RegulatorClient(server.base_url, code, secret) as client:
                report = sync_once(db, client=client)
            if report.state != "ok":
                raise RuntimeError(f"sync ended {report.state}: {report.message}")
            left = queue.counts(db)
            if left.pending or left.failed:
                raise RuntimeError(f"{left.pending} pending and {left.failed} failed after sync")
            stats = server.store.stats(code)
            if project and stats["tickets_acked"] != 1:
                raise RuntimeError("the dispatched ticket was not acknowledged")
            if queued and not stats["orders"] + stats["events"] + stats["disclosures"]:
                raise RuntimeError("the platform received nothing")
        finally:
            server.stop()
    finally:
        db.dispose()
    return (
        f"{report.sent} events delivered, {report.tickets} ticket(s) taken in, "
        f"platform holds {stats['orders']} orders and {stats['events']} status events"
    )
