"""What intake and the deadline settings read of the order rules: the deadlines a new order
would get, and the callback and due-soon options."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.deadlines import Deadlines, deadlines_for
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.settings import callback_due_days, due_soon_minutes, load_rules
from wuye_desktop.core.vocab import Tier
from wuye_desktop.storage.db import Database


def preview_deadlines(
    db: Database, tier: str, category: str, at: datetime | None = None
) -> Deadlines:
    """The deadlines an order of this tier and category taken at *at* (now) would get.

    Intake shows them live beside the tier; create_order computes the same from the same rules.
    """
    if tier not in {t.value for t in Tier}:
        raise ValidationError([FieldError("tier", QT_TRANSLATE_NOOP("core", "Choose one"))])
    with db.read() as s:
        rules = load_rules(s)
    return deadlines_for(rules, tier, category, at or now_utc())


@dataclass(frozen=True)
class WorkOrderOptions:
    callback_days: int  # a completed order's callback is due within this many days
    due_soon_minutes: int  # an open order this close to its deadline shows amber


def work_order_options(db: Database) -> WorkOrderOptions:
    with db.read() as s:
        return WorkOrderOptions(callback_due_days(s), due_soon_minutes(s))
