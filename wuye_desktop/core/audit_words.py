"""The audit log in words: what each action, object, field and value means to a reader.

The log stores codes (``document.print``, ``tier: time_limited``) so it can be searched and
never changes with the language; people read it through this one mapping, in the GUI and in
any command that prints it. The texts are marked for Qt's translation system; the caller passes
its ``translate(context, text)`` (the GUI passes ``QCoreApplication.translate``, a command
without Qt keeps the English). An unknown code shows as it is, so nothing is ever hidden.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger.categories import DIRECTION_LABELS
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.orders.status import STATUS_LABELS
from wuye_desktop.core.roles import ROLE_LABELS
from wuye_desktop.core.vocab import (
    CALLBACK_METHOD_LABELS,
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    SATISFACTION_LABELS,
    SOURCE_LABELS,
    STAFF_KIND_LABELS,
    TIER_LABELS,
)

CONTEXT = "audit"

Translate = Callable[[str, str], str]
"""``translate(context, source)`` → the text in the reader's language."""


def untranslated(_context: str, text: str) -> str:
    return text


# (context, source) pairs: the vocabulary's words live in the "core" context already.
Words = Mapping[str, tuple[str, str]]


def _audit(text: str) -> tuple[str, str]:
    return (CONTEXT, text)


def _core(labels: Mapping[Any, str]) -> dict[str, tuple[str, str]]:
    return {str(key): ("core", text) for key, text in labels.items()}


ACTIONS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("audit", "Logged in"),
    "login.failed": QT_TRANSLATE_NOOP("audit", "Failed login"),
    "user.locked": QT_TRANSLATE_NOOP("audit", "Account locked after failed logins"),
    "user.create": QT_TRANSLATE_NOOP("audit", "User created"),
    "user.update": QT_TRANSLATE_NOOP("audit", "User changed"),
    "user.reset_password": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "user.unlock": QT_TRANSLATE_NOOP("audit", "Account unlocked"),
    "user.change_password": QT_TRANSLATE_NOOP("audit", "Own password changed"),
    "staff.add": QT_TRANSLATE_NOOP("audit", "Added to the staff directory"),
    "staff.update": QT_TRANSLATE_NOOP("audit", "Staff directory entry changed"),
    "staff.deactivate": QT_TRANSLATE_NOOP("audit", "Taken off the staff directory"),
    "company.create": QT_TRANSLATE_NOOP("audit", "Company created"),
    "company.update": QT_TRANSLATE_NOOP("audit", "Company changed"),
    "community.create": QT_TRANSLATE_NOOP("audit", "Community created"),
    "community.update": QT_TRANSLATE_NOOP("audit", "Community changed"),
    "community.channels": QT_TRANSLATE_NOOP("audit", "Channels changed"),
    "building.create": QT_TRANSLATE_NOOP("audit", "Building created"),
    "building.update": QT_TRANSLATE_NOOP("audit", "Building changed"),
    "household.create": QT_TRANSLATE_NOOP("audit", "Household created"),
    "household.update": QT_TRANSLATE_NOOP("audit", "Household changed"),
    "households.import": QT_TRANSLATE_NOOP("audit", "Households imported"),
    "phone.reveal": QT_TRANSLATE_NOOP("audit", "Full phone number shown"),
    "order.create": QT_TRANSLATE_NOOP("audit", "Work order taken"),
    "order.dispatched": QT_TRANSLATE_NOOP("audit", "Work order dispatched"),
    "order.in_progress": QT_TRANSLATE_NOOP("audit", "Work started"),
    "order.completed": QT_TRANSLATE_NOOP("audit", "Work order completed"),
    "order.closed": QT_TRANSLATE_NOOP("audit", "Work order closed"),
    "order.reopened": QT_TRANSLATE_NOOP("audit", "Work order reopened"),
    "order.cancelled": QT_TRANSLATE_NOOP("audit", "Work order cancelled"),
    "order.commitment": QT_TRANSLATE_NOOP("audit", "Commitment letter issued"),
    "order.callback": QT_TRANSLATE_NOOP("audit", "Callback recorded"),
    "order.note": QT_TRANSLATE_NOOP("audit", "Note added"),
    "order.pause": QT_TRANSLATE_NOOP("audit", "Deadline clock paused"),
    "order.resume": QT_TRANSLATE_NOOP("audit", "Deadline clock resumed"),
    "order.photo": QT_TRANSLATE_NOOP("audit", "Photo added"),
    "document.print": QT_TRANSLATE_NOOP("audit", "Document printed"),
    "closeout.add": QT_TRANSLATE_NOOP("audit", "Hand-over item added"),
    "closeout.update": QT_TRANSLATE_NOOP("audit", "Hand-over item changed"),
    "closeout.close": QT_TRANSLATE_NOOP("audit", "Hand-over item closed"),
    "closeout.reopen": QT_TRANSLATE_NOOP("audit", "Hand-over item reopened"),
    "closeout.delete": QT_TRANSLATE_NOOP("audit", "Hand-over item deleted"),
    "closeout.gather": QT_TRANSLATE_NOOP("audit", "Hand-over items gathered from work orders"),
    "closeout.import": QT_TRANSLATE_NOOP("audit", "Hand-over items imported"),
    "ledger.open_account": QT_TRANSLATE_NOOP("audit", "Ledger account opened"),
    "ledger.add_category": QT_TRANSLATE_NOOP("audit", "Ledger category added"),
    "ledger.post": QT_TRANSLATE_NOOP("audit", "Ledger entry posted"),
    "ledger.reverse": QT_TRANSLATE_NOOP("audit", "Ledger entry reversed"),
    "ledger.close": QT_TRANSLATE_NOOP("audit", "Ledger months closed"),
    "ledger.export": QT_TRANSLATE_NOOP("audit", "Ledger exported"),
    "ledger.publish": QT_TRANSLATE_NOOP("audit", "Ledger disclosure published"),
    "ledger.import": QT_TRANSLATE_NOOP("audit", "Bank statement imported"),
    "regulator.configure": QT_TRANSLATE_NOOP("audit", "Regulator connection set up"),
    "regulator.ticket": QT_TRANSLATE_NOOP("audit", "Ticket received from the regulator"),
    "regulator.supervision": QT_TRANSLATE_NOOP("audit", "Supervision notice received"),
    "regulator.reply": QT_TRANSLATE_NOOP("audit", "Reply sent to the regulator"),
    "regulator.dismiss": QT_TRANSLATE_NOOP("audit", "Refused report given up"),
    "regulator.retry": QT_TRANSLATE_NOOP("audit", "Reports sent again"),
    "settings.deadlines": QT_TRANSLATE_NOOP("audit", "Deadlines changed"),
    "settings.work_orders": QT_TRANSLATE_NOOP("audit", "Work-order settings changed"),
    "settings.slip_phone": QT_TRANSLATE_NOOP("audit", "Phone on work-order slips changed"),
    "portal.configure": QT_TRANSLATE_NOOP("audit", "Owners' reporting page changed"),
    "database.backup": QT_TRANSLATE_NOOP("audit", "Database backed up"),
    "database.restore": QT_TRANSLATE_NOOP("audit", "Database restored"),
    "demo.fill": QT_TRANSLATE_NOOP("audit", "Demo data written"),
}

ENTITIES: dict[str, str] = {
    "user": QT_TRANSLATE_NOOP("audit", "User"),
    "staff": QT_TRANSLATE_NOOP("audit", "Staff directory"),
    "company": QT_TRANSLATE_NOOP("audit", "Company"),
    "community": QT_TRANSLATE_NOOP("audit", "Community"),
    "building": QT_TRANSLATE_NOOP("audit", "Building"),
    "household": QT_TRANSLATE_NOOP("audit", "Household"),
    "work_order": QT_TRANSLATE_NOOP("audit", "Work order"),
    "commitment": QT_TRANSLATE_NOOP("audit", "Commitment letter"),
    "ledger_entry": QT_TRANSLATE_NOOP("audit", "Ledger entry"),
    "week": QT_TRANSLATE_NOOP("audit", "Week"),
    "callback_log": QT_TRANSLATE_NOOP("audit", "Callback log"),
    "outbox": QT_TRANSLATE_NOOP("audit", "Report to the regulator"),
    "setting": QT_TRANSLATE_NOOP("audit", "Setting"),
    "database": QT_TRANSLATE_NOOP("audit", "Database"),
}

FIELDS: dict[str, str] = {
    "tier": QT_TRANSLATE_NOOP("audit", "Tier"),
    "satisfaction": QT_TRANSLATE_NOOP("audit", "Satisfaction"),
    "method": QT_TRANSLATE_NOOP("audit", "Callback method"),
    "category": QT_TRANSLATE_NOOP("audit", "Category"),
    "source": QT_TRANSLATE_NOOP("audit", "Source"),
    "channel": QT_TRANSLATE_NOOP("audit", "Channel"),
    "channels": QT_TRANSLATE_NOOP("audit", "Channels"),
    "status": QT_TRANSLATE_NOOP("audit", "Status"),
    "document": QT_TRANSLATE_NOOP("audit", "Document"),
    "phone": QT_TRANSLATE_NOOP("audit", "Phone number"),
    "copy": QT_TRANSLATE_NOOP("audit", "Copy"),
    "note": QT_TRANSLATE_NOOP("audit", "Note"),
    "reason": QT_TRANSLATE_NOOP("audit", "Reason"),
    "file": QT_TRANSLATE_NOOP("audit", "File"),
    "filename": QT_TRANSLATE_NOOP("audit", "File"),
    "order": QT_TRANSLATE_NOOP("audit", "Work order"),
    "orders": QT_TRANSLATE_NOOP("audit", "Work orders"),
    "commitment": QT_TRANSLATE_NOOP("audit", "Commitment letter"),
    "ticket": QT_TRANSLATE_NOOP("audit", "Regulator ticket"),
    "supervision": QT_TRANSLATE_NOOP("audit", "Supervision notice"),
    "role": QT_TRANSLATE_NOOP("audit", "Role"),
    "username": QT_TRANSLATE_NOOP("audit", "Login name"),
    "display_name": QT_TRANSLATE_NOOP("audit", "Name"),
    "active": QT_TRANSLATE_NOOP("audit", "Active"),
    "before": QT_TRANSLATE_NOOP("audit", "Before"),
    "after": QT_TRANSLATE_NOOP("audit", "After"),
    "name": QT_TRANSLATE_NOOP("audit", "Name"),
    "owner": QT_TRANSLATE_NOOP("audit", "Owner"),
    "owners": QT_TRANSLATE_NOOP("audit", "Owners"),
    "community": QT_TRANSLATE_NOOP("audit", "Community"),
    "number": QT_TRANSLATE_NOOP("audit", "Number"),
    "elevators": QT_TRANSLATE_NOOP("audit", "Elevators"),
    "credit_code": QT_TRANSLATE_NOOP("audit", "Credit code"),
    "handler": QT_TRANSLATE_NOOP("audit", "Handler"),
    "kind": QT_TRANSLATE_NOOP("audit", "Kind"),
    "skills": QT_TRANSLATE_NOOP("audit", "Skills"),
    "handler_kind": QT_TRANSLATE_NOOP("audit", "Handled by"),
    "staff": QT_TRANSLATE_NOOP("audit", "Own staff"),
    "contractor": QT_TRANSLATE_NOOP("audit", "Contractors"),
    "public_url": QT_TRANSLATE_NOOP("audit", "Public address"),
    "enabled": QT_TRANSLATE_NOOP("audit", "Switched on"),
    "period": QT_TRANSLATE_NOOP("audit", "Period"),
    "pages": QT_TRANSLATE_NOOP("audit", "Pages"),
    "first": QT_TRANSLATE_NOOP("audit", "From"),
    "last": QT_TRANSLATE_NOOP("audit", "To"),
    "count": QT_TRANSLATE_NOOP("audit", "Count"),
    "callback_days": QT_TRANSLATE_NOOP("audit", "Days to call back"),
    "due_soon": QT_TRANSLATE_NOOP("audit", "Due soon (minutes)"),
    "bank": QT_TRANSLATE_NOOP("audit", "Bank"),
    "account": QT_TRANSLATE_NOOP("audit", "Account"),
    "opening_fen": QT_TRANSLATE_NOOP("audit", "Opening balance"),
    "amount_fen": QT_TRANSLATE_NOOP("audit", "Amount"),
    "direction": QT_TRANSLATE_NOOP("audit", "Direction"),
    "date": QT_TRANSLATE_NOOP("audit", "Date"),
    "reverses": QT_TRANSLATE_NOOP("audit", "Reverses entry"),
    "months": QT_TRANSLATE_NOOP("audit", "Months"),
    "entries": QT_TRANSLATE_NOOP("audit", "Entries"),
    "imported": QT_TRANSLATE_NOOP("audit", "Imported"),
    "duplicates": QT_TRANSLATE_NOOP("audit", "Duplicates"),
    "seq": QT_TRANSLATE_NOOP("audit", "Item"),
    "label": QT_TRANSLATE_NOOP("audit", "Label"),
    "code": QT_TRANSLATE_NOOP("audit", "Code"),
    "seed": QT_TRANSLATE_NOOP("audit", "Seed"),
    "households": QT_TRANSLATE_NOOP("audit", "Households"),
    "work_orders": QT_TRANSLATE_NOOP("audit", "Work orders"),
    "ledger_entries": QT_TRANSLATE_NOOP("audit", "Ledger entries"),
}

DOCUMENTS: dict[str, str] = {
    "slip": QT_TRANSLATE_NOOP("audit", "Work-order slip"),
    "callback": QT_TRANSLATE_NOOP("audit", "Callback form"),
    "callback_blank": QT_TRANSLATE_NOOP("audit", "Blank callback forms"),
    "callback_log": QT_TRANSLATE_NOOP("audit", "Callback log"),
    "callback_log_blank": QT_TRANSLATE_NOOP("audit", "Blank callback log"),
    "closeout": QT_TRANSLATE_NOOP("audit", "Hand-over list"),
    "disclosure": QT_TRANSLATE_NOOP("audit", "Ledger disclosure"),
    "signage": QT_TRANSLATE_NOOP("audit", "Signage"),
    "weekly": QT_TRANSLATE_NOOP("audit", "Weekly supervision report"),
    "commitment": QT_TRANSLATE_NOOP("audit", "Commitment letter"),
}

_ROLE_WORDS = {role.value: ("core", text) for role, text in ROLE_LABELS.items()}
_CHANNEL_WORDS = _core(CHANNEL_LABELS)

# The words for a field's coded values; a field not here shows its values as they are.
VALUES: dict[str, Words] = {
    "tier": _core(TIER_LABELS),
    "satisfaction": _core(SATISFACTION_LABELS),
    "method": _core(CALLBACK_METHOD_LABELS),
    "category": _core(CATEGORY_LABELS),
    "skills": _core(CATEGORY_LABELS),
    "kind": _core(STAFF_KIND_LABELS),
    "source": _core(SOURCE_LABELS),
    "channel": _CHANNEL_WORDS,
    "channels": _CHANNEL_WORDS,
    "status": _core(STATUS_LABELS),
    "direction": _core(DIRECTION_LABELS),
    "role": _ROLE_WORDS,
    "document": {code: _audit(text) for code, text in DOCUMENTS.items()},
    "phone": {
        "full": _audit(QT_TRANSLATE_NOOP("audit", "Full number")),
        "masked": _audit(QT_TRANSLATE_NOOP("audit", "Masked number")),
    },
    "handler_kind": {
        "staff": _audit(QT_TRANSLATE_NOOP("audit", "Own staff")),
        "contractor": _audit(QT_TRANSLATE_NOOP("audit", "Contractor")),
    },
}

_MONEY_FIELDS = frozenset({"amount_fen", "opening_fen", "closing"})
_YES = QT_TRANSLATE_NOOP("audit", "Yes")
_NO = QT_TRANSLATE_NOOP("audit", "No")
# The punctuation follows the language too (Chinese has its own colon and list marks).
_PAIR = QT_TRANSLATE_NOOP("audit", "{field}: {value}")
_PAIRS_SEPARATOR = QT_TRANSLATE_NOOP("audit", "; ")
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("audit", ", ")
_NESTED = QT_TRANSLATE_NOOP("audit", "({details})")


def action_words(code: str, translate: Translate = untranslated) -> str:
    label = ACTIONS.get(code)
    return translate(CONTEXT, label) if label else code


def entity_words(entity: str, translate: Translate = untranslated) -> str:
    label = ENTITIES.get(entity)
    return translate(CONTEXT, label) if label else entity


def object_words(
    entity: str, entity_id: str, name: str = "", translate: Translate = untranslated
) -> str:
    """``用户 王丽`` for a user (by *name*, as resolved by the caller), ``工单 W…`` else."""
    return f"{entity_words(entity, translate)} {name or entity_id}".strip()


def field_words(key: str, translate: Translate = untranslated) -> str:
    label = FIELDS.get(key)
    return translate(CONTEXT, label) if label else key


def value_words(key: str, value: Any, translate: Translate = untranslated) -> str:
    if isinstance(value, bool):
        return translate(CONTEXT, _YES if value else _NO)
    if key in _MONEY_FIELDS and isinstance(value, int):
        return format_fen(value)
    if isinstance(value, list):
        separator = translate(CONTEXT, _LIST_SEPARATOR)
        return separator.join(value_words(key, item, translate) for item in value)
    if isinstance(value, dict):
        return translate(CONTEXT, _NESTED).format(details=details_words(value, translate))
    if value is None:
        return "—"
    words = VALUES.get(key, {}).get(str(value))
    return translate(*words) if words else str(value)


def details_words(detail: Mapping[str, Any], translate: Translate = untranslated) -> str:
    pair = translate(CONTEXT, _PAIR)
    return translate(CONTEXT, _PAIRS_SEPARATOR).join(
        pair.format(field=field_words(key, translate), value=value_words(key, value, translate))
        for key, value in detail.items()
    )


def detail_text(raw: str, translate: Translate = untranslated) -> str:
    """The stored detail JSON as ``field: value`` pairs in words; text that is not a JSON
    object shows as it is."""
    try:
        detail = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(detail, dict):
        return raw
    return details_words(detail, translate)
