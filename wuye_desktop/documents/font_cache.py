"""Parsed fonts kept between runs.

Reading WenQuanYi Micro Hei (35,000 characters, their glyphs and widths) costs about 0.12 s of
processor time, paid by every process on its first document: each ``wuye print`` is a fresh
process, and 1,000 in-home cards take ~1.5 s in all (DESIGN §6). What reportlab makes of the
file is kept in the user's cache folder and read back in a few milliseconds. The entry is
named for the font file (path, size, modification time), the face's index, reportlab's
version and Python's, so a changed font or library never meets an old entry; an entry that
cannot be read is parsed again and written anew. The font file itself is still read (its
bytes are what a PDF's subset is cut from).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import reportlab
from platformdirs import user_cache_dir
from reportlab.pdfbase.ttfonts import TTFontFace

log = logging.getLogger(__name__)

FORMAT = 2  # bump when what is kept changes
# Not kept: the file's bytes (read from the file) and the scale function (made from unitsPerEm).
_NOT_KEPT = ("_ttf_data", "_pdfScale")


def cache_dir() -> Path:
    """Where the parsed fonts are kept (``$XDG_CACHE_HOME/wuye_desktop/fonts`` on Linux)."""
    return Path(user_cache_dir("wuye_desktop", appauthor=False)) / "fonts"


def _entry(path: Path, index: int) -> Path:
    stat = path.stat()  # OSError when the font is missing: the caller says so
    named = "|".join(
        str(part)
        for part in (
            FORMAT,
            path.resolve(),
            stat.st_size,
            stat.st_mtime_ns,
            index,
            reportlab.Version,
            sys.version_info[:2],
        )
    )
    digest = hashlib.sha256(named.encode()).hexdigest()[:24]
    return cache_dir() / f"{path.stem}-{digest}.pickle"


def _scaled(factor: float, x: float) -> float:
    return x * factor


# The big tables (a glyph and a width per character, metrics and offsets per glyph: 200,000
# numbers) are kept as flat arrays of machine numbers: pickled as Python objects they took
# longer to read back than the font takes to parse.
_BIG = 1000


def _ints(values: Iterable[int]) -> bytes:
    return array("q", values).tobytes()


def _numbers(blob: bytes, code: str = "q") -> array[Any]:
    out = array(code)
    out.frombytes(blob)
    return out


def _pack(value: Any) -> tuple[Any, ...]:
    if isinstance(value, dict) and len(value) > _BIG and all(type(k) is int for k in value):
        items = list(value.values())
        if all(type(v) is int for v in items):
            return ("dict-int", _ints(value), _ints(items))
        if all(type(v) is float for v in items):
            return ("dict-float", _ints(value), array("d", items).tobytes())
        if all(type(v) is list and all(type(x) is int for x in v) for v in items):
            flat = itertools.chain.from_iterable(items)
            return ("dict-ints", _ints(value), _ints(len(v) for v in items), _ints(flat))
    if isinstance(value, list) and len(value) > _BIG:
        if all(type(v) is int for v in value):
            return ("list-int", _ints(value))
        if all(type(v) is tuple and len(v) == 2 and all(type(x) is int for x in v) for v in value):
            return ("list-pair", _ints(itertools.chain.from_iterable(value)))
    return ("raw", value)


def _unpack(packed: tuple[Any, ...]) -> Any:
    kind = packed[0]
    if kind == "raw":
        return packed[1]
    if kind == "dict-int":
        return dict(zip(_numbers(packed[1]), _numbers(packed[2]), strict=True))
    if kind == "dict-float":
        return dict(zip(_numbers(packed[1]), _numbers(packed[2], "d"), strict=True))
    if kind == "dict-ints":
        flat = _numbers(packed[3]).tolist()
        ends = list(itertools.accumulate(_numbers(packed[2])))
        lists = [flat[a:b] for a, b in zip([0, *ends], ends, strict=False)]
        return dict(zip(_numbers(packed[1]), lists, strict=True))
    if kind == "list-int":
        return _numbers(packed[1]).tolist()
    if kind == "list-pair":
        pairs = iter(_numbers(packed[1]))
        return list(zip(pairs, pairs, strict=True))
    raise ValueError(f"unknown kind {kind!r}")


def load_face(path: str, index: int = 0) -> TTFontFace:
    """The parsed face *index* of the font file *path*: from the cache when it has it, else
    parsed by reportlab (and kept for the next process)."""
    file = Path(path)
    entry = _entry(file, index)
    face = _read(entry, file)
    if face is None:
        face = TTFontFace(path, validate=0, subfontIndex=index)
        _write(entry, face)
    return face


def _read(entry: Path, file: Path) -> TTFontFace | None:
    try:
        blob = entry.read_bytes()
    except OSError:
        return None  # not kept yet (or the folder cannot be read): parse
    try:
        kept = {name: _unpack(packed) for name, packed in pickle.loads(blob).items()}
        face: TTFontFace = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(kept)
        face._ttf_data = file.read_bytes()
        units = kept["unitsPerEm"]
        # What reportlab's parser sets: the identity at 1,000 units per em, else a scaling.
        face._pdfScale = (
            (lambda x: x) if units == 1000 else functools.partial(_scaled, 1000 / units)
        )
        return face
    except Exception:  # a damaged entry is a cache miss, never an error
        log.warning("parsed font %s unreadable: parsed again", entry, exc_info=True)
        return None


def _write(entry: Path, face: TTFontFace) -> None:
    kept = {k: _pack(v) for k, v in vars(face).items() if k not in _NOT_KEPT}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all: another process may be reading it at this moment.
        fd, temporary = tempfile.mkstemp(dir=entry.parent, prefix=entry.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:  # no cache folder (read-only home): parse each time, as before
        log.info("parsed font not kept (%s): %s", entry, exc)
