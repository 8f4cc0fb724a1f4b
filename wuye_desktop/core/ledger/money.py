"""Whole fen: parsing what people type, and formatting for people, protocols and exports.

Never a float: "1,234.50" is read digit by digit into 123450, and amounts are shown by integer
division, so no rounding can ever creep into the owners' money.
"""

from __future__ import annotations

import re
from decimal import Decimal

from wuye_desktop.core.errors import FieldError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.validation import FULL_WIDTH_DIGITS

# Either plain digits or properly grouped thousands; at most two decimals. Digits are ASCII
# only (see validation.FULL_WIDTH_DIGITS).
_AMOUNT = re.compile(r"^(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.([0-9]{0,2}))?$")
_TOO_PRECISE = re.compile(r"^(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)\.[0-9]{3,}$")
MAX_FEN = 10**15  # ten trillion yuan: anything above is a typing accident


class AmountError(ValueError):
    """Text that is not an amount; ``template`` is the core message for it."""

    def __init__(self, template: str, text: str) -> None:
        super().__init__(template.format(text=text))
        self.template = template
        self.text = text

    def field_error(self, field: str, row: int | None = None) -> FieldError:
        return FieldError(field, self.template, {"text": self.text}, row)


def parse_fen(text: str) -> int:
    """``"1,234.50"`` → 123450; refuses more than two decimals, signs and non-numbers."""
    raw = text.strip().replace("，", ",").replace("．", ".").translate(FULL_WIDTH_DIGITS)
    for prefix in ("¥", "￥"):
        raw = raw.removeprefix(prefix).strip()
    if not raw:
        raise AmountError(QT_TRANSLATE_NOOP("core", "An amount is required"), text)
    if _TOO_PRECISE.match(raw):
        raise AmountError(
            QT_TRANSLATE_NOOP("core", "{text}: amounts have at most two decimals (fen)"), text
        )
    m = _AMOUNT.match(raw)
    if m is None:
        raise AmountError(
            QT_TRANSLATE_NOOP("core", "{text} is not an amount (e.g. 1,234.50)"), text
        )
    whole, _, decimals = raw.replace(",", "").partition(".")
    fen = int(whole) * 100 + int((decimals + "00")[:2])
    if fen > MAX_FEN:
        raise AmountError(QT_TRANSLATE_NOOP("core", "{text} is too large an amount"), text)
    return fen


def parse_signed_fen(text: str) -> int:
    """Bank statements write outgoing money as ``-500.00`` or ``(500.00)``."""
    raw = text.strip()
    if raw.startswith("-") or raw.startswith("－"):
        return -parse_fen(raw[1:])
    if raw.startswith("(") and raw.endswith(")"):
        return -parse_fen(raw[1:-1])
    return parse_fen(raw.removeprefix("+"))


def protocol_amount(fen: int) -> str:
    """The regulator's form: ``"1234.50"``, ``"-20.00"``."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{rest:02d}"


def format_fen(fen: int) -> str:
    """For people: ``"1,234.50"``, ``"-20.00"``."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{rest:02d}"


def to_decimal(fen: int) -> Decimal:
    """Exact yuan for spreadsheet cells (Decimal, never float arithmetic)."""
    return Decimal(fen).scaleb(-2)
