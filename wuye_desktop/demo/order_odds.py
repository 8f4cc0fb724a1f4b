"""What a year of demo work orders is drawn from: when calls come, about what, through which
channel, how long each step takes, and the words of descriptions, plans, notes and callbacks."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterable, Sequence

# Calls by weekday (Monday's backlog from the weekend) and by local hour (mornings first).
WEEKDAY_WEIGHT = (1.3, 1.1, 1.0, 1.0, 1.05, 0.8, 0.75)
HOUR_WEIGHT = (
    0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1.5, 4.0, 5.0, 4.5, 3.5,
    2.0, 2.5, 3.5, 3.5, 3.2, 2.5, 2.0, 2.2, 2.0, 1.2, 0.6, 0.3,
)  # fmt: skip
# Volume by month: the summer rains, the start of heating in November, Spring Festival quiet.
MONTH_WEIGHT = (0.9, 0.75, 0.9, 0.95, 1.0, 1.1, 1.3, 1.3, 1.05, 0.95, 1.1, 1.05)


def cumulated(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


IN_HOME = frozenset(
    {"water_leak", "wall_crack", "doors_windows", "indoor_plumbing", "electrical", "heating_gas"}
)
# Share of all orders per category, then the seasons' multipliers by month (1..12).
CATEGORY_WEIGHT = {
    "security": 3, "cleaning": 6, "fire_safety": 2, "ebike_charging": 4, "elevator": 6,
    "parking": 4, "drainage": 5, "pavement": 2, "lighting": 4, "greenery": 3, "water_leak": 14,
    "wall_crack": 6, "doors_windows": 8, "indoor_plumbing": 12, "electrical": 7,
    "heating_gas": 8, "other": 6,
}  # fmt: skip
SEASON = {
    "water_leak": {6: 1.4, 7: 2.2, 8: 2.2, 9: 1.4, 12: 0.7, 1: 0.7, 2: 0.7},
    "drainage": {6: 1.3, 7: 2.0, 8: 2.0, 9: 1.3},
    "heating_gas": {11: 2.5, 12: 2.0, 1: 2.0, 2: 1.8, 3: 1.2, 5: 0.5, 6: 0.5, 7: 0.5, 8: 0.5, 9: 0.5},
    "greenery": {4: 1.6, 5: 1.6, 6: 1.6, 7: 1.6, 8: 1.6, 9: 1.6, 11: 0.4, 12: 0.4, 1: 0.4, 2: 0.4},
    "lighting": {11: 1.4, 12: 1.4, 1: 1.4, 2: 1.4},
    "ebike_charging": {6: 1.2, 7: 1.2, 8: 1.2},
    "indoor_plumbing": {1: 1.3, 2: 1.2},
    "fire_safety": {11: 1.3, 12: 1.3, 1: 1.3, 2: 1.3, 3: 1.3},
}  # fmt: skip
# (immediate, time_limited, promised) per category: about 50 / 40 / 10 over all orders.
_TIER_WEIGHT = {
    "security": (0.8, 0.2, 0.0), "cleaning": (0.85, 0.15, 0.0), "fire_safety": (0.4, 0.5, 0.1),
    "ebike_charging": (0.5, 0.45, 0.05), "elevator": (0.45, 0.5, 0.05),
    "parking": (0.7, 0.3, 0.0), "drainage": (0.55, 0.4, 0.05), "pavement": (0.2, 0.6, 0.2),
    "lighting": (0.7, 0.3, 0.0), "greenery": (0.4, 0.55, 0.05),
    "water_leak": (0.35, 0.4, 0.25), "wall_crack": (0.1, 0.5, 0.4),
    "doors_windows": (0.5, 0.42, 0.08), "indoor_plumbing": (0.6, 0.35, 0.05),
    "electrical": (0.6, 0.37, 0.03), "heating_gas": (0.55, 0.4, 0.05), "other": (0.6, 0.4, 0.0),
}  # fmt: skip


class _Weighted:
    """A weighted choice whose cumulative weights are summed once (random.choices sums them
    on every call, which shows over a million orders)."""

    def __init__(self, pairs: Iterable[tuple[str, float]]) -> None:
        listed = list(pairs)
        self.names = [name for name, _ in listed]
        self.cum = cumulated([weight for _, weight in listed])

    def draw(self, rng: random.Random) -> str:
        return self.names[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


TIER_CHOICE = {
    c: _Weighted(zip(("immediate", "time_limited", "promised"), w, strict=True))
    for c, w in _TIER_WEIGHT.items()
}
HOME_SOURCES = _Weighted(
    (("phone", 56), ("walk_in", 13), ("qr_code", 12), ("hotline_12345", 9),
     ("regulator_platform", 4), ("other", 6))
)  # fmt: skip
AREA_SOURCES = _Weighted(
    (("phone", 35), ("walk_in", 8), ("qr_code", 12), ("hotline_12345", 8),
     ("regulator_platform", 4), ("inspection", 28), ("other", 5))
)  # fmt: skip
# The channel the owner reported through: in-home defects often go to the housing-repair
# contractor or the developer under warranty; common areas are the property company's.
HOME_CHANNELS = _Weighted((("property", 60), ("repair_contractor", 30), ("developer", 10)))
AREA_CHANNELS = _Weighted((("property", 92), ("repair_contractor", 4), ("developer", 4)))
SATISFACTION = _Weighted((("satisfied", 80), ("basically_satisfied", 15), ("dissatisfied", 5)))
SATISFACTION_AGAIN = _Weighted((("satisfied", 75), ("basically_satisfied", 25)))  # after rework
METHODS = _Weighted((("phone", 85), ("visit", 10), ("sms", 5)))

PROBLEMS = {
    "security": (
        "夜间有陌生人在楼道徘徊", "小区北门道闸损坏，外来车辆随意进入", "单元门禁无法正常关闭",
        "监控摄像头画面黑屏", "楼下有人高空抛物，请物业排查", "外卖人员骑车进入小区速度过快",
    ),
    "cleaning": (
        "楼道垃圾未及时清理", "垃圾桶满溢，气味很大", "电梯轿厢内有污渍未清理",
        "楼道有宠物粪便", "装修垃圾堆放在楼下一直未清运", "楼梯扶手灰尘很厚",
    ),
    "fire_safety": (
        "消防栓箱门损坏关不上", "应急照明灯不亮", "灭火器已过期未更换", "安全出口指示灯不亮",
        "消防通道被杂物堵塞", "烟感报警器误报",
    ),
    "ebike_charging": (
        "充电桩扫码后不通电", "有人把电动车推进楼道充电", "电动车棚照明损坏",
        "充电桩插座烧坏", "电动车停放杂乱堵塞通道",
    ),
    "elevator": (
        "电梯运行时有异响", "电梯门反复开关关不上", "电梯困人，已联系维保单位到场",
        "电梯按钮失灵", "电梯轿厢照明不亮", "电梯平层不准，有台阶容易绊倒",
    ),
    "parking": (
        "车位被他人车辆占用", "地库道闸不抬杆", "消防通道有车辆长期停放", "车位地锁损坏",
        "地面停车位划线不清",
    ),
    "drainage": (
        "雨水井堵塞，路面积水", "污水井冒水，有异味", "排水沟堵塞", "化粪池满溢",
        "下水道返水",
    ),
    "pavement": (
        "路面塌陷", "人行道地砖松动翘起", "井盖破损有安全隐患", "台阶破损，老人容易摔倒",
        "路面坑洼，雨后积水",
    ),
    "lighting": (
        "声控灯不亮", "路灯不亮，晚上很黑", "照明灯闪烁", "灯具外壳脱落悬挂", "灯一直不灭",
    ),
    "greenery": (
        "绿化带杂草丛生", "树枝遮挡窗户，需要修剪", "草坪被踩踏需补植", "树木倾斜影响通行",
        "绿地积水，蚊虫多",
    ),
    "water_leak": (
        "卫生间顶棚渗水，怀疑楼上防水层破损", "主卧外墙渗水，墙皮起鼓脱落",
        "阳台窗框周边渗水", "厨房顶棚有水渍，持续滴水", "次卧飘窗下方渗水，地板泡水",
        "客厅顶部渗水，已用盆接水", "储藏室墙面渗水发霉", "卫生间地面渗水到楼下",
    ),
    "wall_crack": (
        "客厅墙面出现多条裂缝", "卧室墙面空鼓，敲击有空响", "卫生间墙砖空鼓脱落",
        "阳台顶棚抹灰开裂掉渣", "门洞上方斜向裂缝", "厨房墙面瓷砖开裂",
    ),
    "doors_windows": (
        "入户门锁芯损坏，钥匙打不开", "主卧窗户把手断裂，无法关严", "阳台推拉门滑轨变形推不动",
        "窗户密封条老化漏风", "卫生间门合页松动下垂", "纱窗脱落", "入户门关闭不严有缝隙",
    ),
    "indoor_plumbing": (
        "厨房下水堵塞，水池不下水", "卫生间马桶堵塞", "洗手盆下水管漏水", "地漏返臭味",
        "卫生间下水管接口滴水", "水龙头关不严一直滴水", "热水器进水阀门漏水",
    ),
    "electrical": (
        "家中跳闸后无法合闸", "卧室插座没电", "客厅灯不亮，开关有焦味", "卫生间排风扇不转",
        "入户配电箱漏电保护器频繁跳闸", "厨房插座冒火花",
    ),
    "other": (
        "楼上装修噪音扰民", "邻居在楼道堆放杂物", "门禁卡失效需补办", "快递柜无法取件",
        "咨询物业费缴纳方式", "楼下饭店油烟扰民",
    ),
}  # fmt: skip
HEATING = (
    "暖气不热，室温只有15度", "暖气片漏水", "暖气阀门打不开", "地暖分水器漏水",
    "暖气片有一组不热", "暖气管道有异响",
)  # fmt: skip
WATER_GAS = (
    "燃气灶打不着火", "自来水水压低", "家中停水，询问原因", "燃气管道有异味",
    "水表井盖损坏", "热水器打火后熄灭",
)  # fmt: skip
RAINS = ("连续降雨后", "昨晚大雨后", "下雨时")
# What a caller adds, and where it makes sense: only a home has someone in to let the
# technician in, and only water reaches the neighbours below.
ASIDES = ("，请尽快处理", "，第二次报修")
HOME_ASIDES = (
    "，业主上午在家", "，业主下午三点后在家", "，请维修前先电话联系", "，家中有老人，请尽快安排",
)  # fmt: skip
WATER_ASIDES = ("，已影响楼下住户",)
# Callbacks: the share of owners never reached, and the community whose service centre lags
# (its callbacks take this many times as long, and more owners are never reached).
UNREACHABLE_SHARE = 0.07
CALLBACK_LAGGARD = "QD003"
LAGGARD_DELAY = 4.0
LAGGARD_UNREACHABLE = 2.5

WATER = frozenset({"water_leak", "indoor_plumbing", "heating_gas"})
# The heating_gas category holds two kinds of problem: what is done follows the one reported.
HEATING_TOPIC = "heating"
WATER_GAS_TOPIC = "water_gas"
# What the technician says on completing the work, per category (or heating_gas's topic).
FIXED = {
    "security": ("已加强该区域巡逻并做好登记", "已安排保安到场核查处理", "已调取监控并加强值守"),
    "cleaning": ("已清理干净并消毒", "已安排保洁清运完毕"),
    "fire_safety": ("已更换应急照明灯具", "已清理消防通道杂物", "已更换过期灭火器", "已维修箱门"),
    "ebike_charging": ("已维修充电桩并测试通电正常", "已劝离楼道充电车辆并告知业主", "已整理车辆停放"),
    "elevator": ("维保单位已更换门机部件", "已调整平层，运行正常", "已更换按钮"),
    "parking": ("已联系车主挪车", "已调试道闸，抬杆正常", "已重新划线"),
    "drainage": ("已疏通并清掏", "已更换井盖"),
    "pavement": ("已重新铺设修补", "已更换破损地砖"),
    "lighting": ("已更换灯具", "已修复线路"),
    "greenery": ("已修剪并清运枝叶", "已补植草坪", "已清除杂草"),
    "water_leak": ("已重做防水层，闭水试验48小时无渗漏", "已封堵外墙裂缝并做防水处理", "已更换漏水管件"),
    "wall_crack": ("裂缝已开槽挂网抹灰并重新粉刷", "空鼓部位已铲除重新铺贴"),
    "doors_windows": ("已更换锁芯", "已更换五金件并调试", "已更换密封条"),
    "indoor_plumbing": ("已疏通下水", "已更换阀门和软管", "已更换水龙头阀芯"),
    "electrical": ("已更换漏电保护器", "已修复线路并更换插座", "已更换开关"),
    HEATING_TOPIC: ("已排气，暖气恢复正常", "已更换暖气阀门", "已紧固接口，暖气片不再漏水"),
    WATER_GAS_TOPIC: ("已协调燃气公司处理", "已调整水压，供水正常", "已更换水表井盖"),
    "other": ("已协调处理，报修人确认", "已答复报修人"),
}  # fmt: skip
PLANS = {
    "water_leak": "拆除卫生间地面瓷砖，重做防水层，闭水试验48小时后恢复地面",
    "wall_crack": "裂缝部位开槽，挂网抹灰后重新粉刷；空鼓部位铲除重做",
    "pavement": "破损路面切割清除，重新铺设并养护",
    "elevator": "由维保单位更换故障部件，调试合格后恢复运行",
}  # fmt: skip
PLAN_ANY = "现场勘查后确定维修方案，采购材料后组织施工"
# Before the work: a home's visit is arranged with the owner; elsewhere someone goes to look.
NOTES_BEFORE = (
    "已电话联系业主，约定明天上午上门",
    "已电话联系业主，约定今天下午上门",
    "业主不在家，改约时间",
)
NOTES_BEFORE_AREA = ("已安排人员到现场查看", "已电话告知报修人处理安排")
NOTES_BEFORE_WATER = ("已联系楼上业主协调入户查看",)
DISPATCH_NOTES = ("请尽快处理",)
DISPATCH_NOTES_HOME = ("请尽快上门处理", "业主下午在家", "注意做好成品保护")
CANCEL_REASONS = ("重复报修", "报修人取消报修")
CANCEL_REASONS_HOME = ("业主已自行修复", "经核实为业主自行装修造成，已告知业主自行处理")
CANCEL_REASONS_GAS = ("非物业维修范围，已告知业主联系燃气公司",)
PAUSE_REASONS = ("等待配件到货",)
PAUSE_REASONS_HOME = ("等待业主开门",)
PAUSE_REASONS_BY_CATEGORY = {
    "water_leak": ("需与楼上业主协调入户", "雨天无法进行外墙作业"),
    "indoor_plumbing": ("需与楼上业主协调入户",),
    "wall_crack": ("雨天无法进行外墙作业",),
    "pavement": ("雨天无法施工",),
    "elevator": ("等待维保单位到场",),
}  # fmt: skip
UNREACHABLE = ("三次回访均未联系上业主，按规定办结", "业主电话停机，无法回访，办结")
# Callback comments that fit any order, then what an owner says of repair work, and what a
# dissatisfied one says of the work of each category.
COMMENTS = {
    "satisfied": ("", "", "处理及时，满意", "满意，谢谢"),
    "basically_satisfied": ("处理了，但等待时间较长", "希望以后响应再快一些"),
    "dissatisfied": ("问题没有彻底解决", "没有按约定时间处理"),
}  # fmt: skip
REPAIR_COMMENTS = {
    "satisfied": ("师傅很专业，处理及时",),
    "basically_satisfied": ("修好了，但等待时间较长", "维修后现场没有清理干净"),
    "dissatisfied": ("维修人员没有按约定时间到场",),
}  # fmt: skip
HOME_COMMENTS = {"dissatisfied": ("维修人员没有按约定时间上门",)}
MENDED = (
    frozenset({"fire_safety", "ebike_charging", "elevator", "drainage", "pavement", "lighting"})
    | IN_HOME
)  # where something is repaired (not a dirty stairwell or a blocked space)
DISSATISFIED = {
    "security": ("晚上还是有陌生人进出", "保安没有及时到场"),
    "cleaning": ("第二天又脏了", "垃圾还是没有清运"),
    "fire_safety": ("应急灯还是不亮", "通道又被杂物堵上了"),
    "ebike_charging": ("充电桩还是不通电", "楼道里还是有人充电"),
    "elevator": ("电梯还是有异响", "电梯门还是反复开关"),
    "parking": ("车位还是被占用", "道闸还是经常不抬杆"),
    "drainage": ("一下雨又积水", "又开始冒水了"),
    "pavement": ("修补的地方又塌了", "地砖又松动了"),
    "lighting": ("灯没亮几天又坏了",),
    "greenery": ("修剪后的枝叶一直没清走",),
    "water_leak": ("修完第二天又开始渗水", "下雨后还是渗水"),
    "wall_crack": ("粉刷后裂缝又出现了", "墙面还是空鼓"),
    "doors_windows": ("门锁还是不好用", "窗户还是关不严"),
    "indoor_plumbing": ("下水还是堵", "管子接口还在滴水"),
    "electrical": ("插座还是没电", "还是经常跳闸"),
    HEATING_TOPIC: ("暖气还是不热",),
    WATER_GAS_TOPIC: ("水压还是很低", "燃气灶还是打不着火"),
    "other": ("问题反映了也没人管",),
}  # fmt: skip


def topic(category: str, description: str) -> str:
    """The key of a category's own texts: heating_gas's is its problem's kind."""
    if category != "heating_gas":
        return category
    return HEATING_TOPIC if description.startswith(HEATING) else WATER_GAS_TOPIC


def comments(satisfaction: str, category: str, description: str) -> tuple[str, ...]:
    """What an owner may say at the callback of an order of *category*."""
    said = COMMENTS[satisfaction]
    if category in MENDED:
        said += REPAIR_COMMENTS[satisfaction]
    if category in IN_HOME:
        said += HOME_COMMENTS.get(satisfaction, ())
    if satisfaction == "dissatisfied":
        said += DISSATISFIED[topic(category, description)]
    return said


def pause_reasons(category: str) -> tuple[str, ...]:
    return (
        PAUSE_REASONS
        + (PAUSE_REASONS_HOME if category in IN_HOME else ())
        + PAUSE_REASONS_BY_CATEGORY.get(category, ())
    )


def cancel_reasons(category: str, description: str) -> tuple[str, ...]:
    home = CANCEL_REASONS_HOME if category in IN_HOME else ()
    gas = CANCEL_REASONS_GAS if topic(category, description) == WATER_GAS_TOPIC else ()
    return CANCEL_REASONS + home + gas


def notes_before(category: str) -> tuple[str, ...]:
    if category not in IN_HOME:
        return NOTES_BEFORE_AREA
    return NOTES_BEFORE + (NOTES_BEFORE_WATER if category in WATER else ())


def dispatch_notes(category: str) -> tuple[str, ...]:
    return DISPATCH_NOTES_HOME if category in IN_HOME else DISPATCH_NOTES


def asides(category: str) -> tuple[str, ...]:
    home = HOME_ASIDES if category in IN_HOME else ()
    return ASIDES + home + (WATER_ASIDES if category in WATER else ())


# Timing of each step in minutes: (median, spread) of a log-normal delay, per tier.
DISPATCH = {"immediate": (10, 0.8), "time_limited": (40, 0.8), "promised": (180, 0.8)}
START = {"immediate": (45, 0.8), "time_limited": (480, 1.0), "promised": (1440, 0.7)}
WORK = {"immediate": (90, 0.9), "time_limited": (360, 1.0)}
# Waiting for parts or for the owner: long promised repairs wait most often.
PAUSE_CHANCE = {"immediate": 0.02, "time_limited": 0.06, "promised": 0.25}
