"""Roster import of 100,000 households from an .xlsx into an empty community (DESIGN.md §6:
≤ 30 s, ≤ 300 MB, all or nothing), beside the floor: the same work done bare; on SQLite and on
PostgreSQL (issue 18).

    import        ``roster.import_households`` on a fresh copy of an empty company database:
                  read the workbook, check every row, write buildings, units, households,
                  owners and audit entries in one transaction. Its time, and the peak RSS
                  (VmHWM) of the whole process that did it.
    floor         the same file read with openpyxl (read-only, values only, as the import
                  reads it) and the same households and owners written with plain sqlite3 or
                  psycopg ``executemany`` in one transaction, same durability (SQLite: WAL,
                  synchronous=FULL; PostgreSQL: the same server), into another fresh copy: no
                  checks, no ORM, no audit.

Each figure is the median of RUNS runs after one unmeasured run; every run is a fresh process
on a fresh copy of the database, as an administrator importing a roster would be: a copy of the
empty company's file, or on PostgreSQL a copy of its database on a durable throwaway server
(fsync and synchronous commit on, as a desk's server), made from that file. There the peak RSS
is the importing process's own, the server's memory apart. The roster
is written by openpyxl's write-only mode, with the sheet dimension every spreadsheet program
writes added; its strings stay inline in each cell, which openpyxl reads more slowly than
Excel's shared strings, so this is the slower kind of file to read.

``python -m bench.bench_roster_import MODE DB FILE`` runs one child measurement, prints JSON
(DB: a file or a PostgreSQL URL).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.data import ROOT, cached_sqlite, data_dir, engines, note, working_copy
from wuye_desktop.storage.db import Database

HOUSEHOLDS = 100_000
RECIPE = "v2"  # v2: the sheet has its dimension
RUNS = int(os.environ.get("WUYE_BENCH_RUNS", "5"))
TARGET_S = 30
TARGET_RSS_MB = 300
COMMUNITY = "QD001"
HEADER = ["序号", "楼号", "单元", "房号", "业主姓名", "联系电话", "共有人", "共有人电话",
          "建筑面积(㎡)", "备注"]  # fmt: skip


def _homes() -> Iterator[list[Any]]:
    """Buildings of 4 units × 33 floors × 4 doors; a third with a second owner."""
    n = 0
    building = 0
    while True:
        building += 1
        for unit in range(1, 5):
            for floor in range(1, 34):
                for door in range(1, 5):
                    if n == HOUSEHOLDS:
                        return
                    second = n % 3 == 0
                    yield [
                        n + 1, building, unit, floor * 100 + door, f"业主{n}", f"138{n:08d}",
                        f"共有人{n}" if second else None, f"139{n:08d}" if second else None,
                        89.5 + n % 40, "出租" if n % 7 == 0 else None,
                    ]  # fmt: skip
                    n += 1


def roster_file() -> Path:
    path = data_dir() / f"roster-{HOUSEHOLDS // 1000}k-{RECIPE}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    note(f"writing {path.name} (once; later runs reuse it)")
    partial = path.with_name(path.name + ".building")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(HEADER)
    for row in _homes():
        ws.append(row)
    wb.save(partial)
    _add_dimension(partial, path, f"A1:J{HOUSEHOLDS + 1}")
    partial.unlink()
    return path


def _add_dimension(source: Path, target: Path, ref: str) -> None:
    """Give the sheet the <dimension> that Excel, WPS, xlsxwriter and openpyxl's normal mode
    write and its write-only mode leaves out (without it openpyxl parses the sheet twice)."""
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, sep, rest = data.partition(b"<sheetViews>")
                if not sep:
                    raise RuntimeError("no <sheetViews> in the sheet")
                data = head + f'<dimension ref="{ref}"/>'.encode() + sep + rest
            out.writestr(info, data)


def _build(db: Database) -> None:
    from wuye_desktop.core import directory, users
    from wuye_desktop.core.validation import credit_code_check_char

    body = "91370200MA3C12345"
    admin = users.first_run(
        db, company_name="基准物业", credit_code=body + credit_code_check_char(body),
        admin_username="admin", admin_display_name="admin", password="admin-pass-1",
    )  # fmt: skip
    directory.create_community(
        db, admin, directory.CommunityInput(code=COMMUNITY, name="基准小区", project_code="B1")
    )


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import_child(db_url: str, roster: Path) -> dict[str, Any]:
    from wuye_desktop.core import roster as core_roster
    from wuye_desktop.core.roles import SYSTEM_ACTOR

    db = Database(db_url)
    try:
        started = time.perf_counter()
        report = core_roster.import_households(db, SYSTEM_ACTOR, roster, COMMUNITY)
        elapsed = time.perf_counter() - started
    finally:
        db.dispose()
    if report.added != HOUSEHOLDS:
        raise RuntimeError(f"imported {report}")
    return {"seconds": elapsed, "peak_rss_mb": _peak_rss_mb()}


def _floor_child(db_url: str, roster: Path) -> dict[str, Any]:
    """The same rows read by openpyxl and written bare, nothing else: executemany on SQLite,
    COPY on PostgreSQL (as the import writes on each)."""
    from openpyxl import load_workbook

    started = time.perf_counter()
    wb = load_workbook(roster, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    wb.close()
    read = time.perf_counter() - started

    conn: Any
    if db_url.startswith("postgresql"):
        import psycopg

        # Autocommit, so that BEGIN and COMMIT below are the transaction, as on SQLite.
        plain = db_url.replace("postgresql+psycopg://", "postgresql://")
        conn, p, begin = psycopg.connect(plain, autocommit=True), "%s", "BEGIN"
        cursor = conn.cursor()
    else:
        conn, p, begin = sqlite3.connect(db_url, isolation_level=None), "?", "BEGIN IMMEDIATE"
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        cursor = conn.cursor()

    def write(table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
        # As the import writes on each engine: COPY on PostgreSQL, executemany on SQLite.
        if p == "%s":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join([p] * len(rows[0]))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)

    cursor.execute(f"SELECT id FROM community WHERE code = {p}", (COMMUNITY,))
    (community_id,) = cursor.fetchone()
    started = time.perf_counter()
    cursor.execute(begin)
    buildings = sorted({int(r[1]) for r in rows})
    write(
        "building",
        "id, community_id, number, name, sort_key, floors, elevator_count, version",
        [(b, community_id, str(b), f"{b}号楼", str(b), 0, 0, 1) for b in buildings],
    )
    units = {(int(r[1]), int(r[2])) for r in rows}
    unit_ids = {key: i for i, key in enumerate(sorted(units), start=1)}
    write(
        "unit",
        "id, building_id, number, sort_key",
        [(i, b, str(u), str(u)) for (b, u), i in unit_ids.items()],
    )
    homes = []
    owners = []
    for hid, cells in enumerate(rows, start=1):
        r = tuple(cells) + (None,) * (len(HEADER) - len(cells))  # trailing blanks are left out
        b, u, room = int(r[1]), int(r[2]), str(r[3])
        homes.append(
            (hid, unit_ids[(b, u)], community_id, room, f"{COMMUNITY}-{b}-{u}-{room}", room,
             str(r[8]), r[9] or "", 1)
        )  # fmt: skip
        owners.append((hid, 0, r[4], str(r[5]), str(r[5])))
        if r[6]:
            owners.append((hid, 1, r[6], str(r[7]), str(r[7])))
    write(
        "household",
        "id, unit_id, community_id, room, code, sort_key, area_m2, note, version",
        homes,
    )
    write("owner", "household_id, position, name, phone, phone_digits", owners)
    cursor.execute("COMMIT")
    write = time.perf_counter() - started
    conn.close()
    return {"seconds": read + write, "read_s": read, "write_s": write}


def _child(mode: str, db: str, roster: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("WUYE_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_roster_import", mode, db, str(roster)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    for line in done.stderr.splitlines():
        note(f"  {line}")
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _runs(mode: str, empty: str, roster: Path) -> list[dict[str, Any]]:
    """*mode*'s runs, each on a fresh copy of *empty* (a file, or a URL on our own server)."""
    from bench.pg_server import scratch_copy

    results = []
    for n in range(RUNS + 1):  # the first is a warm-up, not counted
        if empty.startswith("postgresql"):
            with scratch_copy(empty, f"roster_{mode}") as copy:
                result = _child(mode, copy, roster)
        else:
            result = _child(mode, str(working_copy(Path(empty), f"roster-{mode}")), roster)
        note(f"  {mode} run {n}: {result}")
        if n:
            results.append(result)
    return results


def _median(results: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in results))


def run() -> Iterator[dict[str, Any]]:
    from bench.pg_server import throwaway_postgres

    roster = roster_file()
    empty = cached_sqlite("roster-empty", RECIPE, _build)
    for engine in engines():
        if engine == "sqlite":
            yield from _measure(engine, str(empty), roster)
        else:
            with throwaway_postgres("roster", durable=True, copy_of=empty) as url:
                yield from _measure(engine, url, roster)


def _measure(engine: str, empty: str, roster: Path) -> Iterator[dict[str, Any]]:
    note(f"roster import on {engine}")
    imports = _runs("import", empty, roster)
    floors = _runs("floor", empty, roster)
    seconds = _median(imports, "seconds")
    floor = _median(floors, "seconds")
    yield {
        "name": f"roster_import_100k_households_xlsx_{engine}_s",
        "value": round(seconds, 2),
        "unit": "s",
        "target": TARGET_S,
    }
    yield {
        "name": f"roster_import_100k_households_xlsx_{engine}_peak_rss",
        "value": round(_median(imports, "peak_rss_mb"), 1),
        "unit": "MB",
        "target": TARGET_RSS_MB,
    }
    yield {
        "name": f"roster_floor_openpyxl_read_and_executemany_same_100k_{engine}_s",
        "value": round(floor, 2),
        "unit": "s",
        "target": None,
    }
    yield {
        "name": f"roster_floor_openpyxl_read_same_file_{engine}_s",
        "value": round(_median(floors, "read_s"), 2),
        "unit": "s",
        "target": None,
    }
    yield {
        "name": f"roster_floor_executemany_same_rows_{engine}_s",
        "value": round(_median(floors, "write_s"), 2),
        "unit": "s",
        "target": None,
    }
    yield {
        "name": f"roster_import_over_floor_ratio_{engine}",
        "value": round(seconds / floor, 2),
        "unit": "x",
        "target": None,
    }


if __name__ == "__main__":
    mode, db_arg, roster_arg = sys.argv[1:4]
    child = {"import": _import_child, "floor": _floor_child}[mode]
    print(json.dumps(child(db_arg, Path(roster_arg))))
