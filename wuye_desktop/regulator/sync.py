"""One exchange with the regulator's platform: send the outbox, take in tickets and notices.

The rules of protocol §3 and §6 in one place:

- events go in commit order per stream (one order's events, callbacks, ack and replies), each
  with the Idempotency-Key it got when it entered the outbox, however often it is resent;
- 5xx, timeouts and refused connections back the event off (1 s doubling to 5 min, jitter)
  and hold its stream for this run; other streams go on;
- 429 waits ``Retry-After`` and resends the same request, never parking the event; a wait
  longer than a run should sleep (or past the run's budget for waiting) ends the run cleanly,
  saying until when the platform asked to wait, and the next run starts no earlier;
- 400/404/409/413 park the event with the platform's message for a person; its stream waits;
- ``out_of_order`` queues the missing events again before this one;
- 401 stops the run and says why (clock skew with the platform's words and both clocks);
- a listing that fails (5xx, an unreadable page, a cursor that never ends) is given up for this
  run only: the other listings and the acknowledgements just queued still go.

Delivered events are marked in batches: if the program is killed before a batch commits, the
events are resent with their keys and the platform replays its first answer.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.progress import Progress
from wuye_desktop.regulator import credentials, inbox, queue
from wuye_desktop.regulator import protocol as p
from wuye_desktop.regulator.client import Answer, RegulatorClient
from wuye_desktop.regulator.settings import Activity as SharedActivity
from wuye_desktop.regulator.settings import (
    SyncStatus,
    acquire_lease,
    company_code,
    holder,
    load_connection,
    load_status,
    release_lease,
    save_activity,
    save_status,
)
from wuye_desktop.storage.db import Database

log = logging.getLogger(__name__)

# A step of the run as a core phrase and its values, for the window to translate and show.
Activity = Callable[[str, dict[str, Any]], None]
ShouldStop = Callable[[], bool]

# What the sync itself says; the platform's and the network's own words come in {detail}.
T_STOPPED = QT_TRANSLATE_NOOP("core", "Stopped before the end; the rest goes at the next sync.")
T_TAKEN_OVER = QT_TRANSLATE_NOOP("core", "Another desk took over the sync.")
T_BUSY = QT_TRANSLATE_NOOP("core", "Another desk is syncing with the platform right now.")
T_UNREACHABLE = QT_TRANSLATE_NOOP("core", "The platform cannot be reached: {detail}")
T_CLOCK = QT_TRANSLATE_NOOP(
    "core",
    "The clocks differ by {seconds} s: platform {platform}, this computer {here}. "
    "Set this computer's clock right.",
)
T_AUTH = QT_TRANSLATE_NOOP(
    "core",
    "The platform refused the credentials ({detail}). Check the company's credit code and "
    "the secret in the regulator settings.",
)
T_NO_ITEMS = QT_TRANSLATE_NOOP("core", "GET {path}: the answer has no list of items.")
T_LISTING = QT_TRANSLATE_NOOP("core", "GET {path}: {detail}")
T_RATE_WAIT = QT_TRANSLATE_NOOP(
    "core", "The platform asks to wait until {until}; the sync goes on then by itself."
)
T_PARTIAL = QT_TRANSLATE_NOOP(
    "core", "Done in part ({detail}); the rest is tried again at the next sync."
)
T_ENDLESS = QT_TRANSLATE_NOOP(
    "core", "GET {path}: the platform keeps saying there is more without sending any; stopped."
)
T_CLOCK_REFUSED = QT_TRANSLATE_NOOP(
    "core",
    "The platform refused the request: “{words}”. The clocks differ by {seconds} s: "
    "platform {platform}, this computer {here}. Set this computer's clock right.",
)
# What a run is doing, shown while it runs (the tab, `wuye regulator status`).
T_NOW_CLOCK = QT_TRANSLATE_NOOP("core", "Checking the platform's clock")
T_NOW_SENDING = QT_TRANSLATE_NOOP("core", "Sending events: {done} of {total}")
T_NOW_LISTING = QT_TRANSLATE_NOOP("core", "Reading {what}: page {page}, {items} item(s)")
T_NOW_WAITING = QT_TRANSLATE_NOOP("core", "The platform asks to wait; resending at {time}")
T_DISPATCHES = QT_TRANSLATE_NOOP("core", "dispatched tickets")
T_SUPERVISIONS = QT_TRANSLATE_NOOP("core", "supervision notices")
ACTIVITY_EVERY_S = 1.0  # the shared activity row is written at most this often

T_NOT_CONFIGURED = QT_TRANSLATE_NOOP("core", "No regulator platform is configured.")
T_NOT_USABLE = QT_TRANSLATE_NOOP("core", "The regulator settings cannot be used: {detail}")
T_NO_SECRET = QT_TRANSLATE_NOOP(
    "core",
    "No secret for this platform is stored on this computer; enter it in the regulator settings.",
)

SKEW_WARN_S = 60.0
FLUSH_EVERY = 200  # delivered events per commit of their "sent" marks
FLUSH_SECONDS = 1.0
LEASE_RENEW_S = 30.0
PAGE_LIMIT = 100
# 429: a run waits out a Retry-After up to this long, and no more than this in all; a longer
# wait ends the run and the next one starts when the platform asked.
RATE_LIMIT_WAIT_S = 30.0
RATE_LIMIT_BUDGET_S = 120.0
NETWORK_FAILURES_TO_STOP = 3  # in a row: the platform is down, stop rather than wait each out
EMPTY_PAGES_TO_STOP = 3  # has_more with nothing in it, this often in a row: a broken cursor
MAX_PAGES = 10_000


@dataclass
class SyncReport:
    # ok | partial | rate_limited | offline | auth | clock | bad_answer | not_configured | busy
    # | stopped
    state: str = "ok"
    message: str = ""  # English, for logs and the command line
    # The same message for the window to translate (context "core"): a template and its values.
    message_template: str = ""
    message_params: dict[str, Any] = field(default_factory=dict)
    sent: int = 0
    parked: int = 0
    deferred: int = 0
    tickets: int = 0
    supervisions: int = 0
    unreadable: int = 0
    problems: list[str] = field(default_factory=list)
    skew_s: float = 0.0
    server_time: str = ""
    # When the platform asked us to come back (429 with a long Retry-After), RFC 3339 UTC.
    resume_at: str = ""

    @classmethod
    def of(cls, state: str, template: str, **params: Any) -> SyncReport:
        return cls(state, template.format(**params), template, params)

    @property
    def stopped_for_person(self) -> bool:
        """A person must act (credentials, clock) before syncing again makes sense."""
        return self.state in ("auth", "clock", "not_configured")


class _Stop(Exception):
    """End the run now; the report already says why."""


class Syncer:
    def __init__(
        self,
        db: Database,
        client: RegulatorClient,
        *,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        activity: Activity | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.report = SyncReport()
        self._progress = progress or (lambda done, total: None)
        self._activity = activity or (lambda template, params: None)
        self._started_at = now_utc().isoformat()
        self._told_at = 0.0
        self._told = ""
        self._should_stop = should_stop or (lambda: False)
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._lease_at = time.monotonic()
        self._network_failures = 0
        self._waited_s = 0.0  # for 429s in this run
        self._failed_parts: list[str] = []  # endpoints given up for this run
        self._unreadable_part = False  # one of them answered nonsense (not just failed)

    # --- the run ---

    def _tell(self, template: str, force: bool = False, **params: Any) -> None:
        """Say what the run does now: to the caller at once, to the shared row (every desk,
        `wuye regulator status`) at a change of step or once a second."""
        self._activity(template, params)
        now = time.monotonic()
        if not force and template == self._told and now - self._told_at < ACTIVITY_EVERY_S:
            return
        self._told, self._told_at = template, now
        me = holder()
        save_activity(
            self.db,
            SharedActivity(
                template,
                params,
                started_at=self._started_at,
                updated_at=now_utc().isoformat(),
                host=me["host"],
                pid=me["pid"],
            ),
        )

    def run(self) -> SyncReport:
        try:
            self._check_clock()
            self._send_all()
            self._pull("/dispatches", inbox.receive_ticket, "tickets")
            self._pull("/supervisions", inbox.receive_supervision, "supervisions")
            self._send_all()  # the acknowledgements just queued
            if self._failed_parts:
                detail = "; ".join(self._failed_parts)
                self.report.state = "bad_answer" if self._unreadable_part else "partial"
                self.report.message = T_PARTIAL.format(detail=detail)
                self.report.message_template = T_PARTIAL
                self.report.message_params = {"detail": detail}
        except _Stop:
            pass
        return self.report

    def _stop(self, state: str, template: str, **params: Any) -> None:
        self.report.state = state
        self.report.message = template.format(**params)
        self.report.message_template, self.report.message_params = template, params
        raise _Stop

    def _check_stop(self) -> None:
        if self._should_stop():
            self._stop("stopped", T_STOPPED)
        if time.monotonic() - self._lease_at > LEASE_RENEW_S:
            if not acquire_lease(self.db):
                self._stop("busy", T_TAKEN_OVER)
            self._lease_at = time.monotonic()

    def _check_clock(self) -> None:
        self._tell(T_NOW_CLOCK)
        health = self.client.health()
        if not health.ok or health.server_time is None:
            if not health.reached:
                self._stop("offline", T_UNREACHABLE, detail=health.message)
            # The platform is there but its /health is not well: the clock is checked by the
            # signed requests themselves (401 clock_skew), so the run goes on.
            self._failed_parts.append(f"GET /health: {health.message}")
            return
        self.report.skew_s = health.skew_s
        self.report.server_time = health.server_time.isoformat()
        if abs(health.skew_s) > p.CLOCK_SKEW_LIMIT_S:
            self._stop("clock", T_CLOCK, **_clock_params(health.server_time, health.skew_s))
        if abs(health.skew_s) > SKEW_WARN_S:
            self.report.problems.append(
                T_CLOCK.format(**_clock_params(health.server_time, health.skew_s))
            )

    # --- sending ---

    def _send_all(self) -> None:
        # A pass may queue earlier events again (out_of_order); they go in the next pass.
        for _ in range(3):
            if not self._send_pass():
                break

    def _send_pass(self) -> bool:
        """Send every due event once; True if some were queued again for another pass."""
        held = queue.held_streams(self.db)
        total = queue.counts(self.db).pending
        done = 0
        requeued = False
        delivered: list[int] = []
        flushed_at = time.monotonic()
        after = 0
        try:
            while page := queue.pending_page(self.db, after):
                for ev in page:
                    after = ev.id
                    self._check_stop()
                    if ev.stream in held:
                        continue
                    if ev.next_attempt_at is not None and ev.next_attempt_at > now_utc():
                        held.add(ev.stream)  # backing off: the rest of its stream waits
                        continue
                    answer = self._deliver(ev)
                    done += 1
                    if answer.kind == "ok":
                        delivered.append(ev.id)
                        self.report.sent += 1
                    else:
                        held.add(ev.stream)
                        requeued |= self._handle_refusal(ev, answer)
                    if len(delivered) >= FLUSH_EVERY or (
                        delivered and time.monotonic() - flushed_at > FLUSH_SECONDS
                    ):
                        queue.mark_sent(self.db, delivered)
                        delivered.clear()
                        flushed_at = time.monotonic()
                    self._progress(done, max(total, done))
                    self._tell(T_NOW_SENDING, done=done, total=max(total, done))
        finally:
            queue.mark_sent(self.db, delivered)
        return requeued

    def _deliver(self, ev: queue.QueuedEvent) -> Answer:
        body = ev.body.encode("utf-8")
        while True:
            answer = self.client.post(ev.path, body, ev.idempotency_key)
            if answer.kind != "rate_limited":
                break
            self._wait_as_asked(answer)
        if answer.kind in ("retry", "bad_answer") and answer.status == 0:
            self._network_failures += 1
        else:
            self._network_failures = 0
        return answer

    def _wait_as_asked(self, answer: Answer) -> None:
        """429: wait Retry-After and let the caller resend, or end the run if that is long."""
        seconds = answer.retry_after
        if seconds > RATE_LIMIT_WAIT_S or self._waited_s + seconds > RATE_LIMIT_BUDGET_S:
            until = now_utc() + timedelta(seconds=seconds)
            self.report.resume_at = until.isoformat()
            shown = format_local(until, with_year=False, with_date=seconds >= 20 * 3600)
            self._stop("rate_limited", T_RATE_WAIT, until=shown)
        self._waited_s += seconds
        resend = format_local(
            now_utc() + timedelta(seconds=seconds), with_seconds=True, with_date=False
        )
        self._tell(T_NOW_WAITING, force=True, time=resend)
        self._wait(seconds)

    def _wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self._check_stop()
            self._sleep(min(left, 0.25))

    def _handle_refusal(self, ev: queue.QueuedEvent, answer: Answer) -> bool:
        if answer.kind == "auth":
            self._auth_stop(answer)
        if answer.kind == "out_of_order":
            return self._out_of_order(ev, answer)
        if answer.kind == "park":
            queue.park(self.db, ev.id, answer.code, answer.describe())
            self.report.parked += 1
            return False
        # retry / bad_answer: back off, keep it, say what happened
        attempts = ev.attempts + 1
        queue.defer(
            self.db, ev.id, attempts, answer.describe(), queue.backoff_delay(attempts, self._rng)
        )
        self.report.deferred += 1
        if answer.kind == "bad_answer":
            self.report.problems.append(answer.describe())
        if self._network_failures >= NETWORK_FAILURES_TO_STOP:
            self._stop("offline", T_UNREACHABLE, detail=answer.describe())
        return False

    def _auth_stop(self, answer: Answer) -> None:
        if answer.code == p.E_CLOCK_SKEW:
            server = p.parse_rfc3339(answer.server_time) if answer.server_time else None
            skew = server.timestamp() - time.time() if server else self.report.skew_s
            words = answer.message or answer.code
            self._stop("clock", T_CLOCK_REFUSED, words=words, **_clock_params(server, skew))
        self._stop("auth", T_AUTH, detail=answer.describe())

    def _out_of_order(self, ev: queue.QueuedEvent, answer: Answer) -> bool:
        expected = answer.expected_seq or 0
        ours = _seq_of(ev.body)
        missing = []
        if ours is not None and expected < ours:
            for event_id, kind, state, body in queue.stream_events(self.db, ev.stream):
                seq = _seq_of(body) if kind == "event" else None
                if seq is not None and expected <= seq < ours and state == queue.SENT:
                    missing.append(event_id)
        if ours is not None and missing and len(missing) == ours - expected:
            queue.resend_from(self.db, ev.stream, missing)
            return True
        queue.park(self.db, ev.id, answer.code, answer.describe() + f" (this event is seq {ours})")
        self.report.parked += 1
        return False

    # --- receiving ---

    def _pull(
        self, path: str, receive: Callable[[Database, dict[str, Any]], Any], counter: str
    ) -> None:
        """Every page of one listing; a listing that fails is given up for this run only."""
        cursor: str | None = None
        seen: set[str] = set()
        empty_pages = 0
        what = T_DISPATCHES if counter == "tickets" else T_SUPERVISIONS
        received = 0
        for page in range(1, MAX_PAGES + 1):
            self._check_stop()
            self._tell(T_NOW_LISTING, what=what, page=page, items=received)
            target = f"{path}?limit={PAGE_LIMIT}"
            if cursor is not None:
                target += f"&after={quote(cursor, safe='')}"
            answer = self._get(target)
            if answer is None:
                return
            items = answer.body.get("items") if answer.body else None
            if not isinstance(items, list):
                self._give_up(T_NO_ITEMS.format(path=path), unreadable=True)
                return
            for item in items:
                self._receive(item, receive, counter)
            received += len(items)
            next_cursor = answer.body.get("next_cursor") if answer.body else None
            more = bool(answer.body and answer.body.get("has_more") is True)
            if not (more and isinstance(next_cursor, str) and next_cursor):
                return
            empty_pages = 0 if items else empty_pages + 1
            if next_cursor in seen or next_cursor == cursor or empty_pages >= EMPTY_PAGES_TO_STOP:
                self._give_up(T_ENDLESS.format(path=path), unreadable=True)
                return
            seen.add(next_cursor)
            cursor = next_cursor
        self._give_up(T_ENDLESS.format(path=path), unreadable=True)

    def _give_up(self, problem: str, *, unreadable: bool = False) -> None:
        log.warning("regulator listing given up for this run: %s", problem)
        self._unreadable_part |= unreadable
        self._failed_parts.append(problem)
        self.report.problems.append(problem)

    def _get(self, target: str) -> Answer | None:
        """A page of a listing, or None when it failed (and the failure is noted)."""
        while True:
            answer = self.client.get(target)
            if answer.kind == "ok":
                self._network_failures = 0
                return answer
            if answer.kind == "rate_limited":
                self._wait_as_asked(answer)
                continue
            if answer.kind == "auth":
                self._auth_stop(answer)
            if answer.status == 0:
                self._network_failures += 1
                if self._network_failures >= NETWORK_FAILURES_TO_STOP:
                    self._stop("offline", T_UNREACHABLE, detail=answer.describe())
            unreadable = answer.kind in ("bad_answer", "park") and answer.status != 0
            self._give_up(
                T_LISTING.format(path=target, detail=answer.describe()), unreadable=unreadable
            )
            return None

    def _receive(
        self, item: Any, receive: Callable[[Database, dict[str, Any]], Any], counter: str
    ) -> None:
        if not isinstance(item, dict):
            self._unreadable("an item that is not a JSON object")
            return
        try:
            outcome = receive(self.db, item)
        except inbox.UnreadableItem as exc:
            self._unreadable(f"{_item_id(item)}: {exc}")
            return
        except ValidationError as exc:  # the order it would make is refused by our rules
            self._unreadable(f"{_item_id(item)}: {exc}")
            return
        if getattr(outcome, "created", False):
            setattr(self.report, counter, getattr(self.report, counter) + 1)
        problem = getattr(outcome, "problem", "")
        if problem:
            self.report.problems.append(f"{_item_id(item)}: {problem}")

    def _unreadable(self, message: str) -> None:
        log.warning("regulator item skipped: %s", message)
        self.report.unreadable += 1
        self.report.problems.append(message)


def _item_id(item: dict[str, Any]) -> str:
    for key in ("ticket_id", "supervision_id"):
        if isinstance(item.get(key), str):
            return str(item[key])[:64]
    return "?"


def _seq_of(body: str) -> int | None:
    try:
        seq = json.loads(body).get("seq")
    except (ValueError, AttributeError):
        return None
    return seq if isinstance(seq, int) else None


def _clock_params(server: datetime | None, skew_s: float) -> dict[str, Any]:
    return {
        "seconds": f"{abs(skew_s):.0f}",
        "platform": format_local(server, with_seconds=True) if server else "?",
        "here": format_local(now_utc(), with_seconds=True),
    }


# --- the one entry point for the UI, the CLI and the selftest -------------------------------


def make_client(db: Database) -> RegulatorClient | SyncReport:
    """A client for the configured platform, or the report of why there is none."""
    connection = load_connection(db)
    if not connection.configured:
        return SyncReport.of("not_configured", T_NOT_CONFIGURED)
    try:
        code = company_code(db)
    except WuyeError as exc:
        return SyncReport.of("not_configured", T_NOT_USABLE, detail=str(exc))
    secret = credentials.load_secret(connection.base_url, code)
    if not secret:
        return SyncReport.of("auth", T_NO_SECRET)
    try:
        return RegulatorClient(connection.base_url, code, secret, ca_bundle=connection.ca_bundle)
    except (ValueError, OSError) as exc:
        return SyncReport.of("not_configured", T_NOT_USABLE, detail=str(exc))


def sync_once(
    db: Database,
    *,
    client: RegulatorClient | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    activity: Activity | None = None,
) -> SyncReport:
    """One whole exchange; its outcome is also stored for the Regulator tab.

    *activity* hears each step as it begins (a core phrase and its values); the same steps are
    kept in the database while the run lasts, for other desks and `wuye regulator status`.
    """
    own_client = client is None
    made = make_client(db) if client is None else client
    if isinstance(made, SyncReport):
        _remember(db, made)
        return made
    try:
        if not acquire_lease(db):
            return SyncReport.of("busy", T_BUSY)
        try:
            report = Syncer(
                db, made, progress=progress, should_stop=should_stop, activity=activity
            ).run()
        finally:
            save_activity(db, None)
            release_lease(db)
    finally:
        if own_client:
            made.close()
    _remember(db, report)
    return report


def _remember(db: Database, report: SyncReport) -> None:
    previous = load_status(db)
    now = now_utc().isoformat()
    status = SyncStatus(
        state=report.state,
        resume_at=report.resume_at,
        message=report.message or "; ".join(report.problems[:3]),
        message_template=report.message_template,
        message_params=report.message_params,
        last_attempt_at=now,
        last_success_at=now if report.state == "ok" else previous.last_success_at,
        server_time=report.server_time,
        skew_s=report.skew_s,
        sent=report.sent,
        received=report.tickets + report.supervisions,
        extra={
            "parked": report.parked,
            "deferred": report.deferred,
            "unreadable": report.unreadable,
        },
    )
    save_status(db, status)


def seconds_until_next(db: Database, interval_s: float) -> float:
    """How long the background sync sleeps: its interval, or less if a back-off ends first,
    but never less than the platform asked us to wait (429)."""
    due: datetime | None = queue.next_due(db)
    wait = interval_s if due is None else min(interval_s, (due - now_utc()).total_seconds())
    resume_at = load_status(db).resume_at
    if resume_at:
        try:
            asked = (datetime.fromisoformat(resume_at) - now_utc()).total_seconds()
        except ValueError:
            asked = 0.0
        wait = max(wait, asked)
    return max(0.5, wait)
