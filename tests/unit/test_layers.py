"""The layer contracts of docs/architecture.md, declared in one table and checked on the source.

Each row of ``CONTRACTS`` names the files it holds for (fnmatch patterns relative to the
``wuye_desktop`` folder, where ``*`` also crosses folders) and the modules they must not import.
Every import counts, wherever it is written: at the top, inside a function (the lazy imports of
the GUI and the printers), under ``if TYPE_CHECKING:``, and ``importlib.import_module`` /
``__import__`` with a literal name. Relative imports are resolved to the module they name.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "wuye_desktop"
ROOT = "wuye_desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
DOCUMENTS_MAY_USE = (
    f"{ROOT}.core.clock",  # format_local, to_local
    f"{ROOT}.core.deadlines",  # the rules a notice puts into words (values only)
    f"{ROOT}.core.errors",  # a missing font is StorageUnavailable
    f"{ROOT}.core.i18n",
    f"{ROOT}.core.ledger.money",  # format_fen
    f"{ROOT}.core.overview.figures",  # the overview's figures' names and definitions (texts only)
    f"{ROOT}.core.progress",
    f"{ROOT}.core.vocab",
)


@dataclass(frozen=True)
class Contract:
    name: str
    files: tuple[str, ...]  # which files the rule holds for
    forbidden: tuple[str, ...]  # modules (and everything below them) those files must not import
    allowed: tuple[str, ...] = ()  # exceptions below a forbidden module
    exempt: tuple[str, ...] = ()  # files matched by ``files`` that the rule does not hold for


CONTRACTS = [
    Contract(
        "only ui imports Qt (core, storage, documents, regulator, demo, commands, cli never do)",
        files=("*",),
        forbidden=QT,
        exempt=("ui/*",),
    ),
    Contract(
        # What storage may take from core: the clock, the errors it raises and the marker of their
        # translatable text. Permissions, audit entries and the rules are core's, above storage.
        "storage imports no core service, only core.clock, core.errors and core.i18n",
        files=("storage/*",),
        forbidden=(f"{ROOT}.core",),
        allowed=(f"{ROOT}.core.clock", f"{ROOT}.core.errors", f"{ROOT}.core.i18n"),
    ),
    Contract(
        "documents never import storage (they draw what core hands them)",
        files=("documents/*",),
        forbidden=(f"{ROOT}.storage",),
    ),
    Contract(
        # What documents may take from core: values and their formatting, nothing that reaches
        # the database. Loading, roles, counting, numbering and the audit are the print
        # service's (core/prints/), which renders through documents.
        "documents take of core only values and their formatting",
        files=("documents/*",),
        forbidden=(f"{ROOT}.core",),
        allowed=DOCUMENTS_MAY_USE,
    ),
    Contract(
        "the layers below the commands know nothing of the commands, the cli or the demo",
        files=("core/*", "storage/*", "documents/*", "regulator/*", "portal/*"),
        forbidden=(f"{ROOT}.commands", f"{ROOT}.cli", f"{ROOT}.demo", f"{ROOT}.selftest"),
    ),
    Contract(
        # The owners' reporting page is a web service on core's rules: it never draws a
        # document or speaks the regulator's protocol itself (core does both for it).
        "the owners' reporting page uses core and storage only",
        files=("portal/*",),
        forbidden=(f"{ROOT}.documents", f"{ROOT}.regulator", f"{ROOT}.ui"),
    ),
    Contract(
        # The GUI is started from the entry point only: cli.py opens the window when no command
        # is given. selftest.py (`wuye --selftest`, reached only through cli.py) is a second way
        # of starting the GUI: its window step opens the main window offscreen to prove that the
        # installed Qt, plugins and translations work, which it cannot do without the ui.
        "nothing imports ui but the entry point (cli.py, and selftest.py for its window step)",
        files=("*",),
        forbidden=(f"{ROOT}.ui",),
        exempt=("ui/*", "cli.py", "selftest.py"),
    ),
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_project_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:]) if "." in name else Path()
    base = PACKAGE / relative
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _absolute(path: Path, module: str | None, level: int) -> str:
    """The module a ``from ... import`` names, relative imports resolved from *path*."""
    if level == 0:
        return module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _imports(path: Path, source: str | None = None) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in *path* (or in *source*, read as if it were *path*'s);
    ``from m import a`` gives ``m.a`` when that is a module of the project (``from
    wuye_desktop.core import users``), else ``m``."""
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(path, node.module, node.level)
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                is_module = module.startswith(ROOT) and _is_project_module(submodule)
                yield node.lineno, submodule if is_module else module
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            yield node.lineno, node.args[0].value


def _under(name: str, modules: tuple[str, ...]) -> bool:
    return any(name == m or name.startswith(m + ".") for m in modules)


def _files(contract: Contract) -> list[Path]:
    every = sorted(PACKAGE.rglob("*.py"))
    for pattern in contract.files:  # a pattern that matches nothing is a typo, not a pass
        assert any(fnmatch.fnmatch(p.relative_to(PACKAGE).as_posix(), pattern) for p in every), (
            f"{pattern!r} matches no file of wuye_desktop"
        )
    return [
        path
        for path in every
        if any(fnmatch.fnmatch(path.relative_to(PACKAGE).as_posix(), p) for p in contract.files)
        and not any(
            fnmatch.fnmatch(path.relative_to(PACKAGE).as_posix(), p) for p in contract.exempt
        )
    ]


def _breaches(contract: Contract) -> list[str]:
    return [
        f"wuye_desktop/{path.relative_to(PACKAGE).as_posix()}:{line}: imports {name}"
        for path in _files(contract)
        for line, name in sorted(set(_imports(path)))
        if _under(name, contract.forbidden) and not _under(name, contract.allowed)
    ]


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: c.name)
def test_layer_contract(contract: Contract) -> None:
    assert len(_files(contract)) >= len(contract.files)  # the scan did look at files
    breaches = _breaches(contract)
    if breaches:
        pytest.fail(f"broken: {contract.name}\n" + "\n".join(breaches), pytrace=False)


# The scanner itself: a rule checked by a blind scanner proves nothing.


def test_the_scanner_sees_imports_inside_functions_dynamic_and_relative_ones() -> None:
    source = (
        "from __future__ import annotations\n"
        "def f():\n"
        "    from PySide6.QtCore import QObject\n"
        "    from . import models\n"
        "    from ..core import users\n"
        "    from ..core.clock import now_utc\n"
        "    import importlib\n"
        "    importlib.import_module('wuye_desktop.ui.app')\n"
    )
    # Read as if it were storage/db.py, which its relative imports are resolved from.
    names = [name for _line, name in _imports(PACKAGE / "storage" / "db.py", source)]
    assert names == [
        "__future__",
        "PySide6.QtCore",
        "wuye_desktop.storage.models",
        "wuye_desktop.core.users",
        "wuye_desktop.core.clock",
        "importlib",
        "wuye_desktop.ui.app",
    ]
    storage_rule = CONTRACTS[1]
    assert isinstance(storage_rule, Contract)
    assert [n for n in names if _under(n, storage_rule.forbidden)] == [
        "wuye_desktop.core.users",
        "wuye_desktop.core.clock",
    ]
    assert [n for n in names if _under(n, storage_rule.allowed)] == ["wuye_desktop.core.clock"]


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


def test_what_documents_may_use_of_core_reaches_no_database() -> None:
    """Follows the allowed core modules' own imports all the way down."""
    seen: set[Path] = set()
    todo = [p for m in DOCUMENTS_MAY_USE if (p := _module_file(m)) is not None]
    assert len(todo) == len(DOCUMENTS_MAY_USE)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for _line, name in _imports(path):
            assert not _under(name, ("sqlalchemy", f"{ROOT}.storage")), f"{path}: {name}"
            found = _module_file(name) if name.startswith(ROOT) else None
            if found is not None:
                todo.append(found)
