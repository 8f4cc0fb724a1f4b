"""Printing callback forms (回访单): an order's, or blank ones numbered in batches.

A blank batch's numbers (HF20261122-0001 …) come from the same gap-free day counter as order
numbers, taken in the transaction that makes the batch, which commits only once the batch is
written (core/printing.py), so two desks printing batches at once never hand out the same
number, and a cancelled or failed batch uses none.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from wuye_desktop.core import audit, directory
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.numbering import next_number, upcoming_numbers
from wuye_desktop.core.orders import Action, OrderState, require_state
from wuye_desktop.core.printing import Output, counted_print
from wuye_desktop.core.prints.company import company_name
from wuye_desktop.core.prints.order_facts import load_order
from wuye_desktop.core.progress import Progress
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.documents.callback_form import BlankBatch, render_blank, render_filled
from wuye_desktop.documents.output import PendingFile, write_atomic
from wuye_desktop.storage.db import Database

BLANK_PREFIX = "HF"
MAX_BLANK = 500


def callback_pdf(db: Database, actor: Actor, order: int | str) -> bytes:
    """The form of an order that has been completed (with its callbacks, if any yet)."""
    loaded = load_order(db, actor, order)
    detail = loaded.detail
    require_state(Action.PRINT_CALLBACK_FORM, OrderState.of(detail))
    data = render_filled(loaded.facts(), now_utc())
    with db.transaction() as s:
        audit.record(s, actor, "document.print", "work_order", loaded.number, document="callback")
    return data


def write_callback(db: Database, actor: Actor, path: Path | str, order: int | str) -> Path:
    return write_atomic(path, callback_pdf(db, actor, order))


def _check_count(count: int) -> None:
    if not 1 <= count <= MAX_BLANK:
        raise ValidationError(
            [
                FieldError(
                    "count",
                    QT_TRANSLATE_NOOP("core", "Between 1 and {max}"),
                    {"max": MAX_BLANK},
                )
            ]
        )


def preview_blank(
    db: Database, actor: Actor, community: str | int, count: int, progress: Progress | None = None
) -> bytes:
    """*count* blank forms numbered as the next batch would be, to look at: no number is
    taken and nothing is audited (another desk may take those numbers first; the printed
    batch has the ones it took). Printing them is :func:`print_blank`."""
    actor.require(Permission.DOCUMENTS_PRINT)
    _check_count(count)
    view = directory.get_community(db, actor, community)
    company = company_name(db)
    now = now_utc()
    with db.read() as s:
        numbers = tuple(upcoming_numbers(s, BLANK_PREFIX, now, count))
    return render_blank(BlankBatch(company, view.name, numbers, now), progress)


def print_blank(
    db: Database,
    actor: Actor,
    community: str | int,
    count: int,
    output: Output,
    progress: Progress | None = None,
) -> bytes:
    """*count* blank numbered forms for a community, printed to *output*; the numbers are
    taken (and the batch audited) only once *output* has the batch (:func:`counted_print`),
    so a batch that fails or is cancelled uses none."""
    actor.require(Permission.DOCUMENTS_PRINT)
    _check_count(count)
    view = directory.get_community(db, actor, community)
    company = company_name(db)

    def make(s: Session) -> bytes:
        now = now_utc()
        numbers = tuple(next_number(s, BLANK_PREFIX, now) for _ in range(count))
        audit.record(
            s,
            actor,
            "document.print",
            "community",
            view.code,
            document="callback_blank",
            first=numbers[0],
            last=numbers[-1],
        )
        return render_blank(BlankBatch(company, view.name, numbers, now), progress)

    return counted_print(db, make, output)


def write_blank(
    db: Database,
    actor: Actor,
    path: Path | str,
    community: str | int,
    count: int,
    progress: Progress | None = None,
) -> Path:
    output = PendingFile(path)
    print_blank(db, actor, community, count, output, progress)
    return output.target
