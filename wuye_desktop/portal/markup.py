"""HTML with every value escaped: a page is built from literal templates in this package, and
whatever is put into them (an owner's words, a name from the directory) passes through
:func:`escape` unless it is already :class:`Markup` built the same way."""

from __future__ import annotations

import html
from collections.abc import Iterable


class Markup(str):
    """Text that is HTML already (a template filled through :func:`fill`)."""

    __slots__ = ()


def escape(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def fill(template: str, **values: object) -> Markup:
    """*template* (a literal of this package) with each ``{name}`` replaced, escaped."""
    return Markup(template.format(**{k: escape(v) for k, v in values.items()}))


def join(parts: Iterable[object]) -> Markup:
    return Markup("".join(escape(p) for p in parts))
