"""Printing the commitment letter (承诺书) of a promised-tier repair, counted.

The first print is the original; every later one, or any print asked for as a copy, is a
copy (副本). Counting the prints and deciding original or copy happen in one transaction, so
two desks printing at the same moment cannot both get an original, and that transaction
commits only once the letter is written (core/printing.py): a print that fails uses up
nothing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, directory
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.orders import Action, OrderState, require_state
from wuye_desktop.core.printing import Output, counted_print
from wuye_desktop.core.prints.order_facts import load_order
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.vocab import Channel
from wuye_desktop.documents import words
from wuye_desktop.documents.commitment import CommitmentLetter, render_commitment
from wuye_desktop.documents.output import PendingFile
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Commitment


def load_letter(db: Database, actor: Actor, order: int | str) -> CommitmentLetter:
    """The letter of a promised order; StateError when the order has no commitment (yet)."""
    loaded = load_order(db, actor, order)
    d = loaded.detail
    require_state(Action.PRINT_COMMITMENT, OrderState.of(d))
    c = d.commitment
    assert c is not None  # what the rule above asks for
    return CommitmentLetter(
        company=loaded.company,
        community=loaded.community.name,
        number=c.number,
        order_number=d.row.number,
        household_code=d.household_code,
        place=loaded.place,
        owner=loaded.owner_names or d.caller_name,
        category=words.word(words.CATEGORY, d.row.category),
        channel=words.word(words.CHANNEL, d.row.channel),
        reported_at=d.row.reported_at,
        problem=d.row.description,
        plan=c.plan,
        promised_date=c.promised_date,
        responsible_unit=c.responsible_unit,
        responsible_person=c.responsible_person,
        issued_at=c.issued_at,
        responsible_phone=c.responsible_phone,
        service_phone=service_phone(db, loaded.community),
    )


def service_phone(db: Database, community: directory.CommunityView) -> str:
    """The community's service centre: the property company's reporting channel there, or
    else the company's own phone."""
    for channel in community.channels:
        if channel.channel == Channel.PROPERTY and channel.phone:
            return channel.phone
    company = directory.get_company(db)
    return company.phone if company is not None else ""


def _printed_count(s: Session, number: str, *, lock: bool) -> Commitment:
    query = select(Commitment).where(Commitment.number == number)
    record = s.scalar(query.with_for_update() if lock else query)
    assert record is not None  # load_letter just found it; commitments are never deleted
    return record


def preview_commitment(
    db: Database, actor: Actor, order: int | str, *, copy: bool = False
) -> bytes:
    """The letter as the next print would be (a copy once the original is out), to look at:
    nothing is counted or audited. Printing it is :func:`print_commitment`."""
    actor.require(Permission.DOCUMENTS_PRINT)
    letter = load_letter(db, actor, order)
    with db.read() as s:
        is_copy = copy or _printed_count(s, letter.number, lock=False).printed_count > 0
    return render_commitment(replace(letter, copy=is_copy, printed_at=now_utc()))


def print_commitment(
    db: Database, actor: Actor, order: int | str, output: Output, *, copy: bool = False
) -> bytes:
    """Print the letter of an order (id, number or ``WUYE:W:`` payload) to *output*.

    The first print is the original unless *copy*; later prints are copies. The print is
    counted and audited only once *output* has the letter (:func:`counted_print`): a print
    that fails leaves the original still to be printed. The commitment's row is locked while
    the letter is made, so two desks printing at once cannot both get the original.
    """
    actor.require(Permission.DOCUMENTS_PRINT)
    letter = load_letter(db, actor, order)

    def make(s: Session) -> bytes:
        record = _printed_count(s, letter.number, lock=True)
        is_copy = copy or record.printed_count > 0
        record.printed_count += 1
        audit.record(
            s,
            actor,
            "document.print",
            "commitment",
            letter.number,
            order=letter.order_number,
            copy=is_copy,
        )
        return render_commitment(replace(letter, copy=is_copy, printed_at=now_utc()))

    return counted_print(db, make, output)


def write_commitment(
    db: Database, actor: Actor, path: Path | str, order: int | str, *, copy: bool = False
) -> Path:
    output = PendingFile(path)
    print_commitment(db, actor, order, output, copy=copy)
    return output.target
