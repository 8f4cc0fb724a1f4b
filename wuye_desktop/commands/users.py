"""``wuye users list|add|reset-password|unlock``: for the administrator of the machine."""

from __future__ import annotations

import argparse
import getpass
import sys

from wuye_desktop.commands import EXIT_OK, UsageError, with_database
from wuye_desktop.core import users
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import SYSTEM_ACTOR, Role
from wuye_desktop.storage.db import Database

_PASSWORD_HELP = "read the password from the first line of standard input (for scripts)"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "users",
        help="list and manage user accounts",
        description="Manage user accounts as the administrator of this machine (audited as "
        "'system'). Passwords are asked for, or read from standard input with --password-stdin.",
    )
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)

    a = actions.add_parser("list", help="list the users")
    a.set_defaults(handler=with_database(run_list))

    a = actions.add_parser("add", help="add a user")
    a.add_argument("username")
    a.add_argument("--role", required=True, choices=[r.value for r in Role])
    a.add_argument("--name", default="", help="display name, e.g. 李晓雪")
    a.add_argument("--password-stdin", action="store_true", help=_PASSWORD_HELP)
    a.set_defaults(handler=with_database(run_add, options={"display_name": "--name"}))

    a = actions.add_parser("reset-password", help="set a new password (also unlocks)")
    a.add_argument("username")
    a.add_argument("--password-stdin", action="store_true", help=_PASSWORD_HELP)
    a.set_defaults(handler=with_database(run_reset_password))

    a = actions.add_parser("unlock", help="lift the lock after too many failed logins")
    a.add_argument("username")
    a.set_defaults(handler=with_database(run_unlock))


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password: use --password-stdin")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Repeat it: ") != first:
        raise UsageError("the two passwords differ")
    return first


def _user_id(db: Database, username: str) -> int:
    for u in users.list_users(db, SYSTEM_ACTOR):
        if u.username.lower() == username.strip().lower():
            return u.id
    raise NotFound(QT_TRANSLATE_NOOP("core", "No such user: {id}"), id=username)


def run_list(_args: argparse.Namespace, db: Database) -> int:
    now = now_utc()
    rows = users.list_users(db, SYSTEM_ACTOR)
    width = max([len(u.username) for u in rows] + [8])
    print(f"{'username':<{width}}  {'role':<8}  {'state':<24}  name")
    for u in rows:
        if not u.active:
            state = "disabled"
        elif u.locked_until is not None and u.locked_until > now:
            state = f"locked until {format_local(u.locked_until)}"
        else:
            state = "active"
        print(f"{u.username:<{width}}  {u.role.value:<8}  {state:<24}  {u.display_name}")
    return EXIT_OK


def run_add(args: argparse.Namespace, db: Database) -> int:
    password = _password(args)
    row = users.create_user(
        db,
        SYSTEM_ACTOR,
        username=args.username,
        display_name=args.name,
        role=Role(args.role),
        password=password,
    )
    print(f"User {row.username} ({row.role.value}) added.")
    return EXIT_OK


def run_reset_password(args: argparse.Namespace, db: Database) -> int:
    user_id = _user_id(db, args.username)
    users.reset_password(db, SYSTEM_ACTOR, user_id, _password(args))
    print(f"Password of {args.username} set; the account is unlocked.")
    return EXIT_OK


def run_unlock(args: argparse.Namespace, db: Database) -> int:
    users.unlock_user(db, SYSTEM_ACTOR, _user_id(db, args.username))
    print(f"{args.username} unlocked.")
    return EXIT_OK
