"""What was received, as plain dicts for tests, the admin CLI and page; and the counts."""

from __future__ import annotations

import json
from typing import Any

from wuye_desktop.regulator.server.store.companies import Companies


class ReceivedQueries(Companies):
    """What each company sent, and how it did (counts, reply rate)."""

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
