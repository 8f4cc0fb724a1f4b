"""The Debian package, end to end: build the bundle and the .deb, install it with dpkg, run the
installed program (``wuye --selftest``, ``--version``, a command on the default database),
then purge it and check that it is gone and the user's data is not.

It installs into this machine, so it needs root. Without root it is skipped, except under
``CI=true``, where a skip would hide that the installers were never tested: there it fails.
Where ``wuye-desktop`` is already installed (someone's real installation, or one left by an
interrupted run) it refuses in the same way, rather than replace and purge it. Two test runs on
one machine take turns (a lock file), as they share /opt and dpkg; the check comes after the
lock, so one run never takes the other's package for the user's.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "wuye-desktop"
PREFIX = Path("/opt/wuye-desktop")
COMMAND = Path("/usr/bin/wuye")
DESKTOP = Path("/usr/share/applications/wuye_desktop.desktop")
ICON = Path("/usr/share/icons/hicolor/256x256/apps/wuye_desktop.png")
MAX_BUNDLE_MB = 250
MAX_DEB_MB = 120
# Never in the bundle: development tools and tests.
FORBIDDEN = ("/_pytest/", "/pytest/", "/mypy/", "/hypothesis/", "/schemathesis/", "/tests/")
LOCK = Path("/tmp/wuye-deb-test.lock")
MB = 1024 * 1024


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def unavailable() -> str | None:
    if os.geteuid() != 0:
        return "installing a .deb with dpkg -i needs root"
    missing = [t for t in ("dpkg", "dpkg-deb", "dpkg-shlibdeps", "strip") if not shutil.which(t)]
    if missing:
        return f"not a Debian system with dpkg-dev and binutils (missing {', '.join(missing)})"
    return None


def already_installed() -> str | None:
    """Why this machine's own ``wuye-desktop`` must not be touched, or None when it has none."""
    done = subprocess.run(
        ["dpkg-query", "--show", "--showformat=${db:Status-Status} ${Version}", PACKAGE],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    status, _, installed = done.stdout.strip().partition(" ")
    # Unknown to dpkg, or purged, or removed with nothing but its (absent) conffiles left.
    if done.returncode != 0 or status in ("", "not-installed", "config-files"):
        return None
    return (
        f"{PACKAGE} {installed} is installed on this machine ({status}): this test would "
        f"replace and purge it; remove it first (apt purge {PACKAGE}) to run the test"
    )


def refuse(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true must test the installers, but {reason}")
    pytest.skip(reason)


def run(
    argv: list[str], timeout: float, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd, check=False
    )
    assert done.returncode == 0, (
        f"{' '.join(argv)} exited {done.returncode}\n"
        f"--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}"
    )
    return done


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, waiting while another process (apt, another test) holds its lock."""
    deadline = time.monotonic() + 300
    while True:
        done = subprocess.run(
            ["dpkg", *args],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        if done.returncode == 0 or "lock" not in done.stderr or time.monotonic() > deadline:
            return done
        time.sleep(3)


@pytest.fixture(scope="module")
def turn() -> Iterator[None]:
    reason = unavailable()
    if reason is not None:
        refuse(reason)
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            reason = already_installed()
            if reason is not None:
                refuse(reason)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def test_the_deb_installs_runs_and_purges_cleanly(
    turn: None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("installer")
    started = time.monotonic()
    run(["bash", str(ROOT / "installer" / "build_bundle.sh"), str(out / "bundle")], 900)
    bundled = time.monotonic()
    bundle = out / "bundle" / "wuye"
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    bundle_mb = sum(f.stat().st_size for f in files) / MB
    assert bundle_mb <= MAX_BUNDLE_MB
    run(
        ["bash", str(ROOT / "installer" / "build_deb.sh"), "--bundle", str(bundle), str(out)],
        900,
    )
    packaged = time.monotonic()
    deb = out / f"{PACKAGE}_{version()}_amd64.deb"
    deb_mb = deb.stat().st_size / MB
    assert deb_mb <= MAX_DEB_MB
    shutil.rmtree(out / "bundle")  # 200 MB nobody needs any more
    print(
        f"\nbundle {bundle_mb:.0f} MB in {bundled - started:.0f} s; "
        f".deb {deb_mb:.0f} MB in {packaged - bundled:.0f} s"
    )

    fields = run(["dpkg-deb", "--field", str(deb)], 60).stdout
    assert f"Package: {PACKAGE}\n" in fields and f"Version: {version()}\n" in fields
    assert "libxcb-cursor0" in fields and "fonts-wqy-microhei" in fields  # from dpkg-shlibdeps
    contents = run(["dpkg-deb", "--contents", str(deb)], 60).stdout
    assert not [line for line in contents.splitlines() if any(f in line for f in FORBIDDEN)]
    assert "__pycache__" not in contents

    home = out / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "WUYE_", "QT_", "XDG_")) and key != "VIRTUAL_ENV"
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
    )
    env.pop("DISPLAY", None)  # the selftest must not need a display
    installed = dpkg("-i", str(deb))
    try:
        assert installed.returncode == 0, f"dpkg -i failed:\n{installed.stdout}{installed.stderr}"
        assert COMMAND.resolve() == PREFIX / "wuye"
        assert run([str(COMMAND), "--version"], 60, env).stdout.strip() == f"wuye {version()}"

        selftest = subprocess.run(
            [str(COMMAND), "--selftest"],
            capture_output=True, text=True, timeout=300, env=env, cwd=out, check=False,
        )  # fmt: skip
        failed = [line for line in selftest.stdout.splitlines() if line.startswith("FAILED")]
        assert (selftest.returncode, failed) == (0, []), selftest.stdout + selftest.stderr
        assert selftest.stdout.count("\nok  ") >= 8, selftest.stdout
        log = home / "state" / "wuye_desktop" / "log" / "wuye.log"
        assert "wuye_desktop.cli: wuye" in log.read_text("utf-8")

        # The default database, in the user's data folder, made by the installed program.
        run([str(COMMAND), "demo", "--households", "20", "--work-orders", "10"], 120, env)
        data = home / "data" / "wuye_desktop" / "wuye.sqlite3"
        assert data.is_file()

        desktop = DESKTOP.read_text("utf-8")
        for line in ("Name=物业服务台", "Name[zh_CN]=物业服务台", "Name[en]=Property Service Desk"):
            assert line in desktop.splitlines()
        assert "Exec=wuye" in desktop.splitlines() and "Icon=wuye_desktop" in desktop.splitlines()
        assert ICON.is_file()
    finally:
        purged = dpkg("--purge", PACKAGE)
    assert purged.returncode == 0, f"dpkg --purge failed:\n{purged.stdout}{purged.stderr}"
    assert not PREFIX.exists()
    assert not COMMAND.exists() and not COMMAND.is_symlink()
    assert not DESKTOP.exists() and not ICON.exists()
    assert dpkg("-s", PACKAGE).returncode != 0
    assert data.is_file()  # the user's data outlives the program
