"""The Chinese translation is complete, compiled, and up to date with the code."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_]*\}(?!\})")

needs_tools = pytest.mark.skipif(
    not (Path(sys.executable).parent / "pyside6-lupdate").exists()
    and shutil.which("pyside6-lupdate") is None,
    reason="pyside6-lupdate is not installed",
)


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _load_script()


def test_every_chinese_message_is_translated() -> None:
    missing = script.untranslated("zh_CN")
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


def test_translations_keep_the_placeholders_and_accelerators() -> None:
    """A translation that drops or renames {name} would break .format() at run time."""
    problems = []
    for (context, source), message in script.messages(script.ts_path("zh_CN")).items():
        for translation in _forms(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                problems.append((context, source, translation))
            if "&" in source.replace("&&", "") and "&" not in translation and "<" not in source:
                problems.append((context, source, translation))
    assert not problems


def _forms(message: ET.Element) -> list[str]:
    """The translation, or each plural form of a text that counts (%n)."""
    if message.get("numerus") == "yes":
        return [form.text or "" for form in message.iter("numerusform")]
    return [message.findtext("translation") or ""]


# "{n} orders", "{count} households": a count before the thing counted. A limit ("at least {n}",
# "more than {n}", "the first {n}") is never 1, "{n} points" is a decimal, and the core's texts
# are named by QT_TRANSLATE_NOOP, which has no count to choose a form with (they are limits).
_COUNT = re.compile(
    r"(?<!least )(?<!most )(?<!than )(?<!first )\{(n|count|rows|total)\} "
    r"(?!points)([a-z]+ )?[a-z]+(s\b|\(s\))"
)


def _counts_without_n(context: str, source: str) -> bool:
    return context != "core" and _COUNT.search(source) is not None


def test_texts_that_count_have_their_plural_forms() -> None:
    """Chinese has one form, English two ("1 entry", "2 entries"); each keeps %n. A count
    written as {n} in a text that counts things reads "1 entries" in English."""
    problems = []
    for language, count in (("zh_CN", 1), ("en", 2)):
        for (context, source), message in script.messages(script.ts_path(language)).items():
            if message.get("numerus") != "yes":
                if _counts_without_n(context, source):
                    problems.append((language, context, source, "a count without %n"))
                continue
            forms = _forms(message)
            if len(forms) != count or not all("%n" in form for form in forms):
                problems.append((language, context, source, forms))
            if language == "en" and len(set(forms)) != count:
                problems.append((language, context, source, forms))
    assert not problems


@needs_tools
def test_ts_files_have_every_text_of_the_code() -> None:
    """Run lupdate on the current code: it must find nothing new (else run the script)."""
    assert script.missing_texts() == []


@needs_tools
def test_qm_files_are_compiled_from_the_ts_files(tmp_path: Path) -> None:
    for language in script.LANGUAGES:
        fresh = tmp_path / f"wuye_{language}.qm"
        script.lrelease(script.ts_path(language), fresh)
        committed = script.qm_path(language)
        assert committed.exists(), f"{committed.name} missing: run scripts/update_translations.py"
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale"


def test_chinese_qm_translates_core_and_ui_texts(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(script.qm_path("zh_CN")))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("core", "Wrong user name or password.") == (
            "用户名或密码错误。"
        )
        assert QCoreApplication.translate("core", "Service desk") == "客服"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        QCoreApplication.removeTranslator(translator)
