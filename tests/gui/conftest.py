"""Fixtures shared by the GUI tests. Only two are autouse: the language (the tests read the
program's English, plural forms included: "1 household", "3 households") and where the cycle
collector runs; a test module asks for the guards it wants with
``pytestmark = pytest.mark.usefixtures(...)``, so other modules keep their own."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.doc_support import close_previews
from wuye_desktop.core import directory
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n, messages, workers


@pytest.fixture(autouse=True, scope="session")
def english(qapp: object) -> None:
    i18n.install_language("en")


@pytest.fixture(autouse=True)
def _garbage_on_the_gui_thread() -> Iterator[None]:
    """No automatic cycle collection during a GUI test: it could run in the database thread and
    destroy a Qt object there (see ui/garbage.py, which the program itself uses); the test's
    garbage is collected afterwards, here on the GUI thread."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[WuyeError]]:
    """Message boxes would block a test: record them, and fail on any nobody expected."""
    shown: list[WuyeError] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, error: shown.append(error))
    yield shown
    assert shown == [], f"unexpected error boxes: {[str(e) for e in shown]}"


@pytest.fixture
def background_finished(qtbot: QtBot, db: Database) -> Iterator[None]:
    """Lists count and statistics load in the background: let that end before the database
    goes away."""
    yield
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=10000)


@pytest.fixture
def tidy(qtbot: QtBot) -> Iterator[None]:
    """Let background printing end, then close the previews it opened."""
    yield
    qtbot.waitUntil(lambda: not workers.running_tasks(), timeout=15000)
    close_previews()


@pytest.fixture
def desk(db: Database, admin: Actor) -> Actor:
    return make_user(db, admin, Role.DESK, "desk1")


@pytest.fixture
def home(db: Database, admin: Actor, community: directory.CommunityView) -> int:
    """The fixture community's household 3-2-1201 (张三 13812345678)."""
    return directory.get_household(db, admin, "QD001-3-2-1201").id
