"""What the API's requests do to the store: each write as an :data:`Action` run once per
Idempotency-Key, and the pages of dispatched tickets and supervision notices.
"""

from __future__ import annotations

import json
import random
import sqlite3
from typing import Any

from wuye_desktop.core.ledger.money import protocol_amount
from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.errors import ApiError, not_found, validation
from wuye_desktop.regulator.server.store._shared import (
    Action,
    Outcome,
    Page,
    canonical_json,
    rfc3339_at,
)
from wuye_desktop.regulator.server.store.base import StoreBase

_REDELIVER_MAX = 2  # already-acknowledged items a redelivering listing adds


class ApiRequests(StoreBase):
    """The companies' requests: reports, events, callbacks, acknowledgements, replies,
    disclosures, and the listings they page through."""

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
