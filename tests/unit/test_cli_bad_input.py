"""Bad input on the command line (DESIGN §4, §6): every ``wuye`` command, given missing, unknown,
malformed, huge, unicode or path-like arguments, exits 2 (wrong usage, naming the option as it
is typed) or 3 (bad data) with one line of message, never a traceback, and writes nothing.

The commands are found in the argparse parser itself: a new command without a row in
:data:`BASELINES` fails :func:`test_every_command_has_a_baseline`, naming it.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from wuye_desktop import demo
from wuye_desktop.cli import build_parser, main
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

ROOT = Path(__file__).resolve().parents[2]
WUYE = ROOT / ".venv" / "bin" / "wuye"

# A call of each command whose syntax is right, on the test database. Most are made to fail as
# bad data (exit 3: an unknown community, order, household or file), so that a value swapped in
# for any one argument shows what that value alone does. {tmp} is the test's folder.
BASELINES: dict[str, list[str]] = {
    "stats": ["stats", "--community", "NOPE"],  # an unknown community: 3
    "demo": ["demo", "--households", "1"],  # the database is not empty: 3
    "import households": ["import", "households", "{tmp}/none.xlsx", "--community", "QD001"],
    "backup": ["backup", "--out", "{tmp}/exists.bin"],  # never overwrites: 3
    "restore": ["restore", "{tmp}/none.bak"],
    "db upgrade": ["db", "upgrade"],
    "users list": ["users", "list"],
    "users add": ["users", "add", "newuser", "--role", "desk", "--password-stdin"],
    "users reset-password": ["users", "reset-password", "nobody", "--password-stdin"],
    "users unlock": ["users", "unlock", "nobody"],
    "print signage": ["print", "signage", "--community", "NOPE", "--out", "{tmp}/o.pdf"],
    "print commitment": ["print", "commitment", "--order", "GD0-1", "--out", "{tmp}/o.pdf"],
    "print closeout": ["print", "closeout", "--household", "NOPE-1-1-1", "--out", "{tmp}/o.pdf"],
    "print callback": ["print", "callback", "--blank", "2", "--community", "NOPE",
                       "--out", "{tmp}/o.pdf"],
    "print callback-log": ["print", "callback-log", "--period", "2026-11", "--community", "NOPE",
                           "--out", "{tmp}/o.pdf"],
    "print slip": ["print", "slip", "--order", "GD0-1", "--out", "{tmp}/o.pdf"],
    "print weekly": ["print", "weekly", "--week", "2026-W47", "--community", "NOPE",
                     "--out", "{tmp}/o.pdf"],
    "print disclosure": ["print", "disclosure", "--community", "NOPE", "--period", "2026Q3",
                         "--out", "{tmp}/o.pdf"],
    "report monthly": ["report", "monthly", "--month", "2026-11", "--community", "NOPE",
                       "--out", "{tmp}/o.pdf"],
    "closeout import": ["closeout", "import", "{tmp}/none.xlsx", "--household", "QD001-1-1-101"],
    "ledger verify": ["ledger", "verify", "--community", "NOPE"],
    "ledger import": ["ledger", "import", "{tmp}/none.csv", "--community", "NOPE"],
    "ledger export": ["ledger", "export", "--community", "NOPE", "--out", "{tmp}/o.xlsx"],
    "ledger publish": ["ledger", "publish", "--community", "NOPE", "--period", "2026Q3"],
    "order show": ["order", "show", "GD0-1"],
    "order find": ["order", "find", "3719", "--community", "NOPE"],
    "order dispatch": ["order", "dispatch", "GD0-1", "--channel", "property", "--handler", "王"],
    "order start": ["order", "start", "GD0-1", "--plan", "换管", "--promised-date",
                    "2026-12-31", "--unit", "房修", "--person", "李工"],
    "order complete": ["order", "complete", "GD0-1"],
    "order close": ["order", "close", "GD0-1", "--note", "业主撤回"],
    "order cancel": ["order", "cancel", "GD0-1", "--reason", "重复"],
    "order callback": ["order", "callback", "GD0-1", "--method", "phone",
                       "--satisfaction", "satisfied"],
    "sync": ["sync", "--once"],  # not configured: a person must act, 3; never the endless loop
    "regulator configure": ["regulator", "configure", "--url", "https://reg.example/api/v1",
                            "--ca-bundle", "{tmp}/none.pem"],
    "regulator status": ["regulator", "status"],
    "regulator failed": ["regulator", "failed"],
    "regulator retry": ["regulator", "retry", "12345"],
    "regulator dismiss": ["regulator", "dismiss", "12345", "--reason", "测试"],
    # Never serves: a public address without --allow-remote is refused first (2).
    "regulator-sim": ["regulator-sim", "--host", "0.0.0.0", "--data", "{tmp}/sim"],
    "regulator-admin company add": ["regulator-admin", "--data", "{tmp}/sim", "company", "add",
                                    "NOT-A-CREDIT-CODE"],
    "regulator-admin company list": ["regulator-admin", "--data", "{tmp}/sim", "company", "list"],
    "regulator-admin ticket add": ["regulator-admin", "--data", "{tmp}/sim", "ticket", "add",
                                   "--company", "X", "--project", "P", "--category", "elevator",
                                   "--content", "电梯故障"],
    "regulator-admin supervise": ["regulator-admin", "--data", "{tmp}/sim", "supervise",
                                  "--company", "X", "--ticket", "T1", "--content", "请回复",
                                  "--deadline", "2026-12-01T00:00:00+08:00"],
    "regulator-admin received": ["regulator-admin", "--data", "{tmp}/sim", "received",
                                 "--company", "X"],
    # Never serves: a public address that is not https:// is refused first (2).
    "owner-portal": ["owner-portal", "--public-url", "ftp://bx.example.com"],
    "regulator-admin stats": ["regulator-admin", "--data", "{tmp}/sim", "stats", "--company", "X"],
}  # fmt: skip

# What may be typed where a value is expected.
BAD_VALUES = {
    "empty": "",
    "huge": "9" * 40,
    "negative": "-1",
    "unicode": "楼号\u202e🏠\u3000",
    "path": "../../../../etc/passwd",
    "root": "/",
    "long": "长" * 5000,
}


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
    tuple[tuple[str, ...], argparse.ArgumentParser]
]:  # fmt: skip
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from leaves(sub, (*path, name))


COMMANDS = {" ".join(path): p for path, p in leaves(build_parser())}


def value_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if a.nargs != 0 and not isinstance(a, (argparse._HelpAction, argparse._VersionAction))
    ]


def with_value(argv: list[str], action: argparse.Action, value: str) -> list[str]:
    """*argv* with *action*'s value replaced by *value* (or added)."""
    out = list(argv)
    if action.option_strings:
        for option in action.option_strings:
            if option in out:
                out[out.index(option) + 1] = value
                return out
        return [*out, f"{action.option_strings[-1]}={value}"]
    # A positional: find the word the parser took for it.
    parsed = getattr(build_parser().parse_args(["--db", "x", *argv]), action.dest)
    word = str(parsed[0] if isinstance(parsed, list) else parsed)
    if word not in out:  # an optional positional left to its default
        return [*out, value]
    out[out.index(word)] = value
    return out


def without(argv: list[str], action: argparse.Action) -> list[str]:
    """*argv* without *action* (a required option and its value, or a positional)."""
    out = list(argv)
    if action.option_strings:
        i = next(i for i, w in enumerate(out) if w in action.option_strings)
        del out[i : i + 2]
        return out
    parsed = getattr(build_parser().parse_args(["--db", "x", *argv]), action.dest)
    for word in parsed if isinstance(parsed, list) else [parsed]:
        out.remove(str(word))
    return out


def rejected_by_parser(action: argparse.Action, value: str) -> bool:
    if action.choices is not None:
        converted = action.type(value) if callable(action.type) else value
        return converted not in action.choices
    if action.type is None or action.type in (str, Path):
        return False
    try:
        action.type(value)  # type: ignore[misc]
    except (argparse.ArgumentTypeError, ValueError, TypeError):
        return True
    return False


def cases() -> Iterator[pytest.ParameterSet]:
    for name, parser in COMMANDS.items():
        if name not in BASELINES:
            continue
        yield pytest.param(name, "unknown", None, "", id=f"{name}:unknown-option")
        for action in value_actions(parser):
            label = action.option_strings[-1] if action.option_strings else action.dest
            if action.required:
                yield pytest.param(name, "missing", action, "", id=f"{name}:{label}=missing")
            for kind, value in BAD_VALUES.items():
                yield pytest.param(name, kind, action, value, id=f"{name}:{label}={kind}")


# --- the database ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad-input") / "wuye.sqlite3"
    db = Database(str(path))
    migrate.upgrade(db)
    demo.fill_demo(db, households=20)
    db.dispose()
    return path


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def call(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    stdin: str = "\n",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def message_lines(code: int, err: str) -> list[str]:
    """stderr without the usage lines argparse prints before a usage error."""
    lines = err.splitlines()
    if code == 2 and lines and lines[0].startswith("usage:"):
        lines = lines[1:]
        while lines and lines[0].startswith(" "):
            lines = lines[1:]
    return lines


def assert_clean_failure(code: int, out: str, err: str, expected: set[int]) -> str:
    """One line of message after the usage; no traceback; the exit code; the message line."""
    assert "Traceback" not in out + err, err
    assert code in expected, (code, err)
    lines = message_lines(code, err)
    assert len(lines) == 1, err
    assert lines[0].strip(), err
    return lines[0]


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    (tmp_path / "exists.bin").write_bytes(b"an earlier backup")
    return tmp_path


def fill(argv: list[str], tmp: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)) for a in argv]


# --- every command ---------------------------------------------------------------------------


def test_every_command_has_a_baseline() -> None:
    missing = sorted(set(COMMANDS) - set(BASELINES))
    assert not missing, f"commands without a row in BASELINES (add one): {missing}"
    gone = sorted(set(BASELINES) - set(COMMANDS))
    assert not gone, f"BASELINES names commands that no longer exist: {gone}"


@pytest.mark.parametrize(("name", "kind", "action", "value"), list(cases()))
def test_bad_argument(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    tmp: Path,
    name: str,
    kind: str,
    action: argparse.Action | None,
    value: str,
) -> None:
    monkeypatch.chdir(tmp)  # a relative path lands in the test's folder
    base = fill(BASELINES[name], tmp)
    before = row_counts(db_path)
    if action is None:
        argv = [*base, "--no-such-option"]
    elif kind == "missing":
        argv = without(base, action)
    else:
        argv = with_value(base, action, value)
    code, out, err = call(capsys, monkeypatch, ["--db", str(db_path), *argv])
    if action is None:
        line = assert_clean_failure(code, out, err, {2})
        assert "--no-such-option" in line
    elif kind == "missing":
        line = assert_clean_failure(code, out, err, {2})
        shown = action.option_strings[-1] if action.option_strings else action.metavar
        assert str(shown or action.dest) in line, line
    elif rejected_by_parser(action, value):
        line = assert_clean_failure(code, out, err, {2})
        shown = (
            action.option_strings[-1] if action.option_strings else action.metavar or action.dest
        )
        assert str(shown) in line, line
    elif code == 0:
        # A value that is fine for this command (a retried id that is not failed, a seed).
        assert "Traceback" not in out + err
    else:
        line = assert_clean_failure(code, out, err, {2, 3})
        if code == 2 and action.option_strings:
            dest = action.dest
            named = action.option_strings[-1]
            assert named in line or not re.search(rf"(?<![-\w]){re.escape(dest)}\b", line), line
    if code != 0:
        assert row_counts(db_path) == before
        assert not (tmp / "o.pdf").exists() and not (tmp / "o.xlsx").exists()


# --- named cases -----------------------------------------------------------------------------

OUT = ["--out", "{tmp}/o.pdf"]


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["print", "weekly", "--week", "2026-W99", *OUT], "--week"),
        (["print", "weekly", "--week", "garbage", *OUT], "--week"),
        (["print", "disclosure", "--community", "QD001", "--period", "2026Q9", *OUT], "--period"),
        (["ledger", "export", "--community", "QD001", "--period", "2026-13",
          "--out", "{tmp}/o.xlsx"], "--period"),
        (["ledger", "publish", "--community", "QD001", "--period", "Q3"], "--period"),
        (["print", "callback", "--blank", "0", "--community", "QD001", *OUT], "--blank"),
        (["print", "callback", "--blank", "501", "--community", "QD001", *OUT], "--blank"),
        (["print", "callback", "--blank", "-1", "--community", "QD001", *OUT], "--blank"),
        (["print", "callback", "--blank", "many", "--community", "QD001", *OUT], "--blank"),
        (["print", "disclosure", "--community", "QD001", "--period", "2026Q5", *OUT], "--period"),
        (["print", "disclosure", "--community", "QD001", "--period", "2026-13", *OUT], "--period"),
        (["print", "disclosure", "--community", "QD001", "--period", "garbage", *OUT], "--period"),
        (["demo", "--households", str(10**12)], "--households"),
        (["demo", "--households", "-1"], "--households"),
        (["demo", "--work-orders", str(10**12)], "--work-orders"),
        (["regulator", "configure", "--url", "ftp://x"], "--url"),
        (["regulator", "configure", "--url", "https://reg.example/api", "--interval", "5"],
         "--interval"),
        (["regulator", "configure", "--url", "https://reg.example/api", "--interval",
          str(10**12)], "--interval"),
        # Enabled without a secret stored or given: the option to give it is named.
        (["regulator", "configure", "--url", "https://reg.example/api"], "--secret-file"),
        (["regulator", "retry", str(10**30)], "ID"),
        (["regulator-sim", "--port", "70000"], "--port"),
        (["users", "add", "lixx", "--role", "desk", "--name", "李" * 101, "--password-stdin"],
         "--name"),
    ],
)  # fmt: skip
def test_malformed_options_are_wrong_usage_naming_the_option(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    tmp: Path,
    argv: list[str],
    option: str,
) -> None:
    before = row_counts(db_path)
    # A password that passes, so that only the option under test is wrong.
    argv = ["--db", str(db_path), *fill(argv, tmp)]
    code, out, err = call(capsys, monkeypatch, argv, stdin="a-good-pass-1\n")
    line = assert_clean_failure(code, out, err, {2})
    assert option in line, line
    assert row_counts(db_path) == before
    assert not (tmp / "o.pdf").exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["print", "signage", "--community", "QD001", "--out", "{tmp}"], "is a folder"),
        (["print", "signage", "--community", "QD001", "--out", "{tmp}/no/o.pdf"], "no such folder"),
        (["ledger", "export", "--community", "QD001", "--out", "{tmp}"], "is a folder"),
        (["ledger", "export", "--community", "QD001", "--out", "{tmp}/no/o.xlsx"],
         "no such folder"),
        (["backup", "--out", "{tmp}/no/b.sqlite3"], "no such folder"),
        (["print", "signage", "--community", "QD001", "--out", "/proc/wuye-o.pdf"], "--out"),
        (["ledger", "export", "--community", "QD001", "--out", "/proc/wuye-o.xlsx"], "--out"),
    ],
)  # fmt: skip
def test_an_output_path_that_cannot_be_written_is_one_sentence(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    tmp: Path,
    argv: list[str],
    words: str,
) -> None:
    before = row_counts(db_path)
    listing = sorted(p.name for p in tmp.iterdir())
    code, out, err = call(capsys, monkeypatch, ["--db", str(db_path), *fill(argv, tmp)])
    line = assert_clean_failure(code, out, err, {3})
    assert words in line, line
    assert row_counts(db_path) == before
    assert sorted(p.name for p in tmp.iterdir()) == listing  # nothing half-written


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_an_unwritable_output_folder_is_one_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp: Path
) -> None:
    locked = tmp / "locked"
    locked.mkdir(mode=0o555)
    argv = ["--db", str(db_path), "ledger", "export", "--community", "QD001", "--out"]
    code, out, err = call(capsys, monkeypatch, [*argv, str(locked / "o.xlsx")])
    assert "permission denied" in assert_clean_failure(code, out, err, {3})


def test_a_database_that_is_not_one_is_one_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp: Path
) -> None:
    text = tmp / "notes.txt"
    text.write_text("这不是数据库\n" * 200, encoding="utf-8")
    for command in (["users", "list"], ["db", "upgrade"], ["users", "add", "x", "--role", "desk"]):
        code, out, err = call(capsys, monkeypatch, ["--db", str(text), *command])
        line = assert_clean_failure(code, out, err, {3})
        assert "not a database" in line and str(text) in line, line
    assert text.read_text(encoding="utf-8") == "这不是数据库\n" * 200
    assert sorted(p.name for p in tmp.iterdir()) == ["exists.bin", "notes.txt"]


def test_restore_still_replaces_a_database_that_is_not_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp: Path
) -> None:
    """A damaged database is what one restores over: restore does not refuse it."""
    backup = tmp / "good.bak"
    assert call(capsys, monkeypatch, ["--db", str(db_path), "backup", "--out", str(backup)])[0] == 0
    damaged = tmp / "damaged.sqlite3"
    damaged.write_bytes(b"\x00garbage" * 100)
    code, _, err = call(capsys, monkeypatch, ["--db", str(damaged), "restore", str(backup)])
    assert code == 0, err
    assert row_counts(damaged)["household"] == row_counts(db_path)["household"] > 0


def test_a_database_in_a_missing_folder_or_a_folder_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp: Path
) -> None:
    code, out, err = call(capsys, monkeypatch, ["--db", str(tmp / "no" / "w.sqlite3"), "users",
                                                "list"])  # fmt: skip
    line = assert_clean_failure(code, out, err, {3})
    assert "no such folder" in line and "retry" not in line.lower()
    assert not (tmp / "no").exists()
    code, out, err = call(capsys, monkeypatch, ["--db", str(tmp), "users", "list"])
    assert "is a folder" in assert_clean_failure(code, out, err, {3})
    code, out, err = call(capsys, monkeypatch, ["--db", "", "users", "list"])
    assert "--db" in assert_clean_failure(code, out, err, {2})


@pytest.mark.parametrize("bad", ["\udcff\udcfe", "a\x00b"])
def test_an_argument_that_is_not_text_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path, bad: str
) -> None:
    before = row_counts(db_path)
    argv = ["--db", str(db_path), "order", "close", "GD0-1", "--note", bad]
    assert_clean_failure(*call(capsys, monkeypatch, argv), {2})
    assert row_counts(db_path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["regulator-admin", "--data", "{tmp}/exists.bin", "company", "add", "91370200MA3C123456"],
        ["regulator-sim", "--port", "0", "--data", "{tmp}/exists.bin"],
    ],
)
def test_a_file_where_the_simulators_data_folder_should_be_is_bad_data(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp: Path, argv: list[str]
) -> None:
    code, out, err = call(capsys, monkeypatch, fill(argv, tmp))
    assert "exists.bin" in assert_clean_failure(code, out, err, {3})
    assert (tmp / "exists.bin").read_bytes() == b"an earlier backup"


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    from wuye_desktop import logs
    from wuye_desktop.commands import users

    def broken(*_args: object) -> int:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(users.users, "list_users", broken)
    code, out, err = call(capsys, monkeypatch, ["--db", str(db_path), "users", "list"])
    line = assert_clean_failure(code, out, err, {1})
    assert "RuntimeError: boom" in line and "second line" not in line
    log_file = logs.setup_logging()
    assert log_file is not None and str(log_file) in line
    assert "Traceback" in log_file.read_text(encoding="utf-8")


# --- through a real process ------------------------------------------------------------------


def run_wuye(*argv: str | bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([WUYE, *argv], capture_output=True, timeout=120, env=env, check=False)


def test_bad_input_through_the_installed_command(db_path: Path, tmp: Path) -> None:
    before = row_counts(db_path)
    db = ["--db", str(db_path)]
    text = tmp / "notes.txt"
    text.write_text("hello\n", encoding="utf-8")
    for argv, code in [
        ([*db, "print", "callback", "--blank", "0", "--community", "QD001", "--out", "o.pdf"], 2),
        ([*db, "ledger", "export", "--community", "QD001", "--out", str(tmp)], 3),
        (["--db", str(text), "users", "list"], 3),
        ([*db, "order", "close", "GD0-1", "--note", b"\xff\xfe"], 2),  # not UTF-8
        ([*db, "print", "weekly", "--week", "2026-W99", "--out", str(tmp / "o.pdf")], 2),
    ]:
        done = run_wuye(*argv)
        err = done.stderr.decode("utf-8", "replace")
        assert_clean_failure(done.returncode, done.stdout.decode("utf-8", "replace"), err, {code})
    assert row_counts(db_path) == before
