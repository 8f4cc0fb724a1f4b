"""``wuye demo``: an empty database filled with a believable company."""

from __future__ import annotations

import argparse

from wuye_desktop import demo
from wuye_desktop.commands import EXIT_OK, ProgressPrinter, whole_number, with_database
from wuye_desktop.storage.db import Database


def _option(step: str) -> str:
    return "--" + step.replace("_", "-")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo",
        help="fill an empty database with realistic demo data",
        description="Fill an EMPTY database with a demo property company in Qingdao: "
        "communities, buildings, households with owners and phones, channel contacts and one "
        "user per role. The same --seed gives the same data.",
        epilog="Users: "
        + ", ".join(
            f"{name}/{password} ({role.value})" for name, role, password, _ in demo.DEMO_USERS
        ),
    )
    p.add_argument(
        "--households",
        type=whole_number(0, demo.MAX_HOUSEHOLDS),
        default=1200,
        metavar="N",
        help=f"default 1200, at most {demo.MAX_HOUSEHOLDS:,}",
    )
    # One option per demo step (work orders, ledger entries, ...).
    for step in demo.steps():
        p.add_argument(
            _option(step),
            type=whole_number(0, demo.MAX_STEP_COUNT),
            default=demo.step_default(step),
            metavar="N",
            dest=f"step_{step}",
            help=f"how many {step.replace('_', ' ')} to add (default {demo.step_default(step)})",
        )
    p.add_argument("--seed", type=int, default=1, metavar="S", help="default 1")
    p.add_argument(
        "--portal",
        action="store_true",
        help="configure the owners' reporting page for http://127.0.0.1:8780 (try it with "
        "`wuye owner-portal`) and print one household's page",
    )
    p.set_defaults(handler=with_database(run))


def run(args: argparse.Namespace, db: Database) -> int:
    extra = {step: getattr(args, f"step_{step}") for step in demo.steps()}
    progress = ProgressPrinter()

    def report(done: int, total: int) -> None:
        if done == 0:  # the database was found empty: writing starts
            progress.phase(f"{db.describe()}: writing demo data…")
        progress(done, total)

    summary = demo.fill_demo(
        db,
        households=args.households,
        seed=args.seed,
        progress=report,
        extra={k: v for k, v in extra.items() if v},
    )
    progress.finish()
    print(
        f"{summary.company}: {len(summary.communities)} communities "
        f"({', '.join(summary.communities)}), {summary.buildings:,} buildings, "
        f"{summary.households:,} households, {summary.owners:,} owners."
    )
    for step, count in summary.extra.items():
        print(f"{step.replace('_', ' ').capitalize()}: {count:,}.")
    users = ", ".join(f"{name}/{password}" for name, _, password, _ in demo.DEMO_USERS)
    print(f"Users (name/password): {users}.")
    if args.portal:
        from wuye_desktop.demo.portal import LOCAL_URL, configure_demo_portal

        home, entrance = configure_demo_portal(db)
        print(f"Owners' reporting page: {LOCAL_URL} (start it with: wuye owner-portal).")
        print(f"A household's in-home card opens {home}")
        print(f"Its entrance's lobby sign opens {entrance}")
    return EXIT_OK
