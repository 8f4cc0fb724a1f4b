"""Characters a document cannot draw, found before it is printed.

The fonts (``documents.fonts``) draw CJK Extensions A to F, so a character none of them has is
rare: a private-use character typed with a custom input method, an unassigned code point, a
symbol the fonts never had. It prints as the placeholder 〓, visibly, and the user must hear
which characters and where before a print is counted. Every ``render_*`` returns
:class:`Rendered`, PDF bytes that also carry what could not be drawn, found in the facts the
document was drawn from; the print service passes them on unchanged, so the preview can warn
(a counted print is always previewed first in the GUI) and ``wuye print`` can say so on
stderr before the count commits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from wuye_desktop.documents.fonts import PLACEHOLDER, undrawable

__all__ = ["PLACEHOLDER", "Rendered", "Undrawable", "rendered", "undrawable_in", "undrawable_of"]

_EXCERPT = 24  # characters of the text shown on either side of the first undrawable one


@dataclass(frozen=True)
class Undrawable:
    """Characters of one printed value that no font draws: *field* names the value in the
    document's facts (``owner``, ``callbacks[1].comment``), *text* is an excerpt of it."""

    field: str
    characters: str
    text: str

    @property
    def codes(self) -> str:
        """The characters as code points (U+E000 U+10FFFD): they may not show on screen either."""
        return " ".join(f"U+{ord(ch):04X}" for ch in self.characters)


class Rendered(bytes):
    """A document's PDF bytes, with the characters it printed as the placeholder."""

    undrawable: tuple[Undrawable, ...]

    def __new__(cls, data: bytes, found: tuple[Undrawable, ...] = ()) -> Rendered:
        made = super().__new__(cls, data)
        made.undrawable = found
        return made


def rendered(data: bytes, facts: object) -> Rendered:
    """*data*, drawn from *facts*, with what of them could not be drawn."""
    return Rendered(data, undrawable_in(facts))


def undrawable_of(data: bytes) -> tuple[Undrawable, ...]:
    """What a rendered document could not draw (nothing for plain bytes)."""
    return data.undrawable if isinstance(data, Rendered) else ()


def undrawable_in(facts: object) -> tuple[Undrawable, ...]:
    """Every text value of *facts* (a dataclass, through nested ones, tuples and mappings)
    with characters no font draws, in field order."""
    found = []
    for field, text in _texts(facts, ""):
        missing = undrawable(text)
        if missing:
            found.append(Undrawable(field, missing, _excerpt(text, missing[0])))
    return tuple(found)


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item, f"{path}[{key}]")
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")


def _excerpt(text: str, first: str) -> str:
    at = text.index(first)
    start, end = max(0, at - _EXCERPT), at + _EXCERPT + 1
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
