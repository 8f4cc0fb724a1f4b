"""The QR symbols the documents draw: module for module those of the ``qrcode`` package (same
level M, mask and version), and read back by a decoder, in every version and mode."""

from __future__ import annotations

import random

import pytest
import qrcode
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from wuye_desktop.documents.qr_symbol import MASK, PayloadTooLong, _data_codewords, qr_modules


def _reference(payload: str, min_version: int) -> tuple[int, list[int]]:
    code = qrcode.QRCode(
        version=min_version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=MASK
    )
    code.add_data(payload, optimize=0)  # one segment, in the densest mode that holds it all
    code.make(fit=True)
    return code.version, [int(bool(cell)) for row in code.get_matrix() for cell in row]


def _decoded(n: int, modules: bytearray) -> list[str]:
    scale, quiet = 4, 4
    side = (n + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    pixels = image.load()
    assert pixels is not None
    for i, dark in enumerate(modules):
        if dark:
            r, c = divmod(i, n)
            for dy in range(scale):
                for dx in range(scale):
                    pixels[(c + quiet) * scale + dx, (r + quiet) * scale + dy] = 0
    return [r.text for r in zxingcpp.read_barcodes(image)]


def _payloads() -> list[str]:
    rng = random.Random(15)
    found = [
        "WUYE:H:QD001-1-1-101",
        "WUYE:B:QD001-3-2",
        "WUYE:W:GD-20250101-0001",
        "https://report.example.cn/r?h=QD001-3-2-1201",
        "0532",
        "海岸云庭 3号楼 2单元 1201室",
    ]
    for length in (1, 7, 14, 25, 41, 77, 130, 260, 700, 1500):
        found.append("".join(rng.choice("0123456789") for _ in range(length)))
        found.append("".join(rng.choice("QD0-:/ H") for _ in range(length)))
        found.append("".join(rng.choice("abc?=&é楼") for _ in range(max(1, length // 2))))
    return found


@pytest.mark.parametrize("payload", _payloads(), ids=lambda p: f"{len(p)}:{p[:12]}")
@pytest.mark.parametrize("min_version", [1, 2])
def test_same_symbol_as_the_qrcode_package(payload: str, min_version: int) -> None:
    version, expected = _reference(payload, min_version)
    n, modules = qr_modules(payload, min_version)
    assert n == 4 * version + 17
    assert list(modules) == expected


@pytest.mark.parametrize("version", range(1, 41))
def test_every_version_matches_and_decodes(version: int) -> None:
    """Each version's patterns, block structure and version information: a short payload asked
    for at that version, and a long one that needs that version from version 1 up."""
    capacity_bits = 8 * _data_codewords(version) - 4 - 13  # mode and the longest count
    rng = random.Random(version)
    full = "".join(rng.choice("QD0-:/ H") for _ in range(capacity_bits * 2 // 11))
    for payload, min_version in (("WUYE:H:QD1-7-101", version), (full, 1)):
        try:
            expected_version, expected = _reference(payload, min_version)
        except ValueError:  # the package's own slip (glog(0)) on the odd block: another one
            payload = "".join(rng.choice("QD0-:/ H") for _ in payload)
            expected_version, expected = _reference(payload, min_version)
        assert expected_version == version
        n, modules = qr_modules(payload, min_version)
        assert n == 4 * version + 17
        assert list(modules) == expected
        if version in (1, 2, 7, 10, 27, 40):
            assert _decoded(n, modules) == [payload]


def test_too_long_for_any_symbol() -> None:
    with pytest.raises(PayloadTooLong):
        qr_modules("0" * 7090)


@pytest.mark.parametrize("payload", _payloads()[:12])
def test_the_symbols_decode(payload: str) -> None:
    assert _decoded(*qr_modules(payload)) == [payload]


def _ecc_by_long_division(data: list[int], degree: int) -> list[int]:
    """The check bytes by schoolbook long division over GF(256), one coefficient at a time."""
    from wuye_desktop.documents.qr_symbol import _EXP, _LOG, _generator_logs

    gen = [1] + [_EXP[g] for g in _generator_logs(degree)]
    rem = list(data) + [0] * degree
    for i in range(len(data)):
        factor = rem[i]
        if factor:
            for j, g in enumerate(gen):
                if g:
                    rem[i + j] ^= _EXP[_LOG[factor] + _LOG[g]]
    return rem[len(data) :]


@settings(max_examples=200, deadline=None)
@given(
    data=st.lists(st.integers(0, 255), min_size=1, max_size=160),
    degree=st.sampled_from([7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30]),
)
def test_check_bytes_are_the_remainder_of_the_long_division(data: list[int], degree: int) -> None:
    from wuye_desktop.documents.qr_symbol import _ecc

    assert _ecc(data, degree) == _ecc_by_long_division(data, degree)
