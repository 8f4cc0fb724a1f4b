"""The overview's precomputed rows as stored: minutes packed as sorted float64, and the day rows
(``overview_day``) added up per community, calendar month and tier (``overview_month``).

``core.overview.summary`` counts the days and then asks for their months here; migration 0015
builds the months of the days counted before it. Plain arithmetic on stored rows, no rule:
the counts and minutes are what the summary wrote.
"""

from __future__ import annotations

import itertools
import json
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from wuye_desktop.storage.models import OverviewDay, OverviewMonth

_IDS = 500  # communities per IN (…)


def pack(values: Iterable[float]) -> bytes:
    """Minutes as sorted float64, little-endian whatever the machine."""
    out = array("d", sorted(values))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def unpack(blob: bytes) -> array[float]:
    out = array("d")
    out.frombytes(blob)
    if sys.byteorder == "big":
        out.byteswap()
    return out


def next_month(month: date) -> date:
    """The first day of the month after *month*'s."""
    n = month.year * 12 + month.month  # the next month's, counting January as 0
    return date(n // 12, n % 12 + 1, 1)


def figure_columns(table: type[OverviewDay] | type[OverviewMonth]) -> tuple[Any, ...]:
    """What is read of a day's or a month's rows: community, first day, tier, counts, cells,
    response minutes, completion minutes."""
    first = OverviewDay.day if table is OverviewDay else OverviewMonth.month
    return (
        table.community_id,
        first,
        table.tier,
        table.counts,
        table.cells,
        table.response_minutes,
        table.completion_minutes,
    )


def count_months(s: Session, months: Iterable[tuple[int, date]]) -> None:
    """Add up the day rows of each (community, first day of month) of *months* into its
    ``overview_month`` rows, one a tier (none where the month has no orders)."""
    by_month: dict[date, set[int]] = defaultdict(set)
    for cid, month in months:
        by_month[month].add(cid)
    for month, cids in sorted(by_month.items()):
        ids = sorted(cids)
        for chunk in (ids[i : i + _IDS] for i in range(0, len(ids), _IDS)):
            s.execute(
                delete(OverviewMonth).where(
                    OverviewMonth.month == month, OverviewMonth.community_id.in_(chunk)
                )
            )
            counts: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
            cells: dict[tuple[int, str], dict[str, dict[str, int]]] = defaultdict(
                lambda: defaultdict(lambda: defaultdict(int))
            )
            minutes: dict[tuple[int, str], tuple[list[bytes], list[bytes]]] = defaultdict(
                lambda: ([], [])
            )
            for cid, _day, tier, n, c, response, completion in s.execute(
                select(*figure_columns(OverviewDay)).where(
                    OverviewDay.day >= month,
                    OverviewDay.day < next_month(month),
                    OverviewDay.community_id.in_(chunk),
                )
            ):
                key = (cid, tier)
                for k, v in json.loads(n).items():
                    counts[key][k] += v
                for column, values in json.loads(c).items():
                    for value, v in values.items():
                        cells[key][column][value] += v
                minutes[key][0].append(response)
                minutes[key][1].append(completion)
            if not counts:
                continue
            s.execute(
                insert(OverviewMonth),
                [
                    {
                        "community_id": cid,
                        "month": month,
                        "tier": tier,
                        "counts": json.dumps(n),
                        "cells": json.dumps(cells[cid, tier]),
                        "response_minutes": _merged(minutes[cid, tier][0]),
                        "completion_minutes": _merged(minutes[cid, tier][1]),
                    }
                    for (cid, tier), n in counts.items()
                ],
            )


def _merged(blobs: Iterable[bytes]) -> bytes:
    return pack(itertools.chain.from_iterable(unpack(b) for b in blobs))
