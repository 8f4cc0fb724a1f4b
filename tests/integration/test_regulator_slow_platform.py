"""A slow, throttling or failing platform: the sync always ends, says why, and loses nothing.

Over real HTTP against a deliberately broken platform (tests/integration/fake_platform.py):
answers trickled a byte at a time, 429 on every request, absurd Retry-After values, 5xx on one
listing, a cursor that never ends, a clock-skew refusal in the platform's own words.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler

import pytest

from tests.integration.fake_platform import (  # fixtures too: platform, order_queued
    FakePlatform,
    assert_kept,
    client_for,
    error,
    heal_and_deliver,
    health,
    order_queued,
    platform,
    run,
    send,
    trickle,
)
from wuye_desktop.core import directory
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.roles import Actor
from wuye_desktop.regulator import queue, settings, sync
from wuye_desktop.storage.db import Database

__all__ = ["order_queued", "platform"]

DEADLINE_S = 1.5


def test_trickled_health_headers_end_the_run_within_its_deadline(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    platform.health = trickle
    started = time.monotonic()
    report = run(db, platform, timeout_s=DEADLINE_S)
    assert time.monotonic() - started < 3 * DEADLINE_S
    assert report.state == "offline"
    assert "did not answer in time" in report.message
    assert settings.load_status(db).state == "offline"  # not "never": the desk is told
    assert_kept(db)
    platform.health = health
    heal_and_deliver(db, platform)


@pytest.mark.parametrize("head", [True, False], ids=["headers", "body"])
def test_a_trickled_answer_to_an_event_is_given_up_and_the_event_kept(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform, head: bool
) -> None:
    platform.post = lambda h: trickle(h, head=head)
    started = time.monotonic()
    report = run(db, platform, timeout_s=DEADLINE_S)
    # the event, then at most the two listings: each request ends within its deadline
    assert time.monotonic() - started < 4 * DEADLINE_S
    assert report.deferred == 1 and report.parked == 0
    assert_kept(db)
    heal_and_deliver(db, platform)


def test_rate_limiting_never_parks_an_event(
    db: Database,
    admin: Actor,
    order_queued: int,
    platform: FakePlatform,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sync, "RATE_LIMIT_BUDGET_S", 3.0)
    platform.post = lambda h: error(h, 429, "rate_limited", "slow down", Retry_After="1")
    started = time.monotonic()
    report = run(db, platform)
    assert time.monotonic() - started < 10
    assert report.state == "rate_limited" and report.parked == 0
    assert "wait until" in report.message
    assert platform.posts >= 3  # waited and resent the same request
    assert_kept(db)
    heal_and_deliver(db, platform)


def test_an_absurd_retry_after_is_capped_shown_and_not_slept(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    platform.post = lambda h: error(h, 429, "rate_limited", "slow down", Retry_After="100000")
    started = time.monotonic()
    report = run(db, platform)
    assert time.monotonic() - started < 5
    assert report.state == "rate_limited" and report.parked == 0
    capped = to_local(now_utc() + timedelta(hours=1))
    assert any(
        (capped - timedelta(minutes=m)).strftime("%H:%M") in report.message for m in (0, 1)
    ), report.message
    assert_kept(db)
    # The next background run waits for the platform, not for the usual interval.
    assert sync.seconds_until_next(db, 60) > 3000
    assert settings.load_status(db).state == "rate_limited"


def ticket(ticket_id: str) -> dict[str, object]:
    return {
        "ticket_id": ticket_id,
        "project_code": "370202-001",
        "household": None,
        "category": "elevator",
        "content": "3号楼电梯停运",
        "caller_phone_masked": "139****0001",
        "received_at": "2026-11-20T09:00:00+08:00",
        "reply_due_at": "2026-11-21T09:00:00+08:00",
        "level": "normal",
    }


def test_a_failing_listing_does_not_stop_the_others_nor_the_acks(
    db: Database, admin: Actor, community: directory.CommunityView, platform: FakePlatform
) -> None:
    def listings(h: BaseHTTPRequestHandler) -> None:
        if "/supervisions" in h.path:
            error(h, 503, "unavailable", "维护中")
        else:
            body = {"items": [ticket("T-1")], "next_cursor": "1", "has_more": False}
            send(h, 200, json.dumps(body).encode())

    platform.get = listings
    platform.post = lambda h: send(h, 200, b"{}")
    report = run(db, platform)
    assert report.tickets == 1
    assert any(p.endswith("/dispatches/T-1/ack") for p in platform.posted), platform.posted
    assert report.state == "partial"
    assert "/supervisions" in report.message and "503" in report.message
    assert queue.counts(db).pending == 0


def test_a_cursor_that_never_ends_is_detected(
    db: Database, admin: Actor, community: directory.CommunityView, platform: FakePlatform
) -> None:
    pages = 0

    def endless(h: BaseHTTPRequestHandler) -> None:
        nonlocal pages
        pages += 1
        body = {"items": [], "next_cursor": f"c{pages}", "has_more": True}
        send(h, 200, json.dumps(body).encode())

    platform.get = endless
    report = run(db, platform)
    assert pages <= 10  # both listings, a few pages each, not 10,000
    assert report.state == "bad_answer"
    assert "keeps saying there is more" in report.message


def test_clock_skew_shows_the_platforms_words_and_both_clocks(
    db: Database, admin: Actor, order_queued: int, platform: FakePlatform
) -> None:
    body = {
        "error": {
            "code": "clock_skew",
            "message": "请求时间与平台时间相差超过300秒",
            "field": None,
            "server_time": "2026-01-01T08:00:00+08:00",
        }
    }
    platform.post = lambda h: send(h, 401, json.dumps(body, ensure_ascii=False).encode())
    report = run(db, platform)
    assert report.state == "clock"
    assert "请求时间与平台时间相差超过300秒" in report.message
    assert "2026-01-01 08:00:00" in report.message and "this computer" in report.message
    assert_kept(db)


def test_what_the_run_does_is_shown_while_it_runs(
    db: Database,
    admin: Actor,
    order_queued: int,
    platform: FakePlatform,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Another desk (here: `wuye regulator status` on the same database) sees the step."""
    from wuye_desktop.cli import main

    listing = threading.Event()
    release = threading.Event()

    def slow_listing(h: BaseHTTPRequestHandler) -> None:
        listing.set()
        release.wait(20)
        send(h, 200, b'{"items": [], "has_more": false}')

    platform.get = slow_listing
    steps: list[str] = []
    reports: list[sync.SyncReport] = []

    def run_sync() -> None:
        with client_for(platform.base_url) as client:
            reports.append(
                sync.sync_once(db, client=client, activity=lambda t, p: steps.append(t.format(**p)))
            )

    worker = threading.Thread(target=run_sync)
    worker.start()
    try:
        assert listing.wait(20)
        activity = settings.load_activity(db)
        assert (
            activity.running and activity.text() == "Reading dispatched tickets: page 1, 0 item(s)"
        )
        db_url = str(db.sqlite_path) if db.sqlite_path else db.url.render_as_string(False)
        assert main(["--db", db_url, "regulator", "status"]) == 0
        out = capsys.readouterr().out
        assert "running now:  Reading dispatched tickets: page 1, 0 item(s), since" in out
    finally:
        release.set()
        worker.join(30)
    assert reports[0].state == "ok"
    assert steps[:2] == ["Checking the platform's clock", "Sending events: 1 of 1"]
    assert not settings.load_activity(db).running  # the run ended: nothing is shown
