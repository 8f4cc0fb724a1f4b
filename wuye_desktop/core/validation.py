"""Checks and normal forms of identifiers people type: credit codes, phones, codes."""

from __future__ import annotations

import re

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

# Numbers people type are read with ASCII digits only: Python's \d, str.isdigit(), int() and
# Decimal() would also take Arabic-Indic ٣٤٥, Devanagari or other scripts' digits, which no
# Chinese form, roster or bank writes. Full-width digits are how Chinese input methods type
# numbers, so they are read as the ASCII ones.
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# GB 32100-2015: 18 characters from this alphabet; the last one is a check character.
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_SHAPE = re.compile(r"^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$")


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a credit code."""
    total = sum(
        _CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """None if *code* is a valid unified social credit code, else why not (translatable)."""
    if len(code) != 18:
        return QT_TRANSLATE_NOOP("core", "A credit code has 18 characters")
    if not _CREDIT_SHAPE.match(code):
        return QT_TRANSLATE_NOOP(
            "core", "A credit code uses digits and capital letters other than I, O, S, V, Z"
        )
    if credit_code_check_char(code[:17]) != code[17]:
        return QT_TRANSLATE_NOOP("core", "The check character of the credit code is wrong")
    return None


_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
# Area code and a 7- or 8-digit number, optional extension. Only Beijing (010) and 020-029
# have three-digit area codes, all others four; spelling them out keeps 010-12345678 from
# being read as 0101-2345678 once the dash is gone.
_LANDLINE = re.compile(r"^(010|02\d|0[3-9]\d{2})(\d{7,8})(?:-(\d{1,6}))?$", re.ASCII)
# A whole landline, then a dash and an extension; a mobile or a grouped number never fits.
_DASH_EXTENSION = re.compile(
    r"^((?:\+86|0086)?\s*\(?0\d{2,3}\)?[\s-]?\d{7,8})-(\d{1,6})$", re.ASCII
)
_SERVICE = re.compile(r"^([48]00)(\d{7})$", re.ASCII)


def normalize_phone(raw: str, allow_service: bool = False) -> str | None:
    """The stored form of a phone number, or None if it is not one.

    Mobiles become 11 digits; landlines ``0532-88881234`` (with ``-ext``); service numbers
    (400/800, only where *allow_service*) ``400-888-1234``. Spaces, dashes, brackets and a
    leading +86 or 0086 are tolerated in the input.
    """
    s = raw.strip().replace("（", "(").replace("）", ")").translate(FULL_WIDTH_DIGITS)
    ext = ""
    m = re.search(r"(?:转|ext\.?|x|#)\s*([0-9]{1,6})$", s, re.IGNORECASE)
    if m:
        ext, s = m.group(1), s[: m.start()]
    elif dm := _DASH_EXTENSION.match(s):  # the stored form itself: 0532-88881234-801
        s, ext = dm.group(1), dm.group(2)
    digits = re.sub(r"[\s\-()]", "", s)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not (digits.isascii() and digits.isdigit()):
        return None
    if _MOBILE.match(digits) and not ext:
        return digits
    if allow_service and not ext and (sm := _SERVICE.match(digits)):
        return f"{sm.group(1)}-{sm.group(2)[:3]}-{sm.group(2)[3:]}"
    lm = _LANDLINE.match(digits + (f"-{ext}" if ext else ""))
    if lm:
        area, number = lm.group(1), lm.group(2)
        # Three-digit area codes (010, 02x) go with 8-digit numbers; 4-digit ones with 7 or 8.
        if len(area) == 3 and len(number) != 8:
            return None
        return f"{area}-{number}" + (f"-{lm.group(3)}" if lm.group(3) else "")
    return None


def phone_problem(raw: str, allow_service: bool = False) -> str | None:
    if normalize_phone(raw, allow_service) is None:
        return QT_TRANSLATE_NOOP("core", "Not a mainland mobile or landline number")
    return None


_STORED_LANDLINE_WITH_EXT = re.compile(r"^0\d{2,3}-\d{7,8}-\d{1,6}$")


MASKED_PHONE_RE = re.compile(r"^\d{3}\*{4}\d{4}$")


def is_masked_phone(text: str) -> bool:
    """``139****0001``: how callers' numbers leave the company (and come from the regulator)."""
    return bool(MASKED_PHONE_RE.match(text))


def mask_phone(phone: str | None) -> str:
    """``138****5678``: the first three and last four digits (DESIGN.md §5, protocol §5)."""
    if not phone:
        return ""
    if is_masked_phone(phone):  # a caller's number as the regulator sent it: masked already
        return phone
    # A landline's extension (0532-88881234-801) is not part of the number being masked.
    if _STORED_LANDLINE_WITH_EXT.match(phone):
        phone = phone.rsplit("-", 1)[0]
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 8:
        return "****"
    return f"{digits[:3]}****{digits[-4:]}"


def phone_digits(phone: str) -> str:
    """Only the digits, for searching by any part of a number."""
    return re.sub(r"\D", "", phone)


COMMUNITY_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
PART_CODE = re.compile(r"^[0-9A-Za-z]{1,8}$")


def community_code_problem(code: str) -> str | None:
    if not COMMUNITY_CODE.match(code):
        return QT_TRANSLATE_NOOP(
            "core", "2 to 12 capital letters and digits, starting with a letter (e.g. QD001)"
        )
    return None


def part_code_problem(code: str) -> str | None:
    """Building, unit and room numbers form the household code, so they are kept plain."""
    if not PART_CODE.match(code):
        return QT_TRANSLATE_NOOP("core", "1 to 8 letters or digits, no spaces or dashes")
    return None


def household_code(community: str, building: str, unit: str, room: str) -> str:
    return f"{community}-{building}-{unit}-{room}"
