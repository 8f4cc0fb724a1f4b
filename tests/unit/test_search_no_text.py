"""An unsearched list reads no search hints: every page of it would pay for them, and on a
server each read is a round trip (the work-order list scrolling a million orders)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from wuye_desktop.core import search
from wuye_desktop.storage.db import Database


def _statements(db: Database, text: str) -> tuple[search.SearchQuery, list[str]]:
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(args[2])

    with db.read() as s:
        s.connection()  # the transaction's own statements are not the search's
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            understood = search.understand(s, text)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
    return understood, sent


def test_no_text_reads_nothing(db: Database) -> None:
    for text in ("", "   "):
        understood, sent = _statements(db, text)
        assert understood.kind is search.Kind.NONE
        assert sent == []


def test_text_still_reads_the_hints(db: Database) -> None:
    understood, sent = _statements(db, "张三")
    assert understood.kind is not search.Kind.NONE
    assert any("community" in statement for statement in sent)
