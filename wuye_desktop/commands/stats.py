"""``wuye stats [--community CODE] [--period P] [--json]``: the overview's figures (DESIGN §4),
from the same service as the 概览 tab, in Chinese (or as JSON with stable keys)."""

from __future__ import annotations

import argparse
import functools
import json
import xml.etree.ElementTree as ET
from typing import Any

from wuye_desktop.commands import EXIT_OK, with_database
from wuye_desktop.core import overview as ov
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.core.vocab import TIER_LABELS, Tier
from wuye_desktop.resources import resource_path
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


@functools.cache
def _chinese() -> dict[str, str]:
    """The Chinese of the overview's words, from the program's translation file."""
    try:
        root = ET.parse(resource_path("translations", "wuye_zh_CN.ts")).getroot()
    except (OSError, ET.ParseError):
        return {}
    out: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") not in ("overview", "core"):
            continue
        for m in context.iter("message"):
            source, target = m.findtext("source"), m.findtext("translation")
            if source and target:
                out.setdefault(source, target)
    return out


def _tr(text: str) -> str:
    return _chinese().get(text, text)


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
    result = ov.overview(db, SYSTEM_ACTOR, period, community_id)
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
        name = _tr(f.title) + (f" · {_tr(TIER_LABELS[Tier(f.tier)])}" if f.tier else "")
        line = f"  {name:<24} {_shown(f, f.value):>12}"
        if f.previous is not None or f.key not in ("overdue", "due_soon", "callbacks_due"):
            line += f"   {_tr(BEFORE)} {_shown(f, f.previous)}"
        if f.target is not None:
            line += f"   {_tr(TARGET)} {_shown(f, f.target)}"
        print(line)
    for b in result.breakdowns or ():
        print(_tr(b.title))
        for c in b.cells:
            print(f"  {c.value:<24} {c.count:>8}   {_tr(BEFORE)} {c.previous}")
    return EXIT_OK
