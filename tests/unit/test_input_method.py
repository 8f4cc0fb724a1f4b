"""fcitx desktops get Qt's ibus plugin in portal mode; other desktops are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from wuye_desktop.ui import input_method as im


@pytest.mark.parametrize(
    "env",
    [
        {"QT_IM_MODULE": "fcitx"},
        {"QT_IM_MODULE": "fcitx5", "XMODIFIERS": "@im=fcitx"},
        {"XMODIFIERS": "@im=fcitx"},
        {"QT_IM_MODULES": "wayland;fcitx"},
    ],
)
def test_fcitx_without_its_plugin_goes_through_the_ibus_portal(
    env: dict[str, str], tmp_path: Path
) -> None:
    assert im.adapt_environment(env, [tmp_path])
    assert env["QT_IM_MODULE"] == "ibus" and env["IBUS_USE_PORTAL"] == "1"
    assert "QT_IM_MODULES" not in env


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"QT_IM_MODULE": "ibus", "XMODIFIERS": "@im=ibus"},
        {"QT_IM_MODULE": "ibus", "XMODIFIERS": "@im=fcitx"},  # what the user chose wins
        {"QT_IM_MODULES": "wayland;ibus;fcitx"},
        {"QT_IM_MODULE": "compose"},
    ],
)
def test_other_input_methods_are_left_alone(env: dict[str, str], tmp_path: Path) -> None:
    before = dict(env)
    assert not im.adapt_environment(env, [tmp_path])
    assert env == before


def test_a_fcitx_plugin_in_qts_folders_is_used_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "platforminputcontexts"
    folder.mkdir()
    (folder / "libfcitx5platforminputcontextplugin.so").write_bytes(b"")
    env = {"QT_IM_MODULE": "fcitx"}
    assert not im.adapt_environment(env, [tmp_path / "elsewhere", tmp_path])
    assert env == {"QT_IM_MODULE": "fcitx"}


def test_qts_own_plugin_folder_is_among_the_folders() -> None:
    dirs = im.qt_plugin_dirs()
    assert (dirs[0] / "platforminputcontexts").is_dir()  # the wheel's ibus and compose plugins
