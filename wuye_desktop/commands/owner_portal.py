"""``wuye owner-portal``: serve the owners' reporting page (扫码报修) on the company's database.

It binds 127.0.0.1:8780 unless told otherwise: the company's HTTPS reverse proxy (README: the
nginx example) passes the owners' requests to it. ``--public-url`` stores the address owners
reach it at (the signs' QR codes then open it); ``--off`` and ``--on`` switch the page (it then
answers 暂停使用) without serving. Prints ``listening on URL`` once it serves and runs until
Ctrl+C or SIGTERM (systemd: installer/linux/wuye-owner-portal.service).
"""

from __future__ import annotations

import argparse
import errno
import signal
import threading
from types import FrameType

from wuye_desktop.commands import (
    EXIT_BAD_DATA,
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    UsageError,
    port_number,
    with_database,
)
from wuye_desktop.core import portal
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage.db import Database

DEFAULT_PORT = 8780


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "owner-portal",
        help="serve the owners' reporting page (扫码报修) behind the company's HTTPS proxy",
        description="Serve the page owners reach by scanning the signs' QR codes, on the "
        "company's database, at http://HOST:PORT until Ctrl+C. Put the company's HTTPS reverse "
        "proxy in front of it (README) and give its address with --public-url.",
    )
    p.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1 (the local proxy)")
    p.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"default {DEFAULT_PORT}; 0 = any free",
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the https:// address owners reach the page at, stored in the company's settings "
        "so that signs printed from now on open it",
    )
    p.add_argument(
        "--trusted-proxy",
        default="127.0.0.1",
        metavar="IPS",
        help="addresses whose X-Forwarded-For names the owner (default 127.0.0.1)",
    )
    switch = p.add_mutually_exclusive_group()
    switch.add_argument(
        "--off", action="store_true", help="switch the page off (it says 暂停使用) and exit"
    )
    switch.add_argument("--on", action="store_true", help="switch the page on again and exit")
    p.set_defaults(handler=with_database(run, options={"public_url": "--public-url"}))


def run(args: argparse.Namespace, db: Database) -> int:
    if args.public_url is not None and not args.public_url.strip().rstrip("/"):
        raise UsageError("--public-url: an https:// address")
    if args.public_url is not None or args.off or args.on:
        settings = portal.configure_portal(
            db,
            SYSTEM_ACTOR,
            public_url=args.public_url,
            enabled=True if args.on else False if args.off else None,
        )
        where = settings.public_url or "not set (the signs carry WUYE: codes)"
        print(f"public address: {where}; page {'on' if settings.enabled else 'off'}")
        if args.off or args.on:
            return EXIT_OK
    from wuye_desktop.portal.runner import start_portal  # FastAPI only when serving

    try:
        server = start_portal(db, args.host, args.port, forwarded_allow_ips=args.trusted_proxy)
    except OSError as exc:
        busy = exc.errno in (errno.EADDRINUSE, errno.EADDRNOTAVAIL)
        raise CommandError(
            f"wuye: error: cannot serve on {args.host}:{args.port}: {exc.strerror or exc}",
            EXIT_FAILED if busy else EXIT_BAD_DATA,
        ) from exc
    stop = threading.Event()

    def on_term(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        print(f"listening on {server.base_url}", flush=True)
        settings = portal.portal_settings(db)
        if not settings.public_url:
            print(
                "no public address yet: the signs carry WUYE: codes (give --public-url)",
                flush=True,
            )
        while server.running and not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
    return EXIT_OK
