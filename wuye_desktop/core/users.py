"""Users, roles, logging in (Argon2id, lock-out after five failures) and the first run."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from wuye_desktop.core import audit, staff_names
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import (
    AuthenticationFailed,
    FieldError,
    NotFound,
    ValidationError,
)
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.own_thread import OwnThread
from wuye_desktop.core.roles import Actor, Permission, Role
from wuye_desktop.core.validation import credit_code_problem
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Company, User

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()  # argon2-cffi's default type is Argon2id
T = TypeVar("T")
LOW_PRIORITY = 10  # the niceness the hash runs at (see _at_low_priority)


def _at_low_priority(work: Callable[[], T]) -> T:
    """*work* on a thread of its own at a lower CPU priority (nice 10), waited for.

    Argon2id's four lanes are four native threads for a third of a second: on two cores they
    took the window's thread from it (event-loop gaps of 40-400 ms while a password was
    checked). The lanes inherit the thread's niceness, so the window comes first and the hash
    takes what is left, which on an idle machine is all of it. A raised niceness cannot be
    lowered again without privileges: hence a thread that ends with the work."""
    return OwnThread(work, "argon2id", first=_lower_own_priority).result()


def _lower_own_priority() -> None:
    # Not on Linux: the same work at normal priority.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_PRIORITY)


def hash_password(password: str) -> str:
    return _at_low_priority(lambda: _hasher.hash(password))


def _verify(password_hash: str, password: str) -> bool:
    def check() -> bool:
        try:
            return _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    return _at_low_priority(check)


# A hash to verify against for unknown user names, so they take as long as known ones. Written
# out rather than computed at import, which would cost a fifth of a second of every start-up.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$nWtHj5++YtWzKOj/YOs1jQ$jMMYYl25pzUOlRe3jBTE/y1mYim13Xtsy4hejpjsgIs"


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    language: str


def _row(u: User) -> UserRow:
    return UserRow(
        u.id,
        u.username,
        u.display_name,
        Role(u.role),
        u.active,
        u.locked_until,
        u.last_login_at,
        u.language,
    )


def _actor(u: User) -> Actor:
    return Actor(user_id=u.id, username=u.username, role=Role(u.role))


def _password_errors(password: str, field: str = "password") -> list[FieldError]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [
            FieldError(
                field,
                QT_TRANSLATE_NOOP("core", "At least {n} characters"),
                {"n": MIN_PASSWORD_LENGTH},
            )
        ]
    return []


MAX_DISPLAY_NAME = 100  # the column's length: PostgreSQL refuses a longer one


def _display_name_errors(name: str, field: str = "display_name") -> list[FieldError]:
    if len(name.strip()) <= MAX_DISPLAY_NAME:
        return []
    return [
        FieldError(
            field, QT_TRANSLATE_NOOP("core", "At most {n} characters"), {"n": MAX_DISPLAY_NAME}
        )
    ]


def _username_errors(session: Session, username: str) -> list[FieldError]:
    if (
        not username
        or len(username) > 64
        or not username.replace("_", "").replace(".", "").isalnum()
    ):
        return [
            FieldError(
                "username",
                QT_TRANSLATE_NOOP("core", "Letters, digits, dots and underscores; at most 64"),
            )
        ]
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        return [FieldError("username", QT_TRANSLATE_NOOP("core", "This user name is taken"))]
    return []


def login(db: Database, username: str, password: str) -> tuple[Actor, UserRow]:
    """Check a password. Five failures in a row lock the account for fifteen minutes.

    The slow hash check runs outside any write transaction, and the bookkeeping is done with
    plain UPDATEs that do not touch the row's version: desks logging in at the same moment,
    even as the same user, neither wait on each other nor spoil an administrator's edit.
    """
    now = now_utc()
    refused = AuthenticationFailed(QT_TRANSLATE_NOOP("core", "Wrong user name or password."))
    with db.read() as s:
        user = s.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))
    if user is None:
        _verify(_DUMMY_HASH, password)
        raise refused
    actor = _actor(user)
    if not user.active:
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("core", "This account is disabled."))
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP(
                "core",
                "Too many failed attempts: the account is locked for {minutes} more minute(s).",
            ),
            minutes=minutes,
        )
    ok = _verify(user.password_hash, password)
    this_user = update(User).where(User.id == user.id)
    with db.transaction() as s:
        if ok:
            values: dict[str, object] = {
                "failed_logins": 0,
                "locked_until": None,
                "last_login_at": now,
            }
            if _hasher.check_needs_rehash(user.password_hash):
                values["password_hash"] = hash_password(password)
            s.execute(this_user.values(**values))
            audit.record(s, actor, "login", "user", user.id)
        else:
            # The row stays locked (PostgreSQL) or the database (SQLite) from the update to the
            # end of the transaction; no RETURNING, which SQLite lacks before 3.35.
            s.execute(this_user.values(failed_logins=User.failed_logins + 1))
            failures = s.execute(select(User.failed_logins).where(User.id == user.id)).scalar_one()
            if failures >= MAX_FAILURES:
                s.execute(this_user.values(failed_logins=0, locked_until=now + LOCK_DURATION))
                audit.record(s, actor, "user.locked", "user", user.id)
            else:
                audit.record(s, actor, "login.failed", "user", user.id)
    if not ok:
        raise refused  # the failure was committed above before it is reported
    user.last_login_at = now
    return actor, _row(user)


def needs_first_run(db: Database) -> bool:
    with db.read() as s:
        has_company = s.scalar(select(func.count(Company.id))) or 0
        has_admin = s.scalar(select(func.count(User.id)).where(User.role == Role.ADMIN.value)) or 0
    return not (has_company and has_admin)


def first_run(
    db: Database,
    *,
    company_name: str,
    credit_code: str,
    admin_username: str,
    admin_display_name: str,
    password: str,
) -> Actor:
    """Create the company and its first administrator in an empty database."""
    credit_code = credit_code.strip().upper()
    with db.transaction() as s:
        if s.scalar(select(func.count(User.id))) or s.scalar(select(func.count(Company.id))):
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("core", "This database already has a company and users.")
            )
        errors: list[FieldError] = []
        if not company_name.strip():
            errors.append(FieldError("company_name", QT_TRANSLATE_NOOP("core", "Required")))
        if problem := credit_code_problem(credit_code):
            errors.append(FieldError("credit_code", problem))
        errors += _username_errors(s, admin_username.strip())
        errors += _display_name_errors(admin_display_name, "admin_display_name")
        errors += _password_errors(password)
        if errors:
            raise ValidationError(errors)
        company = Company(name=company_name.strip(), credit_code=credit_code)
        user = User(
            username=admin_username.strip(),
            display_name=admin_display_name.strip() or admin_username.strip(),
            role=Role.ADMIN.value,
            password_hash=hash_password(password),
        )
        s.add_all([company, user])
        s.flush()
        actor = _actor(user)
        audit.record(s, actor, "company.create", "company", company.id, name=company.name)
        audit.record(s, actor, "user.create", "user", user.id, role=user.role)
        return actor


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    actor.require(Permission.ADMINISTER)
    with db.read() as s:
        return [_row(u) for u in s.scalars(select(User).order_by(User.username))]


def display_names(db: Database, actor: Actor, usernames: Iterable[str]) -> dict[str, str]:
    """The names colleagues know, by login name, for what a document prints as done by whom
    (the callback's 回访人): an owner cannot tell "desk" from a person. A user without a
    display name, or a login name no longer in the table, keeps the login name."""
    actor.require(Permission.WORK_ORDERS_READ)
    with db.read() as s:
        return staff_names.by_login(s, usernames)


def create_user(
    db: Database, actor: Actor, *, username: str, display_name: str, role: Role, password: str
) -> UserRow:
    actor.require(Permission.ADMINISTER)
    with db.transaction() as s:
        errors = _username_errors(s, username.strip()) + _password_errors(password)
        errors += _display_name_errors(display_name)
        if errors:
            raise ValidationError(errors)
        user = User(
            username=username.strip(),
            display_name=display_name.strip() or username.strip(),
            role=Role(role).value,
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        audit.record(
            s, actor, "user.create", "user", user.id, username=user.username, role=user.role
        )
        return _row(user)


def _get_user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "No such user: {id}"), id=user_id)
    return user


def update_user(
    db: Database, actor: Actor, user_id: int, *, display_name: str, role: Role, active: bool
) -> UserRow:
    actor.require(Permission.ADMINISTER)
    with db.transaction() as s:
        if errors := _display_name_errors(display_name):
            raise ValidationError(errors)
        user = _get_user(s, user_id)
        if user.id == actor.user_id and (role != Role.ADMIN or not active):
            raise ValidationError(
                [
                    FieldError(
                        "role", QT_TRANSLATE_NOOP("core", "You cannot demote or disable yourself")
                    )
                ]
            )
        before = {"display_name": user.display_name, "role": user.role, "active": user.active}
        user.display_name = display_name.strip() or user.username
        user.role = Role(role).value
        user.active = active
        after = {"display_name": user.display_name, "role": user.role, "active": user.active}
        audit.record(s, actor, "user.update", "user", user.id, before=before, after=after)
        return _row(user)


def reset_password(db: Database, actor: Actor, user_id: int, password: str) -> None:
    """An administrator sets a new password; this also lifts a lock."""
    actor.require(Permission.ADMINISTER)
    errors = _password_errors(password)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as s:
        user = _get_user(s, user_id)
        user.password_hash = hash_password(password)
        user.failed_logins = 0
        user.locked_until = None
        audit.record(s, actor, "user.reset_password", "user", user.id)


def unlock_user(db: Database, actor: Actor, user_id: int) -> None:
    actor.require(Permission.ADMINISTER)
    with db.transaction() as s:
        user = _get_user(s, user_id)
        user.failed_logins = 0
        user.locked_until = None
        audit.record(s, actor, "user.unlock", "user", user.id)


def change_own_password(db: Database, actor: Actor, old: str, new: str) -> None:
    with db.transaction() as s:
        user = _get_user(s, actor.user_id or 0)
        if not _verify(user.password_hash, old):
            raise ValidationError(
                [FieldError("old_password", QT_TRANSLATE_NOOP("core", "Wrong password"))]
            )
        errors = _password_errors(new, "new_password")
        if errors:
            raise ValidationError(errors)
        user.password_hash = hash_password(new)
        audit.record(s, actor, "user.change_password", "user", user.id)


def set_language(db: Database, actor: Actor, language: str) -> None:
    """Each user's own UI language (zh_CN or en); not an audited change of data."""
    with db.transaction() as s:
        user = _get_user(s, actor.user_id or 0)
        user.language = language
