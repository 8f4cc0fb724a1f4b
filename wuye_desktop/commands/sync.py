"""``wuye sync`` and ``wuye regulator ...``: the exchange with the regulator's platform.

``wuye sync --once`` runs one exchange and exits: 0 when it went through, 1 when the platform
could not be reached (retry later), 3 when a person must act (credentials, clock, settings).
Without ``--once`` it keeps syncing on the configured interval until interrupted.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from wuye_desktop.commands import (
    EXIT_BAD_DATA,
    EXIT_FAILED,
    EXIT_OK,
    SQL_INT_MAX,
    UsageError,
    whole_number,
    with_database,
)
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.regulator import inbox, queue, settings
from wuye_desktop.regulator.protocol import base_url_problem
from wuye_desktop.regulator.sync import SyncReport, seconds_until_next, sync_once
from wuye_desktop.storage.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="exchange with the configured regulator platform")
    sync.add_argument("--once", action="store_true", help="one exchange, then exit")
    sync.set_defaults(handler=with_database(run_sync))

    reg = sub.add_parser("regulator", help="the regulator connection, queue and inbox")
    actions = reg.add_subparsers(title="actions", metavar="ACTION", required=True)
    conf = actions.add_parser("configure", help="set the platform's URL and the secret")
    conf.add_argument(
        "--url", required=True, type=_base_url, help="base URL, e.g. https://platform/api/v1"
    )
    conf.add_argument("--ca-bundle", default="", metavar="FILE", help="PEM file of your own CA")
    conf.add_argument(
        "--interval",
        type=whole_number(settings.MIN_INTERVAL_S, settings.MAX_INTERVAL_S),
        default=settings.DEFAULT_INTERVAL_S,
        metavar="S",
        help=f"seconds between exchanges, {settings.MIN_INTERVAL_S} to {settings.MAX_INTERVAL_S}",
    )
    conf.add_argument("--disable", action="store_true", help="keep it, but do not sync")
    conf.add_argument(
        "--secret-file", metavar="FILE", help="read the secret from FILE ('-': standard input)"
    )
    conf.set_defaults(handler=with_database(run_configure, options=CONFIGURE_OPTIONS))
    status = actions.add_parser("status", help="connection, last sync, queue counts, reply rate")
    status.set_defaults(handler=with_database(run_status))
    failed = actions.add_parser(
        "failed",
        help="events the platform refused, with its message; and those dismissed or superseded",
    )
    failed.set_defaults(handler=with_database(run_failed))
    dismiss = actions.add_parser(
        "dismiss", help="give up on refused events for good, saying why (audited)"
    )
    dismiss.add_argument("ids", nargs="+", type=whole_number(1, SQL_INT_MAX), metavar="ID")
    dismiss.add_argument("--reason", required=True, help="why the platform need not have them")
    dismiss.set_defaults(handler=with_database(run_dismiss))
    retry = actions.add_parser("retry", help="send refused events again (after fixing them)")
    retry.add_argument("ids", nargs="*", type=whole_number(1, SQL_INT_MAX), metavar="ID")
    retry.add_argument("--all", action="store_true")
    retry.set_defaults(handler=with_database(run_retry))


# The fields of settings.save_connection and the options that carry them.
CONFIGURE_OPTIONS = {
    "base_url": "--url",
    "ca_bundle": "--ca-bundle",
    "interval_s": "--interval",
    "secret": "--secret-file",
}


def _base_url(text: str) -> str:
    """An argparse type: a base URL the regulator client may use (the protocol's own rule)."""
    problem = base_url_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}: {text}")
    return text


def _print_report(report: SyncReport) -> None:
    print(
        f"{report.state}: sent {report.sent}, parked {report.parked}, "
        f"backing off {report.deferred}, new tickets {report.tickets}, "
        f"new supervision notices {report.supervisions}, unreadable {report.unreadable}"
    )
    if report.message:
        print(f"  {report.message}")
    for problem in report.problems[:10]:
        print(f"  ! {problem}")


def _exit_code(report: SyncReport) -> int:
    if report.state == "ok":
        return EXIT_OK
    if report.stopped_for_person or report.state == "bad_answer":
        return EXIT_BAD_DATA
    return EXIT_FAILED


def run_sync(args: argparse.Namespace, db: Database) -> int:
    report = sync_once(db)
    _print_report(report)
    if args.once or report.stopped_for_person:
        return _exit_code(report)
    interval = settings.load_connection(db).interval_s
    while True:  # until Ctrl+C (the CLI turns it into exit 130)
        time.sleep(seconds_until_next(db, interval))
        report = sync_once(db)
        _print_report(report)
        if report.stopped_for_person:
            return _exit_code(report)


def _read_secret(source: str) -> str:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8")
    except OSError as exc:
        raise UsageError(f"--secret-file {source}: {exc.strerror}") from exc
    return text.strip()


def run_configure(args: argparse.Namespace, db: Database) -> int:
    secret = _read_secret(args.secret_file) if args.secret_file else None
    connection = settings.Connection(args.url, args.ca_bundle, args.interval, not args.disable)
    where = settings.save_connection(db, SYSTEM_ACTOR, connection, secret)
    print(f"regulator platform: {connection.base_url.rstrip('/')}")
    if where is not None and where.keyring:
        print("secret: kept in the system keyring")
    elif where is not None:
        print(f"secret: kept in {where.description} (readable by you only; no keyring found)")
    return EXIT_OK


def run_status(args: argparse.Namespace, db: Database) -> int:
    connection = settings.load_connection(db)
    status = settings.load_status(db)
    c = queue.counts(db)
    rate = inbox.reply_rate(db)
    print(f"platform:     {connection.base_url or '(not configured)'}")
    print(f"sync:         {'on' if connection.enabled else 'off'}, every {connection.interval_s} s")
    print(
        f"last sync:    {status.state} {_local(status.last_attempt_at)} {status.message}".rstrip()
    )
    print(f"last success: {_local(status.last_success_at) or 'never'}")
    activity = settings.load_activity(db)
    if activity.running:
        where = f"{activity.host} (process {activity.pid})"
        print(f"running now:  {activity.text()}, since {_local(activity.started_at)} on {where}")
    print(f"queue:        {c.pending} pending ({c.waiting} behind failed), {c.failed} failed")
    shown = "-" if rate.rate is None else f"{rate.rate:.0%}"
    print(f"reply rate:   {shown} ({rate.in_time}/{rate.counted}; target {rate.target:.0%})")
    return EXIT_OK


def _local(stamp: str) -> str:
    """A stored RFC 3339 time as the desk reads times: local, to the second."""
    if not stamp:
        return ""
    return format_local(datetime.fromisoformat(stamp), with_seconds=True)


def run_failed(args: argparse.Namespace, db: Database) -> int:
    rows = queue.failed_events(db, with_resolved=True)
    waiting = [ev for ev in rows if ev.state == queue.FAILED]
    for ev in waiting:
        when = format_local(ev.created_at)
        print(f"{ev.id}\t{when}\t{ev.kind}\t{ev.path}\t{ev.error_code}\t{ev.message}")
    if not waiting:
        print("no failed events")
    resolved = [ev for ev in rows if ev.state != queue.FAILED]
    if resolved:
        print("\ndismissed or superseded:")
    for ev in resolved:
        when = format_local(ev.resolved_at) if ev.resolved_at else ""
        if ev.state == queue.SUPERSEDED:
            what = f"superseded by event {ev.resolution}"
        else:
            what = f"dismissed by {ev.resolved_by}: {ev.resolution}"
        print(f"{ev.id}\t{when}\t{ev.kind}\t{ev.path}\t{ev.error_code}\t{what}")
    return EXIT_OK


def run_dismiss(args: argparse.Namespace, db: Database) -> int:
    count = queue.dismiss(db, SYSTEM_ACTOR, args.ids, args.reason)
    print(f"{count} event(s) dismissed; the events behind them go at the next sync")
    return EXIT_OK


def run_retry(args: argparse.Namespace, db: Database) -> int:
    if not args.all and not args.ids:
        raise UsageError("name the events to retry (IDs from 'wuye regulator failed') or --all")
    count = queue.retry_failed(db, SYSTEM_ACTOR, None if args.all else args.ids)
    print(f"{count} event(s) queued again; they go at the next sync")
    return EXIT_OK
