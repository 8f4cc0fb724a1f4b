"""QR codes drawn as stencils, sharp at any printer resolution.

documents/qr_symbol.py gives the module matrix (level M, one pinned mask: choosing the best of
the eight by the standard's penalty scoring triples the time for no gain in print). It is drawn
as a PDF image mask with one sample per module: the page is painted in the fill colour where a
module is dark, with hard edges at any scale and no seams between modules, in about 2 × 37²/8
bytes of hex. (It was one rectangle per run of dark modules: writing those out took longer than
making the symbol, 0.47 ms against 0.41 ms a code on a busy machine; the stencil's hex costs
next to nothing.)

Payloads (DESIGN §4): a household is ``WUYE:H:<household code>`` (QD001-3-2-1201), an order
``WUYE:W:<number>``, a building entrance (单元: its lobby sign and its elevators' signs)
``WUYE:B:<community>-<building>-<unit>`` (QD001-3-2), the household code without its room. With
the company's reporting addresses configured, an in-home card opens the household address with
the code in place of ``{household}`` and an entrance sign opens the entrance address with its key
in place of ``{entrance}``: two addresses, because the page must know which of the two it was
given.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from wuye_desktop.documents.qr_symbol import qr_modules

HOUSEHOLD_PREFIX = "WUYE:H:"  # DESIGN.md §4: a household's own code
ORDER_PREFIX = "WUYE:W:"  # a work order
BUILDING_PREFIX = "WUYE:B:"  # signage at a building entrance (单元): its lobby and elevators
HOUSEHOLD_FIELD = "{household}"  # where the reporting address takes a household's code
ENTRANCE_FIELD = "{entrance}"  # where the entrance reporting address takes an entrance's key
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def household_payload(code: str, url_template: str = "") -> str:
    """What an in-home card's code says: the company's reporting address, else WUYE:H:<code>."""
    if url_template:
        return url_template.replace(HOUSEHOLD_FIELD, code)
    return HOUSEHOLD_PREFIX + code


def entrance_key(community_code: str, building: str, unit: str = "") -> str:
    """An entrance's key, e.g. QD001-3-2: a household code without its room, so that the desk
    and the owners' page find the entrance's homes by prefix. A building whose units are not
    recorded yet has one entrance, its building's key (QD001-3)."""
    return "-".join(part for part in (community_code, building, unit) if part)


def entrance_payload(key: str, url_template: str = "") -> str:
    """Lobby and elevator signage of an entrance (单元): DESIGN §4's WUYE:B:<key>, or the
    company's entrance reporting address with the key in place of ``{entrance}``.

    Never the household address with the entrance's key in it: the page would look for a
    household called QD001-3-2 and find none (or, worse, take it for one)."""
    if url_template:
        return url_template.replace(ENTRANCE_FIELD, key)
    return BUILDING_PREFIX + key


def order_payload(number: str) -> str:
    return ORDER_PREFIX + number


# Modules (0 light, 1 dark) as the digits of each row's number.
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@lru_cache(maxsize=64)
def _stencil(payload: str, min_version: int) -> tuple[int, str]:
    """The code's side in modules, and the PDF operators that paint its dark modules in the
    fill colour: a 1-bit stencil (image mask) of one sample per module, its rows padded to
    whole bytes and written in hex, drawn over the module square from the top-left corner."""
    n, modules = qr_modules(payload, min_version)
    width = (n + 7) // 8
    pad = 8 * width - n
    digits = modules.translate(_DIGITS)
    rows = "".join(
        (int(digits[start : start + n], 2) << pad).to_bytes(width, "big").hex()
        for start in range(0, n * n, n)
    )
    # /D [1 0]: a 1 (dark) paints. No /Interpolate: a stencil is scaled as hard-edged squares.
    return n, (
        f"{n} 0 0 -{n} 0 {n} cm\nBI /IM true /W {n} /H {n} /BPC 1 /D [1 0] /F /AHx ID {rows}> EI"
    )


def draw_qr(
    canvas: Canvas,
    payload: str,
    x: float,
    y: float,
    size: float,
    *,
    color: Color = black,
    background: Color | None = white,
    min_version: int = 1,
) -> None:
    """Draw the code with its lower-left corner at (x, y), *size* wide including the quiet zone."""
    n, stencil = _stencil(payload, min_version)
    module = size / (n + 2 * QUIET_ZONE)
    canvas.saveState()
    if background is not None:
        canvas.setFillColor(background)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(color)
    # Module units from the code's top-left corner, y downwards.
    canvas.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canvas.scale(module, -module)
    canvas.addLiteral(stencil)
    canvas.restoreState()


class QRFlowable(Flowable):  # type: ignore[misc]
    """A QR code in a platypus story or table cell."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas: Any = self.canv
        draw_qr(canvas, self.payload, 0, 0, self.size)
