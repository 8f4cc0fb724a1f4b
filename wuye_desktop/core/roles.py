"""Roles and what each may do (DESIGN.md §5). Services check these, not the widgets."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from wuye_desktop.core.errors import PermissionDenied
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


class Role(enum.StrEnum):
    DESK = "desk"
    MANAGER = "manager"
    FINANCE = "finance"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.DESK: QT_TRANSLATE_NOOP("core", "Service desk"),
    Role.MANAGER: QT_TRANSLATE_NOOP("core", "Manager"),
    Role.FINANCE: QT_TRANSLATE_NOOP("core", "Finance"),
    Role.ADMIN: QT_TRANSLATE_NOOP("core", "Administrator"),
}


class Permission(enum.StrEnum):
    DIRECTORY_READ = "directory.read"
    DIRECTORY_EDIT = "directory.edit"
    WORK_ORDERS_READ = "work_orders.read"
    WORK_ORDERS_EDIT = "work_orders.edit"
    DOCUMENTS_PRINT = "documents.print"
    DOCUMENTS_ISSUE = "documents.issue"
    # Full phone numbers anywhere; the desk gets them only on the order being handled.
    PHONE_REVEAL = "phone.reveal"
    PHONE_REVEAL_ON_ORDER = "phone.reveal_on_order"
    LEDGER_READ = "ledger.read"
    LEDGER_EDIT = "ledger.edit"
    ADMINISTER = "administer"  # users, regulator credentials, deadlines, company
    AUDIT_READ = "audit.read"
    # The overview: every figure of a period (managers), or only what is due today (the desk).
    OVERVIEW_READ = "overview.read"
    OVERVIEW_TODAY = "overview.today"
    # The staff directory orders are dispatched to (managers keep their own people's list).
    STAFF_EDIT = "staff.edit"


_P = Permission
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.DESK: frozenset(
        {
            _P.DIRECTORY_READ,
            _P.WORK_ORDERS_READ,
            _P.WORK_ORDERS_EDIT,
            _P.DOCUMENTS_PRINT,
            _P.PHONE_REVEAL_ON_ORDER,
            _P.OVERVIEW_TODAY,
        }
    ),
    Role.MANAGER: frozenset(
        {
            _P.DIRECTORY_READ,
            _P.WORK_ORDERS_READ,
            _P.WORK_ORDERS_EDIT,
            _P.DOCUMENTS_PRINT,
            _P.DOCUMENTS_ISSUE,
            _P.PHONE_REVEAL,
            _P.PHONE_REVEAL_ON_ORDER,
            _P.LEDGER_READ,
            _P.OVERVIEW_READ,
            _P.OVERVIEW_TODAY,
            _P.STAFF_EDIT,
        }
    ),
    Role.FINANCE: frozenset(
        {_P.DIRECTORY_READ, _P.WORK_ORDERS_READ, _P.LEDGER_READ, _P.LEDGER_EDIT}
    ),
    Role.ADMIN: frozenset(set(Permission) - {_P.LEDGER_EDIT}),
}


@dataclass(frozen=True)
class Actor:
    """Who performs a service call: the logged-in user, or the system for CLI scripts."""

    user_id: int | None
    username: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]

    def refusal(self, permission: Permission) -> PermissionDenied | None:
        """The error refusing what needs *permission*, or None when the role has it."""
        if self.can(permission):
            return None
        return PermissionDenied(
            QT_TRANSLATE_NOOP("core", "Your role ({role}) may not do this: {permission}"),
            role=self.role.value,
            permission=permission.value,
        )

    def require(self, permission: Permission) -> None:
        refusal = self.refusal(permission)
        if refusal is not None:
            raise refusal


# Command-line scripts run by the administrator of the machine act as this.
SYSTEM_ACTOR = Actor(user_id=None, username="system", role=Role.ADMIN)
