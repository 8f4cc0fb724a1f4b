"""``/admin``: a read-only overview for the operator, answered to loopback clients only.

The operator's changes go through ``wuye regulator-admin``; this page only shows what each
company has sent and what waits for it.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server.errors import error_body
from wuye_desktop.regulator.server.store import Store, household_label

_RECENT = 20
_STYLE = (
    "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}th{background:#f0f0f0}"
)


def _table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    if not rows:
        return "<p>—</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows[-_RECENT:]
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return household_label(value)
    if isinstance(value, list):
        return str(len(value))
    if isinstance(value, float):
        return f"{value:.1%}"
    return str(value)


def render(store: Store) -> str:
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>regulator-sim</title><style>{_STYLE}</style></head><body>",
        "<h1>Regulator reference server</h1>",
    ]
    companies = store.companies()
    parts.append(_table(companies, ("code", "name", "created_at")))
    for company in companies:
        code = company["code"]
        stats = store.stats(code)
        parts.append(f"<h2>{escape(code)} {escape(company['name'])}</h2>")
        parts.append(_table([stats], tuple(stats)))
        parts.append(f"<h3>Work orders (last {_RECENT})</h3>")
        parts.append(
            _table(
                store.work_orders(code),
                (
                    "id",
                    "regulator_id",
                    "project_code",
                    "household",
                    "category",
                    "tier",
                    "status",
                    "received_at",
                ),
            )
        )
        parts.append(f"<h3>Tickets (last {_RECENT})</h3>")
        parts.append(
            _table(
                store.tickets(code),
                (
                    "ticket_id",
                    "level",
                    "category",
                    "reply_due_at",
                    "acked_work_order_id",
                    "replies",
                ),
            )
        )
        parts.append(f"<h3>Supervisions (last {_RECENT})</h3>")
        parts.append(
            _table(
                store.supervisions(code),
                ("supervision_id", "ticket_id", "work_order_id", "deadline", "acked"),
            )
        )
        parts.append(f"<h3>Disclosures (last {_RECENT})</h3>")
        parts.append(
            _table(
                store.disclosures(code),
                ("project_code", "period", "version", "current", "closing_balance", "received_at"),
            )
        )
    parts.append("</body></html>")
    return "".join(parts)


def add_admin_page(app: FastAPI, store: Store) -> None:
    @app.get("/admin", include_in_schema=False)
    async def admin(request: Request) -> Response:
        client = request.client.host if request.client else ""
        if not protocol.is_loopback_host(client):
            return Response(
                content=_forbidden(),
                status_code=403,
                media_type=protocol.JSON_CONTENT_TYPE,
            )
        return HTMLResponse(render(store))


def _forbidden() -> bytes:
    body = error_body("forbidden", "The admin page answers this computer only")
    return json.dumps(body).encode("utf-8")
