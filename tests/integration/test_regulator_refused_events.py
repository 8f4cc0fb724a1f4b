"""A refused event never blocks its stream for ever (issue 12, point 4), over real HTTP.

A disclosure published twice within one second is two versions the platform accepts; a newer
disclosure of a period replaces an older one that has not gone through; a person with the
right role dismisses a refused event with a reason, and what waited behind it goes.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import make_user
from tests.integration.conftest import Reference
from tests.integration.regulator_workload import closed_quarter, make_orders
from wuye_desktop.cli import main
from wuye_desktop.core import directory
from wuye_desktop.core import outbox as core_outbox
from wuye_desktop.core.errors import PermissionDenied, StateError, ValidationError
from wuye_desktop.core.ledger import disclosure
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.regulator import queue
from wuye_desktop.regulator.sync import sync_once
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry, OutboxEvent


def test_publishing_twice_within_a_second_gives_two_versions(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    finance = closed_quarter(db, admin)
    first = disclosure.publish(db, finance, "QD001", "2026Q3")
    assert sync_once(db).state == "ok"
    second = disclosure.publish(db, finance, "QD001", "2026Q3")  # the same second
    report = sync_once(db)
    assert report.state == "ok" and report.parked == 0, queue.failed_events(db)
    assert second["published_at"] > first["published_at"]
    assert len(reference.store.disclosures(reference.company)) == 2  # both versions kept
    assert queue.counts(db).failed == 0


def test_a_newer_disclosure_supersedes_one_not_yet_through(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    finance = closed_quarter(db, admin)
    disclosure.publish(db, finance, "QD001", "2026Q3")
    disclosure.publish(db, finance, "QD001", "2026Q3")  # before any sync
    report = sync_once(db)
    assert report.sent == 1 and report.parked == 0
    rows = queue.failed_events(db, with_resolved=True)
    assert [(r.state, r.kind) for r in rows] == [("superseded", "disclosure")]
    assert rows[0].resolution.isdigit()


def test_a_refused_disclosure_is_superseded_by_the_correction(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    finance = closed_quarter(db, admin)
    body = disclosure.publish(db, finance, "QD001", "2026Q3")
    # The first version was refused (here: unbalanced, as an older program might have sent).
    with db.transaction() as s:
        s.query(OutboxEvent).update(
            {"body": json.dumps({**body, "closing_balance": "1.00"}, ensure_ascii=False)}
        )
    assert sync_once(db).parked == 1
    disclosure.publish(db, finance, "QD001", "2026Q3")
    report = sync_once(db)
    assert report.sent == 1 and report.parked == 0
    assert queue.counts(db).failed == 0
    [held] = reference.store.disclosures(reference.company)
    assert held["closing_balance"] == body["closing_balance"]


def refuse_first_order(db: Database, admin: Actor, community_id: int) -> int:
    """Two events on one stream, the first one refused by the platform (unknown project)."""
    make_orders(db, admin, community_id, 1)
    with db.transaction() as s:
        first = s.query(OutboxEvent).order_by(OutboxEvent.id).first()
        assert first is not None
        changed = {**json.loads(first.body), "project_code": ""}
        first.body = json.dumps(changed, ensure_ascii=False)
        return first.id


def test_dismissing_a_refused_event_lets_its_stream_go_on(
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    reference: Reference,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = {
        "project_code": "370202-001",
        "period": "2026Q3",
        "account": {"bank": "青岛银行", "account_no_masked": "6222********1234"},
        "opening_balance": "10000.00",
        "income": [{"category": "elevator_ads", "amount": "3000.00"}],
        "expense": [],
        "closing_balance": "13000.00",
        "entries": 1,
        "ledger_head_hash": "a" * 64,
        "published_at": "2026-10-08T10:00:00+08:00",
    }
    bad = {**good, "period": "2026Q2", "closing_balance": "99999.00"}
    with db.transaction() as s:
        events = [
            core_outbox.enqueue(
                s,
                stream="disclosure:QD001",
                kind="disclosure",
                path="/public-income/disclosures",
                body=body,
            )
            for body in (bad, good)
        ]
        s.flush()
        refused = events[0].id
    report = sync_once(db)
    assert report.parked == 1
    assert queue.counts(db).waiting == 1  # Q3 waits behind the refused Q2
    db_url = str(db.sqlite_path) if db.sqlite_path else db.url.render_as_string(False)
    argv = ["--db", db_url, "regulator", "dismiss", str(refused), "--reason", "二季度已线下报送"]
    assert main(argv) == 0, capsys.readouterr()
    assert queue.counts(db).failed == 0
    with db.read() as s:
        entry = s.query(AuditEntry).filter(AuditEntry.action == "regulator.dismiss").one()
        assert "二季度已线下报送" in entry.detail
    capsys.readouterr()
    assert main(["--db", db_url, "regulator", "failed"]) == 0
    out = capsys.readouterr().out
    assert "no failed events" in out and "dismissed by" in out and "二季度已线下报送" in out
    report = sync_once(db)
    assert report.state == "ok" and report.sent == 1
    [held] = reference.store.disclosures(reference.company)
    assert held["period"] == "2026Q3"
    assert queue.counts(db).pending == 0


def test_who_may_dismiss_and_what(
    db: Database, admin: Actor, community: directory.CommunityView, reference: Reference
) -> None:
    refused = refuse_first_order(db, admin, community.id)
    sync_once(db)
    desk = make_user(db, admin, Role.DESK, "kf")
    finance = make_user(db, admin, Role.FINANCE, "cw")
    manager = make_user(db, admin, Role.MANAGER, "jl")
    with pytest.raises(PermissionDenied):
        queue.dismiss(db, desk, [refused], "不想报")
    with pytest.raises(PermissionDenied):
        queue.dismiss(db, finance, [refused], "不想报")  # finance dismisses disclosures only
    with pytest.raises(ValidationError):
        queue.dismiss(db, manager, [refused], "   ")
    with pytest.raises(StateError):
        queue.dismiss(db, manager, [refused, 999_999], "重复")
    assert queue.counts(db).failed == 1  # nothing of a refused call was done
    assert queue.dismiss(db, manager, [refused], "重复报单") == 1
