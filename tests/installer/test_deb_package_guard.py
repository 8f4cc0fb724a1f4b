"""The installer test leaves a machine's own ``wuye-desktop`` alone: where dpkg knows it as
installed (or half installed), the end-to-end test refuses instead of replacing and purging it.

dpkg-query is replaced by a script on PATH, so this runs anywhere, quickly, without root.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.installer.test_deb_package import already_installed


def fake_dpkg_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, code: int = 0
) -> None:
    script = tmp_path / "dpkg-query"
    script.write_text(f"#!/bin/sh\nprintf '%s' '{output}'\nexit {code}\n", "utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")


@pytest.mark.parametrize("status", ["installed", "half-configured", "unpacked"])
def test_an_installed_package_is_refused_by_name_and_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: str
) -> None:
    fake_dpkg_query(tmp_path, monkeypatch, f"{status} 0.1.0")
    reason = already_installed()
    assert reason is not None
    assert "wuye-desktop 0.1.0 is installed" in reason and "apt purge wuye-desktop" in reason


@pytest.mark.parametrize(
    ("output", "code"),
    [("", 1), ("not-installed ", 0), ("config-files 0.1.0", 0)],
)
def test_no_package_or_a_purged_one_is_no_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, code: int
) -> None:
    fake_dpkg_query(tmp_path, monkeypatch, output, code)
    assert already_installed() is None
