"""The search keys of a work order, made by the program itself so that both engines index
them alike: SQLite's FTS5 and PostgreSQL's text search only ever see plain ASCII words.

Every key is a lower-case ASCII word. Description and location are cut into runs at white
space; each run gives its character bigrams (12 letters: two code points, six hex digits
each, written with the letters a-p) and, after them, its single characters (6 letters). A
word of two or more characters is then found as the phrase of its bigrams, which is exactly
"the text contains this word"; a single character is found by its own key. A lone "z" stands
between runs so that no phrase spans two of them. Last come the caller's name ("s" + its
code points) and the reversed digits of the caller's phone ("q…") and of the order number
("r…"), so that the last digits of either are a prefix query on one key.
"""

from __future__ import annotations

import itertools
import re

_HEX = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
_DIGIT = str.maketrans("0123456789", "abcdefghij")
SEPARATOR = "z"
_SPACE = re.compile(r"\s+")


def char_key(ch: str) -> str:
    return f"{ord(ch):06x}".translate(_HEX)


def bigram_key(a: str, b: str) -> str:
    return char_key(a) + char_key(b)


def normalize_words(text: str) -> list[str]:
    """The words a text is searched by: lower case, split at white space."""
    return [w for w in _SPACE.split(text.lower()) if w]


def word_phrase(word: str) -> list[str]:
    """The keys whose consecutive occurrence means *word* is in the text."""
    if len(word) == 1:
        return [char_key(word)]
    return [bigram_key(a, b) for a, b in itertools.pairwise(word)]


def name_key(name: str) -> str:
    return "s" + "".join(char_key(c) for c in name.strip())


def digits_key(tag: str, digits: str) -> str:
    """*tag* + the digits reversed (as letters): their last digits become a key's prefix."""
    return tag + digits[::-1].translate(_DIGIT)


def phone_tail_digits(phone: str) -> str:
    """The digits of a phone that are known: a masked one (138****5678) only shows its end."""
    visible = phone.rsplit("*", 1)[-1]
    return re.sub(r"\D", "", visible)


def reversed_digits(phone: str) -> str:
    """An owner's phone_key: its digits reversed, so a suffix search is a prefix range."""
    return phone_tail_digits(phone)[::-1]


def order_keys(
    number: str, caller_phone: str, caller_name: str, description: str, location: str
) -> str:
    """What WorkOrder.search_text holds: the keys above, separated by spaces."""
    runs = normalize_words(description) + normalize_words(location)
    keys: list[str] = []
    singles: dict[str, None] = {}
    for run in runs:
        keys.extend(bigram_key(a, b) for a, b in itertools.pairwise(run))
        keys.append(SEPARATOR)
        singles.update(dict.fromkeys(run))
    keys.extend(char_key(c) for c in singles)
    keys.append(SEPARATOR)
    if caller_name.strip():
        keys.append(name_key(caller_name))
    phone = phone_tail_digits(caller_phone)
    if phone:
        keys.append(digits_key("q", phone))
    number_digits = re.sub(r"\D", "", number)
    if number_digits:
        keys.append(digits_key("r", number_digits))
    return " ".join(keys)
