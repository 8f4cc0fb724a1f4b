"""Whether the work-order slip prints the caller's full phone: the company's choice per kind of
handler, kept with the other company settings (``core/settings``).

A technician has to call the owner to arrange access, but the slip is paper that leaves the
desk: DESIGN §5 has phones masked everywhere and never leaving the company unmasked. So each
kind of handler has its own choice, and both default to masked: a company opts in knowingly,
and an installation that never chose keeps printing what it printed before. An order
dispatched through the property company's channel is handled by the company's own staff; the
housing-repair contractor's and the developer's channels send it to an outside unit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy.orm import Session

from wuye_desktop.core import audit
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import read_value, write_value
from wuye_desktop.core.vocab import Channel
from wuye_desktop.storage.db import Database


class HandlerKind(enum.StrEnum):
    STAFF = "staff"  # the property company's own technicians
    CONTRACTOR = "contractor"  # an outside unit: the repair contractor or the developer's


KEYS: dict[HandlerKind, str] = {kind: f"slip.full_phone.{kind.value}" for kind in HandlerKind}


def handler_kind(channel: str) -> HandlerKind:
    """Who works on an order sent through *channel*; an order not yet dispatched keeps the
    channel it was taken on, and anything but the property company's is outside."""
    return HandlerKind.STAFF if channel == Channel.PROPERTY else HandlerKind.CONTRACTOR


@dataclass(frozen=True)
class SlipPhoneChoice:
    """True where the slip of an order handled by that kind prints the full number."""

    staff: bool = False
    contractor: bool = False

    def full_for(self, kind: HandlerKind) -> bool:
        return self.staff if kind is HandlerKind.STAFF else self.contractor


def read_choice(session: Session) -> SlipPhoneChoice:
    return SlipPhoneChoice(
        **{kind.value: bool(read_value(session, KEYS[kind])) for kind in HandlerKind}
    )


def slip_phone_choice(db: Database) -> SlipPhoneChoice:
    with db.read() as s:
        return read_choice(s)


def save_slip_phone_choice(db: Database, actor: Actor, choice: SlipPhoneChoice) -> None:
    """Administrators decide; the change is audited like every setting."""
    actor.require(Permission.ADMINISTER)
    with db.transaction() as s:
        for kind in HandlerKind:
            write_value(s, KEYS[kind], choice.full_for(kind))
        audit.record(
            s,
            actor,
            "settings.slip_phone",
            "setting",
            "slip.full_phone",
            staff=choice.staff,
            contractor=choice.contractor,
        )
