"""The module matrix of a QR code (ISO/IEC 18004), error correction level M, one mask.

Written here rather than asked of the ``qrcode`` package because a thousand in-home cards
spent a third of their time in it: it builds every symbol bit by bit and divides polynomials
held in lists. Here the parts that depend only on the version (the finder, timing and
alignment patterns, the format and version information, the order in which data modules are
visited and the mask over them) are worked out once per version; a payload then costs its
bits, its error correction bytes (log/antilog tables) and one flip per dark data module.

The symbols are the package's own, module for module, for the same version and mask (tests
compare them): the payload is one segment in the densest mode that holds all of it
(numeric, alphanumeric, else bytes of UTF-8), in the smallest version from *min_version* up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from operator import itemgetter

MASK = 2  # any of the 8 masks is valid; choosing by penalty score triples the time
_LEVEL_M = 0b00  # the format information's bits for level M
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {ch: i for i, ch in enumerate(ALPHANUMERIC)}

# Level M, per version 1-40 (index 0 unused): error correction bytes per block, blocks.
_ECC_PER_BLOCK = (0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28)  # fmt: skip
_BLOCKS = (0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49)  # fmt: skip

# GF(256) over x^8 + x^4 + x^3 + x^2 + 1: antilogarithms (doubled, so a sum of two logs
# needs no modulo) and logarithms.
_EXP = [0] * 512
_LOG = [0] * 256
_v = 1
for _i in range(255):
    _EXP[_i] = _EXP[_i + 255] = _v
    _LOG[_v] = _i
    _v <<= 1
    if _v & 0x100:
        _v ^= 0x11D
del _v, _i


class PayloadTooLong(ValueError):
    """The payload does not fit in a version 40 symbol."""


def _raw_codewords(version: int) -> int:
    """Codewords a symbol of *version* holds, data and error correction together."""
    modules = (16 * version + 128) * version + 64
    if version >= 2:
        aligns = version // 7 + 2
        modules -= (25 * aligns - 10) * aligns - 55
        if version >= 7:
            modules -= 36
    return modules // 8


def _data_codewords(version: int) -> int:
    return _raw_codewords(version) - _ECC_PER_BLOCK[version] * _BLOCKS[version]


def _count_bits(mode: int, version: int) -> int:
    band = 0 if version <= 9 else 1 if version <= 26 else 2
    return {1: (10, 12, 14), 2: (9, 11, 13), 4: (8, 16, 16)}[mode][band]


def _segment(payload: str) -> tuple[int, int, int, int]:
    """(mode, character count, data bits as an integer, their number)."""
    if payload.isascii() and payload.isdigit():
        value, length = 0, 0
        for i in range(0, len(payload), 3):
            group = payload[i : i + 3]
            width = 3 * len(group) + 1  # 10, 7 or 4 bits
            value = (value << width) | int(group)
            length += width
        return 1, len(payload), value, length
    if all(ch in _ALNUM_VALUE for ch in payload):
        value, length = 0, 0
        for i in range(0, len(payload) - 1, 2):
            value = (value << 11) | (_ALNUM_VALUE[payload[i]] * 45 + _ALNUM_VALUE[payload[i + 1]])
            length += 11
        if len(payload) % 2:
            value = (value << 6) | _ALNUM_VALUE[payload[-1]]
            length += 6
        return 2, len(payload), value, length
    data = payload.encode("utf-8")
    return 4, len(data), int.from_bytes(data, "big") if data else 0, 8 * len(data)


@cache
def _generator_logs(degree: int) -> tuple[int, ...]:
    """The Reed-Solomon generator's coefficients after the leading 1, as logarithms."""
    poly = [1]
    for i in range(degree):  # times (x - a^i)
        nxt = [0] * (len(poly) + 1)
        for j, c in enumerate(poly):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= _EXP[_LOG[c] + i]
        poly = nxt
    return tuple(_LOG[c] for c in poly[1:])


@cache
def _ecc_table(degree: int) -> tuple[int, ...]:
    """For each leading factor, the generator times it: *degree* bytes as one integer."""
    gen = _generator_logs(degree)
    table = [0]
    for factor in range(1, 256):
        lf = _LOG[factor]
        table.append(int.from_bytes(bytes(_EXP[lf + g] for g in gen), "big"))
    return tuple(table)


def _ecc(data: bytes | list[int], degree: int) -> list[int]:
    """The remainder of data * x^degree divided by the generator: the block's check bytes.
    The remainder is one integer, its first byte the most significant: a step of the long
    division is a shift and one XOR with a precomputed row (9 µs a block against 90 µs for a
    list of bytes updated byte by byte)."""
    table = _ecc_table(degree)
    top = 8 * (degree - 1)
    mask = (1 << 8 * degree) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & mask) ^ table[byte ^ (rem >> top)]
    return list(rem.to_bytes(degree, "big"))


def _codewords(payload: str, min_version: int) -> tuple[int, list[int]]:
    """The version and the final sequence of codewords (data and check bytes interleaved)."""
    mode, count, bits, nbits = _segment(payload)
    version = min_version
    while True:
        if version > 40:
            raise PayloadTooLong(payload)
        capacity = 8 * _data_codewords(version)
        used = 4 + _count_bits(mode, version) + nbits
        if used <= capacity:
            break
        version += 1
    value = (((mode << _count_bits(mode, version)) | count) << nbits) | bits
    terminator = min(4, capacity - used)
    value <<= terminator
    used += terminator
    value <<= -used % 8
    used += -used % 8
    data = list(value.to_bytes(used // 8, "big"))
    data += [0xEC, 0x11] * ((capacity // 8 - len(data)) // 2 + 1)
    data = data[: capacity // 8]
    # Blocks: the short ones first, the long ones one data codeword longer.
    blocks, degree = _BLOCKS[version], _ECC_PER_BLOCK[version]
    raw = _raw_codewords(version)
    short = blocks - raw % blocks
    short_data = raw // blocks - degree
    pieces: list[list[int]] = []
    checks: list[list[int]] = []
    at = 0
    for b in range(blocks):
        size = short_data + (0 if b < short else 1)
        piece = data[at : at + size]
        at += size
        pieces.append(piece)
        checks.append(_ecc(piece, degree))
    out: list[int] = []
    for i in range(short_data + 1):
        out += [p[i] for p in pieces if i < len(p)]
    for i in range(degree):
        out += [c[i] for c in checks]
    return version, out


def _bch(value: int, poly: int, poly_bits: int) -> int:
    """*value* followed by its BCH remainder for the generator *poly* (of *poly_bits* bits)."""
    rem = value << (poly_bits - 1)
    for shift in range(rem.bit_length() - poly_bits, -1, -1):
        if rem >> (shift + poly_bits - 1) & 1:
            rem ^= poly << shift
    return (value << (poly_bits - 1)) | rem


def _alignment_centres(version: int) -> list[int]:
    if version == 1:
        return []
    aligns = version // 7 + 2
    size = 4 * version + 17
    step = 26 if version == 32 else (version * 4 + aligns * 2 + 1) // (aligns * 2 - 2) * 2
    return [6, *sorted(size - 7 - i * step for i in range(aligns - 1))]


@lru_cache(maxsize=8)
def _template(version: int) -> tuple[bytes, tuple[int, ...]]:
    """The symbol without data: its modules (1 dark) as a flat row-major bytes object, every
    data module holding the mask's value (as if its data bit were light), and the flat indices
    of the data modules in the order the codewords' bits fill them."""
    n = 4 * version + 17
    grid = [[0] * n for _ in range(n)]
    fixed = [[False] * n for _ in range(n)]

    def put(r: int, c: int, dark: bool) -> None:
        grid[r][c] = int(dark)
        fixed[r][c] = True

    for i in range(n):  # timing patterns
        put(6, i, i % 2 == 0)
        put(i, 6, i % 2 == 0)
    for top, left in ((0, 0), (0, n - 7), (n - 7, 0)):  # finders with their separators
        for dr in range(-1, 8):
            for dc in range(-1, 8):
                r, c = top + dr, left + dc
                if 0 <= r < n and 0 <= c < n:
                    ring = max(abs(dr - 3), abs(dc - 3))
                    put(r, c, ring != 2 and ring != 4)
    centres = _alignment_centres(version)
    last = len(centres) - 1
    for i, r in enumerate(centres):
        for j, c in enumerate(centres):
            if (i, j) in ((0, 0), (0, last), (last, 0)):
                continue  # under a finder
            for dr in range(-2, 3):
                for dc in range(-2, 3):
                    put(r + dr, c + dc, max(abs(dr), abs(dc)) != 1)
    fmt = _bch(_LEVEL_M << 3 | MASK, 0x537, 11) ^ 0x5412
    for i in range(15):
        dark = bool(fmt >> i & 1)
        # Beside the top-left finder: down column 8, then along row 8 leftwards.
        if i < 6:
            put(i, 8, dark)
        elif i < 8:
            put(i + 1, 8, dark)
        elif i == 8:
            put(8, 7, dark)
        else:
            put(8, 14 - i, dark)
        # The copy: along row 8 under the top-right finder, up column 8 by the bottom-left.
        if i < 8:
            put(8, n - 1 - i, dark)
        else:
            put(n - 15 + i, 8, dark)
    put(n - 8, 8, True)  # the dark module
    if version >= 7:
        info = _bch(version, 0x1F25, 13)
        for i in range(18):
            dark = bool(info >> i & 1)
            a, b = n - 11 + i % 3, i // 3
            put(a, b, dark)
            put(b, a, dark)
    order: list[int] = []
    upward = True
    col = n - 1
    while col > 0:
        if col == 6:
            col -= 1  # the vertical timing pattern's column holds no data
        rows = range(n - 1, -1, -1) if upward else range(n)
        for r in rows:
            for c in (col, col - 1):
                if not fixed[r][c]:
                    order.append(r * n + c)
                    grid[r][c] = int(c % 3 == 0)  # mask 2: every third column inverted
        upward = not upward
        col -= 2
    return bytes(v for row in grid for v in row), tuple(order)


# Each codeword's 8 bits as 8 bytes of 0 or 1, the first the most significant.
_BIT_BYTES = tuple(bytes((value >> (7 - i)) & 1 for i in range(8)) for value in range(256))


@cache
def _placer(version: int) -> tuple[bytes, Callable[[bytes], tuple[int, ...]]]:
    """The version's template, and what picks each module's bit out of the bit stream: the
    data bit that fills the module (in the template's order), or a 0 for the others (fixed
    patterns, and the remainder bits past the stream's end)."""
    base, order = _template(version)
    n = 4 * version + 17
    zero = len(order)  # the stream is padded with zeros to the number of data modules, + 1
    source = [zero] * (n * n)
    for k, module in enumerate(order):
        source[module] = k
    return base, itemgetter(*source)


def qr_modules(payload: str, min_version: int = 1) -> tuple[int, bytearray]:
    """The symbol's side in modules and its modules row by row (1 dark), quiet zone excluded."""
    version, codewords = _codewords(payload, min_version)
    base, pick = _placer(version)
    n = 4 * version + 17
    stream = b"".join(_BIT_BYTES[c] for c in codewords)
    stream += bytes(len(base) - len(stream) + 1)  # remainder bits, and the zero of the others
    # A dark bit flips the template's (masked) value: XOR, all modules at once.
    bits = bytes(pick(stream))
    grid = int.from_bytes(base, "big") ^ int.from_bytes(bits, "big")
    return n, bytearray(grid.to_bytes(n * n, "big"))
