"""``wuye regulator-sim`` (the reference regulator server) and ``wuye regulator-admin`` (its operator).

Neither uses the program's database: the server keeps its own store in ``--data DIR``.
``regulator-sim`` prints ``listening on URL`` once it serves and runs until Ctrl+C or SIGTERM.
``regulator-admin`` registers companies, dispatches tickets, issues supervision notices and shows
what the server received; it may run while the server does.
"""

from __future__ import annotations

import argparse
import errno
import signal
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from platformdirs import user_data_dir

from wuye_desktop.commands import (
    EXIT_BAD_DATA,
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    UsageError,
    non_negative,
    port_number,
    write_error,
)
from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.faults import Faults
from wuye_desktop.regulator.server.sealing import SealError
from wuye_desktop.regulator.server.store import (
    DB_FILE,
    ORIGINS,
    Store,
    StoreError,
    household_label,
)

DEFAULT_PORT = 8765
RECEIVED_KINDS = ("orders", "events", "callbacks", "tickets", "supervisions", "disclosures")


def default_data_dir() -> Path:
    return Path(user_data_dir("wuye_desktop", appauthor=False)) / "regulator-sim"


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text}")
    return value


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "regulator-sim",
        help="run the reference regulator server (for training and tests)",
        description="Serve regulator-protocol.md at http://HOST:PORT/api/v1 (OpenAPI at "
        "/api/v1/openapi.json, an overview at /admin) until Ctrl+C. Companies, tickets and "
        "supervision notices come from `wuye regulator-admin`. The fault options make it "
        "misbehave the way a real platform may.",
    )
    p.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1")
    p.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"default {DEFAULT_PORT}; 0 = any free port",
    )
    p.add_argument("--data", type=Path, metavar="DIR", help=f"default {default_data_dir()}")
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="serve on an address other computers can reach (it is a training server)",
    )
    p.add_argument(
        "--fail-rate",
        type=_share,
        default=0.0,
        metavar="F",
        help="share of requests answered 500/502/503, half of them after taking effect",
    )
    p.add_argument(
        "--latency-ms", type=non_negative, default=0, metavar="N", help="added to each request"
    )
    p.add_argument(
        "--rate-limit",
        type=_rate,
        default=0.0,
        metavar="N",
        help="requests per second per company, beyond which 429 (default: no limit)",
    )
    p.add_argument(
        "--redeliver-rate",
        type=_share,
        default=0.0,
        metavar="F",
        help="share of listings that also redeliver acknowledged tickets and notices",
    )
    p.add_argument("--seed", type=int, metavar="S", help="for the fault options' randomness")
    p.set_defaults(handler=run_sim)

    p = sub.add_parser(
        "regulator-admin",
        help="operate the reference regulator server: companies, tickets, what was received",
        description="Work on the reference server's data folder (also while it runs).",
    )
    p.add_argument("--data", type=Path, metavar="DIR", help=f"default {default_data_dir()}")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)

    company = actions.add_parser("company", help="register or list companies")
    company_actions = company.add_subparsers(title="actions", metavar="ACTION", required=True)
    a = company_actions.add_parser(
        "add", help="register a company and print its secret (shown only this once)"
    )
    a.add_argument("code", metavar="CODE", help="the 18-character unified social credit code")
    a.add_argument("--name", default="", metavar="N")
    a.add_argument(
        "--secret",
        metavar="S",
        help="use this secret (at least 32 bytes) instead of a random one; other users of "
        "this computer may see command lines",
    )
    a.set_defaults(handler=_admin(run_company_add, create=True))
    a = company_actions.add_parser("list", help="the registered companies")
    a.set_defaults(handler=_admin(run_company_list))

    ticket = actions.add_parser("ticket", help="dispatch tickets (12345 calls, complaints)")
    ticket_actions = ticket.add_subparsers(title="actions", metavar="ACTION", required=True)
    a = ticket_actions.add_parser("add", help="dispatch a ticket to a company")
    a.add_argument("--company", required=True, metavar="CODE")
    a.add_argument("--project", required=True, metavar="P", help="the community's project code")
    a.add_argument("--category", required=True, choices=protocol.CATEGORIES, metavar="C")
    a.add_argument("--content", required=True, metavar="TEXT")
    a.add_argument("--level", choices=protocol.TICKET_LEVELS, default="normal")
    a.add_argument("--origin", choices=ORIGINS, default="hotline_12345")
    a.add_argument("--building", metavar="B")
    a.add_argument("--unit", metavar="U", help="default: none")
    a.add_argument("--room", metavar="R")
    a.add_argument("--phone", metavar="139****0001", help="the caller's masked number")
    a.add_argument(
        "--reply-due", metavar="RFC3339", help="default: 24 hours after it is dispatched"
    )
    a.set_defaults(handler=_admin(run_ticket_add))

    a = actions.add_parser("supervise", help="issue a supervision notice (督办)")
    a.add_argument("--company", required=True, metavar="CODE")
    about = a.add_mutually_exclusive_group(required=True)
    about.add_argument("--ticket", metavar="T", help="a ticket dispatched to the company")
    about.add_argument("--order", metavar="ID", help="a work order the company reported")
    a.add_argument("--content", required=True, metavar="TEXT")
    a.add_argument("--deadline", required=True, metavar="RFC3339")
    a.set_defaults(handler=_admin(run_supervise))

    a = actions.add_parser("received", help="what a company sent, as a table")
    a.add_argument("--company", required=True, metavar="CODE")
    a.add_argument("kind", nargs="?", choices=RECEIVED_KINDS, default="orders")
    a.set_defaults(handler=_admin(run_received))

    a = actions.add_parser("stats", help="counts and the reply rate of a company")
    a.add_argument("--company", required=True, metavar="CODE")
    a.set_defaults(handler=_admin(run_stats))


# --- regulator-sim -----------------------------------------------------------------------------


def run_sim(args: argparse.Namespace, db_url: str | None) -> int:
    from wuye_desktop.regulator.server.runner import start_server  # FastAPI only when serving

    if not protocol.is_loopback_host(args.host) and not args.allow_remote:
        raise UsageError(
            f"--host {args.host} is reachable from other computers; the reference server is "
            "for training and tests (add --allow-remote if you mean it)"
        )
    faults = Faults(
        fail_rate=args.fail_rate,
        latency_ms=args.latency_ms,
        rate_limit=args.rate_limit,
        redeliver_rate=args.redeliver_rate,
        seed=args.seed,
    )
    data: Path = args.data or default_data_dir()
    try:
        server = start_server(data, args.host, args.port, faults)
    except OSError as exc:
        # The port taken, the disk full: retry later (1); a file where the folder should be: 3.
        busy = exc.errno in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.ENOSPC, errno.EIO)
        raise CommandError(
            f"wuye: error: cannot serve on {args.host}:{args.port} with data in {data}: "
            f"{exc.strerror or exc}",
            EXIT_FAILED if busy else EXIT_BAD_DATA,
        ) from exc
    except (sqlite3.Error, SealError) as exc:
        raise CommandError(f"wuye: error: {data}: {exc}", EXIT_BAD_DATA) from exc
    stop = threading.Event()

    def on_term(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        print(f"listening on {server.base_url}", flush=True)
        print(f"data: {data}; press Ctrl+C to stop", flush=True)
        while server.running and not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
    return EXIT_OK


# --- regulator-admin ---------------------------------------------------------------------------

AdminRun = Callable[[argparse.Namespace, Store], int]


def _admin(
    run: AdminRun, *, create: bool = False
) -> Callable[[argparse.Namespace, str | None], int]:
    """A handler opening the data folder's store (only ``company add`` may create it)."""

    def handler(args: argparse.Namespace, db_url: str | None) -> int:
        data: Path = args.data or default_data_dir()
        if not create and not (data / DB_FILE).exists():
            raise CommandError(
                f"wuye: error: no regulator-sim data in {data} (register a company first: "
                "wuye regulator-admin company add CODE)"
            )
        try:
            store = Store(data)
        except OSError as exc:  # a file where the folder should be: 3; a full disk: 1
            raise write_error(exc, data, "--data") from exc
        except (sqlite3.Error, SealError) as exc:
            raise CommandError(f"wuye: error: {data}: {exc}") from exc
        try:
            return run(args, store)
        except (StoreError, SealError) as exc:
            raise CommandError(f"wuye: error: {exc}") from exc
        except sqlite3.OperationalError as exc:  # locked for too long, disk full
            raise CommandError(f"wuye: error: {data}: {exc}", EXIT_FAILED) from exc
        finally:
            store.close()

    return handler


def run_company_add(args: argparse.Namespace, store: Store) -> int:
    secret = store.register_company(args.code, args.name, args.secret)
    print(f"Registered {args.code}. Its secret, shown only now (give it to the company):")
    print(secret)
    return EXIT_OK


def run_company_list(args: argparse.Namespace, store: Store) -> int:
    print_table(store.companies(), ("code", "name", "created_at"))
    return EXIT_OK


def run_ticket_add(args: argparse.Namespace, store: Store) -> int:
    household = None
    if args.building or args.unit or args.room:
        if not (args.building and args.room):
            raise UsageError("a household needs --building and --room (and --unit if it has one)")
        household = {"building": args.building, "unit": args.unit or "", "room": args.room}
    ticket_id = store.add_ticket(
        args.company,
        project_code=args.project,
        category=args.category,
        content=args.content,
        household=household,
        caller_phone_masked=args.phone,
        level=args.level,
        reply_due_at=args.reply_due,
        origin=args.origin,
    )
    print(ticket_id)
    return EXIT_OK


def run_supervise(args: argparse.Namespace, store: Store) -> int:
    supervision_id = store.add_supervision(
        args.company,
        content=args.content,
        deadline=args.deadline,
        ticket_id=args.ticket,
        work_order_id=args.order,
    )
    print(supervision_id)
    return EXIT_OK


_COLUMNS: dict[str, tuple[str, ...]] = {
    "orders": (
        "id", "regulator_id", "project_code", "household", "category", "tier", "source",
        "status", "last_seq", "received_at", "description",
    ),
    "events": ("order_id", "seq", "status", "at", "promised_date", "commitment_no", "note"),
    "callbacks": ("order_id", "at", "method", "satisfaction", "comment"),
    "tickets": (
        "ticket_id", "level", "origin", "category", "reply_due_at", "acked_work_order_id",
        "replies", "content",
    ),
    "supervisions": ("supervision_id", "ticket_id", "work_order_id", "deadline", "acked", "content"),
    "disclosures": (
        "project_code", "period", "version", "current", "opening_balance", "closing_balance",
        "entries", "published_at",
    ),
}  # fmt: skip


def run_received(args: argparse.Namespace, store: Store) -> int:
    readers: dict[str, Callable[[str], list[dict[str, Any]]]] = {
        "orders": store.work_orders,
        "events": store.events,
        "callbacks": store.callbacks,
        "tickets": store.tickets,
        "supervisions": store.supervisions,
        "disclosures": store.disclosures,
    }
    print_table(readers[args.kind](args.company), _COLUMNS[args.kind])
    return EXIT_OK


def run_stats(args: argparse.Namespace, store: Store) -> int:
    stats = store.stats(args.company)
    rate = stats.pop("reply_rate")
    for name, value in stats.items():
        print(f"{name.replace('_', ' ')}: {value}")
    print(f"reply rate: {'—' if rate is None else f'{rate:.1%}'} (on time, before reply_due_at)")
    return EXIT_OK


# --- tables ------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return household_label(value)
    if isinstance(value, list):
        return str(len(value))
    text = str(value).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    if not rows:
        print("(none)")
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(_width(c), *(_width(r[i]) for r in cells)) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return "  ".join(padded).rstrip()

    print(line(columns))
    print(line(["-" * w for w in widths]))
    for r in cells:
        print(line(r))
