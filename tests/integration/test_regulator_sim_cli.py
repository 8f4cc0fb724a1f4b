"""``wuye regulator-admin`` and ``wuye regulator-sim`` from the command line."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.integration.regulator_support import new_company_code
from wuye_desktop.cli import main
from wuye_desktop.regulator.server.store import Store


def _admin(data: Path, *args: str) -> int:
    return main(["regulator-admin", "--data", str(data), *args])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "sim"


@pytest.fixture
def company(data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = new_company_code()
    assert _admin(data, "company", "add", code, "--name", "海信物业") == 0
    capsys.readouterr()
    return code


def test_company_add_prints_the_secret_once_and_list_shows_the_company(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = new_company_code()
    assert _admin(data, "company", "add", code, "--name", "海信物业") == 0
    secret = capsys.readouterr().out.splitlines()[-1]
    assert re.fullmatch(r"[0-9a-f]{64}", secret)
    assert _admin(data, "company", "list") == 0
    listing = capsys.readouterr().out
    assert code in listing and "海信物业" in listing and secret not in listing
    given = "s" * 40
    assert _admin(data, "company", "add", new_company_code(), "--secret", given) == 0
    assert capsys.readouterr().out.splitlines()[-1] == given


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["91370200MA3C1234XX"], "check character"),
        (["short"], "18 characters"),
        (["--secret", "too short"], "at least 32 bytes"),
    ],
)
def test_company_add_refuses_bad_data_with_exit_3(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    if args[0].startswith("--"):
        args = [new_company_code(), *args]
    assert _admin(data, "company", "add", *args) == 3
    assert message in capsys.readouterr().err


def test_a_company_is_registered_once(
    data: Path, company: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _admin(data, "company", "add", company) == 3
    assert "already registered" in capsys.readouterr().err


def test_reading_a_folder_without_data_is_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _admin(tmp_path / "nothing", "company", "list") == 3
    assert "no regulator-sim data" in capsys.readouterr().err
    assert not (tmp_path / "nothing").exists()


def test_tickets_supervisions_and_what_was_received(
    data: Path, company: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["ticket", "add", "--company", company, "--project", "QD-LS-0001"]
    ticket_args = [*args, "--category", "elevator", "--content", "3号楼电梯困人"]
    assert _admin(data, *ticket_args, "--level", "urgent", "--building", "3", "--room", "1201") == 0
    ticket = capsys.readouterr().out.strip()
    assert re.fullmatch(r"T\d{8}-\d{6}", ticket)
    assert (
        _admin(
            data, *ticket_args, "--phone", "139****0001", "--reply-due", "2026-12-01T12:00:00+08:00"
        )
        == 0
    )
    capsys.readouterr()

    supervise = ["supervise", "--company", company, "--content", "请尽快处理"]
    assert (
        _admin(data, *supervise, "--ticket", ticket, "--deadline", "2026-11-25T17:00:00+08:00") == 0
    )
    assert re.fullmatch(r"S\d{8}-\d{6}", capsys.readouterr().out.strip())

    assert _admin(data, "received", "--company", company, "tickets") == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["ticket_id", "level", "origin"]
    assert ticket in table[2] and "urgent" in table[2] and "3号楼电梯困人" in table[2]
    assert len(table) == 4
    assert _admin(data, "received", "--company", company) == 0  # orders by default
    assert capsys.readouterr().out.strip() == "(none)"
    assert _admin(data, "stats", "--company", company) == 0
    stats = capsys.readouterr().out
    assert "tickets: 2" in stats and "supervisions: 1" in stats and "reply rate: 0.0%" in stats


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["ticket", "add", "--project", "P", "--category", "ghosts", "--content", "x"], 2, "invalid choice"),
        (["ticket", "add", "--project", "P", "--category", "other", "--content", "x", "--building", "3"], 2, "--room"),
        (["ticket", "add", "--project", "P", "--category", "other", "--content", "x", "--phone", "13912345678"], 3, "masked"),
        (["ticket", "add", "--project", "P", "--category", "other", "--content", "x", "--reply-due", "tomorrow"], 3, "RFC 3339"),
        (["ticket", "add", "--project", "P", "--category", "other", "--content", " "], 3, "content"),
        (["supervise", "--content", "x", "--deadline", "2026-11-25T17:00:00+08:00"], 2, "--ticket"),
        (["supervise", "--order", "NOPE", "--content", "x", "--deadline", "2026-11-25T17:00:00+08:00"], 3, "no such work order"),
        (["supervise", "--ticket", "T1", "--content", "x", "--deadline", "soon"], 3, "RFC 3339"),
        (["received", "everything"], 2, "invalid choice"),
    ],
)  # fmt: skip
def test_bad_input_is_exit_2_or_3(
    data: Path,
    company: str,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    action, rest = args[0], args[1:]
    if action == "ticket":
        full = ["ticket", rest[0], "--company", company, *rest[1:]]
    else:
        full = [action, "--company", company, *rest]
    assert _admin(data, *full) == code
    assert message in capsys.readouterr().err


def test_an_unknown_company_is_exit_3(
    data: Path, company: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _admin(data, "stats", "--company", new_company_code()) == 3
    assert "no such company" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "--allow-remote"),
        (["--fail-rate", "1.5"], "between 0 and 1"),
        (["--port", "70000"], "not a port"),
        (["--rate-limit", "-1"], "negative"),
    ],
)
def test_regulator_sim_refuses_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["regulator-sim", "--data", str(tmp_path), "--port", "0", *args]) == 2
    assert message in capsys.readouterr().err


def test_regulator_sim_serves_until_terminated(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.register_company(new_company_code())
    store.close()
    env = {**os.environ, "WUYE_LOG_DIR": str(tmp_path / "logs"), "PYTHONUNBUFFERED": "1"}
    command = ["regulator-sim", "--port", "0", "--data", str(tmp_path), "--latency-ms", "1"]
    process = subprocess.Popen(
        [sys.executable, "-m", "wuye_desktop.cli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.fullmatch(r"listening on (http://127\.0\.0\.1:(\d+)/api/v1)\n", line)
        assert match, line + (process.stderr.read() if process.poll() is not None else "")
        assert int(match.group(2)) > 0
        health = httpx.get(f"{match.group(1)}/health", timeout=10)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
