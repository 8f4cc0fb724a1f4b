"""A reference regulator server on 127.0.0.1 and a company database configured to use it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import valid_credit_code
from wuye_desktop.core import directory
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import settings
from wuye_desktop.storage.db import Database


@dataclass
class Reference:
    server: Any  # RunningServer
    company: str
    secret: str

    @property
    def store(self) -> Any:
        return self.server.store


@pytest.fixture
def reference(
    tmp_path: Path, db: Database, admin: Actor, community: directory.CommunityView
) -> Iterator[Reference]:
    from wuye_desktop.regulator.server.runner import start_server

    server = start_server(tmp_path / "platform")
    try:
        code = valid_credit_code()
        secret = server.store.register_company(code, name="青岛安居物业服务有限公司")
        settings.save_connection(
            db, admin, settings.Connection(server.base_url, "", 60, True), secret
        )
        yield Reference(server, code, secret)
    finally:
        server.stop()
