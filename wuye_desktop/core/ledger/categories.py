"""Income and expense categories: DESIGN.md's defaults, copied to a community when its
account is opened (finance may then add its own)."""

from __future__ import annotations

import enum

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


class Direction(enum.StrEnum):
    INCOME = "income"
    EXPENSE = "expense"


DIRECTION_LABELS: dict[Direction, str] = {
    Direction.INCOME: QT_TRANSLATE_NOOP("core", "Income"),
    Direction.EXPENSE: QT_TRANSLATE_NOOP("core", "Expense"),
}

# (code, Chinese label as printed on the disclosure)
DEFAULTS: dict[Direction, tuple[tuple[str, str], ...]] = {
    Direction.INCOME: (
        ("elevator_ads", "电梯及其他广告收入"),
        ("parking", "停车收入"),
        ("venue_rental", "场地租赁收入"),
        ("express_lockers", "快递柜收入"),
        ("charging_piles", "充电桩收入"),
        ("other_income", "其他收入"),
    ),
    Direction.EXPENSE: (
        ("facility_repair", "共用设施维修"),
        ("shared_utilities", "公共水电费"),
        ("service_fee_share", "物业服务分成"),
        ("tax", "税费"),
        ("audit_fee", "审计费"),
        ("other_expense", "其他支出"),
    ),
}

OTHER = {Direction.INCOME: "other_income", Direction.EXPENSE: "other_expense"}
