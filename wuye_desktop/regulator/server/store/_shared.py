"""What every part of the store uses: the operator's error, a stored answer, a page of
listed items, the time zone and the text forms of times and JSON bodies.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

CST = timezone(timedelta(hours=8), "CST")  # times the server makes are RFC 3339 with +08:00


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
