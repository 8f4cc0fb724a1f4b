"""The ``wuye`` command: exit codes, messages naming file, row and column, and its commands."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from wuye_desktop import demo
from wuye_desktop.cli import main
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
WUYE = ROOT / ".venv" / "bin" / "wuye"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def household_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM household").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A database path filled by ``wuye demo`` with a few households (QD004 has none)."""
    path = tmp_path / "demo.sqlite3"
    db = Database(str(path))
    migrate.upgrade(db)
    demo.fill_demo(db, households=30)
    db.dispose()
    return path


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("demo", "import", "backup", "restore", "db", "users"):
        assert command in out
    code, out, _ = run(capsys, "import", "households", "--help")
    assert code == 0 and "楼号" in out and "--community" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["import", "households"],  # no file, no community
        ["import", "households", "r.xlsx"],  # no community
        ["demo", "--households", "-5"],
        ["demo", "--households", "many"],
        ["users", "add", "x", "--role", "emperor"],
        ["db"],
    ],
)
def test_wrong_usage_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "w.sqlite3"), *argv)
    assert code == 2
    assert "usage:" in err
    assert not (tmp_path / "w.sqlite3").exists()  # nothing was even opened


def test_an_unsupported_database_url_is_wrong_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "mysql://root@localhost/wuye", "users", "list")
    assert code == 2 and "Unsupported database URL" in err


def test_no_command_opens_the_program_on_the_chosen_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str | None] = []
    fake = types.ModuleType("wuye_desktop.ui.app")
    fake.run = lambda url: opened.append(url) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wuye_desktop.ui.app", fake)
    monkeypatch.setenv("WUYE_DB", "/tmp/from-env.sqlite3")
    assert main([]) == 0
    assert main(["--db", "/tmp/from-option.sqlite3"]) == 0
    assert opened == ["/tmp/from-env.sqlite3", "/tmp/from-option.sqlite3"]


def test_demo_fills_an_empty_database_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "w.sqlite3"
    code, out, _ = run(capsys, "--db", str(path), "demo", "--households", "40", "--seed", "3")
    assert code == 0
    assert "40 households" in out and "desk/desk1234" in out
    assert household_count(path) == 40
    code, _, err = run(capsys, "--db", str(path), "demo")
    assert code == 3 and "already has data" in err
    assert household_count(path) == 40


def test_the_database_comes_from_wuye_db(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("WUYE_DB", f"sqlite:///{path}")
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and "(empty) ->" in out
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and "up to date" in out
    with sqlite3.connect(path) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == migrate.head_revision()


def test_a_good_roster_imports_once_and_a_gbk_copy_adds_nothing(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    xlsx = DEMO / "roster-qd004.xlsx"
    code, out, _ = run(
        capsys, "--db", str(demo_db), "import", "households", str(xlsx), "--community", "qd004"
    )
    assert code == 0
    assert f"{xlsx}: 72 row(s) into QD004: 72 added, 0 updated, 0 unchanged." in out
    gbk = DEMO / "roster-qd004-gbk.csv"
    code, out, _ = run(
        capsys, "--db", str(demo_db), "import", "households", str(gbk), "--community", "QD004"
    )
    assert code == 0 and "0 added, 0 updated, 72 unchanged" in out
    assert household_count(demo_db) == 30 + 72


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("roster-qd004-bad-phone.csv", "row 9, column 联系电话: Not a mainland mobile"),
        ("roster-qd004-bad-duplicate.csv", "row 13, column 房号: 1-1-502 is already in row 12"),
        ("roster-qd004-bad-building.xlsx", "row 23, column 楼号: Required"),
    ],
)
def test_one_bad_row_exits_3_naming_row_and_column_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo_db: Path, name: str, line: str
) -> None:
    before = demo_db.read_bytes()
    path = DEMO / name
    code, out, err = run(
        capsys, "--db", str(demo_db), "import", "households", str(path), "--community", "QD004"
    )
    assert code == 3 and out == ""
    assert any(e.startswith(f"{path}: {line}") for e in err.splitlines()), err
    assert "nothing was imported" in err
    assert household_count(demo_db) == 30
    assert demo_db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing.xlsx", "--community", "QD004"], "No such file: missing.xlsx"),
        ([str(DEMO / "roster-qd004.xlsx"), "--community", "QD404"], "No such community: QD404"),
        ([str(DEMO), "--community", "QD004"], "is a folder, not a file"),
    ],
)
def test_bad_paths_and_communities_exit_3_with_a_reason(
    capsys: pytest.CaptureFixture[str], demo_db: Path, args: list[str], words: str
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "import", "households", *args)
    assert code == 3 and words in err
    assert household_count(demo_db) == 30


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    copy = demo_db.with_name("copy.sqlite3")
    code, out, _ = run(capsys, "--db", str(demo_db), "backup", "--out", str(copy))
    assert code == 0 and str(copy) in out
    code, _, err = run(capsys, "--db", str(demo_db), "backup", "--out", str(copy))
    assert code == 3 and "already exists" in err

    roster = DEMO / "roster-qd004.xlsx"
    assert (
        main(["--db", str(demo_db), "import", "households", str(roster), "--community", "QD004"])
        == 0
    )
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", str(demo_db), "restore", str(copy))
    assert code == 0 and "before-restore" in out
    assert household_count(demo_db) == 30
    code, _, err = run(capsys, "--db", str(demo_db), "restore", str(DEMO / "roster-qd004.xlsx"))
    assert code == 3 and "not an SQLite database" in err


def test_backup_of_postgresql_names_pg_dump(
    capsys: pytest.CaptureFixture[str], any_db: Database, tmp_path: Path
) -> None:
    url = any_db.url.render_as_string(hide_password=False)
    code, _, err = run(capsys, "--db", url, "backup", "--out", str(tmp_path / "b.sqlite3"))
    if any_db.is_sqlite:
        assert code == 0
    else:
        assert code == 3 and "pg_dump" in err


def test_users_commands(
    capsys: pytest.CaptureFixture[str], demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ["--db", str(demo_db)]
    code, out, _ = run(capsys, *db, "users", "list")
    assert code == 0 and "manager" in out and "王海涛" in out

    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-pass-1\n"))
    code, out, _ = run(
        capsys, *db, "users", "add", "desk2", "--role", "desk", "--name", "赵敏", "--password-stdin"
    )
    assert code == 0 and "desk2 (desk) added" in out

    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, *db, "users", "reset-password", "desk2", "--password-stdin")
    assert code == 3 and "password: At least 8 characters" in err

    monkeypatch.setattr(sys, "stdin", io.StringIO("another-pass-2\n"))
    code, _, _ = run(capsys, *db, "users", "reset-password", "DESK2", "--password-stdin")
    assert code == 0
    code, out, _ = run(capsys, *db, "users", "unlock", "desk2")
    assert code == 0

    code, _, err = run(capsys, *db, "users", "unlock", "nobody")
    assert code == 3 and "No such user: nobody" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal, no --password-stdin
    code, _, err = run(capsys, *db, "users", "add", "x1", "--role", "desk")
    assert code == 2 and "--password-stdin" in err

    from wuye_desktop.core import users

    database = Database(str(demo_db))
    actor, _ = users.login(database, "desk2", "another-pass-2")
    database.dispose()
    assert actor.username == "desk2"


def test_the_cli_does_not_load_qt() -> None:
    probe = (
        "import sys; from wuye_desktop.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_installed_command(tmp_path: Path, demo_db: Path) -> None:
    """The console script as a user runs it, with the database given by WUYE_DB."""
    env = {**os.environ, "WUYE_DB": str(demo_db)}
    env.pop("QT_QPA_PLATFORM", None)
    bad = subprocess.run(
        [
            str(WUYE),
            "import",
            "households",
            str(DEMO / "roster-qd004-bad-phone.csv"),
            "--community",
            "QD004",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 3, bad.stderr
    assert "row 9, column 联系电话" in bad.stderr
    good = subprocess.run(
        [
            str(WUYE),
            "import",
            "households",
            str(DEMO / "roster-qd004-gbk.csv"),
            "--community",
            "QD004",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert good.returncode == 0, good.stderr
    assert "72 added" in good.stdout
    assert household_count(demo_db) == 30 + 72
