"""Finding a community's account inside a transaction (the community itself:
:func:`wuye_desktop.core.finding.find_community`), and reading the accounts and
a community's categories.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.finding import find_community
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger.services.views import AccountView, CategoryView, account_view
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Community, LedgerAccount, LedgerCategory


def find_account(s: Session, community: Community) -> LedgerAccount:
    account = s.scalar(select(LedgerAccount).where(LedgerAccount.community_id == community.id))
    if account is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Community {code} has no public-income account yet"),
            code=community.code,
        )
    return account


def get_account(db: Database, actor: Actor, community: str | int) -> AccountView:
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        c = find_community(s, community)
        return account_view(c, find_account(s, c))


def list_accounts(db: Database, actor: Actor) -> list[AccountView]:
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        rows = s.execute(
            select(Community, LedgerAccount)
            .join(LedgerAccount, LedgerAccount.community_id == Community.id)
            .order_by(Community.code)
        )
        return [account_view(c, a) for c, a in rows]


def list_categories(db: Database, actor: Actor, community: str | int) -> list[CategoryView]:
    actor.require(Permission.LEDGER_READ)
    with db.read() as s:
        c = find_community(s, community)
        return _categories(s, c.id)


def _categories(s: Session, community_id: int) -> list[CategoryView]:
    rows = s.scalars(
        select(LedgerCategory)
        .where(LedgerCategory.community_id == community_id)
        .order_by(LedgerCategory.direction.desc(), LedgerCategory.sort, LedgerCategory.id)
    )
    return [CategoryView(r.direction, r.code, r.label) for r in rows]
