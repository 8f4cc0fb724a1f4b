"""The overview's figures in the Chinese of the monthly report and its Excel export.

The report goes to the regulator and the company's own managers whatever language the desk's
screen shows, so its words are plain Chinese, as :mod:`.words` for the vocabulary. Each key is
one of ``core.overview.figures.FIGURES``, whose English the catalogue translates.
"""

from __future__ import annotations

from wuye_desktop.core.i18n import translate
from wuye_desktop.core.overview.figures import FIGURES
from wuye_desktop.documents import words

# The figures' titles and definitions are core's (core.overview.figures), in the Chinese of the
# program's own catalogue: the window, `wuye stats` and the report say the same words.


def _figure_text(key: str, which: int) -> str:
    texts = FIGURES.get(key)
    return translate("overview", texts[which], language="zh_CN") if texts else key


# The breakdowns' titles, and the words of each one's values.
BREAKDOWN_TITLE: dict[str, str] = {
    "category": "分类",
    "tier": "维修类型",
    "channel": "渠道",
    "source": "来源",
    "status": "状态",
}
BREAKDOWN_WORDS: dict[str, dict[str, str]] = {
    "category": words.CATEGORY,
    "tier": words.TIER,
    "channel": words.CHANNEL,
    "source": words.SOURCE,
    "status": words.STATUS,
}

TARGET_NOTE = "目标"
PRACTICE = "日提醒、周督办、月通报"


def figure_title(key: str) -> str:
    """The Chinese title of figure *key* (``completion_on_time.immediate`` → 按时完成率（马上修）)."""
    stem, _, tier = key.partition(".")
    title = _figure_text(stem, 0)
    return f"{title}（{words.word(words.TIER, tier)}）" if tier else title


def figure_definition(key: str) -> str:
    """The Chinese definition of figure *key* (per-tier keys share their figure's)."""
    return _figure_text(key.partition(".")[0], 1)


def value_word(breakdown: str, value: str) -> str:
    return BREAKDOWN_WORDS.get(breakdown, {}).get(value, value)


def month_label(year: int, month: int) -> str:
    return f"{year}年{month}月"


def format_minutes(minutes: float | None) -> str:
    """45分钟, 3.5小时, 2.1天: the unit a reader takes in at a glance; — for none."""
    if minutes is None:
        return "—"
    if minutes < 60:
        return f"{minutes:.0f}分钟"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f}小时"
    return f"{minutes / 1440:.1f}天"


def format_percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
