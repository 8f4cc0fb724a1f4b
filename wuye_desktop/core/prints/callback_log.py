"""Printing the callback log (回访记录表): a period's callbacks, or blank pages; audited.

A period is a month ``2026-11``, a quarter ``2026Q4`` (as for the disclosure), or a range of
local days ``2026-11-01..2026-11-15`` (both days included). A callback belongs to the period
its moment falls in on the Asia/Shanghai calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from wuye_desktop.core import audit, directory, users
from wuye_desktop.core.clock import LOCAL_TZ, now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.ledger.periods import month_bounds, parse_period
from wuye_desktop.core.orders import Status
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.validation import mask_phone
from wuye_desktop.documents.callback_log import CallbackLog, CallbackLogRow, render_callback_log
from wuye_desktop.documents.output import write_atomic
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import (
    Building,
    Callback,
    Community,
    Household,
    OrderEvent,
    Owner,
    Unit,
    WorkOrder,
)

MAX_BLANK_PAGES = 50
MAX_RANGE_DAYS = 366
ALL_COMMUNITIES = "全部小区"
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class LogPeriod:
    first: date
    last: date  # included
    label: str  # as printed: 2026年11月, 2026年第4季度, 2026-11-01 至 2026-11-15


def _period_error(text: str) -> ValidationError:
    return ValidationError(
        [
            FieldError(
                "period",
                QT_TRANSLATE_NOOP(
                    "core",
                    "{text} is not a period (2026-11, 2026Q4 or 2026-11-01..2026-11-15)",
                ),
                {"text": text},
            )
        ]
    )


def parse_log_period(text: str) -> LogPeriod:
    """A month, a quarter, or a range of days; ValidationError naming ``period`` otherwise."""
    raw = text.strip()
    if m := _RANGE.match(raw):
        try:
            first, last = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        except ValueError:
            raise _period_error(text) from None
        if last < first or (last - first).days >= MAX_RANGE_DAYS:
            raise _period_error(text)
        return LogPeriod(first, last, f"{first.isoformat()} 至 {last.isoformat()}")
    try:
        period = parse_period(raw)
    except ValidationError:
        raise _period_error(text) from None
    first, _ = month_bounds(period.first)
    _, after = month_bounds(period.last)
    if len(period.months) == 1:
        label = f"{first.year}年{first.month}月"
    else:
        label = f"{first.year}年第{(first.month - 1) // 3 + 1}季度"
    return LogPeriod(first, after - timedelta(days=1), label)


def days(first: date, last: date) -> LogPeriod:
    """The local days *first* to *last*, both included (e.g. this month so far)."""
    return parse_log_period(f"{first.isoformat()}..{last.isoformat()}")


def _check_pages(pages: int) -> None:
    if not 1 <= pages <= MAX_BLANK_PAGES:
        raise ValidationError(
            [
                FieldError(
                    "pages",
                    QT_TRANSLATE_NOOP("core", "Between 1 and {max}"),
                    {"max": MAX_BLANK_PAGES},
                )
            ]
        )


def load_log(
    db: Database, actor: Actor, period: LogPeriod, community: str | int | None = None
) -> CallbackLog:
    """The period's callbacks in the order they were made, of one community or of all."""
    actor.require(Permission.DOCUMENTS_PRINT)
    actor.require(Permission.WORK_ORDERS_READ)
    view = directory.get_community(db, actor, community) if community is not None else None
    start = datetime.combine(period.first, time(0), LOCAL_TZ)
    end = datetime.combine(period.last + timedelta(days=1), time(0), LOCAL_TZ)
    query = (
        select(Callback, WorkOrder, Community.name)
        .join(WorkOrder, WorkOrder.id == Callback.order_id)
        .join(Community, Community.id == WorkOrder.community_id)
        .where(Callback.at >= start, Callback.at < end)
        .order_by(Callback.at, Callback.id)
    )
    if view is not None:
        query = query.where(WorkOrder.community_id == view.id)
    with db.read() as s:
        found = [(cb, o, name) for cb, o, name in s.execute(query)]
        homes = {o.household_id for _, o, _ in found if o.household_id is not None}
        places = {
            hid: f"{b}-{u}-{r}"
            for hid, b, u, r in s.execute(
                select(Household.id, Building.number, Unit.number, Household.room)
                .join(Unit, Unit.id == Household.unit_id)
                .join(Building, Building.id == Unit.building_id)
                .where(Household.id.in_(homes))
            )
        }
        owners: dict[int, list[str]] = {}
        for hid, name in s.execute(
            select(Owner.household_id, Owner.name)
            .where(Owner.household_id.in_(homes))
            .order_by(Owner.position, Owner.id)
        ):
            owners.setdefault(hid, []).append(name)
        # What was done: the last completion's note (a reopened order's latest work).
        done: dict[int, str] = {}
        for order_id, note in s.execute(
            select(OrderEvent.order_id, OrderEvent.note)
            .where(
                OrderEvent.order_id.in_({o.id for _, o, _ in found}),
                OrderEvent.kind == "status",
                OrderEvent.status == Status.COMPLETED.value,
            )
            .order_by(OrderEvent.id)
        ):
            if note:
                done[order_id] = note
        rows = [
            (cb, o, name, places.get(o.household_id, "") if o.household_id else o.location)
            for cb, o, name in found
        ]
    staff = users.display_names(db, actor, (cb.username for cb, _, _, _ in rows))
    multi = view is None
    log_rows = []
    for cb, o, community_name, place in rows:
        who = o.caller_name or "、".join(owners.get(o.household_id or 0, []))
        log_rows.append(
            CallbackLogRow(
                at=cb.at,
                order_number=o.number,
                place=(community_name + " " + place) if multi else place,
                owner=" ".join(p for p in (who, mask_phone(o.caller_phone)) if p),
                work=done.get(o.id) or o.description,
                satisfaction=cb.satisfaction,
                staff=staff.get(cb.username, cb.username),
                note=cb.comment,
            )
        )
    return CallbackLog(
        company=company_name(db),
        community=view.name if view is not None else ALL_COMMUNITIES,
        period=period.label,
        rows=tuple(log_rows),
    )


def callback_log_pdf(
    db: Database, actor: Actor, period: str | LogPeriod, community: str | int | None = None
) -> bytes:
    """The log of *period*'s callbacks (of one community, or of all); printing is audited."""
    span = parse_log_period(period) if isinstance(period, str) else period
    log = load_log(db, actor, span, community)
    data = render_callback_log(replace(log, printed_at=now_utc()))
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "document.print",
            "callback_log",
            span.label,
            document="callback_log",
            first=span.first.isoformat(),
            last=span.last.isoformat(),
            community=log.community,
            callbacks=len(log.rows),
        )
    return data


def blank_log_pdf(
    db: Database, actor: Actor, pages: int, community: str | int | None = None
) -> bytes:
    """*pages* pages of empty rows to fill in by hand (the community's name in the header)."""
    actor.require(Permission.DOCUMENTS_PRINT)
    _check_pages(pages)
    view = directory.get_community(db, actor, community) if community is not None else None
    name = view.name if view is not None else ""
    log = CallbackLog(company_name(db), name, "", blank_pages=pages, printed_at=now_utc())
    data = render_callback_log(log)
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "document.print",
            "callback_log",
            view.code if view is not None else "",
            document="callback_log_blank",
            pages=pages,
        )
    return data


def write_callback_log(
    db: Database,
    actor: Actor,
    path: Path | str,
    period: str | LogPeriod,
    community: str | int | None = None,
) -> Path:
    return write_atomic(path, callback_log_pdf(db, actor, period, community))


def write_blank_log(
    db: Database, actor: Actor, path: Path | str, pages: int, community: str | int | None = None
) -> Path:
    return write_atomic(path, blank_log_pdf(db, actor, pages, community))
