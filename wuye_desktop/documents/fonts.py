"""The one font of every document: WenQuanYi Micro Hei, shipped in resources/fonts.

A PDF that embeds its font looks the same on every machine and printer, whatever fonts the
machine has. reportlab embeds only the glyphs a document uses (subsets), which keeps a letter
small. The font has a single weight: hierarchy comes from size and colour; where a heading
must look bold, :func:`draw_bold` strokes the glyph outlines as well as filling them.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from wuye_desktop.core.errors import StorageUnavailable
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.resources import resource_path

FONT = "WQYMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the font with reportlab once per process (parsing it takes ~0.3 s); its name."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            path = resource_path(*FONT_FILE)
            try:
                font = TTFont(FONT, str(path), subfontIndex=0)
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
            _registered = True
    return FONT


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
