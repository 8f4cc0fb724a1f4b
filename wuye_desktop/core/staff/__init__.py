"""The staff directory work orders are dispatched to: the company's own technicians and teams,
and the contacts of each community's channels, with their phones and skills.

- :mod:`.directory`: keeping the list (add, edit, deactivate) and reading it;
- :mod:`.choices`: who can take an order, with each one's open workload, and the names typed
  freely before as fallbacks;
- :mod:`.resolve`: the handler a dispatch names, picked from the directory or typed.
"""

from __future__ import annotations

from wuye_desktop.core.staff.choices import HandlerChoice, handler_choices, open_workload
from wuye_desktop.core.staff.directory import (
    StaffInput,
    StaffRow,
    add_staff,
    deactivate_staff,
    list_staff,
    update_staff,
)
from wuye_desktop.core.staff.resolve import resolve_handler
from wuye_desktop.core.vocab import STAFF_KIND_LABELS, StaffKind

__all__ = [
    "STAFF_KIND_LABELS",
    "HandlerChoice",
    "StaffInput",
    "StaffKind",
    "StaffRow",
    "add_staff",
    "deactivate_staff",
    "handler_choices",
    "list_staff",
    "open_workload",
    "resolve_handler",
    "update_staff",
]
