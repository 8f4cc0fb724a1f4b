"""The overview's figures in the Chinese of the monthly report and its Excel export.

The report goes to the regulator and the company's own managers whatever language the desk's
screen shows, so its words are plain Chinese, as :mod:`.words` for the vocabulary. Each key is
one of ``core.overview.figures.FIGURES`` (a test checks none is missing); the definitions say
what those say, the rules of ``core.overview.slices``.
"""

from __future__ import annotations

from wuye_desktop.documents import words

FIGURE_TITLE: dict[str, str] = {
    "reported": "报修总量",
    "response_on_time": "按时响应率",
    "completion_on_time": "按时完成率",
    "response_minutes_avg": "平均响应时长",
    "response_minutes_p90": "响应时长（90%分位）",
    "completion_minutes_avg": "平均完成时长",
    "completion_minutes_p90": "完成时长（90%分位）",
    "commitment_in_48h": "48小时内出具承诺书",
    "callback_coverage": "回访率",
    "satisfaction": "满意率",
    "reopened": "返修工单",
    "first_time_fix": "一次修复率",
    "regulator_reply_rate": "监管平台按时回复率",
    "supervision_in_time": "督办件按期办结率",
    "overdue": "当前超时工单",
    "due_soon": "即将到期工单",
    "callbacks_due": "今日待回访",
}

FIGURE_DEFINITION: dict[str, str] = {
    "reported": "本期报修的工单数（按报修当日计，含已撤销工单）。",
    "response_on_time": "本期报修、响应已到期或已响应的工单中，在响应时限内响应（首次派单或开始处理；"
    "承诺修以出具承诺书为准）的比例。暂停时间不计入时限；已撤销工单不计；"
    "返修工单按最近一轮计。",
    "completion_on_time": "本期报修、完成已到期或已完成的工单中，在完成时限内完工的比例。"
    "暂停时间不计入；已撤销工单不计；返修工单按最近一轮计。",
    "response_minutes_avg": "本期报修且已响应的工单，自报修至响应所用时间的平均值，按时限的计时方式计算"
    "（不含暂停时间；按工作时间计时的规则不含非工作时间），不含已撤销工单。",
    "response_minutes_p90": "本期报修且已响应的工单中，九成在此时长内得到响应（计时方式同平均值）。",
    "completion_minutes_avg": "本期报修且已完工的工单，自报修至完工所用时间的平均值（不含暂停时间），"
    "不含已撤销工单。",
    "completion_minutes_p90": "本期报修且已完工的工单中，九成在此时长内完工（计时方式同平均值）。",
    "commitment_in_48h": "本期报修的承诺修工单中（承诺书已出具或已到期），在报修后48小时内出具承诺书的"
    "比例（不含暂停时间）。已撤销工单不计。",
    "callback_coverage": "本期完工的工单（不论何时报修）中已回访业主的比例，与“回访”页口径一致。",
    "satisfaction": "本期回访中业主表示满意或基本满意的比例，与“回访”页口径一致。",
    "reopened": "本期报修的工单中，因业主不满意而重新处理的工单数。",
    "first_time_fix": "本期报修且至少完工一次的工单中，从未返修的比例（一次修复率）。",
    "regulator_reply_rate": "本期收到的监管平台工单中，在回复时限内（平台未设时限的为收到后一天）首次回复的"
    "比例。尚未回复且仍在时限内的暂不计入。目标：80%。",
    "supervision_in_time": "本期下达的督办通知中，其工单在督办期限前完工、办结或撤销的比例。"
    "仍在期限内的暂不计入。",
    "overdue": "未暂停的在办工单中，已过完成时限，或已过响应时限仍未响应的工单（工单列表中标红）。",
    "due_soon": "未暂停的在办工单中，完成时限在公司设定的预警时间内的工单（工单列表中标黄）。",
    "callbacks_due": "已完工、等待回访且回访期限在今日结束前的工单。",
}

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
    title = FIGURE_TITLE.get(stem, stem)
    return f"{title}（{words.word(words.TIER, tier)}）" if tier else title


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
