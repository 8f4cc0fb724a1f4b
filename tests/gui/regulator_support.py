"""Helpers for the GUI tests of the regulator views: a reference server on a free port, a
client configured for it, and tickets placed on the server like the platform's operator."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import settings
from wuye_desktop.regulator.server.runner import RunningServer, start_server
from wuye_desktop.regulator.server.store import Store
from wuye_desktop.storage.db import Database

PROJECT = "370202-001"  # the fixture community's project code


@dataclass
class Platform:
    server: RunningServer
    code: str  # the company's credit code
    secret: str

    @property
    def store(self) -> Store:
        return self.server.store

    def ticket(self, content: str = "3号楼电梯困人，请尽快处理", **extra: object) -> str:
        fields: dict[str, object] = {
            "project_code": PROJECT,
            "category": "elevator",
            "content": content,
            "household": {"building": "3", "unit": "2", "room": "1201"},
            "caller_phone_masked": "139****0001",
        }
        fields.update(extra)
        return str(self.store.add_ticket(self.code, **fields))


@contextmanager
def running_platform(folder: Path, db: Database) -> Iterator[Platform]:
    """A reference server on a free port with the database's company registered (not yet
    configured in the program: see ``configure``)."""
    company = directory.get_company(db)
    assert company is not None
    server = start_server(folder, port=0)
    try:
        secret = server.store.register_company(company.credit_code, company.name)
        yield Platform(server, company.credit_code, secret)
    finally:
        server.stop()


def configure(db: Database, admin: Actor, platform: Platform, secret: str | None = None) -> None:
    settings.save_connection(
        db,
        admin,
        settings.Connection(platform.server.base_url, "", 60, True),
        secret if secret is not None else platform.secret,
    )
