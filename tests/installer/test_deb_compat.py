"""The package for older desktops (``installer/build_deb_compat.sh``), end to end on Debian 11.

UOS 20 and Kylin V10 have the C library of Debian 10/11 or Ubuntu 20.04 and OpenSSL 1.1. The test
builds the package in a bullseye base system, then installs it with apt into a clean minimal
bullseye (another debootstrap, in a chroot: glibc 2.31, OpenSSL 1.1.1, nothing of ours), so apt
must find every dependency the package names, and runs the installed ``wuye --selftest`` there.

It takes about 11 minutes the first time (the base systems and CPython are built, then kept in
``WUYE_COMPAT_DIR``) and about 4 later, and needs Debian's mirror and PyPI. ``.ci/run`` does not
run it: its 20 minutes could not hold it. It runs with ``WUYE_TEST_DEB_COMPAT=1``, as root.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "wuye-desktop"
SUITE = "bullseye"
MIRROR = os.environ.get("WUYE_DEBIAN_MIRROR", "http://deb.debian.org/debian")
# The newest C library the package may ask for: Kylin V10 SP1 (Ubuntu 20.04) has glibc 2.31.
MAX_GLIBC = (2, 31)
MAX_DEB_MB = 120


def unavailable() -> str | None:
    if os.environ.get("WUYE_TEST_DEB_COMPAT") != "1":
        return "the package for UOS/Kylin takes minutes to build: set WUYE_TEST_DEB_COMPAT=1"
    if os.geteuid() != 0:
        return "debootstrap, chroot and mount need root"
    if not shutil.which("debootstrap"):
        return "needs debootstrap (apt-get install debootstrap)"
    return None


def run(argv: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, (
        f"{' '.join(argv)} exited {done.returncode}\n"
        f"--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}"
    )
    return done


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


class Chroot:
    """A Debian system in a folder, with /proc and /dev mounted while it is used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.mounts: list[Path] = []

    def __enter__(self) -> Chroot:
        for argv, target in (
            (["mount", "-t", "proc", "proc"], self.path / "proc"),
            (["mount", "--rbind", "/dev"], self.path / "dev"),
        ):
            run([*argv, str(target)], 30)
            self.mounts.append(target)
        shutil.copy("/etc/resolv.conf", self.path / "etc" / "resolv.conf")
        return self

    def __exit__(self, *exc: object) -> None:
        for target in reversed(self.mounts):
            subprocess.run(["umount", "-l", str(target)], check=False)

    def run(self, *argv: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        env = [
            "HOME=/root",
            "LANG=C.UTF-8",
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "DEBIAN_FRONTEND=noninteractive",
        ]
        return run(["chroot", str(self.path), "/usr/bin/env", "-i", *env, *argv], timeout)


@pytest.fixture(scope="module")
def work() -> Path:
    reason = unavailable()
    if reason is not None:
        pytest.skip(reason)
    path = Path(os.environ.get("WUYE_COMPAT_DIR", ROOT / "build" / "compat"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def clean_bullseye(work: Path, tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of a minimal bullseye: what a desk's system has before our package."""
    pristine = work / f"{SUITE}-target"
    if not (pristine / ".wuye-base").is_file():
        shutil.rmtree(pristine, ignore_errors=True)
        run(["debootstrap", "--variant=minbase", SUITE, str(pristine), MIRROR], 1800)
        (pristine / ".wuye-base").touch()
    target = tmp_path / "system"
    run(["cp", "-a", str(pristine), str(target)], 300)
    try:
        yield target
    finally:
        shutil.rmtree(target, ignore_errors=True)


def glibc_asked(depends: str) -> tuple[int, ...]:
    found = re.search(r"libc6 \(>= ([0-9.]+)\)", depends)
    assert found, depends
    return tuple(int(part) for part in found.group(1).split(".")[:2])


def test_the_compat_deb_installs_and_runs_on_debian_11(
    work: Path, clean_bullseye: Path, tmp_path: Path
) -> None:
    out = tmp_path / "deb"
    run(["bash", str(ROOT / "installer" / "build_deb_compat.sh"), str(out)], 3600)
    deb = out / f"{PACKAGE}_{version()}_amd64.deb"
    assert deb.stat().st_size <= MAX_DEB_MB * 1024 * 1024

    depends = run(["dpkg-deb", "--field", str(deb), "Depends"], 60).stdout
    assert glibc_asked(depends) <= MAX_GLIBC, depends
    assert "libssl1.1" in depends and "libssl3" not in depends, depends
    assert "fonts-wqy-microhei" in depends, depends
    # Not the 2:1.7.2 of Debian 11's shlibs file, which Ubuntu 20.04 (Kylin V10) cannot satisfy.
    assert re.search(r"libx11-xcb1(,|$)", depends), depends

    shutil.copy(deb, clean_bullseye / "tmp" / deb.name)
    (clean_bullseye / "etc" / "apt" / "sources.list").write_text(
        f"deb {MIRROR} {SUITE} main\n", "utf-8"
    )
    with Chroot(clean_bullseye) as system:
        system.run("apt-get", "-qq", "update")
        # apt resolves the package's Depends from bullseye alone: a name that does not exist
        # there, or a version it does not have, fails here.
        system.run("apt-get", "-qq", "-y", "install", f"/tmp/{deb.name}", timeout=900)
        assert system.run("ldd", "--version").stdout.startswith("ldd (Debian GLIBC 2.31")
        shown = system.run("wuye", "--version").stdout.strip()
        assert shown == f"wuye {version()}"
        selftest = system.run("wuye", "--selftest", timeout=300).stdout
        assert "FAILED" not in selftest and selftest.count("\nok  ") >= 8, selftest
        system.run("apt-get", "-qq", "-y", "purge", PACKAGE)
        assert not (clean_bullseye / "opt" / PACKAGE).exists()
        assert not (clean_bullseye / "usr" / "bin" / "wuye").exists()
