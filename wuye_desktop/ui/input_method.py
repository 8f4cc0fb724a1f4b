"""Chinese input on fcitx desktops (UOS, Kylin, Deepin), chosen before the QApplication exists.

Those desktops ask Qt for its "fcitx" input plugin (QT_IM_MODULE=fcitx, or only
XMODIFIERS=@im=fcitx). Qt does not ship that plugin: fcitx builds it against the system's own Qt,
and it cannot load into the Qt of PySide6's wheels, so the program would get no input method at
all. fcitx 5 also serves IBus's portal interface on the session bus, which Qt's own ibus plugin
speaks when IBUS_USE_PORTAL is set (seen here: fcitx 5.0.21, pinyin "nihao" + space gave 你好 in
a QLineEdit). So such a desktop gets the ibus plugin in portal mode. fcitx 4 has no IBus
interface; there the switch changes nothing, as no plugin would have worked anyway.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

FCITX_NAMES = ("fcitx", "fcitx5")


def _asked_for_fcitx(env: MutableMapping[str, str]) -> bool:
    """Whether fcitx comes before ibus in what Qt is told to try (QT_IM_MODULE, or Qt 6.7's
    list QT_IM_MODULES), or, with neither set, in the X input method (XMODIFIERS)."""
    asked = env.get("QT_IM_MODULE", "") or env.get("QT_IM_MODULES", "")
    if not asked:
        asked = env.get("XMODIFIERS", "").replace(" ", "").removeprefix("@im=")
    known = [m for m in asked.lower().replace(" ", "").split(";") if m in (*FCITX_NAMES, "ibus")]
    return bool(known) and known[0] in FCITX_NAMES


def _has_fcitx_plugin(plugin_dirs: list[Path]) -> bool:
    return any(any((folder / "platforminputcontexts").glob("*fcitx*")) for folder in plugin_dirs)


def adapt_environment(env: MutableMapping[str, str], plugin_dirs: list[Path]) -> bool:
    """Point Qt at fcitx 5's IBus portal where fcitx is asked for and no plugin of it is here.

    *plugin_dirs* are the folders Qt loads plugins from. Returns whether *env* was changed.
    """
    if not _asked_for_fcitx(env) or _has_fcitx_plugin(plugin_dirs):
        return False
    env["QT_IM_MODULE"] = "ibus"
    env.pop("QT_IM_MODULES", None)
    env.setdefault("IBUS_USE_PORTAL", "1")
    return True


def qt_plugin_dirs() -> list[Path]:
    """Where this Qt looks for plugins: its own folder and QT_PLUGIN_PATH's."""
    from PySide6.QtCore import QLibraryInfo

    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    dirs += [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    return dirs
