"""Where the program's data files are: fonts, icons, translations, demo rosters.

They live in ``resources/`` beside the package in a checkout (and in an editable install). A
frozen build (PyInstaller) unpacks them under ``sys._MEIPASS``; an installation may put them in
``<prefix>/share/wuye_desktop/resources``. ``WUYE_RESOURCES`` overrides all of these.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

ENV_RESOURCES = "WUYE_RESOURCES"


def _candidates() -> list[Path]:
    found: list[Path] = []
    if override := os.environ.get(ENV_RESOURCES):
        found.append(Path(override))
    found.append(Path(__file__).resolve().parent.parent / "resources")
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "resources")
    found.append(Path(sys.prefix) / "share" / "wuye_desktop" / "resources")
    return found


@cache
def resources_dir() -> Path:
    """The first resources folder that exists (the checkout's when none does)."""
    candidates = _candidates()
    return next((p for p in candidates if p.is_dir()), candidates[0])


def resource_path(*parts: str) -> Path:
    """A file under the resources folder, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    return resources_dir().joinpath(*parts)
