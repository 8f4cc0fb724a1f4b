"""Setting up a community's public-income account (opening balance, default categories)
and adding categories to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from wuye_desktop.core import audit
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.finding import find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger import chain
from wuye_desktop.core.ledger.categories import DEFAULTS, Direction
from wuye_desktop.core.ledger.services._shared import clean_text, parse_amount
from wuye_desktop.core.ledger.services.lookups import find_account
from wuye_desktop.core.ledger.services.views import (
    AccountView,
    CategoryView,
    account_view,
    mask_account,
)
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerAccount, LedgerCategory, LedgerHead

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_ACCOUNT_NO = re.compile(r"^\d{8,32}$")


@dataclass(frozen=True)
class AccountInput:
    bank: str
    account_no: str
    opening_balance: str  # as typed: "10,000.00"
    opened_on: date


def open_account(
    db: Database, actor: Actor, community: str | int, data: AccountInput
) -> AccountView:
    """Set up a community's special account, its opening balance and default categories."""
    actor.require(Permission.LEDGER_EDIT)
    errors: list[FieldError] = []
    bank = clean_text(errors, "bank", data.bank, 100)
    if not bank:
        errors.append(FieldError("bank", QT_TRANSLATE_NOOP("core", "Required")))
    number = re.sub(r"[\s-]", "", data.account_no)
    if not _ACCOUNT_NO.match(number):
        errors.append(
            FieldError("account_no", QT_TRANSLATE_NOOP("core", "8 to 32 digits"), {}, None)
        )
    opening = parse_amount(errors, "opening_balance", data.opening_balance)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = find_community(s, community)
        if s.scalar(select(LedgerAccount.id).where(LedgerAccount.community_id == c.id)):
            raise StateError(
                QT_TRANSLATE_NOOP("core", "Community {code} already has its account"),
                code=c.code,
            )
        account = LedgerAccount(
            community_id=c.id,
            bank=bank,
            account_no=number,
            opening_balance_fen=opening,
            opened_on=data.opened_on,
        )
        s.add(account)
        s.add(LedgerHead(community_id=c.id, seq=0, hash=chain.GENESIS, balance_fen=opening))
        for direction, items in DEFAULTS.items():
            for i, (code, label) in enumerate(items):
                s.add(
                    LedgerCategory(
                        community_id=c.id, direction=direction.value, code=code, label=label, sort=i
                    )
                )
        audit.record(
            s, actor, "ledger.open_account", "community", c.code, bank=bank,
            account=mask_account(number), opening_fen=opening,
        )  # fmt: skip
        s.flush()
        return account_view(c, account)


def add_category(
    db: Database, actor: Actor, community: str | int, direction: str, code: str, label: str
) -> CategoryView:
    actor.require(Permission.LEDGER_EDIT)
    errors: list[FieldError] = []
    if direction not in (Direction.INCOME, Direction.EXPENSE):
        errors.append(FieldError("direction", QT_TRANSLATE_NOOP("core", "Income or expense")))
    code = code.strip().lower()
    if not _CODE.match(code):
        errors.append(
            FieldError("code", QT_TRANSLATE_NOOP("core", "Lowercase letters, digits and _"))
        )
    label = clean_text(errors, "label", label, 100)
    if not label:
        errors.append(FieldError("label", QT_TRANSLATE_NOOP("core", "Required")))
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        c = find_community(s, community)
        find_account(s, c)
        exists = s.scalar(
            select(LedgerCategory.id).where(
                LedgerCategory.community_id == c.id,
                LedgerCategory.direction == direction,
                LedgerCategory.code == code,
            )
        )
        if exists:
            raise ValidationError(
                [
                    FieldError(
                        "code", QT_TRANSLATE_NOOP("core", "{code} exists already"), {"code": code}
                    )
                ]
            )
        s.add(
            LedgerCategory(community_id=c.id, direction=direction, code=code, label=label, sort=99)
        )
        audit.record(s, actor, "ledger.add_category", "community", c.code, code=code, label=label)
        return CategoryView(direction, code, label)
