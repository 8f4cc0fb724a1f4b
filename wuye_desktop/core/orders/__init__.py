"""Work orders, from the call to the callback: taking them, their moves, what may be done now,
and reading them back as lists, one order's detail, the callback queue and the weekly list.

Callers use the package (``orders.dispatch(...)``, ``from wuye_desktop.core.orders import
OrderDetail``); the parts live in:

- :mod:`.status`: the status flow as a pure rule;
- :mod:`.actions`: what may be done to an order now, and why not the rest;
- :mod:`.create`: taking an order (intake and the regulator's tickets);
- :mod:`.moves`: dispatch, start, complete, close, cancel, pause, resume, notes;
- :mod:`.commitments`: issuing commitment letters and the Commitment tab's lists;
- :mod:`.callbacks`: recording callbacks and the queue waiting for them;
- :mod:`.callback_stats`: the periods and counts of the callback statistics;
- :mod:`.photos`: pictures of an order;
- :mod:`.list_query`: the filtered list, one page of ids at a time, and its count;
- :mod:`.rows`: orders as list rows (and a household's orders beside intake);
- :mod:`.urgency`: overdue and due-soon, as a row's mark and as SQL;
- :mod:`.detail`: one order in full, and the audited reveal of the caller's number;
- :mod:`.weekly`: the weekly list of unfinished work;
- :mod:`.options`: the deadline preview and the list options intake and settings read;
- :mod:`._shared`: what the services share (text limits, loading, timeline and events).
"""

from __future__ import annotations

from wuye_desktop.core.orders._shared import (
    MAX_NAME,
    MAX_NOTE,
    MAX_PAUSE_REASON,
    MAX_UNIT,
    REQUIRED,
    order_state,
)
from wuye_desktop.core.orders.actions import (
    Action,
    Availability,
    OrderState,
    available_actions,
    dispatch_is_transfer,
    permitted_actions,
    refusal,
    require_permission,
    require_state,
    start_needs_commitment,
    state_refusal,
)
from wuye_desktop.core.orders.callback_stats import (
    DEFAULT_PERIOD,
    PERIOD_LABELS,
    CallbackStats,
    StatsPeriod,
    callback_stats,
    period_start,
)
from wuye_desktop.core.orders.callbacks import (
    CallbackInput,
    CallbackQueue,
    CallbackQueueRow,
    callback_queue,
    callback_queue_ids,
    callback_rows,
    record_callback,
)
from wuye_desktop.core.orders.commitments import (
    COMMITMENT_LIST_LIMIT,
    COMMITMENT_PREFIX,
    CommitmentInput,
    CommitmentRow,
    CommitmentState,
    commitment_rows,
    issue_commitment,
    to_local_date,
)
from wuye_desktop.core.orders.create import (
    MAX_DESCRIPTION,
    ORDER_PREFIX,
    OrderInput,
    create_order,
    create_order_in,
)
from wuye_desktop.core.orders.detail import (
    CallbackView,
    CommitmentView,
    OrderDetail,
    TimelineEntry,
    get_order,
    reveal_caller_phone,
)
from wuye_desktop.core.orders.list_query import (
    SORT_COLUMNS,
    OrderFilter,
    PageCursor,
    latest_change,
    order_count,
    order_page,
)
from wuye_desktop.core.orders.moves import (
    add_note,
    cancel,
    close,
    complete,
    dispatch,
    pause,
    resume,
    start_work,
)
from wuye_desktop.core.orders.options import (
    WorkOrderOptions,
    preview_deadlines,
    work_order_options,
)
from wuye_desktop.core.orders.photos import MAX_PHOTO_BYTES, add_photo, photo_data
from wuye_desktop.core.orders.rows import OrderRow, household_orders, open_duplicates, order_rows
from wuye_desktop.core.orders.status import (
    OPEN_STATUSES,
    STATUS_LABELS,
    Status,
    allowed_next,
    check_transition,
    transition_refusal,
)
from wuye_desktop.core.orders.urgency import Urgency, supervision_overdue
from wuye_desktop.core.orders.weekly import (
    WeeklyList,
    current_week,
    week_cutoff,
    weekly_unfinished,
)

__all__ = [
    "COMMITMENT_LIST_LIMIT",
    "COMMITMENT_PREFIX",
    "DEFAULT_PERIOD",
    "MAX_DESCRIPTION",
    "MAX_NAME",
    "MAX_NOTE",
    "MAX_PAUSE_REASON",
    "MAX_PHOTO_BYTES",
    "MAX_UNIT",
    "OPEN_STATUSES",
    "ORDER_PREFIX",
    "PERIOD_LABELS",
    "REQUIRED",
    "SORT_COLUMNS",
    "STATUS_LABELS",
    "Action",
    "Availability",
    "CallbackInput",
    "CallbackQueue",
    "CallbackQueueRow",
    "CallbackStats",
    "CallbackView",
    "CommitmentInput",
    "CommitmentRow",
    "CommitmentState",
    "CommitmentView",
    "OrderDetail",
    "OrderFilter",
    "OrderInput",
    "OrderRow",
    "OrderState",
    "PageCursor",
    "StatsPeriod",
    "Status",
    "TimelineEntry",
    "Urgency",
    "WeeklyList",
    "WorkOrderOptions",
    "add_note",
    "add_photo",
    "allowed_next",
    "available_actions",
    "callback_queue",
    "callback_queue_ids",
    "callback_rows",
    "callback_stats",
    "cancel",
    "check_transition",
    "close",
    "commitment_rows",
    "complete",
    "create_order",
    "create_order_in",
    "current_week",
    "dispatch",
    "dispatch_is_transfer",
    "get_order",
    "household_orders",
    "issue_commitment",
    "latest_change",
    "open_duplicates",
    "order_count",
    "order_page",
    "order_rows",
    "order_state",
    "pause",
    "period_start",
    "permitted_actions",
    "photo_data",
    "preview_deadlines",
    "record_callback",
    "refusal",
    "require_permission",
    "require_state",
    "resume",
    "reveal_caller_phone",
    "start_needs_commitment",
    "start_work",
    "state_refusal",
    "supervision_overdue",
    "to_local_date",
    "transition_refusal",
    "week_cutoff",
    "weekly_unfinished",
    "work_order_options",
]
