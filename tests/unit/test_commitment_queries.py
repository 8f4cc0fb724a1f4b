"""The Commitment tab's lists: to issue, issued, fulfilled, overdue; and the print count."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.unit.test_documents_commitment import promised_order
from wuye_desktop.core import directory, orders
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.orders import CommitmentState
from wuye_desktop.core.prints import commitment
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database


def numbers(db: Database, actor: Actor, state: CommitmentState, **kw: object) -> list[str]:
    return [r.order_number for r in orders.commitment_rows(db, actor, state, **kw)]  # type: ignore[arg-type]


def test_an_order_moves_from_to_issue_to_issued_to_fulfilled(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    oid, number = promised_order(db, admin, community, issue=False)
    assert numbers(db, admin, CommitmentState.TO_ISSUE) == [number]
    assert numbers(db, admin, CommitmentState.ISSUED) == []

    detail = orders.get_order(db, admin, oid)
    promised = to_local(now_utc()).date() + timedelta(days=10)
    orders.issue_commitment(
        db, admin, oid, detail.version, orders.CommitmentInput("换管", promised, "房修公司", "李工")
    )
    assert numbers(db, admin, CommitmentState.TO_ISSUE) == []
    [row] = orders.commitment_rows(db, admin, CommitmentState.ISSUED)
    assert (row.order_number, row.promised_date, row.responsible_person) == (
        number,
        promised,
        "李工",
    )
    assert row.printed_count == 0 and not row.overdue and row.place == "3-2-1201"

    commitment.preview_commitment(db, admin, oid)  # looking counts nothing
    commitment.write_commitment(db, admin, tmp_path / "1.pdf", oid)
    commitment.write_commitment(db, admin, tmp_path / "2.pdf", oid)
    [row] = orders.commitment_rows(db, admin, CommitmentState.ISSUED)
    assert row.printed_count == 2

    orders.dispatch(
        db,
        admin,
        oid,
        orders.get_order(db, admin, oid).version,
        channel="developer",
        handler="李工",
    )
    orders.start_work(db, admin, oid, orders.get_order(db, admin, oid).version)
    orders.complete(db, admin, oid, orders.get_order(db, admin, oid).version, "修好了")
    assert numbers(db, admin, CommitmentState.ISSUED) == []
    [row] = orders.commitment_rows(db, admin, CommitmentState.FULFILLED)
    assert row.order_number == number and row.fulfilled_at is not None


def test_overdue_means_the_promised_day_has_passed_unfinished(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    _, number = promised_order(db, admin, community)
    promised = to_local(now_utc()).date() + timedelta(days=20)
    assert numbers(db, admin, CommitmentState.OVERDUE) == []
    later = now_utc() + timedelta(days=21)
    assert numbers(db, admin, CommitmentState.OVERDUE, now=later) == [number]
    [row] = orders.commitment_rows(db, admin, CommitmentState.ISSUED, now=later)
    assert row.overdue and row.promised_date == promised
    # The last promised day itself is not overdue yet.
    on_the_day = now_utc() + timedelta(days=20)
    assert numbers(db, admin, CommitmentState.OVERDUE, now=on_the_day) == []


def test_lists_filter_by_community(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    _, number = promised_order(db, admin, community, issue=False)
    assert numbers(db, admin, CommitmentState.TO_ISSUE, community_id=community.id) == [number]
    assert numbers(db, admin, CommitmentState.TO_ISSUE, community_id=community.id + 99) == []


def test_to_local_date_uses_shanghai() -> None:
    from datetime import UTC, datetime

    assert orders.to_local_date(datetime(2026, 11, 20, 16, 30, tzinfo=UTC)) == date(2026, 11, 21)
