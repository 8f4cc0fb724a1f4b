"""Parsed fonts kept between runs (documents.font_cache): what is read back is what reportlab
parses, a document drawn with it is the same document, and a damaged or unwritable cache only
costs the parse."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from wuye_desktop.documents import font_cache
from wuye_desktop.documents.fonts import FALLBACK_FILES, FONT_FILE, _EmbeddedFont
from wuye_desktop.resources import resource_path

FONT_PATH = str(resource_path(*FONT_FILE))


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def _entries() -> list[Path]:
    return sorted(font_cache.cache_dir().glob("*.pickle"))


def _same_face(kept: TTFontFace, parsed: TTFontFace) -> None:
    a, b = vars(kept), vars(parsed)
    assert a.keys() == b.keys()
    for name in a.keys() - {"_pdfScale"}:
        assert a[name] == b[name], name
        assert type(a[name]) is type(b[name]), name
    for value in (0, 1, 7.5, 2048, -300):
        assert kept._pdfScale(value) == parsed._pdfScale(value)


def test_the_face_read_back_is_the_face_reportlab_parses() -> None:
    parsed = TTFontFace(FONT_PATH)
    first = font_cache.load_face(FONT_PATH)  # parsed and kept
    assert len(_entries()) == 1
    again = font_cache.load_face(FONT_PATH)  # read back
    _same_face(first, parsed)
    _same_face(again, parsed)
    # Tables of every kind are kept compactly (dicts of numbers and of lists, number lists,
    # pairs): the test would not notice a kind that fell back to plain pickling otherwise.
    assert isinstance(again.glyphToChar[again.charToGlyph[ord("刘")]], list)
    assert isinstance(again.hmetrics[0], tuple)


def test_a_fallback_font_at_2048_units_per_em_scales_as_parsed() -> None:
    _name, file = FALLBACK_FILES[0]
    path = str(resource_path(*file))
    parsed = TTFontFace(path)
    font_cache.load_face(path)
    _same_face(font_cache.load_face(path), parsed)


def test_the_documents_font_is_set_up_as_reportlab_sets_up_a_font() -> None:
    ours = _EmbeddedFont("Ours", FONT_PATH, ascii_readable=False)
    theirs = TTFont("Theirs", FONT_PATH, asciiReadable=False, shapable=False)
    assert vars(ours).keys() == vars(theirs).keys()
    for name in vars(ours).keys() - {"fontName", "face", "state", "encoding"}:
        assert vars(ours)[name] == vars(theirs)[name], name
    assert ours.encoding.name == theirs.encoding.name


def _drawn(font: TTFont) -> bytes:
    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(font.fontName, 14)
    canvas.drawString(72, 720, "报修电话 0532-8888 1234 青岛 Qingdao 刘䶮")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_document_drawn_with_the_kept_font_is_the_same_document() -> None:
    font_cache.load_face(FONT_PATH)  # kept
    kept = _EmbeddedFont("Same", FONT_PATH)
    parsed = TTFont("Same", FONT_PATH, shapable=False)
    assert _drawn(kept) == _drawn(parsed)


def test_a_damaged_entry_is_parsed_again_and_replaced(caplog: pytest.LogCaptureFixture) -> None:
    font_cache.load_face(FONT_PATH)
    (entry,) = _entries()
    entry.write_bytes(entry.read_bytes()[:1000])  # cut short, as by a full disk
    _same_face(font_cache.load_face(FONT_PATH), TTFontFace(FONT_PATH))
    assert "unreadable" in caplog.text
    assert entry.stat().st_size > 1000  # written anew
    _same_face(font_cache.load_face(FONT_PATH), TTFontFace(FONT_PATH))


def test_an_unwritable_cache_only_costs_the_parse(own_cache: Path) -> None:
    # A file where the cache folder should be: it cannot be made (as on a read-only home).
    own_cache.mkdir()
    (own_cache / "wuye_desktop").write_text("not a folder")
    _same_face(font_cache.load_face(FONT_PATH), TTFontFace(FONT_PATH))
    _same_face(font_cache.load_face(FONT_PATH), TTFontFace(FONT_PATH))


def test_a_changed_font_file_is_not_met_by_the_old_entry(tmp_path: Path) -> None:
    copy = tmp_path / "font.ttc"
    copy.write_bytes(Path(FONT_PATH).read_bytes())
    font_cache.load_face(str(copy))
    os.utime(copy, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 10**9))
    font_cache.load_face(str(copy))
    assert len(_entries()) == 2
