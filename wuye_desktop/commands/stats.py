"""``wuye stats [--community CODE] [--period P] [--json]``: the overview's figures (DESIGN §4),
from the same service as the 概览 tab, in Chinese (or as JSON with stable keys)."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Mapping
from typing import Any

from wuye_desktop.commands import EXIT_OK, with_database
from wuye_desktop.core import overview as ov
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from wuye_desktop.core.orders.status import STATUS_LABELS
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.core.vocab import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    SOURCE_LABELS,
    TIER_LABELS,
    Tier,
)
from wuye_desktop.storage.db import Database

WHOLE_COMPANY = QT_TRANSLATE_NOOP("overview", "Whole company")
VERSUS = QT_TRANSLATE_NOOP("overview", "against {period}")
BEFORE = QT_TRANSLATE_NOOP("overview", "before")
TARGET = QT_TRANSLATE_NOOP("overview", "target")
MINUTES = QT_TRANSLATE_NOOP("overview", "{n} min")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "stats",
        help="the overview's figures for a period against the one before",
        description="Print the overview's figures (the same as the 概览 tab) for the company or "
        "one community over a period, against the previous period.",
    )
    parser.add_argument("--community", metavar="CODE", help="one community (default: all)")
    parser.add_argument(
        "--period",
        metavar="P",
        help="2026-11, 2026Q3, 2026-W47, 2026 or 2026-11-01..2026-11-15 (default: this month)",
    )
    parser.add_argument("--json", action="store_true", help="JSON with stable keys")
    parser.set_defaults(handler=with_database(run, options={"period": "--period"}))


def _tr(text: str) -> str:
    return translate("overview", text)


# The words of a breakdown's stored values (context "core", as the window shows them).
_VALUE_LABELS: dict[str, Mapping[Any, str]] = {
    "category": CATEGORY_LABELS,
    "tier": TIER_LABELS,
    "channel": CHANNEL_LABELS,
    "source": SOURCE_LABELS,
    "status": STATUS_LABELS,
}


def _value_label(breakdown: str, value: str) -> str:
    label = _VALUE_LABELS.get(breakdown, {}).get(value)
    return translate("core", label) if label else value


def _pad(text: str, width: int) -> str:
    """*text* padded to *width* terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def _shown(f: ov.Figure, value: float | None) -> str:
    if value is None:
        return "-"
    if f.unit is ov.Unit.FRACTION:
        return f"{value * 100:.1f}%"
    if f.unit is ov.Unit.MINUTES:
        return _tr(MINUTES).format(n=f"{value:.0f}")
    return f"{value:.0f}"


def _figure_json(f: ov.Figure) -> dict[str, Any]:
    return {
        "value": f.value,
        "previous": f.previous,
        "unit": f.unit.value,
        "target": f.target,
        "count": f.count,
        "hits": f.hits,
    }


def run(args: argparse.Namespace, db: Database) -> int:
    period = ov.parse_period(args.period) if args.period is not None else ov.current("month")
    community_id = None
    if args.community is not None:
        community_id = ov.community_by_code(db, SYSTEM_ACTOR, args.community).community_id
    result = ov.overview(db, SYSTEM_ACTOR, period, community_id, complete=True)
    figures = [*(result.figures or ()), result.now.overdue, result.now.due_soon,
               result.now.callbacks_due]  # fmt: skip
    if args.json:
        doc = {
            "period": period.code(),
            "previous_period": result.previous_period.code(),
            "community": result.scope.community_code or None,
            "figures": {f.key: _figure_json(f) for f in figures},
            "breakdowns": {
                b.key: {c.value: {"value": c.count, "previous": c.previous} for c in b.cells}
                for b in result.breakdowns or ()
            },
            "trend": [
                {
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                    "reported": p.reported,
                    "completion_on_time_rate": p.on_time_rate,
                }
                for p in (result.trend.points if result.trend else ())
            ],
            "by_community": {
                r.code: {"rated": r.rated, "on_time": r.on_time, "rate": r.rate}
                for r in result.by_community or ()
            },
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    title = _tr(period.label_template()).format(**period.label_params())
    before = _tr(result.previous_period.label_template()).format(
        **result.previous_period.label_params()
    )
    versus = _tr(VERSUS).format(period=before)
    print(f"{result.scope.community_name or _tr(WHOLE_COMPANY)}  {title}  ({versus})")
    for f in figures:
        tier = translate("core", TIER_LABELS[Tier(f.tier)]) if f.tier else ""
        name = _tr(f.title) + (f" · {tier}" if tier else "")
        line = f"  {_pad(name, 30)} {_shown(f, f.value):>12}"
        if f.previous is not None or f.key not in ("overdue", "due_soon", "callbacks_due"):
            line += f"   {_tr(BEFORE)} {_shown(f, f.previous)}"
        if f.target is not None:
            line += f"   {_tr(TARGET)} {_shown(f, f.target)}"
        print(line)
    for b in result.breakdowns or ():
        print(_tr(b.title))
        for c in b.cells:
            label = _value_label(b.key, c.value)
            print(f"  {_pad(label, 30)} {c.count:>12}   {_tr(BEFORE)} {c.previous}")
    return EXIT_OK
