#!/usr/bin/env python3
"""Bring the .ts files up to date with the code, then compile them to .qm.

    .venv/bin/python scripts/update_translations.py          # update .ts, write .qm
    .venv/bin/python scripts/update_translations.py --check  # exit 1 if the .ts lack texts

lupdate scans every .py under wuye_desktop/: ``self.tr(...)``, ``QCoreApplication.translate``
and the core's ``QT_TRANSLATE_NOOP("core", ...)``. Existing translations are kept; a text that
changed is carried over as unfinished when lupdate finds a similar one; texts no longer in the
code are dropped. New texts arrive as unfinished: translate them in Qt Linguist
(``.venv/bin/pyside6-linguist resources/translations/wuye_zh_CN.ts``) or in the XML, then run
this again so the .qm files follow.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "wuye_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    local = BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"wuye_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"wuye_{language}.qm"


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_files: list[Path]) -> None:
    """Merge the code's texts into *ts_files* (created if missing)."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        # Paths relative to the repository, so the .ts files do not depend on where it lives.
        listing.write_text(
            "\n".join(str(p.relative_to(ROOT)) for p in source_files()) + "\n", encoding="utf-8"
        )
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-silent",
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                f"@{listing}",
                "-ts",
                *map(str, ts_files),
            ],
            cwd=ROOT,
            check=True,
        )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <message> of the live (not obsolete or vanished) messages."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = message
    return found


def missing_texts() -> list[tuple[str, str]]:
    """Texts in the code that wuye_zh_CN.ts does not have yet (the .ts files are untouched)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "wuye_zh_CN.ts"
        if ts_path("zh_CN").exists():
            shutil.copy(ts_path("zh_CN"), copy)
        lupdate([copy])
        fresh = messages(copy)
    known = messages(ts_path("zh_CN")) if ts_path("zh_CN").exists() else {}
    return sorted(set(fresh) - set(known))


def untranslated(language: str = "zh_CN") -> list[tuple[str, str]]:
    """Live messages of *language* still unfinished or with an empty translation."""

    def finished(translation: ET.Element | None) -> bool:
        if translation is None or translation.get("type") == "unfinished":
            return False
        return bool((translation.text or "").strip() or translation.findall("numerusform"))

    return sorted(
        key
        for key, message in messages(ts_path(language)).items()
        if not finished(message.find("translation"))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if the code has texts the .ts files lack",
    )
    args = parser.parse_args(argv)
    if args.check:
        missing = missing_texts()
        for context, source in missing:
            print(f"not in the .ts files: [{context}] {source}")
        return 1 if missing else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate([ts_path(language) for language in LANGUAGES])
    for language in LANGUAGES:
        lrelease(ts_path(language), qm_path(language))
    todo = untranslated("zh_CN")
    if todo:
        print(f"{len(todo)} text(s) still to translate in {ts_path('zh_CN').relative_to(ROOT)}:")
        for context, source in todo:
            print(f"  [{context}] {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
