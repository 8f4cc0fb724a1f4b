"""The Chinese words printed on documents for the shared vocabulary (regulator-protocol.md §4).

Documents are printed for Chinese owners whatever language the desk's screen shows, so these
are plain Chinese, not UI translations. Unknown codes print as they are.
"""

from __future__ import annotations

from datetime import timedelta

from wuye_desktop.core.deadlines import ClockMode, TierRule

CHANNEL = {"property": "物业单位", "repair_contractor": "房修单位", "developer": "建设单位"}
TIER = {"immediate": "马上修", "time_limited": "限时修", "promised": "承诺修"}
TIER_MOTTO = {
    "immediate": "小问题马上修",
    "time_limited": "一般问题限时修",
    "promised": "复杂问题承诺修",
}
# What an owner may take each tier to mean, in a few words on the signs.
TIER_EXAMPLES = {
    "immediate": "如：灯不亮、门锁松动、水龙头滴水、下水堵塞",
    "time_limited": "如：管道漏水、墙面渗水、门窗损坏、电梯故障",
    "promised": "如：外墙或屋面渗漏、墙体开裂、需多方协调的维修",
}
CATEGORY = {
    "security": "保安",
    "cleaning": "保洁",
    "fire_safety": "消防设施",
    "ebike_charging": "电动自行车停放充电",
    "elevator": "电梯",
    "parking": "车辆停放",
    "drainage": "下水道",
    "pavement": "路面破损",
    "lighting": "公共照明",
    "greenery": "绿地",
    "water_leak": "渗漏",
    "wall_crack": "墙面开裂空鼓",
    "doors_windows": "门窗",
    "indoor_plumbing": "户内给排水",
    "electrical": "户内电气",
    "heating_gas": "水气暖",
    "other": "其他",
}
STATUS = {
    "accepted": "已受理",
    "dispatched": "已派单",
    "in_progress": "维修中",
    "completed": "已完工",
    "closed": "已办结",
    "reopened": "重新处理",
    "cancelled": "已撤销",
}
SOURCE = {
    "phone": "电话",
    "walk_in": "来访",
    "hotline_12345": "12345热线",
    "regulator_platform": "监管平台",
    "qr_code": "扫码报修",
    "inspection": "巡查",
    "other": "其他",
}
SATISFACTION = {"satisfied": "满意", "basically_satisfied": "基本满意", "dissatisfied": "不满意"}
CALLBACK_METHOD = {"phone": "电话", "visit": "上门", "sms": "短信"}


def word(table: dict[str, str], code: str) -> str:
    return table.get(code, code)


def duration(span: timedelta) -> str:
    """30分钟, 2小时, 72小时, 30天, 1小时30分钟: how deadlines are said on a notice."""
    minutes = int(span.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes}分钟"
    hours, rest = divmod(minutes, 60)
    if rest:
        return f"{hours}小时{rest}分钟"
    if hours > 72 and hours % 24 == 0:
        return f"{hours // 24}天"
    return f"{hours}小时"


def clock_note(rule: TierRule) -> str:
    """Working-time rules count only working hours; the notice must say so."""
    return "（按工作时间计）" if rule.mode is ClockMode.WORKING else ""
