"""House rules of docs/architecture.md: which layer may import which."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "wuye_desktop"
# What storage may take from core: the clock, the errors it raises and the marker of their
# translatable text. Permissions, audit entries and the rules are core's, above storage.
STORAGE_MAY_USE = {"wuye_desktop.core.clock", "wuye_desktop.core.errors", "wuye_desktop.core.i18n"}
# What documents may take from core: values and their formatting, nothing that reaches the
# database. Loading, roles, counting, numbering and the audit are the print service's
# (core/prints/), which renders through documents.
DOCUMENTS_MAY_USE = {
    "wuye_desktop.core.clock",  # format_local, to_local
    "wuye_desktop.core.deadlines",  # the rules a notice puts into words (values only)
    "wuye_desktop.core.errors",  # a missing font is StorageUnavailable
    "wuye_desktop.core.i18n",
    "wuye_desktop.core.ledger.money",  # format_fen
    "wuye_desktop.core.progress",
    "wuye_desktop.core.vocab",
}


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


def test_documents_only_draw_from_values() -> None:
    def allowed(name: str) -> bool:
        if name in ("wuye_desktop.core", "wuye_desktop.core.ledger"):
            return True  # the package of an allowed module (``from wuye_desktop.core import x``)
        if _in(name, "wuye_desktop.core"):
            return any(_in(name, m) for m in DOCUMENTS_MAY_USE)
        return _in(name, "wuye_desktop.documents") or _in(name, "wuye_desktop.resources")

    assert _offenders("documents", allowed) == []


def _module_file(name: str) -> Path | None:
    """The file of the longest module prefix of *name* (``a.b.func`` is in ``a/b.py``)."""
    parts = name.split(".")
    while parts:
        base = PACKAGE.parent.joinpath(*parts)
        for path in (base.with_suffix(".py"), base / "__init__.py"):
            if path.is_file():
                return path
        parts.pop()
    return None


def _third_party(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_what_documents_may_use_of_core_reaches_no_database() -> None:
    seen: set[Path] = set()
    todo = [p for m in DOCUMENTS_MAY_USE if (p := _module_file(m)) is not None]
    assert len(todo) == len(DOCUMENTS_MAY_USE)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        assert "sqlalchemy" not in _third_party(path), path
        for name in _modules(path):
            assert not _in(name, "wuye_desktop.storage"), f"{path}: {name}"
            found = _module_file(name)
            if found is not None:
                todo.append(found)
