"""The reference server's persistent store: one SQLite file, ``regulator.sqlite3``, in its folder.

Its own tables, unrelated to the program's database. One connection guarded by a lock serves the
event loop and any other thread (tests and the admin page read while uvicorn serves); another
process (``wuye regulator-admin``) may write the same file at the same time, which WAL and a
busy timeout allow. Commits are not synced one by one (``synchronous=NORMAL``): a power cut may
lose the last moments, never corrupt the file.

Every change a request makes commits in ONE transaction with the response stored under its
Idempotency-Key, so a crash can never leave one without the other.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from wuye_desktop.core.ledger.money import protocol_amount
from wuye_desktop.core.validation import credit_code_problem
from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server import sealing
from wuye_desktop.regulator.server.errors import ApiError, not_found, validation
from wuye_desktop.storage import sqlite_locks

DB_FILE = "regulator.sqlite3"
CST = timezone(timedelta(hours=8), "CST")  # times the server makes are RFC 3339 with +08:00
ORIGINS = ("hotline_12345", "regulator_platform")
DEFAULT_REPLY_HOURS = 24  # a ticket without reply_due_at must be replied to within a day
# Idempotency keys are kept a day longer than the 7 days §3 promises.
IDEMPOTENCY_KEEP_S = (protocol.IDEMPOTENCY_KEEP_DAYS + 1) * 86400
_PURGE_EVERY = 1000  # writes between purges of old nonces and idempotency keys
_REDELIVER_MAX = 2  # already-acknowledged items a redelivering listing adds
MAX_TEXT = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS companies (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, sealed_secret BLOB NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nonces (
    company TEXT NOT NULL, nonce TEXT NOT NULL, seen REAL NOT NULL,
    PRIMARY KEY (company, nonce)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_seen ON nonces (seen);
CREATE TABLE IF NOT EXISTS idempotency (
    company TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
    body TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (company, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency (created);
CREATE TABLE IF NOT EXISTS orders (
    n INTEGER PRIMARY KEY AUTOINCREMENT, company TEXT NOT NULL, id TEXT NOT NULL,
    tier TEXT NOT NULL, report TEXT NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0,
    last_status TEXT NOT NULL DEFAULT 'accepted', received_at TEXT NOT NULL,
    UNIQUE (company, id));
CREATE TABLE IF NOT EXISTS events (
    order_n INTEGER NOT NULL REFERENCES orders (n), seq INTEGER NOT NULL, status TEXT NOT NULL,
    body TEXT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (order_n, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS callbacks (
    n INTEGER PRIMARY KEY AUTOINCREMENT, order_n INTEGER NOT NULL REFERENCES orders (n),
    body TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (
    n INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id TEXT UNIQUE, company TEXT NOT NULL,
    item TEXT NOT NULL, reply_due REAL NOT NULL,
    acked_work_order_id TEXT, acked_at TEXT, ack_received_at TEXT);
CREATE INDEX IF NOT EXISTS tickets_open ON tickets (company, acked_work_order_id, n);
CREATE TABLE IF NOT EXISTS replies (
    n INTEGER PRIMARY KEY AUTOINCREMENT, ticket_n INTEGER NOT NULL REFERENCES tickets (n),
    body TEXT NOT NULL, received REAL NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS replies_ticket ON replies (ticket_n);
CREATE TABLE IF NOT EXISTS supervisions (
    n INTEGER PRIMARY KEY AUTOINCREMENT, supervision_id TEXT UNIQUE, company TEXT NOT NULL,
    item TEXT NOT NULL, acked_at TEXT, ack_received_at TEXT);
CREATE INDEX IF NOT EXISTS supervisions_open ON supervisions (company, ack_received_at, n);
CREATE TABLE IF NOT EXISTS disclosures (
    n INTEGER PRIMARY KEY AUTOINCREMENT, company TEXT NOT NULL, project_code TEXT NOT NULL,
    period TEXT NOT NULL, version INTEGER NOT NULL, published REAL NOT NULL, body TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS disclosures_period ON disclosures (company, project_code, period);
"""


class StoreError(ValueError):
    """The operator's input was refused (the message says why)."""


@dataclass(frozen=True)
class Outcome:
    """A successful answer: its status, its JSON text, and whether it is a stored replay."""

    status: int
    body: str
    replayed: bool = False


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    last_position: int
    has_more: bool


Action = Callable[[sqlite3.Connection, float], tuple[int, dict[str, Any]]]


def rfc3339_at(moment: float) -> str:
    return datetime.fromtimestamp(moment, CST).isoformat(timespec="seconds")


def canonical_json(value: Any) -> str:
    """The form two bodies are compared in (§3): member order and white space do not matter."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def household_label(household: dict[str, str] | None) -> str:
    """``3-2-1201`` (building-unit-room; no unit part when there is none)."""
    if not household:
        return ""
    parts = (household.get("building", ""), household.get("unit", ""), household.get("room", ""))
    return "-".join(p for p in parts if p)


def _time_text(value: datetime | str, what: str) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise StoreError(f"{what}: a time needs its UTC offset")
        return value.astimezone(CST).isoformat(timespec="seconds")
    if protocol.parse_rfc3339(value) is None:
        raise StoreError(f"{what}: not an RFC 3339 time with an offset: {value!r}")
    return value


def _text(value: str, what: str, limit: int = 64) -> str:
    if not value.strip() or len(value) > limit:
        raise StoreError(f"{what}: 1 to {limit} characters, not {value!r}")
    return value


class Store:
    def __init__(self, data_dir: Path, *, clock: Callable[[], float] = time.time) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / DB_FILE
        self._clock = clock
        self._key = sealing.load_or_create_key(data_dir)
        self._lock = threading.RLock()
        sqlite_locks.install()  # the server may run inside the program (see sqlite_locks)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA busy_timeout = 10000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.executescript(_SCHEMA)
        self._secrets: dict[str, str] = {}
        self._writes = 0
        self.purge()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def now(self) -> float:
        return self._clock()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:  # also when COMMIT itself failed (disk full)
                    self._db.execute("ROLLBACK")
                raise
            self._count_write()

    def _count_write(self) -> None:
        self._writes += 1
        if self._writes % _PURGE_EVERY == 0:
            self.purge()

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    def purge(self) -> None:
        """Forget nonces older than §2's window and idempotency keys older than §3's."""
        now = self.now()
        with self._lock:
            self._db.execute("DELETE FROM nonces WHERE seen < ?", (now - protocol.NONCE_MEMORY_S,))
            self._db.execute(
                "DELETE FROM idempotency WHERE created < ?", (now - IDEMPOTENCY_KEEP_S,)
            )

    # --- companies and authentication --------------------------------------------------------

    def register_company(self, code: str, name: str = "", secret: str | None = None) -> str:
        """Register a company; returns its secret (a new one unless given)."""
        problem = credit_code_problem(code)
        if problem:
            raise StoreError(f"{code}: {problem}")
        if secret is None:
            secret = protocol.new_secret()
        if len(secret.encode("utf-8")) < protocol.MIN_SECRET_BYTES or secret != secret.strip():
            raise StoreError(
                f"a secret has at least {protocol.MIN_SECRET_BYTES} bytes and no surrounding spaces"
            )
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM companies WHERE code = ?", (code,)).fetchone():
                raise StoreError(f"{code}: already registered")
            db.execute(
                "INSERT INTO companies VALUES (?, ?, ?, ?)",
                (code, name, sealing.seal(self._key, secret, code), rfc3339_at(self.now())),
            )
        return secret

    def companies(self) -> list[dict[str, Any]]:
        rows = self._rows("SELECT code, name, created_at FROM companies ORDER BY code")
        return [dict(r) for r in rows]

    def secret_of(self, code: str) -> str | None:
        """The company's secret, None for an unknown company (secrets never change: cached)."""
        secret = self._secrets.get(code)
        if secret is None:
            with self._lock:
                row = self._db.execute(
                    "SELECT sealed_secret FROM companies WHERE code = ?", (code,)
                ).fetchone()
            if row is None:
                return None
            secret = sealing.unseal(self._key, row[0], code)
            self._secrets[code] = secret
        return secret

    def remember_nonce(self, company: str, nonce: str) -> bool:
        """Record a nonce; False if the company used it in the last 600 s (§2 replayed)."""
        now = self.now()
        with self._lock:
            # Inserted, or an old sighting refreshed; no row changed means seen recently.
            cursor = self._db.execute(
                "INSERT INTO nonces VALUES (?, ?, ?) ON CONFLICT (company, nonce)"
                " DO UPDATE SET seen = excluded.seen WHERE seen < ?",
                (company, nonce, now, now - protocol.NONCE_MEMORY_S),
            )
            self._count_write()
            return cursor.rowcount == 1

    def _require_company(self, code: str) -> None:
        if self.secret_of(code) is None:
            raise StoreError(f"{code}: no such company")

    # --- requests (the API) ------------------------------------------------------------------

    def idempotent(
        self, company: str, key: str, method: str, path: str, body: str, action: Action
    ) -> Outcome:
        """Run *action* once per Idempotency-Key (§3); its answer is stored with its effect.

        The same key with the same method, path and canonical body gets the stored answer
        again; with anything else, 409. Only successes are stored: *action* raising ApiError
        rolls everything back, so the request may be sent again once the cause is gone.
        """
        with self._transaction() as db:
            row = db.execute(
                "SELECT method, path, body, status, response FROM idempotency"
                " WHERE company = ? AND key = ?",
                (company, key),
            ).fetchone()
            if row is not None:
                if (row[0], row[1], row[2]) == (method, path, body):
                    return Outcome(row[3], row[4], replayed=True)
                raise ApiError(
                    409,
                    protocol.E_IDEMPOTENCY_CONFLICT,
                    "This Idempotency-Key was used for another request"
                    + (" path" if row[1] != path or row[0] != method else " body"),
                    protocol.H_IDEMPOTENCY_KEY,
                )
            now = self.now()
            status, answer = action(db, now)
            text = canonical_json(answer)
            db.execute(
                "INSERT INTO idempotency VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (company, key, method, path, body, status, text, now),
            )
            return Outcome(status, text)

    def report_order(self, company: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            order_id = data["id"]
            if db.execute(
                "SELECT 1 FROM orders WHERE company = ? AND id = ?", (company, order_id)
            ).fetchone():
                raise ApiError(
                    409,
                    protocol.E_ALREADY_EXISTS,
                    f"Work order {order_id} was already reported under another Idempotency-Key",
                    "id",
                )
            ticket = data.get("dispatch_ticket_id")
            if (
                ticket is not None
                and not db.execute(
                    "SELECT 1 FROM tickets WHERE company = ? AND ticket_id = ?", (company, ticket)
                ).fetchone()
            ):
                raise validation(
                    f"No ticket {ticket} was dispatched to this company", "dispatch_ticket_id"
                )
            cursor = db.execute(
                "INSERT INTO orders (company, id, tier, report, received_at) VALUES (?, ?, ?, ?, ?)",
                (company, order_id, data["tier"], canonical_json(data), rfc3339_at(now)),
            )
            return 201, {"id": order_id, "regulator_id": f"R{cursor.lastrowid:09d}"}

        return action

    def _order(self, db: sqlite3.Connection, company: str, order_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            "SELECT n, tier, last_seq, last_status FROM orders WHERE company = ? AND id = ?",
            (company, order_id),
        ).fetchone()
        if row is None:
            raise not_found("work order", order_id)
        return row

    def add_event(self, company: str, order_id: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            order = self._order(db, company, order_id)
            if order["tier"] == "promised" and data["status"] == "in_progress":
                for name in ("promised_date", "commitment_no"):
                    if not data.get(name):
                        raise validation(
                            f"A promised repair (承诺修) moving to in_progress needs {name}", name
                        )
            expected = order["last_seq"] + 1
            if data["seq"] != expected:
                raise ApiError(
                    409,
                    protocol.E_OUT_OF_ORDER,
                    f"Work order {order_id} expects event seq {expected}, not {data['seq']}",
                    "seq",
                    extra={"expected_seq": expected},
                )
            db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                (order["n"], expected, data["status"], canonical_json(data), rfc3339_at(now)),
            )
            db.execute(
                "UPDATE orders SET last_seq = ?, last_status = ? WHERE n = ?",
                (expected, data["status"], order["n"]),
            )
            return 201, {"seq": expected}

        return action

    def add_callback(self, company: str, order_id: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            order = self._order(db, company, order_id)
            if order["last_status"] not in ("completed", "closed"):
                raise ApiError(
                    409,
                    protocol.E_WRONG_STATE,
                    f"Work order {order_id} is {order['last_status']}: a callback needs it "
                    "completed or closed",
                )
            db.execute(
                "INSERT INTO callbacks (order_n, body, received_at) VALUES (?, ?, ?)",
                (order["n"], canonical_json(data), rfc3339_at(now)),
            )
            return 201, {}

        return action

    def _ticket(
        self, db: sqlite3.Connection, company: str, ticket_id: str
    ) -> tuple[int, str | None]:
        row = db.execute(
            "SELECT n, acked_work_order_id FROM tickets WHERE company = ? AND ticket_id = ?",
            (company, ticket_id),
        ).fetchone()
        if row is None:
            raise not_found("ticket", ticket_id)
        return row[0], row[1]

    def ack_ticket(self, company: str, ticket_id: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            n, acked = self._ticket(db, company, ticket_id)
            order_id = data["work_order_id"]
            if acked is None:
                db.execute(
                    "UPDATE tickets SET acked_work_order_id = ?, acked_at = ?, ack_received_at = ?"
                    " WHERE n = ?",
                    (order_id, data["at"], rfc3339_at(now), n),
                )
            elif acked != order_id:
                raise ApiError(
                    409,
                    protocol.E_ALREADY_ACKED,
                    f"Ticket {ticket_id} was acknowledged as work order {acked}",
                    "work_order_id",
                )
            return 200, {}

        return action

    def reply_ticket(self, company: str, ticket_id: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            n, _ = self._ticket(db, company, ticket_id)
            if data["result"] == "not_responsible" and not (data.get("reason") or "").strip():
                raise validation("A not_responsible reply needs its reason", "reason")
            db.execute(
                "INSERT INTO replies (ticket_n, body, received, received_at) VALUES (?, ?, ?, ?)",
                (n, canonical_json(data), now, rfc3339_at(now)),
            )
            return 201, {}

        return action

    def ack_supervision(self, company: str, supervision_id: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            row = db.execute(
                "SELECT n, ack_received_at FROM supervisions WHERE company = ? AND supervision_id = ?",
                (company, supervision_id),
            ).fetchone()
            if row is None:
                raise not_found("supervision notice", supervision_id)
            if row[1] is None:
                db.execute(
                    "UPDATE supervisions SET acked_at = ?, ack_received_at = ? WHERE n = ?",
                    (data["at"], rfc3339_at(now), row[0]),
                )
            return 200, {}

        return action

    def disclose(self, company: str, data: dict[str, Any]) -> Action:
        def action(db: sqlite3.Connection, now: float) -> tuple[int, dict[str, Any]]:
            opening = protocol.amount_to_fen(data["opening_balance"])
            closing = protocol.amount_to_fen(data["closing_balance"])
            income = sum(protocol.amount_to_fen(line["amount"]) for line in data["income"])
            expense = sum(protocol.amount_to_fen(line["amount"]) for line in data["expense"])
            if opening + income - expense != closing:
                f = protocol_amount
                raise ApiError(
                    400,
                    protocol.E_UNBALANCED,
                    f"Opening {f(opening)} + income {f(income)} - expense {f(expense)} = "
                    f"{f(opening + income - expense)}, not the closing balance {f(closing)}",
                    "closing_balance",
                )
            published_at = protocol.parse_rfc3339(data["published_at"])
            assert published_at is not None  # the model checked it
            published = published_at.timestamp()
            key = (company, data["project_code"], data["period"])
            latest, versions = db.execute(
                "SELECT MAX(published), COUNT(*) FROM disclosures"
                " WHERE company = ? AND project_code = ? AND period = ?",
                key,
            ).fetchone()
            if versions and published <= latest:
                raise ApiError(
                    409,
                    protocol.E_STALE,
                    f"{data['project_code']} {data['period']} was already disclosed with a "
                    "published_at as late or later",
                    "published_at",
                )
            db.execute(
                "INSERT INTO disclosures (company, project_code, period, version, published, body,"
                " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*key, versions + 1, published, canonical_json(data), rfc3339_at(now)),
            )
            return 201, {"version": versions + 1}

        return action

    def _page(
        self,
        table: str,
        open_column: str,
        company: str,
        after: int,
        limit: int,
        redeliver: random.Random | None,
    ) -> Page:
        rows = self._rows(
            f"SELECT n, item FROM {table} WHERE company = ? AND {open_column} IS NULL AND n > ?"
            " ORDER BY n LIMIT ?",
            (company, after, limit + 1),
        )
        has_more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1]["n"] if rows else after
        room = min(_REDELIVER_MAX, limit - len(rows))
        # "A server may redeliver at any time" (§5): only into a page's free room, so that a
        # client paging with a small limit still moves on.
        if redeliver is not None and room > 0:
            done = self._rows(
                f"SELECT n, item FROM {table} WHERE company = ? AND {open_column} IS NOT NULL"
                " ORDER BY n DESC LIMIT 50",
                (company,),
            )
            if done:
                extra = redeliver.sample(done, min(room, len(done)))
                rows = sorted(rows + extra, key=lambda r: int(r["n"]))
        return Page([json.loads(r["item"]) for r in rows], last, has_more)

    def dispatch_page(
        self, company: str, after: int, limit: int, redeliver: random.Random | None = None
    ) -> Page:
        """Unacknowledged tickets after position *after*; *redeliver* (a random.Random) adds
        some acknowledged ones."""
        return self._page("tickets", "acked_work_order_id", company, after, limit, redeliver)

    def supervision_page(
        self, company: str, after: int, limit: int, redeliver: random.Random | None = None
    ) -> Page:
        return self._page("supervisions", "ack_received_at", company, after, limit, redeliver)

    # --- the operator ------------------------------------------------------------------------

    def add_ticket(
        self,
        company: str,
        *,
        project_code: str,
        category: str,
        content: str,
        household: dict[str, str] | None = None,
        caller_phone_masked: str | None = None,
        level: str = "normal",
        reply_due_at: datetime | str | None = None,
        origin: str = "hotline_12345",
    ) -> str:
        """Dispatch a ticket to *company*; returns its id. Without *reply_due_at* it is due
        :data:`DEFAULT_REPLY_HOURS` after it was received."""
        self._require_company(company)
        _text(project_code, "project code")
        _text(content, "content", MAX_TEXT)
        for value, allowed, what in (
            (category, protocol.CATEGORIES, "category"),
            (level, protocol.TICKET_LEVELS, "level"),
            (origin, ORIGINS, "origin"),
        ):
            if value not in allowed:
                raise StoreError(f"{what}: one of {', '.join(allowed)}, not {value!r}")
        if caller_phone_masked is not None and not protocol.MASKED_PHONE_RE.match(
            caller_phone_masked
        ):
            raise StoreError(f"caller phone: masked like 139****0001, not {caller_phone_masked!r}")
        if household is not None:
            if set(household) != {"building", "unit", "room"}:
                raise StoreError("household: building, unit and room")
            for part in ("building", "room"):
                _text(household[part], part, 32)
            if len(household["unit"]) > 32:
                raise StoreError("unit: at most 32 characters")
        now = self.now()
        due = (
            rfc3339_at(now + DEFAULT_REPLY_HOURS * 3600)
            if reply_due_at is None
            else _time_text(reply_due_at, "reply due")
        )
        due_moment = protocol.parse_rfc3339(due)
        assert due_moment is not None
        item: dict[str, Any] = {
            "ticket_id": "",
            "project_code": project_code,
            "household": household,
            "category": category,
            "content": content,
            "caller_phone_masked": caller_phone_masked,
            "received_at": rfc3339_at(now),
            "reply_due_at": due,
            "level": level,
            "origin": origin,
        }
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO tickets (company, item, reply_due) VALUES (?, '', ?)",
                (company, due_moment.timestamp()),
            )
            n = cursor.lastrowid
            item["ticket_id"] = f"T{datetime.fromtimestamp(now, CST):%Y%m%d}-{n:06d}"
            db.execute(
                "UPDATE tickets SET ticket_id = ?, item = ? WHERE n = ?",
                (item["ticket_id"], canonical_json(item), n),
            )
        return str(item["ticket_id"])

    def add_supervision(
        self,
        company: str,
        *,
        content: str,
        deadline: datetime | str,
        ticket_id: str | None = None,
        work_order_id: str | None = None,
    ) -> str:
        """Issue a supervision notice (督办) about a ticket or a reported order; returns its id.
        A ticket already acknowledged names its work order too."""
        self._require_company(company)
        _text(content, "content", MAX_TEXT)
        deadline_text = _time_text(deadline, "deadline")
        if ticket_id is None and work_order_id is None:
            raise StoreError("a supervision notice is about a ticket or a work order")
        now = self.now()
        with self._transaction() as db:
            if ticket_id is not None:
                row = db.execute(
                    "SELECT acked_work_order_id FROM tickets WHERE company = ? AND ticket_id = ?",
                    (company, ticket_id),
                ).fetchone()
                if row is None:
                    raise StoreError(f"{ticket_id}: no such ticket of {company}")
                work_order_id = work_order_id or row[0]
            elif not db.execute(
                "SELECT 1 FROM orders WHERE company = ? AND id = ?", (company, work_order_id)
            ).fetchone():
                raise StoreError(f"{work_order_id}: {company} reported no such work order")
            item: dict[str, Any] = {
                "supervision_id": "",
                "ticket_id": ticket_id,
                "work_order_id": work_order_id,
                "issued_at": rfc3339_at(now),
                "deadline": deadline_text,
                "content": content,
            }
            cursor = db.execute(
                "INSERT INTO supervisions (company, item) VALUES (?, '')", (company,)
            )
            n = cursor.lastrowid
            item["supervision_id"] = f"S{datetime.fromtimestamp(now, CST):%Y%m%d}-{n:06d}"
            db.execute(
                "UPDATE supervisions SET supervision_id = ?, item = ? WHERE n = ?",
                (item["supervision_id"], canonical_json(item), n),
            )
        return str(item["supervision_id"])

    # --- what was received (plain dicts for tests, the admin CLI and page) -------------------

    def work_orders(self, company: str) -> list[dict[str, Any]]:
        self._require_company(company)
        rows = self._rows(
            "SELECT n, report, last_seq, last_status, received_at FROM orders WHERE company = ?"
            " ORDER BY n",
            (company,),
        )
        return [
            {
                **json.loads(r["report"]),
                "regulator_id": f"R{r['n']:09d}",
                "received_at": r["received_at"],
                "last_seq": r["last_seq"],
                "status": r["last_status"],
            }
            for r in rows
        ]

    def events(self, company: str, order_id: str | None = None) -> list[dict[str, Any]]:
        self._require_company(company)
        sql = (
            "SELECT o.id, e.body, e.received_at FROM events e JOIN orders o ON o.n = e.order_n"
            " WHERE o.company = ?"
        )
        params: tuple[Any, ...] = (company,)
        if order_id is not None:
            sql += " AND o.id = ?"
            params += (order_id,)
        rows = self._rows(sql + " ORDER BY o.n, e.seq", params)
        return [
            {"order_id": r["id"], **json.loads(r["body"]), "received_at": r["received_at"]}
            for r in rows
        ]

    def callbacks(self, company: str) -> list[dict[str, Any]]:
        self._require_company(company)
        rows = self._rows(
            "SELECT o.id, c.body, c.received_at FROM callbacks c JOIN orders o ON o.n = c.order_n"
            " WHERE o.company = ? ORDER BY c.n",
            (company,),
        )
        return [
            {"order_id": r["id"], **json.loads(r["body"]), "received_at": r["received_at"]}
            for r in rows
        ]

    def tickets(self, company: str) -> list[dict[str, Any]]:
        self._require_company(company)
        rows = self._rows(
            "SELECT n, item, acked_work_order_id, acked_at, ack_received_at FROM tickets"
            " WHERE company = ? ORDER BY n",
            (company,),
        )
        replies: dict[int, list[dict[str, Any]]] = {}
        for r in self._rows(
            "SELECT r.ticket_n, r.body, r.received_at FROM replies r"
            " JOIN tickets t ON t.n = r.ticket_n WHERE t.company = ? ORDER BY r.n",
            (company,),
        ):
            replies.setdefault(r["ticket_n"], []).append(
                {**json.loads(r["body"]), "received_at": r["received_at"]}
            )
        return [
            {
                **json.loads(r["item"]),
                "acked_work_order_id": r["acked_work_order_id"],
                "acked_at": r["acked_at"],
                "ack_received_at": r["ack_received_at"],
                "replies": replies.get(r["n"], []),
            }
            for r in rows
        ]

    def supervisions(self, company: str) -> list[dict[str, Any]]:
        self._require_company(company)
        rows = self._rows(
            "SELECT item, acked_at, ack_received_at FROM supervisions WHERE company = ? ORDER BY n",
            (company,),
        )
        return [
            {
                **json.loads(r["item"]),
                "acked": r["ack_received_at"] is not None,
                "acked_at": r["acked_at"],
                "ack_received_at": r["ack_received_at"],
            }
            for r in rows
        ]

    def disclosures(self, company: str) -> list[dict[str, Any]]:
        """Every version received, oldest first; ``current`` marks the one in force."""
        self._require_company(company)
        rows = self._rows(
            "SELECT d.body, d.version, d.received_at, d.version = ("
            "  SELECT MAX(version) FROM disclosures x WHERE x.company = d.company"
            "  AND x.project_code = d.project_code AND x.period = d.period) AS current"
            " FROM disclosures d WHERE d.company = ? ORDER BY d.n",
            (company,),
        )
        return [
            {
                **json.loads(r["body"]),
                "version": r["version"],
                "current": bool(r["current"]),
                "received_at": r["received_at"],
            }
            for r in rows
        ]

    def reply_rate(self, company: str) -> float | None:
        """The share of tickets whose first reply reached the platform before reply_due_at
        (None without tickets). The platform's own clock counts, not the reply's ``at``."""
        self._require_company(company)
        rows = self._rows(
            "SELECT t.reply_due, MIN(r.received) AS first FROM tickets t"
            " LEFT JOIN replies r ON r.ticket_n = t.n WHERE t.company = ? GROUP BY t.n",
            (company,),
        )
        if not rows:
            return None
        on_time = sum(1 for r in rows if r["first"] is not None and r["first"] <= r["reply_due"])
        return on_time / len(rows)

    def stats(self, company: str) -> dict[str, Any]:
        self._require_company(company)

        def count(sql: str) -> int:
            return int(self._rows(sql, (company,))[0][0])

        return {
            "orders": count("SELECT COUNT(*) FROM orders WHERE company = ?"),
            "events": count(
                "SELECT COUNT(*) FROM events e JOIN orders o ON o.n = e.order_n WHERE o.company = ?"
            ),
            "callbacks": count(
                "SELECT COUNT(*) FROM callbacks c JOIN orders o ON o.n = c.order_n"
                " WHERE o.company = ?"
            ),
            "tickets": count("SELECT COUNT(*) FROM tickets WHERE company = ?"),
            "tickets_acked": count(
                "SELECT COUNT(*) FROM tickets WHERE company = ? AND acked_work_order_id IS NOT NULL"
            ),
            "tickets_replied": count(
                "SELECT COUNT(DISTINCT r.ticket_n) FROM replies r JOIN tickets t"
                " ON t.n = r.ticket_n WHERE t.company = ?"
            ),
            "supervisions": count("SELECT COUNT(*) FROM supervisions WHERE company = ?"),
            "supervisions_acked": count(
                "SELECT COUNT(*) FROM supervisions WHERE company = ? AND ack_received_at IS NOT NULL"
            ),
            "disclosures": count("SELECT COUNT(*) FROM disclosures WHERE company = ?"),
            "reply_rate": self.reply_rate(company),
        }
