"""``wuye order ...``: a work order's details and its moves, for scripts and administrators.

Each move calls the same core service as the work-order tab, with the version just read, so the
core's rules (the status flow, the promised tier's commitment, callbacks only after completion)
refuse a bad move here exactly as in the window: exit 3 and the core's message.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from wuye_desktop.commands import EXIT_OK, UsageError, with_database
from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local
from wuye_desktop.core.orders import Action, Status, available_actions, dispatch_is_transfer
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.core.search.find import find_orders
from wuye_desktop.core.vocab import CallbackMethod, Channel, Satisfaction
from wuye_desktop.storage.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("order", help="show a work order or move it along its status flow")
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text)
        p.add_argument("number", metavar="NUMBER", help="e.g. GD20261120-0042 or WUYE:W:…")
        return p

    find = actions.add_parser(
        "find", help="search orders as the desk's search box does (number, phone, room, name…)"
    )
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--status", action="append", choices=[st.value for st in Status])
    find.add_argument("--community", metavar="CODE")
    find.add_argument("--limit", type=int, default=100)
    find.add_argument("--json", action="store_true", help="one JSON object per line")
    find.set_defaults(handler=with_database(run_find))
    show = action("show", "the order with its timeline, and what may be done to it now")
    show.set_defaults(handler=with_database(run_show))
    dispatch = action("dispatch", "send it to a channel and a handler (again: a transfer)")
    dispatch.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    # dest differs: "handler" is the attribute every command's function lives under.
    dispatch.add_argument("--handler", required=True, dest="handler_name", metavar="NAME")
    dispatch.add_argument("--note", default="")
    dispatch.set_defaults(handler=with_database(run_dispatch))
    start = action("start", "work begins; a promised order needs its commitment")
    start.add_argument("--note", default="")
    start.add_argument("--plan", help="with --promised-date, --unit and --person: the commitment")
    start.add_argument("--promised-date", type=date.fromisoformat, metavar="YYYY-MM-DD")
    start.add_argument("--unit", help="the responsible unit")
    start.add_argument("--person", help="the responsible person")
    start.add_argument("--phone", help="the responsible person's phone, printed on the letter")
    start.set_defaults(handler=with_database(run_start))
    complete = action("complete", "the work is done; the order waits for its callback")
    # --note is what it was called before the result was required.
    complete.add_argument(
        "--result", "--note", default="", help="what was found and done (required)"
    )
    complete.set_defaults(handler=with_database(run_complete))
    close = action("close", "close a completed order without a callback (say why)")
    close.add_argument("--note", required=True)
    close.set_defaults(handler=with_database(run_close))
    cancel = action("cancel", "cancel the order (say why)")
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(handler=with_database(run_cancel))
    callback = action("callback", "record the owner's callback; dissatisfied reopens")
    callback.add_argument("--method", required=True, choices=[m.value for m in CallbackMethod])
    callback.add_argument("--satisfaction", required=True, choices=[s.value for s in Satisfaction])
    callback.add_argument("--person", default="", help="who was reached")
    callback.add_argument("--comment", default="")
    callback.set_defaults(handler=with_database(run_callback))


def run_find(args: argparse.Namespace, db: Database) -> int:
    if not args.text.strip():
        raise UsageError("wuye order find: TEXT is empty")
    if args.limit < 1:
        raise UsageError("wuye order find: --limit must be at least 1")
    found = find_orders(db, SYSTEM_ACTOR, args.text, args.status or (), args.community, args.limit)
    # What was understood goes to stderr, so stdout stays a plain list for scripts.
    print(f"understood: {found.query.label()}", file=sys.stderr)
    for o in found.orders:
        if args.json:
            row = {"number": o.number, "status": o.status, "community": o.community}
            print(json.dumps({**row, "household": o.household or None}, ensure_ascii=False))
        else:
            print(o.number)
    return EXIT_OK


def _order(db: Database, number: str) -> orders.OrderDetail:
    return orders.get_order(db, SYSTEM_ACTOR, number)


def run_show(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    r = d.row
    print(f"{r.number}  {r.status}  {r.tier}  {r.category}  {r.community} {r.place}")
    print(f"reported {format_local(r.reported_at)}  due {format_local(r.completion_due)}")
    print(f"channel {r.channel}  handler {r.handler or '-'}  caller {r.caller_phone or '-'}")
    print(r.description)
    for e in d.timeline:
        line = f"  {format_local(e.at)}  {e.username:<10} {e.kind:<10} {e.status}"
        print(f"{line}  {e.note}".rstrip())
    # The same answer the work-order tab greys its moves out with (the CLI acts as the system).
    available = available_actions(d, SYSTEM_ACTOR)

    def name(move: Action) -> str:
        transfer = move is Action.DISPATCH and dispatch_is_transfer(r.status)
        return "transfer" if transfer else move.value

    allowed = [name(m) for m, a in available.items() if a.allowed]
    print(f"may be done now: {', '.join(allowed) or '-'}")
    print("not now:")
    for move, a in available.items():
        if a.refusal is not None:
            print(f"  {name(move):<20} {a.refusal}")
    return EXIT_OK


def _done(db: Database, number: str) -> int:
    r = _order(db, number).row
    print(f"{r.number}: {r.status}")
    return EXIT_OK


def run_dispatch(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    orders.dispatch(
        db,
        SYSTEM_ACTOR,
        d.id,
        d.version,
        channel=args.channel,
        handler=args.handler_name,
        note=args.note,
    )
    return _done(db, args.number)


def run_start(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    promise = None
    if args.plan or args.promised_date or args.unit or args.person:
        promise = orders.CommitmentInput(
            plan=args.plan or "",
            promised_date=args.promised_date or date.min,
            responsible_unit=args.unit or "",
            responsible_person=args.person or "",
            responsible_phone=args.phone or "",
        )
    orders.start_work(db, SYSTEM_ACTOR, d.id, d.version, note=args.note, commitment=promise)
    return _done(db, args.number)


def run_complete(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    orders.complete(db, SYSTEM_ACTOR, d.id, d.version, args.result)
    return _done(db, args.number)


def run_close(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    orders.close(db, SYSTEM_ACTOR, d.id, d.version, args.note)
    return _done(db, args.number)


def run_cancel(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    orders.cancel(db, SYSTEM_ACTOR, d.id, d.version, args.reason)
    return _done(db, args.number)


def run_callback(args: argparse.Namespace, db: Database) -> int:
    d = _order(db, args.number)
    orders.record_callback(
        db,
        SYSTEM_ACTOR,
        d.id,
        d.version,
        orders.CallbackInput(args.method, args.satisfaction, args.person, args.comment),
    )
    return _done(db, args.number)
