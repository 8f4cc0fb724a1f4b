"""Finding a category by its pinyin: whole syllables, initials, or a mix, from the start."""

from __future__ import annotations

import pytest

from wuye_desktop.core.spoken import CATEGORY_PINYIN, spoken_match
from wuye_desktop.core.vocab import Category

LEAK = CATEGORY_PINYIN[Category.WATER_LEAK]


@pytest.mark.parametrize("typed", ["sl", "SL", "shenlou", "shen lou", "shenl", "slou", "s"])
def test_spellings_that_find_the_word(typed: str) -> None:
    assert spoken_match(typed, LEAK)


@pytest.mark.parametrize("typed", ["", "lou", "ls", "shenloux", "渗"])
def test_spellings_that_do_not(typed: str) -> None:
    assert not spoken_match(typed, LEAK)


def test_every_category_has_its_reading() -> None:
    assert set(CATEGORY_PINYIN) == set(Category)
