"""The reference server's persistent store: one SQLite file, ``regulator.sqlite3``, in its folder.

Its own tables, unrelated to the program's database. One connection guarded by a lock serves the
event loop and any other thread (tests and the admin page read while uvicorn serves); another
process (``wuye regulator-admin``) may write the same file at the same time, which WAL and a
busy timeout allow. Commits are not synced one by one (``synchronous=NORMAL``): a power cut may
lose the last moments, never corrupt the file.

Every change a request makes commits in ONE transaction with the response stored under its
Idempotency-Key, so a crash can never leave one without the other.

The parts: :mod:`.schema` (the file and its tables), :mod:`.base` (the connection and its
transactions), :mod:`.companies` (registration, secrets, nonces), :mod:`.api_requests` (what
requests write and list), :mod:`.operator_actions` (tickets and supervision notices sent),
:mod:`.received` (what was received, for tests, the admin CLI and page) and :mod:`._shared`
(the answers, errors and text forms they all use). :class:`Store` puts them together.
"""

from __future__ import annotations

from wuye_desktop.regulator.server.store._shared import (
    CST,
    Action,
    Outcome,
    Page,
    StoreError,
    canonical_json,
    household_label,
    rfc3339_at,
)
from wuye_desktop.regulator.server.store.api_requests import ApiRequests
from wuye_desktop.regulator.server.store.base import IDEMPOTENCY_KEEP_S
from wuye_desktop.regulator.server.store.operator_actions import (
    DEFAULT_REPLY_HOURS,
    MAX_TEXT,
    ORIGINS,
    OperatorActions,
)
from wuye_desktop.regulator.server.store.received import ReceivedQueries
from wuye_desktop.regulator.server.store.schema import DB_FILE


class Store(ApiRequests, OperatorActions, ReceivedQueries):
    """The reference server's store: what requests write, what the operator sends, and what
    was received, over one connection (see :class:`.base.StoreBase`)."""


__all__ = [
    "CST",
    "DB_FILE",
    "DEFAULT_REPLY_HOURS",
    "IDEMPOTENCY_KEEP_S",
    "MAX_TEXT",
    "ORIGINS",
    "Action",
    "Outcome",
    "Page",
    "Store",
    "StoreError",
    "canonical_json",
    "household_label",
    "rfc3339_at",
]
