"""Helpers for tests against the reference regulator server: companies and a signing client."""

from __future__ import annotations

import itertools
import json
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.conftest import valid_credit_code
from wuye_desktop.regulator import protocol

_codes = itertools.count(1)

NOW = "2026-11-20T16:00:00+08:00"


def new_company_code() -> str:
    """A valid credit code not used before in this test session."""
    return valid_credit_code(f"91370200MA{next(_codes):07d}")


def order_body(order_id: str, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": order_id,
        "number": order_id,
        "project_code": "QD-LS-0001",
        "household": {"building": "3", "unit": "2", "room": "1201"},
        "category": "water_leak",
        "channel": "developer",
        "source": "phone",
        "tier": "time_limited",
        "description": "卫生间顶棚渗水",
        "caller_phone_masked": "138****5678",
        "reported_at": NOW,
        "due_at": "2026-11-22T16:00:00+08:00",
        "dispatch_ticket_id": None,
    }
    body.update(changes)
    return body


def event_body(seq: int, status: str = "dispatched", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "seq": seq,
        "status": status,
        "at": NOW,
        "note": "",
        "promised_date": None,
        "commitment_no": None,
    }
    body.update(changes)
    return body


class SignedClient:
    """httpx against one server, signing each request as one company (§2)."""

    def __init__(self, base_url: str, company: str, secret: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=15)
        self.prefix = urlsplit(base_url).path
        self.company = company
        self.secret = secret

    def close(self) -> None:
        self.http.close()

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        content: bytes | None = None,
        key: str | None = None,
        headers: dict[str, str | None] | None = None,
        now: float | None = None,
    ) -> httpx.Response:
        """*headers* override the signed ones; a None value leaves that header out."""
        raw = content if content is not None else b""
        if content is None and body is not None:
            raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
        sent: dict[str, str | None] = dict(
            protocol.auth_headers(
                self.company,
                self.secret,
                method,
                self.prefix + path,
                raw,
                time.time() if now is None else now,
            )
        )
        if method == "POST":
            sent[protocol.H_IDEMPOTENCY_KEY] = key or str(uuid.uuid4())
            sent["Content-Type"] = protocol.JSON_CONTENT_TYPE
        sent.update(headers or {})
        final = {k: v for k, v in sent.items() if v is not None}
        return self.http.request(method, path, content=raw, headers=final)

    def post(self, path: str, body: Any, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, body, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The error object of a refusal, checked to have the protocol's shape (§3)."""
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert isinstance(error["code"], str) and isinstance(error["message"], str)
    assert "field" in error
    return dict(error)
