"""The caller's full phone on a work-order slip: the company's choice per kind of handler
(own staff / outside contractor), masked unless chosen, and every full-number print audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import make_user
from tests.unit import pdf_support as pdf
from tests.unit.document_support import CALLER_PHONE, reported_leak
from wuye_desktop.core import directory, orders
from wuye_desktop.core.errors import PermissionDenied
from wuye_desktop.core.prints import slip
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.slip_phone import (
    HandlerKind,
    SlipPhoneChoice,
    handler_kind,
    save_slip_phone_choice,
    slip_phone_choice,
)
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry

PHONE = CALLER_PHONE
MASKED = "138****5678"


def order_sent_to(
    db: Database, actor: Actor, community: directory.CommunityView, channel: str
) -> str:
    oid = reported_leak(db, actor, community, "卫生间天花板渗水")
    version = orders.get_order(db, actor, oid).version
    orders.dispatch(db, actor, oid, version, channel=channel, handler="李师傅")
    return orders.get_order(db, actor, oid).row.number


def slip_text(db: Database, actor: Actor, number: str, tmp_path: Path) -> str:
    return pdf.flat(pdf.text(slip.slip_pdf(db, actor, number), tmp_path))


def audit(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(
            s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id))
        )


def test_the_kind_of_handler_follows_the_channel_the_order_went_to() -> None:
    assert handler_kind("property") is HandlerKind.STAFF
    assert handler_kind("repair_contractor") is HandlerKind.CONTRACTOR
    assert handler_kind("developer") is HandlerKind.CONTRACTOR


@pytest.mark.parametrize("channel", ["property", "repair_contractor", "developer"])
def test_by_default_every_slip_is_masked(
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    channel: str,
) -> None:
    assert slip_phone_choice(db) == SlipPhoneChoice(staff=False, contractor=False)
    number = order_sent_to(db, admin, community, channel)
    text = slip_text(db, admin, number, tmp_path)
    assert MASKED in text and PHONE not in text
    assert audit(db, "phone.reveal") == []


@pytest.mark.parametrize(
    ("choice", "full_on"),
    [
        (SlipPhoneChoice(staff=True), {"property"}),
        (SlipPhoneChoice(contractor=True), {"repair_contractor", "developer"}),
        (
            SlipPhoneChoice(staff=True, contractor=True),
            {"property", "repair_contractor", "developer"},
        ),
    ],
)
def test_the_company_chooses_the_full_number_per_kind_of_handler(
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
    choice: SlipPhoneChoice,
    full_on: set[str],
) -> None:
    save_slip_phone_choice(db, admin, choice)
    desk = make_user(db, admin, Role.DESK, "desk1")
    for channel in ("property", "repair_contractor", "developer"):
        number = order_sent_to(db, admin, community, channel)
        before = len(audit(db, "phone.reveal"))
        text = slip_text(db, desk, number, tmp_path)
        reveals = audit(db, "phone.reveal")[before:]
        if channel in full_on:
            assert PHONE in text, channel
            assert "本单载有报修人完整电话" in text  # the technician is told to keep it private
            [reveal] = reveals
            assert (reveal.entity, reveal.entity_id, reveal.username) == (
                "work_order",
                number,
                "desk1",
            )
            detail = json.loads(reveal.detail)
            assert detail["document"] == "slip"
            assert detail["handler_kind"] == handler_kind(channel).value
        else:
            assert MASKED in text and PHONE not in text, channel
            assert reveals == []
        [printed] = [e for e in audit(db, "document.print") if e.entity_id == number]
        assert json.loads(printed.detail)["phone"] == ("full" if channel in full_on else "masked")


def test_only_an_administrator_changes_the_choice_and_it_is_audited(
    db: Database, admin: Actor
) -> None:
    for role in (Role.DESK, Role.MANAGER):
        other = make_user(db, admin, role, f"u{role.value}")
        with pytest.raises(PermissionDenied):
            save_slip_phone_choice(db, other, SlipPhoneChoice(staff=True))
    assert slip_phone_choice(db) == SlipPhoneChoice()
    save_slip_phone_choice(db, admin, SlipPhoneChoice(staff=True))
    assert slip_phone_choice(db) == SlipPhoneChoice(staff=True, contractor=False)
    [entry] = audit(db, "settings.slip_phone")
    assert json.loads(entry.detail) == {"staff": True, "contractor": False}
