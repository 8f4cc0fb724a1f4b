"""QR codes drawn as vector shapes, sharp at any printer resolution.

The ``qrcode`` package gives the module matrix; each row's runs of dark modules become
rectangles of one path, filled once, so a code costs a few hundred bytes of PDF and a
rasteriser sees no seams between modules. The mask pattern is pinned: choosing the best of
the eight masks (the standard's penalty scoring) triples the time for no gain in print, and a
thousand in-home cards would spend seconds on it.

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

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import Color, black, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

HOUSEHOLD_PREFIX = "WUYE:H:"  # DESIGN.md §4: a household's own code
ORDER_PREFIX = "WUYE:W:"  # a work order
BUILDING_PREFIX = "WUYE:B:"  # signage at a building entrance (单元): its lobby and elevators
HOUSEHOLD_FIELD = "{household}"  # where the reporting address takes a household's code
ENTRANCE_FIELD = "{entrance}"  # where the entrance reporting address takes an entrance's key
MASK_PATTERN = 2
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


@lru_cache(maxsize=64)
def qr_matrix(payload: str, min_version: int = 1) -> tuple[tuple[bool, ...], ...]:
    """The code's dark (True) and light modules, without the quiet zone. *min_version* keeps a
    short payload from taking the smallest symbol, whose quiet zone (4 modules of its large
    modules) would eat the space a large sign gives its code."""
    code = qrcode.QRCode(
        version=min_version,
        error_correction=ERROR_CORRECT_M,
        border=0,
        mask_pattern=MASK_PATTERN,
    )
    code.add_data(payload)
    code.make(fit=True)  # from min_version up, as far as the payload needs
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


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


@lru_cache(maxsize=64)
def _dark_runs(payload: str, min_version: int) -> str:
    """PDF path operators for the dark modules, one rectangle per run of a row, in module
    units with rows counted downwards: small integers, written once, no number formatting."""
    ops: list[str] = []
    for r, row in enumerate(qr_matrix(payload, min_version)):
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
    min_version: int = 1,
) -> None:
    """Draw the code with its lower-left corner at (x, y), *size* wide including the quiet zone."""
    n = len(qr_matrix(payload, min_version))
    module = size / (n + 2 * QUIET_ZONE)
    canvas.saveState()
    if background is not None:
        canvas.setFillColor(background)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(color)
    # Module units from the code's top-left corner, y downwards: the runs are plain integers.
    canvas.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canvas.scale(module, -module)
    canvas.addLiteral(_dark_runs(payload, min_version))
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
