"""The QR code's stencil (documents.qr): its samples are exactly the symbol's modules, row by
row from the top, dark painting, whatever the side (rows padded to whole bytes)."""

from __future__ import annotations

import re

import pytest

from wuye_desktop.documents.qr import _stencil
from wuye_desktop.documents.qr_symbol import qr_modules

STENCIL = re.compile(
    r"(\d+) 0 0 -\1 0 \1 cm\nBI /IM true /W \1 /H \1 /BPC 1 /D \[1 0\] /F /AHx ID ([0-9a-f]+)> EI"
)


@pytest.mark.parametrize(
    ("payload", "min_version"),
    [
        ("WUYE:H:QD001-3-2-1201", 1),  # 21 or 25 modules: rows end mid-byte
        ("https://wy.example.cn/r/h/Zx8Kq2LmN4pR7sT9vW1yB3dF5gH", 4),  # 33 modules
        ("WUYE:B:QD001-3-2", 7),  # 45 modules
    ],
)
def test_the_stencil_is_the_symbol(payload: str, min_version: int) -> None:
    n, modules = qr_modules(payload, min_version)
    side, ops = _stencil(payload, min_version)
    found = STENCIL.fullmatch(ops)
    assert side == n and found is not None and int(found[1]) == n
    width = (n + 7) // 8
    data = bytes.fromhex(found[2])
    assert len(data) == width * n
    for r in range(n):
        bits = int.from_bytes(data[r * width : (r + 1) * width], "big")
        row = [(bits >> (8 * width - 1 - c)) & 1 for c in range(8 * width)]
        assert row[:n] == list(modules[r * n : (r + 1) * n]), f"row {r}"
        assert not any(row[n:]), f"row {r}: padding paints"
