"""The Qt-free reader of the compiled catalogue (core.i18n.translate), used where no Qt runs:
the command line and the documents. It must give exactly what the window's translator gives."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from wuye_desktop.core.i18n import read_qm, translate
from wuye_desktop.resources import resource_path


def test_every_finished_translation_of_the_ts_file_is_read_from_the_qm() -> None:
    root = ET.parse(resource_path("translations", "wuye_zh_CN.ts")).getroot()
    compiled = read_qm(resource_path("translations", "wuye_zh_CN.qm").read_bytes())
    checked = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, target = message.find("source"), message.find("translation")
            if source is None or target is None or message.get("numerus") == "yes":
                continue  # plural forms are the window's (Qt's %n), not asked for here
            if target.get("type") in ("unfinished", "vanished", "obsolete") or not target.text:
                continue
            assert compiled.get((name, source.text or "")) == target.text, (name, source.text)
            checked += 1
    assert checked > 1000


def test_translate_falls_back_to_the_source_text() -> None:
    assert translate("core", "Accepted") == "已受理"
    assert translate("overview", "Whole company") == "全公司"
    assert translate("core", "no such text") == "no such text"
    assert translate("core", "Accepted", language="xx") == "Accepted"


def test_a_file_that_is_not_a_catalogue_is_refused() -> None:
    with pytest.raises(ValueError):
        read_qm(b"<TS version='2.1'></TS>")
