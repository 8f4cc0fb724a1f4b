"""House rules of docs/architecture.md: which layer may import which."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "wuye_desktop"
# What storage may take from core: the clock, the errors it raises and the marker of their
# translatable text. Permissions, audit entries and the rules are core's, above storage.
STORAGE_MAY_USE = {"wuye_desktop.core.clock", "wuye_desktop.core.errors", "wuye_desktop.core.i18n"}


def _modules(path: Path) -> set[str]:
    """Every wuye_desktop module *path* imports (a name imported from a package counts too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.startswith("wuye_desktop.")}


def _offenders(layer: str, allowed: Callable[[str], bool]) -> list[str]:
    found = []
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert len(files) > 3  # the scan did look at the layer
    for path in files:
        for name in sorted(_modules(path)):
            if not allowed(name):
                found.append(f"{path.relative_to(PACKAGE)}: {name}")
    return found


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_storage_uses_only_the_clock_errors_and_i18n_of_core() -> None:
    def allowed(name: str) -> bool:
        if not _in(name, "wuye_desktop.core"):
            return not any(_in(name, f"wuye_desktop.{p}") for p in ("ui", "commands", "demo"))
        return name == "wuye_desktop.core" or any(_in(name, m) for m in STORAGE_MAY_USE)

    assert _offenders("storage", allowed) == []


def test_core_knows_nothing_of_the_demo_the_commands_or_the_ui() -> None:
    def allowed(name: str) -> bool:
        return not any(_in(name, f"wuye_desktop.{p}") for p in ("ui", "commands", "demo", "cli"))

    assert _offenders("core", allowed) == []
