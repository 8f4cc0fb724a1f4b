"""The fonts of every document: WenQuanYi Micro Hei, and Hanazono Mincho for what it lacks.

A PDF that embeds its font looks the same on every machine and printer, whatever fonts the
machine has. reportlab embeds only the glyphs a document uses (subsets), which keeps a letter
small. The font has a single weight: hierarchy comes from size and colour; where a heading
must look bold, :func:`draw_bold` strokes the glyph outlines as well as filling them.

WenQuanYi Micro Hei has the common characters but hardly any of CJK Extension A and none
beyond: an owner named 刘䶮 would print as "刘". Names with rare characters are common, so the
font registered as :data:`FONT` falls back, character by character, to Hanazono Mincho A
(Extension A and the rest of the basic plane) and B (Extensions B to F), shipped beside it
(resources/fonts/LICENSE-hanazono.txt). Every drawing path (canvas strings, paragraphs, table
cells) goes through the registered font, so every document gets the fallback. A character no
font has prints as :data:`PLACEHOLDER`, visibly; ``documents.coverage`` finds such characters
in a document's facts so that the user is told before printing.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont
from reportlab.pdfgen.canvas import Canvas

from wuye_desktop.core.errors import StorageUnavailable
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.documents import font_cache
from wuye_desktop.resources import resource_path

FONT = "WQYMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
# Tried in order for a character the first font lacks: A covers the basic plane's ideographs
# (Extension A complete), B the supplementary plane's (Extensions B to F).
FALLBACK_FILES = (("HanaMinA", ("fonts", "HanaMinA.ttf")), ("HanaMinB", ("fonts", "HanaMinB.ttf")))
# The typesetter's mark for a missing character (缺字符号), drawn in the first font.
PLACEHOLDER = "〓"

_lock = threading.Lock()
_registered = False
# Variation selectors (U+FE00–FE0F, U+E0100–E01EF) qualify the character before them and are
# no character to draw; neither are controls, format characters or separators.
_IGNORED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})
_PLACEHOLDER_FONT = 0
_NO_FONT = -1
# reportlab writes a subset's ToUnicode entries as "<XX> <%04X>", which is not UTF-16 for a
# character beyond the basic plane (five or six digits), so text extraction would lose it.
_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _ignored(code: int) -> bool:
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(chr(code)) in _IGNORED_CATEGORIES


def _utf16_entry(match: re.Match[str]) -> str:
    units = chr(int(match[2], 16)).encode("utf-16-be").hex().upper()
    return f"<{match[1]}> <{units}>"


class _EmbeddedFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose subsets map back to characters beyond the basic plane too.

    Its face comes from ``font_cache`` (parsed once per machine, not once per process); the
    rest is what ``TTFont.__init__`` sets (tests/unit/test_font_cache.py holds them equal)."""

    def __init__(self, name: str, path: str, *, ascii_readable: bool | None = None) -> None:
        self.fontName = name
        self.face = font_cache.load_face(path, 0)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = (
            rl_config.ttfAsciiReadable if ascii_readable is None else ascii_readable
        )
        self.shapable = False  # one script, drawn glyph by glyph: nothing to shape

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        names = (
            [self.getSubsetInternalName(n, doc)[1:] for n in range(len(state.subsets))]
            if state is not None
            else []
        )
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            stream = doc.idToObject[fonts[name].ToUnicode.name]
            stream.content = _WIDE_ENTRY.sub(_utf16_entry, stream.content)


class FallbackFont(_EmbeddedFont):
    """The first font, drawing with a fallback font each character it lacks.

    reportlab asks a font to split a string into (subset, bytes) runs and for each subset's
    PDF name; here a subset is ``(font index, subset)``, so one string may switch fonts run by
    run. The fallbacks are read only when a character first needs one (they are large).
    """

    def __init__(self, name: str, path: str, fallbacks: list[tuple[str, str]]) -> None:
        super().__init__(name, path)
        self._fallback_files = fallbacks
        self._fallbacks: list[_EmbeddedFont] | None = None
        self._fallback_lock = threading.Lock()
        self._cache: dict[int, int] = {}

    def fallbacks(self) -> list[_EmbeddedFont]:
        if self._fallbacks is None:
            with self._fallback_lock:
                if self._fallbacks is None:
                    self._fallbacks = [_load(name, path) for name, path in self._fallback_files]
        return self._fallbacks

    def font_index(self, code: int) -> int:
        """0 for the first font, i for the i-th fallback, -1 when no font draws *code*."""
        if code in self.face.charToGlyph or code == 0xA0 or _ignored(code):
            return 0  # the no-break space is drawn as a space; ignored ones as before
        found = self._cache.get(code)
        if found is None:
            found = next(
                (
                    i
                    for i, font in enumerate(self.fallbacks(), start=1)
                    if code in font.face.charToGlyph
                ),
                _NO_FONT,
            )
            self._cache[code] = found
        return found

    def missing(self, text: str) -> str:
        """The characters of *text* no font draws, each once, in order."""
        primary = self.face.charToGlyph
        seen: dict[str, None] = {}
        for ch in text:
            if ord(ch) not in primary and self.font_index(ord(ch)) == _NO_FONT:
                seen[ch] = None
        return "".join(seen)

    def _runs(self, text: str) -> Iterator[tuple[int, str]]:
        """*text* as runs of one font each; a character no font has is the placeholder."""
        primary = self.face.charToGlyph
        if all(ord(ch) in primary for ch in text):
            yield 0, text
            return
        run: list[str] = []
        current = 0
        for ch in text:
            index = 0 if ord(ch) in primary else self.font_index(ord(ch))
            if index == _NO_FONT:
                index, ch = _PLACEHOLDER_FONT, PLACEHOLDER
            if index != current and run:
                yield current, "".join(run)
                run = []
            current = index
            run.append(ch)
        if run:
            yield current, "".join(run)

    def _font(self, index: int) -> _EmbeddedFont:
        return self if index == 0 else self.fallbacks()[index - 1]

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        return float(
            sum(TTFont.stringWidth(self._font(index), run, size) for index, run in self._runs(text))
        )

    def splitString(
        self, text: str | bytes, doc: Any, encoding: str = "utf-8"
    ) -> list[tuple[Any, bytes]]:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        split: list[tuple[Any, bytes]] = []
        for index, run in self._runs(text):
            font = self._font(index)
            for subset, chunk in TTFont.splitString(font, run, doc):
                split.append((subset if index == 0 else (index, subset), chunk))
        return split

    def getSubsetInternalName(self, subset: Any, doc: Any) -> str:
        if isinstance(subset, tuple):
            index, number = subset
            return str(self._font(index).getSubsetInternalName(number, doc))
        return str(super().getSubsetInternalName(subset, doc))


def _load(name: str, path: str) -> _EmbeddedFont:
    try:
        # Not ASCII-readable: that would put the 95 ASCII glyphs, which the first font draws,
        # in every document's subset of the fallback (15 kB for one character).
        return _EmbeddedFont(name, path, ascii_readable=False)
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "core", "The documents' font is missing ({path}); reinstall the program."
            ),
            path=path,
        ) from exc


_font: FallbackFont | None = None


def register_fonts() -> str:
    """Register the font with reportlab once per process (parsed once per machine: font_cache);
    its name."""
    global _registered, _font
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            path = resource_path(*FONT_FILE)
            fallbacks = [(name, str(resource_path(*file))) for name, file in FALLBACK_FILES]
            try:
                font = FallbackFont(FONT, str(path), fallbacks)
            except OSError as exc:
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP(
                        "core", "The documents' font is missing ({path}); reinstall the program."
                    ),
                    path=str(path),
                ) from exc
            pdfmetrics.registerFont(font)
            # Streams compressed but not also ASCII85-armoured: a PDF is a binary file anyway,
            # and the armour makes every document a quarter larger and slower to write.
            rl_config.useA85 = 0
            # Paragraph markup <b> looks the family's bold up; the one weight stands in for it.
            pdfmetrics.registerFontFamily(
                FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT
            )
            _font = font
            _registered = True
    return FONT


def undrawable(text: str) -> str:
    """The characters of *text* that no font of the documents can draw, each once."""
    register_fonts()
    assert _font is not None
    return _font.missing(text)


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))


def draw_bold(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, anchor: str = "left"
) -> None:
    """Text filled and outlined in the fill colour: a heavier heading from a one-weight font."""
    width = text_width(text, size)
    if anchor == "center":
        x -= width / 2
    elif anchor == "right":
        x -= width
    t = canvas.beginText(x, y)
    t.setFont(FONT, size)
    t.setTextRenderMode(2)  # fill, then stroke
    canvas.saveState()
    canvas.setLineWidth(size * 0.035)
    canvas.setLineJoin(1)
    t.textOut(text)
    canvas.drawText(t)
    canvas.restoreState()
