"""Company-wide settings kept as JSON in the ``setting`` table: deadlines and work-order rules."""

from __future__ import annotations

import functools
import json
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.deadlines import (
    ClockMode,
    DeadlineRules,
    TierRule,
    WorkCalendar,
    default_rules,
)
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.vocab import Category, Tier
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Setting

DEADLINES_KEY = "work_orders.deadlines"
CALLBACK_DAYS_KEY = "work_orders.callback_due_days"
DUE_SOON_KEY = "work_orders.due_soon_minutes"
DEFAULT_CALLBACK_DAYS = 3
DEFAULT_DUE_SOON_MINUTES = 240


def read_value(session: Session, key: str) -> Any:
    """A setting's JSON value, or None when it was never set."""
    row = session.get(Setting, key)
    return None if row is None else json.loads(row.value)


def write_value(session: Session, key: str, value: Any) -> None:
    """Set a setting's JSON value in the caller's transaction."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def _rule_to_json(rule: TierRule) -> dict[str, Any]:
    return {
        "response_minutes": int(rule.response.total_seconds() // 60),
        "completion_minutes": int(rule.completion.total_seconds() // 60),
        "mode": rule.mode.value,
    }


def _rule_from_json(data: dict[str, Any]) -> TierRule:
    return TierRule(
        timedelta(minutes=int(data["response_minutes"])),
        timedelta(minutes=int(data["completion_minutes"])),
        ClockMode(data.get("mode", "calendar")),
    )


def rules_to_json(rules: DeadlineRules) -> dict[str, Any]:
    cal = rules.calendar
    return {
        "tiers": {t: _rule_to_json(r) for t, r in rules.tiers.items()},
        "overrides": [
            {"tier": t, "category": c, **_rule_to_json(r)} for (t, c), r in rules.overrides.items()
        ],
        "calendar": {
            "day_start": cal.day_start.strftime("%H:%M"),
            "day_end": cal.day_end.strftime("%H:%M"),
            "holidays": sorted(d.isoformat() for d in cal.holidays),
            "makeup_workdays": sorted(d.isoformat() for d in cal.makeup_workdays),
        },
        "promised_max_days": rules.promised_max_days,
    }


def rules_from_json(data: dict[str, Any]) -> DeadlineRules:
    cal = data.get("calendar", {})
    return DeadlineRules(
        tiers={t: _rule_from_json(r) for t, r in data["tiers"].items()},
        overrides={
            (o["tier"], o["category"]): _rule_from_json(o) for o in data.get("overrides", [])
        },
        calendar=WorkCalendar(
            day_start=time.fromisoformat(cal.get("day_start", "08:30")),
            day_end=time.fromisoformat(cal.get("day_end", "17:30")),
            holidays=frozenset(date.fromisoformat(d) for d in cal.get("holidays", [])),
            makeup_workdays=frozenset(
                date.fromisoformat(d) for d in cal.get("makeup_workdays", [])
            ),
        ),
        promised_max_days=int(data.get("promised_max_days", 30)),
    )


def load_rules(session: Session) -> DeadlineRules:
    row = session.get(Setting, DEADLINES_KEY)
    return rules_from_text(None if row is None else row.value)


@functools.lru_cache(maxsize=4)
def rules_from_text(text: str | None) -> DeadlineRules:
    """The rules stored as *text* (the setting's JSON; None when never set), parsed once per
    text: whoever reads the setting again, in this process or another desk's, gets rules that
    follow an edit at once, since an edited setting is another text. The rules returned are
    shared, and nobody changes a DeadlineRules in place."""
    return default_rules() if text is None else rules_from_json(json.loads(text))


def deadline_rules(db: Database) -> DeadlineRules:
    with db.read() as s:
        return load_rules(s)


def _rules_errors(rules: DeadlineRules) -> list[FieldError]:
    errors: list[FieldError] = []
    for tier in Tier:
        if tier.value not in rules.tiers:
            errors.append(FieldError(tier.value, QT_TRANSLATE_NOOP("core", "Required")))
    everything = [(t, r) for t, r in rules.tiers.items()] + [
        (f"{t}.{c}", r) for (t, c), r in rules.overrides.items()
    ]
    for name, rule in everything:
        if rule.response <= timedelta(0) or rule.completion <= timedelta(0):
            errors.append(FieldError(name, QT_TRANSLATE_NOOP("core", "Must be more than zero")))
        elif rule.response > rule.completion:
            errors.append(
                FieldError(
                    name, QT_TRANSLATE_NOOP("core", "The response cannot come after completion")
                )
            )
    for t, c in rules.overrides:
        if t not in {x.value for x in Tier} or c not in {x.value for x in Category}:
            errors.append(
                FieldError(f"{t}.{c}", QT_TRANSLATE_NOOP("core", "Unknown tier or category"))
            )
    if not 1 <= rules.promised_max_days <= 365:
        errors.append(
            FieldError("promised_max_days", QT_TRANSLATE_NOOP("core", "Between 1 and 365 days"))
        )
    return errors


def save_rules(db: Database, actor: Actor, rules: DeadlineRules) -> None:
    """Administrators set the deadlines; orders taken afterwards follow the new rules."""
    actor.require(Permission.ADMINISTER)
    errors = _rules_errors(rules)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        write_value(s, DEADLINES_KEY, rules_to_json(rules))
        audit.record(
            s, actor, "settings.deadlines", "setting", DEADLINES_KEY, rules=rules_to_json(rules)
        )


def callback_due_days(session: Session) -> int:
    value = read_value(session, CALLBACK_DAYS_KEY)
    return DEFAULT_CALLBACK_DAYS if value is None else int(value)


def due_soon_minutes(session: Session) -> int:
    value = read_value(session, DUE_SOON_KEY)
    return DEFAULT_DUE_SOON_MINUTES if value is None else int(value)


def save_work_order_options(
    db: Database, actor: Actor, *, callback_days: int, due_soon: int
) -> None:
    actor.require(Permission.ADMINISTER)
    errors: list[FieldError] = []
    if not 1 <= callback_days <= 30:
        errors.append(
            FieldError("callback_days", QT_TRANSLATE_NOOP("core", "Between 1 and 30 days"))
        )
    if not 10 <= due_soon <= 7 * 24 * 60:
        errors.append(
            FieldError("due_soon", QT_TRANSLATE_NOOP("core", "Between 10 minutes and 7 days"))
        )
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        write_value(s, CALLBACK_DAYS_KEY, callback_days)
        write_value(s, DUE_SOON_KEY, due_soon)
        audit.record(
            s,
            actor,
            "settings.work_orders",
            "setting",
            "",
            callback_days=callback_days,
            due_soon=due_soon,
        )
