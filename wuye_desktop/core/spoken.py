"""Finding a Chinese word by its pinyin, typed on a Latin keyboard: 渗漏 by ``shenlou``, by its
initials ``sl``, or by a mix (``shenl``, ``slou``). The fixed vocabulary's readings are written
out here once (no library needed for seventeen words); the pickers use ``spoken_match``."""

from __future__ import annotations

from wuye_desktop.core.vocab import Category

# The syllables of each category's Chinese label (resources/translations, context "core").
CATEGORY_PINYIN: dict[str, tuple[str, ...]] = {
    Category.SECURITY: ("zhi", "an", "zhi", "xu"),
    Category.CLEANING: ("huan", "jing", "wei", "sheng"),
    Category.FIRE_SAFETY: ("xiao", "fang", "an", "quan"),
    Category.EBIKE_CHARGING: ("dian", "dong", "che", "ting", "fang", "chong", "dian"),
    Category.ELEVATOR: ("dian", "ti"),
    Category.PARKING: ("ting", "che", "guan", "li"),
    Category.DRAINAGE: ("pai", "shui", "guan", "dao"),
    Category.PAVEMENT: ("lu", "mian", "po", "sun"),
    Category.LIGHTING: ("gong", "gong", "zhao", "ming"),
    Category.GREENERY: ("lv", "hua"),
    Category.WATER_LEAK: ("shen", "lou"),
    Category.WALL_CRACK: ("qiang", "mian", "kai", "lie", "kong", "gu"),
    Category.DOORS_WINDOWS: ("men", "chuang"),
    Category.INDOOR_PLUMBING: ("hu", "nei", "gei", "pai", "shui"),
    Category.ELECTRICAL: ("hu", "nei", "dian", "lu"),
    Category.HEATING_GAS: ("shui", "ran", "qi", "nuan", "qi"),
    Category.OTHER: ("qi", "ta"),
}


def spoken_match(typed: str, syllables: tuple[str, ...]) -> bool:
    """Whether *typed* (spaces and case ignored; ü may be typed v) spells the word from its
    start, each syllable whole or by its first letters: ``sl``, ``shenl``, ``shenlou``."""
    wanted = "".join(typed.split()).casefold().replace("ü", "v")
    if not wanted or not wanted.isascii():
        return False
    return _spells(wanted, syllables)


def _spells(wanted: str, syllables: tuple[str, ...]) -> bool:
    if not wanted:
        return True
    if not syllables:
        return False
    first, rest = syllables[0], syllables[1:]
    for length in range(len(first), 0, -1):
        part = first[:length]
        if wanted.startswith(part) and _spells(wanted[length:], rest):
            return True
        if len(wanted) < length and part.startswith(wanted):  # typed part way into it
            return True
    return False
