"""Ledger actions, one function per user action: open the account, post, reverse, close a month,
edit categories, verify the chain. Finance edits (LEDGER_EDIT); every action is audited.

Posting locks the community's ``ledger_head`` row (SELECT … FOR UPDATE on PostgreSQL; SQLite's
BEGIN IMMEDIATE already serialises writers), so two desks posting at once append one after the
other and the chain stays one line.

The parts: :mod:`.views` (what callers get), :mod:`.lookups` (the community, its account and
categories), :mod:`.accounts` (opening an account, adding categories), :mod:`.posting`
(entries and reversals), :mod:`.closing` (months), :mod:`.verification` (the chains), and
:mod:`._shared` (text and amount checks, the head lock, a month's row).
"""

from __future__ import annotations

from wuye_desktop.core.finding import find_community
from wuye_desktop.core.ledger.services._shared import lock_head
from wuye_desktop.core.ledger.services.accounts import AccountInput, add_category, open_account
from wuye_desktop.core.ledger.services.closing import close_period
from wuye_desktop.core.ledger.services.lookups import (
    find_account,
    get_account,
    list_accounts,
    list_categories,
)
from wuye_desktop.core.ledger.services.posting import (
    EntryInput,
    append_entry,
    check_entry,
    post_entry,
    reverse_entry,
)
from wuye_desktop.core.ledger.services.verification import (
    ChainBreak,
    VerifyResult,
    require_intact,
    verify,
)
from wuye_desktop.core.ledger.services.views import (
    AccountView,
    CategoryView,
    EntryView,
    entry_view,
    mask_account,
)

__all__ = [
    "AccountInput",
    "AccountView",
    "CategoryView",
    "ChainBreak",
    "EntryInput",
    "EntryView",
    "VerifyResult",
    "add_category",
    "append_entry",
    "check_entry",
    "close_period",
    "entry_view",
    "find_account",
    "find_community",
    "get_account",
    "list_accounts",
    "list_categories",
    "lock_head",
    "mask_account",
    "open_account",
    "post_entry",
    "require_intact",
    "reverse_entry",
    "verify",
]
