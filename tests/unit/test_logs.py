"""The log file: where it goes, what reaches it, and stderr when it cannot be written."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from wuye_desktop import logs


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process that has not set up its log yet; the handlers added are removed after."""
    monkeypatch.setattr(logs, "_configured", [])
    root = logging.getLogger()
    ours = logging.getLogger("wuye_desktop")
    handlers, level = list(root.handlers), ours.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    ours.setLevel(level)


@pytest.mark.usefixtures("fresh")
def test_our_records_go_to_the_file_once_set_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logs.ENV_LOG_DIR, str(tmp_path / "new" / "log"))
    path = logs.setup_logging()
    assert path == tmp_path / "new" / "log" / "wuye.log"
    assert logs.setup_logging() == path  # once per process: no second handler
    logging.getLogger("wuye_desktop.cli").info("started")
    logging.getLogger("httpx").info("GET https://example.test/?token=secret")
    logging.getLogger("httpx").warning("server unreachable")
    text = path.read_text("utf-8")
    assert "INFO wuye_desktop.cli: started" in text
    assert "server unreachable" in text
    assert "secret" not in text  # other libraries' INFO lines stay out


@pytest.mark.usefixtures("fresh")
def test_an_unwritable_folder_falls_back_to_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(logs.ENV_LOG_DIR, str(blocker / "log"))
    assert logs.setup_logging() is None
    assert "cannot write the log file" in capsys.readouterr().err


def test_the_default_folder_is_the_users_log_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_log_dir

    monkeypatch.delenv(logs.ENV_LOG_DIR, raising=False)
    assert logs.log_dir() == Path(user_log_dir("wuye_desktop", appauthor=False))
