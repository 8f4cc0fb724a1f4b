"""The regulator connection (administrator's settings) and the last sync's outcome.

Both live in the ``setting`` table as JSON, shared by every desk of the company. The secret is
not here: :mod:`wuye_desktop.regulator.credentials` keeps it outside the database.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from wuye_desktop.core import audit
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import FieldError, StateError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.settings import read_value, write_value
from wuye_desktop.regulator import credentials
from wuye_desktop.regulator.protocol import MIN_SECRET_BYTES, base_url_problem
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import Company, Setting

CONNECTION_KEY = "regulator.connection"
STATUS_KEY = "regulator.status"
LEASE_KEY = "regulator.lease"
ACTIVITY_KEY = "regulator.activity"

DEFAULT_INTERVAL_S = 60
MIN_INTERVAL_S = 10
MAX_INTERVAL_S = 24 * 3600
LEASE_S = 90  # a sync renews its lease while it runs; a dead desk's lease runs out


@dataclass(frozen=True)
class Connection:
    base_url: str = ""
    ca_bundle: str = ""  # a PEM file of the company's own CA; empty: the system's
    interval_s: int = DEFAULT_INTERVAL_S
    enabled: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.base_url)


# What the Regulator tab shows about the last sync. ``state`` is one of:
# never | ok | partial (some endpoints failed: retried) | rate_limited (the platform asked
# to wait until resume_at) | offline (network, 5xx: retried) | auth (401: stopped until the credentials are
# checked) | clock (the clocks differ too much) | bad_answer (the platform answered nonsense) |
# not_configured.
@dataclass
class SyncStatus:
    state: str = "never"
    message: str = ""
    message_template: str = ""  # for the window to translate; see SyncReport
    message_params: dict[str, Any] = field(default_factory=dict)
    last_attempt_at: str = ""  # RFC 3339 UTC
    last_success_at: str = ""
    server_time: str = ""  # the platform's clock, from /health, when it was read
    skew_s: float = 0.0
    resume_at: str = ""  # the platform asked us to wait until then (429), RFC 3339 UTC
    sent: int = 0  # events the last sync delivered
    received: int = 0  # tickets and notices it took in
    extra: dict[str, Any] = field(default_factory=dict)


def load_connection(db: Database) -> Connection:
    with db.read() as s:
        data = read_value(s, CONNECTION_KEY) or {}
    known = {k: v for k, v in data.items() if k in Connection.__dataclass_fields__}
    return Connection(**known)


def company_code(db: Database) -> str:
    with db.read() as s:
        code = s.scalar(select(Company.credit_code).limit(1))
    if not code:
        raise StateError(QT_TRANSLATE_NOOP("core", "Set up the company first"))
    return code


def save_connection(
    db: Database, actor: Actor, connection: Connection, secret: str | None = None
) -> credentials.SecretLocation | None:
    """Store the connection and, when given, the secret (outside the database).

    Returns where the secret went, or None when it was not changed.
    """
    actor.require(Permission.ADMINISTER)
    errors: list[FieldError] = []
    url = connection.base_url.strip().rstrip("/")
    if url:
        problem = base_url_problem(url)
        if problem:
            errors.append(
                FieldError(
                    "base_url",
                    QT_TRANSLATE_NOOP("core", "Not usable: {reason}"),
                    {"reason": problem},
                )
            )
    elif connection.enabled:
        errors.append(FieldError("base_url", QT_TRANSLATE_NOOP("core", "Required")))
    if connection.ca_bundle and not Path(connection.ca_bundle).is_file():
        errors.append(FieldError("ca_bundle", QT_TRANSLATE_NOOP("core", "No such file")))
    if connection.interval_s < MIN_INTERVAL_S:
        errors.append(
            FieldError(
                "interval_s",
                QT_TRANSLATE_NOOP("core", "At least {n} seconds"),
                {"n": MIN_INTERVAL_S},
            )
        )
    elif connection.interval_s > MAX_INTERVAL_S:
        errors.append(
            FieldError(
                "interval_s",
                QT_TRANSLATE_NOOP("core", "At most {n} seconds"),
                {"n": MAX_INTERVAL_S},
            )
        )
    if secret is not None and len(secret.encode("utf-8")) < MIN_SECRET_BYTES:
        errors.append(
            FieldError(
                "secret",
                QT_TRANSLATE_NOOP("core", "At least {n} characters"),
                {"n": MIN_SECRET_BYTES},
            )
        )
    code = company_code(db)
    if connection.enabled and url and secret is None and not credentials.load_secret(url, code):
        # Saved like this, every sync on this computer would stop at once: the secret is kept
        # per computer, so each desk that syncs needs it entered once.
        errors.append(FieldError("secret", QT_TRANSLATE_NOOP("core", "Required")))
    if errors:
        raise ValidationError(errors)
    stored = Connection(url, connection.ca_bundle, connection.interval_s, connection.enabled)
    where = None
    if secret is not None:
        where = credentials.save_secret(url, code, secret.strip())
    with db.transaction() as s:
        write_value(s, CONNECTION_KEY, asdict(stored))
        # A new connection starts with a clean slate: a 401 stop no longer holds.
        write_value(s, STATUS_KEY, asdict(SyncStatus()))
        audit.record(
            s,
            actor,
            "regulator.configure",
            "setting",
            CONNECTION_KEY,
            base_url=url,
            enabled=stored.enabled,
            secret_changed=secret is not None,
        )
    return where


def load_status(db: Database) -> SyncStatus:
    with db.read() as s:
        data = read_value(s, STATUS_KEY) or {}
    known = {k: v for k, v in data.items() if k in SyncStatus.__dataclass_fields__}
    return SyncStatus(**known)


def save_status(db: Database, status: SyncStatus) -> None:
    with db.transaction() as s:
        write_value(s, STATUS_KEY, asdict(status))


# --- what the running sync is doing, for every desk and `wuye regulator status` ------------


@dataclass
class Activity:
    """The current run's step: a core phrase (``template``, context "core") and its values."""

    template: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    started_at: str = ""  # of the run, RFC 3339 UTC
    updated_at: str = ""
    host: str = ""
    pid: int = 0

    @property
    def running(self) -> bool:
        return bool(self.template)

    def text(self) -> str:
        return self.template.format(**self.params) if self.template else ""


def save_activity(db: Database, activity: Activity | None) -> None:
    """What the run does now (None: it ended). Another desk's program reads it too."""
    with db.transaction() as s:
        write_value(s, ACTIVITY_KEY, asdict(activity) if activity else {})


def load_activity(db: Database) -> Activity:
    """The running sync's step, or an empty Activity when none runs (or its process died)."""
    with db.read() as s:
        data = read_value(s, ACTIVITY_KEY) or {}
        lease = read_value(s, LEASE_KEY) or {}
    known = {k: v for k, v in data.items() if k in Activity.__dataclass_fields__}
    activity = Activity(**known)
    if not activity.running:
        return activity
    # Only while its run still holds the lease: a killed program leaves its last words behind.
    leased_by = (lease.get("host"), lease.get("pid"))
    if leased_by != (activity.host, activity.pid) or not lease.get("until"):
        return Activity()
    if datetime.fromisoformat(lease["until"]) <= now_utc():
        return Activity()
    return activity


# --- one syncing desk at a time --------------------------------------------------------------


def holder() -> dict[str, Any]:
    return {"host": socket.gethostname(), "pid": os.getpid()}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def acquire_lease(db: Database, now: datetime | None = None) -> bool:
    """Take (or renew) the right to sync for LEASE_S seconds.

    Several desks share one database: if two sent the same outbox at once, one order's events
    could overtake each other. A lease held by a process of this machine that no longer runs
    is free at once, so a killed program syncs again as soon as it is restarted.
    """
    now = now or now_utc()
    me = holder()
    with db.transaction() as s:
        # The row exists before it is locked, so that two desks starting at once on PostgreSQL
        # queue on it rather than both inserting it (SQLite: BEGIN IMMEDIATE serialises anyway).
        insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
        s.execute(insert(Setting).values(key=LEASE_KEY, value="{}").on_conflict_do_nothing())
        row = s.scalar(select(Setting).where(Setting.key == LEASE_KEY).with_for_update())
        current = json.loads(row.value) if row is not None else None
        if current and current.get("until"):
            held_by_me = current.get("host") == me["host"] and current.get("pid") == me["pid"]
            expired = datetime.fromisoformat(current["until"]) <= now
            dead_here = (
                current.get("host") == me["host"]
                and not held_by_me
                and not _pid_alive(int(current.get("pid", 0)))
            )
            if not (held_by_me or expired or dead_here):
                return False
        value = {**me, "until": (now + timedelta(seconds=LEASE_S)).isoformat()}
        write_value(s, LEASE_KEY, value)
    return True


def release_lease(db: Database) -> None:
    me = holder()
    with db.transaction() as s:
        current = read_value(s, LEASE_KEY)
        if current and current.get("host") == me["host"] and current.get("pid") == me["pid"]:
            write_value(s, LEASE_KEY, {})
