"""QR codes drawn as vector shapes, sharp at any printer resolution.

The ``qrcode`` package gives the module matrix; each row's runs of dark modules become
rectangles of one path, filled once, so a code costs a few hundred bytes of PDF and a
rasteriser sees no seams between modules. The mask pattern is pinned: choosing the best of
the eight masks (the standard's penalty scoring) triples the time for no gain in print, and a
thousand in-home cards would spend seconds on it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

HOUSEHOLD_PREFIX = "WUYE:H:"  # DESIGN.md §4: a household's own code
ORDER_PREFIX = "WUYE:W:"  # a work order
BUILDING_PREFIX = "WUYE:B:"  # signage in a building's lobby or elevator car
MASK_PATTERN = 2
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


@lru_cache(maxsize=64)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The code's dark (True) and light modules, without the quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=MASK_PATTERN)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def household_payload(code: str, url_template: str = "") -> str:
    """What an in-home card's code says: the company's reporting address, else WUYE:H:<code>."""
    if url_template:
        return url_template.replace("{household}", code)
    return HOUSEHOLD_PREFIX + code


def building_payload(community_code: str, building: str, url_template: str = "") -> str:
    """Lobby and elevator signage: the building, e.g. WUYE:B:QD001-3 (or the reporting address
    with the building where the household would go)."""
    key = f"{community_code}-{building}"
    if url_template:
        return url_template.replace("{household}", key)
    return BUILDING_PREFIX + key


def order_payload(number: str) -> str:
    return ORDER_PREFIX + number


@lru_cache(maxsize=64)
def _dark_runs(payload: str) -> str:
    """PDF path operators for the dark modules, one rectangle per run of a row, in module
    units with rows counted downwards: small integers, written once, no number formatting."""
    ops: list[str] = []
    for r, row in enumerate(qr_matrix(payload)):
        c, n = 0, len(row)
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            ops.append(f"{start} {r} {c - start} 1 re")
    return "\n".join(ops) + "\nf"  # f: non-zero fill, the union of the runs


def draw_qr(
    canvas: Canvas,
    payload: str,
    x: float,
    y: float,
    size: float,
    *,
    color: Color = black,
    background: Color | None = white,
) -> None:
    """Draw the code with its lower-left corner at (x, y), *size* wide including the quiet zone."""
    n = len(qr_matrix(payload))
    module = size / (n + 2 * QUIET_ZONE)
    canvas.saveState()
    if background is not None:
        canvas.setFillColor(background)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(color)
    # Module units from the code's top-left corner, y downwards: the runs are plain integers.
    canvas.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canvas.scale(module, -module)
    canvas.addLiteral(_dark_runs(payload))
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
