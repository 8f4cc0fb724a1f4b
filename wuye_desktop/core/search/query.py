"""What the desk typed or scanned, understood: one SearchQuery with its kind, its normalized
values and the label the search box shows ("电话尾号 3719"), so a clerk knows why rows show.

The meanings are DESIGN.md §3's. Read in this order, the first that fits wins:

1. a scanned payload: ``WUYE:H:<household code>``, ``WUYE:W:<order number>``,
   ``WUYE:B:<community>-<building>[-<unit>]``, or the company's reporting URL (its template
   with ``{household}`` replaced by a household code or a building key), or the owners'
   reporting page's address on a sign (``{public_url}/h/<key>``: that household,
   ``/e/<key>``: that entrance; the key looked up through core.portal.keys);
2. a whole order number (``GD20261120-0042``);
3. a household code (4 parts) or its prefix at part boundaries (``QD001-3`` = community
   QD001, building 3; ``QD001-3-2`` adds the unit; a trailing dash changes nothing), when
   the first part is a community code;
4. a room as building-unit-room (``3-2-1201``: building 3, unit 2, room 1201 exactly);
5. digits (spaces and dashes allowed, ``+86`` dropped): 4 or more are a phone number or its
   last digits (callers' and owners') **or** the last digits of an order number; fewer are
   the last digits of an order number only;
6. a community's code or exact name;
7. otherwise an owner's or caller's exact name **or** words of the description (each word,
   separated by spaces, anywhere in the description or the common-area location).

``%`` and ``_`` are plain characters everywhere: nothing here is a LIKE pattern.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage.search_keys import normalize_words

HOUSEHOLD_PREFIX = "WUYE:H:"
ORDER_PREFIX = "WUYE:W:"
BUILDING_PREFIX = "WUYE:B:"
PHONE_MIN_DIGITS = 4

_ORDER_NUMBER = re.compile(r"^[A-Z]{2}\d{8}-\d{4,}$")
_PART = re.compile(r"^[0-9A-Z]{1,8}$")
_DIGITS = re.compile(r"^\+?[\d\s\-]+$")
_URL = re.compile(r"^https?://", re.IGNORECASE)


class Kind(enum.StrEnum):
    NONE = "none"  # nothing typed: no text condition
    ORDER_NUMBER = "order_number"
    DIGITS = "digits"  # phone (whole or last 4+) or order-number tail
    NUMBER_TAIL = "number_tail"  # fewer than 4 digits: the order number's last digits
    HOUSEHOLD = "household"  # a whole household code
    CODE_PREFIX = "code_prefix"  # community-building[-unit]
    ROOM = "room"  # building-unit-room in any community
    COMMUNITY = "community"
    NAME_OR_WORDS = "name_or_words"
    UNREADABLE = "unreadable"  # a scanned address that is not the company's: matches nothing


_LABELS = {
    Kind.NONE: "",
    Kind.ORDER_NUMBER: QT_TRANSLATE_NOOP("core", "Order number {value}"),
    Kind.DIGITS: QT_TRANSLATE_NOOP("core", "Phone ending {value} or order number ending {value}"),
    Kind.NUMBER_TAIL: QT_TRANSLATE_NOOP("core", "Order number ending {value}"),
    Kind.HOUSEHOLD: QT_TRANSLATE_NOOP("core", "Household {value}"),
    Kind.CODE_PREFIX: QT_TRANSLATE_NOOP("core", "Household code prefix {value}"),
    Kind.ROOM: QT_TRANSLATE_NOOP("core", "Room: building {building}, unit {unit}, room {room}"),
    Kind.COMMUNITY: QT_TRANSLATE_NOOP("core", "Community {value}"),
    Kind.NAME_OR_WORDS: QT_TRANSLATE_NOOP("core", "Name {value} or description containing {words}"),
    Kind.UNREADABLE: QT_TRANSLATE_NOOP("core", "Unrecognised scanned code"),
}
# What a sign's address for the owners' page was read as (its key is not the code it opens).
_PAGE_LABELS = {
    Kind.HOUSEHOLD: QT_TRANSLATE_NOOP("core", "Owners' page of household {value}"),
    Kind.CODE_PREFIX: QT_TRANSLATE_NOOP("core", "Owners' page of entrance {value}"),
}
_PAGE_PATH = re.compile(r"^/([he])/([A-Za-z0-9_-]{22})/?$")


def _no_key(kind: str, key: str) -> str | None:
    return None


@dataclass(frozen=True)
class SearchHints:
    """What the parser must know of the directory: community codes and names (to ids) and
    the company's reporting URL template; the owners' page's public address and what one of
    its keys names (kind "h" or "e", key -> household code or entrance key, None if nothing)."""

    community_codes: Mapping[str, int] = field(default_factory=dict)
    community_names: Mapping[str, int] = field(default_factory=dict)
    report_url_template: str = ""
    portal_url: str = ""
    portal_key: Callable[[str, str], str | None] = _no_key


@dataclass(frozen=True)
class SearchQuery:
    kind: Kind
    value: str = ""
    parts: tuple[str, ...] = ()  # community/building/unit/room parts, as they apply
    words: tuple[str, ...] = ()  # lower-cased description words
    community_ids: tuple[int, ...] = ()
    from_page: bool = False  # read from the owners' page's address on a sign

    @property
    def label_template(self) -> str:
        if self.from_page and self.kind in _PAGE_LABELS:
            return _PAGE_LABELS[self.kind]
        return _LABELS[self.kind]

    @property
    def label_params(self) -> dict[str, Any]:
        params: dict[str, Any] = {"value": self.value, "words": " ".join(self.words)}
        if self.kind is Kind.ROOM:
            params.update(zip(("building", "unit", "room"), self.parts, strict=True))
        return params

    def label(self) -> str:
        """The label in English (the CLI); the UI translates label_template first."""
        return self.label_template.format(**self.label_params)


def _code_query(code: str, hints: SearchHints) -> SearchQuery | None:
    parts = code.split("-")
    if parts[0] not in hints.community_codes or not all(_PART.match(p) for p in parts[1:]):
        return None
    if len(parts) == 4:
        return SearchQuery(Kind.HOUSEHOLD, code, tuple(parts))
    if len(parts) == 1:
        cid = hints.community_codes[parts[0]]
        return SearchQuery(Kind.COMMUNITY, code, community_ids=(cid,))
    if len(parts) <= 3:
        return SearchQuery(Kind.CODE_PREFIX, code, tuple(parts))
    return None


def _from_page(text: str, hints: SearchHints) -> SearchQuery | None:
    """The owners' page's address of a household or an entrance as that household's or
    entrance's query; None when *text* is not under the page's address."""
    base = hints.portal_url.rstrip("/")
    if not base or not text.lower().startswith(base.lower() + "/"):
        return None
    unreadable = SearchQuery(Kind.UNREADABLE, text)
    m = _PAGE_PATH.match(text[len(base) :])
    code = hints.portal_key(m.group(1), m.group(2)) if m else None
    if m is None or code is None:
        return unreadable
    q = _code_query(code.upper(), hints)
    wanted = Kind.HOUSEHOLD if m.group(1) == "h" else Kind.CODE_PREFIX
    if q is None or q.kind is not wanted:
        return unreadable
    return SearchQuery(q.kind, q.value, q.parts, from_page=True)


def _from_url(text: str, hints: SearchHints) -> SearchQuery:
    if (page := _from_page(text, hints)) is not None:
        return page
    template = hints.report_url_template
    unreadable = SearchQuery(Kind.UNREADABLE, text)
    if "{household}" not in template:
        return unreadable
    before, after = template.split("{household}", 1)
    if not text.startswith(before) or not text.endswith(after) or len(text) < len(template):
        return unreadable
    key = unquote(text[len(before) : len(text) - len(after)]).strip().upper()
    return _code_query(key, hints) or unreadable


def parse(text: str, hints: SearchHints) -> SearchQuery:
    """Understand *text* (see the module's doc for the order of the readings)."""
    text = text.strip()
    upper = text.upper()
    if not text:
        return SearchQuery(Kind.NONE)
    if upper.startswith(HOUSEHOLD_PREFIX):
        code = upper.removeprefix(HOUSEHOLD_PREFIX).strip()
        q = _code_query(code, hints)
        return (
            q if q is not None and q.kind is Kind.HOUSEHOLD else SearchQuery(Kind.HOUSEHOLD, code)
        )
    if upper.startswith(ORDER_PREFIX):
        return SearchQuery(Kind.ORDER_NUMBER, upper.removeprefix(ORDER_PREFIX).strip())
    if upper.startswith(BUILDING_PREFIX):
        key = upper.removeprefix(BUILDING_PREFIX).strip()
        return _code_query(key, hints) or SearchQuery(Kind.UNREADABLE, text)
    if _URL.match(text):
        return _from_url(text, hints)
    if _ORDER_NUMBER.match(upper):
        return SearchQuery(Kind.ORDER_NUMBER, upper)
    # A code being typed ("QD001-3-") reads as what it has so far.
    if "-" in upper and (q := _code_query(upper.rstrip("-"), hints)) is not None:
        return q
    parts = upper.split("-")
    if len(parts) == 3 and all(_PART.match(p) for p in parts):
        digits = "".join(parts)
        # 138-0000-5678 is a phone, not building 138; a room has far fewer digits.
        if not (digits.isdigit() and len(digits) >= 10):
            return SearchQuery(Kind.ROOM, upper, tuple(parts))
    if _DIGITS.match(text):
        digits = re.sub(r"\D", "", text.removeprefix("+86"))
        if digits:
            kind = Kind.DIGITS if len(digits) >= PHONE_MIN_DIGITS else Kind.NUMBER_TAIL
            return SearchQuery(kind, digits)
    if upper in hints.community_codes:
        return SearchQuery(Kind.COMMUNITY, upper, community_ids=(hints.community_codes[upper],))
    if text in hints.community_names:
        return SearchQuery(Kind.COMMUNITY, text, community_ids=(hints.community_names[text],))
    return SearchQuery(Kind.NAME_OR_WORDS, text, words=tuple(normalize_words(text)))
