"""The sync's stored messages read in the window's language, down to the network's words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.shell_support import isolate_settings, reset_language
from wuye_desktop.regulator import client, sync
from wuye_desktop.ui import i18n
from wuye_desktop.ui.regulator import labels


@pytest.fixture(autouse=True)
def _chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path)
    i18n.install_language("zh_CN")
    yield
    reset_language()


def test_an_unreachable_platform_is_told_in_chinese() -> None:
    report = sync.SyncReport.of("offline", sync.T_UNREACHABLE, detail=client.T_REFUSED)
    text = labels.status_message(report)
    assert text.isascii() is False and "refused" not in text, text


def test_the_platforms_own_words_are_kept() -> None:
    report = sync.SyncReport.of("offline", sync.T_UNREACHABLE, detail="HTTP 503: {odd} words")
    assert "HTTP 503: {odd} words" in labels.status_message(report)
