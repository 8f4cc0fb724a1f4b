"""A PostgreSQL server of the benchmark's own, started as ``scripts/test.sh`` starts its
throwaway one: trust authentication on 127.0.0.1 only, run as the ``postgres`` user when we
are root (the server refuses root), stopped when the benchmark is done.

Unlike the tests' server, its cluster is kept under the bench data folder: a million orders
take minutes to load, so a cluster is made once per recipe and schema (like
:func:`bench.data.cached_sqlite`) and later runs start a server on it again. It is filled by
copying a cached SQLite database (:func:`copy_from_sqlite`): both engines then hold the very
same rows, and the copy takes minutes where the demo's own fill would take most of an hour.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, select, text

from bench.data import data_dir, note, throttled_progress
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

_BUILT = "wuye-bench-built"  # written in the cluster folder once its database is complete


def _bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name or 0))
    if not found or not (found[-1] / "initdb").exists():
        raise RuntimeError("PostgreSQL server programs not found (apt-get install postgresql)")
    return found[-1]


def _as_server_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _give_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def _free_port(start: int = 54429) -> int:
    for port in range(start, start + 70):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port for PostgreSQL in {start}-{start + 69}")


def _run(args: list[str], cwd: Path) -> None:
    done = subprocess.run(
        _as_server_user() + args, cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed:\n{done.stdout}\n{done.stderr}")


@contextmanager
def _server(cluster: Path, *, durable: bool = False) -> Iterator[str]:
    """A server on *cluster* (initialised if new); yields its SQLAlchemy URL.

    Not *durable* (the default), it neither flushes to disk nor waits for the flush at commit:
    fast loading and reading. *Durable* is the server's own default (fsync on, commits wait
    for their WAL to be flushed), for measuring what a commit costs a desk."""
    pg = _bin()
    sockets = Path(tempfile.mkdtemp(prefix="wuye-bench-pg-"))
    _give_to_server_user(sockets)
    if not (cluster / "PG_VERSION").exists():
        cluster.mkdir(parents=True, exist_ok=True)
        _give_to_server_user(cluster)
        initdb = [str(pg / "initdb"), "-D", str(cluster), "-U", "postgres", "--auth=trust"]
        _run([*initdb, "-E", "UTF8", "--no-locale"], cwd=sockets)
    port = _free_port()
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1"
    if durable:
        options += " -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
    else:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    log = sockets / "server.log"
    start = [str(pg / "pg_ctl"), "-D", str(cluster), "-l", str(log), "-w", "-t", "120"]
    _run([*start, "-o", options, "start"], cwd=sockets)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        # A clean stop: the cluster is used again by the next run.
        _run([str(pg / "pg_ctl"), "-D", str(cluster), "-m", "fast", "-w", "stop"], cwd=sockets)
        shutil.rmtree(sockets, ignore_errors=True)


@contextmanager
def cached_postgres(name: str, recipe: str, build: Callable[[Database], None]) -> Iterator[str]:
    """A running server whose database *name* was filled by *build* after migrating it.

    Yields the URL. The cluster is rebuilt when *recipe* or the schema revision changes.
    """
    cluster = data_dir() / f"pg-{name}-{recipe}-schema{migrate.head_revision()}"
    older = re.compile(rf"pg-{re.escape(name)}-[^-]+-schema[^-]+")
    for stale in data_dir().glob(f"pg-{name}-*"):
        if stale != cluster and older.fullmatch(stale.name):
            shutil.rmtree(stale)
    if cluster.exists() and not (cluster / _BUILT).exists():
        shutil.rmtree(cluster)  # a build that did not finish
    with _server(cluster) as url:
        if not (cluster / _BUILT).exists():
            note(f"building PostgreSQL {cluster.name} (once; later runs reuse it)")
            started = time.perf_counter()
            db = Database(url)
            try:
                migrate.upgrade(db)
                build(db)
                _analyze(db)
            finally:
                db.dispose()
            (cluster / _BUILT).write_text("built\n")
            note(f"built {cluster.name} in {time.perf_counter() - started:.1f} s")
        yield url


def _analyze(db: Database) -> None:
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        # What autovacuum does after a bulk load, done now rather than at its whim.
        conn.exec_driver_sql("VACUUM ANALYZE")


@contextmanager
def throwaway_postgres(label: str, *, durable: bool, copy_of: Path | None = None) -> Iterator[str]:
    """A server on a new cluster under the bench data folder, migrated; deleted after.

    Yields the URL. For measurements that write (saves, prints, imports), which must not change
    a cached one. Empty, or with *copy_of* a copy of that (small) SQLite database: the same
    rows the benchmark measures on SQLite.
    """
    cluster = data_dir() / "work" / f"pg-{label}"
    if cluster.exists():
        shutil.rmtree(cluster)
    cluster.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _server(cluster, durable=durable) as url:
            db = Database(url)
            try:
                migrate.upgrade(db)
                if copy_of is not None:
                    copy_from_sqlite(copy_of)(db)
                    _analyze(db)
            finally:
                db.dispose()
            yield url
    finally:
        shutil.rmtree(cluster, ignore_errors=True)


def _admin(url: str) -> Engine:
    """An engine on the server's template1, for creating and dropping the other databases."""
    return create_engine(url.rsplit("/", 1)[0] + "/template1", isolation_level="AUTOCOMMIT")


def copy_database(url: str, name: str) -> str:
    """The URL of database *name* on *url*'s server, made as a copy of *url*'s database if it is
    not there yet. Nothing may be connected to the source meanwhile (dispose its engines)."""
    source = url.rsplit("/", 1)[1]
    admin = _admin(url)
    try:
        with admin.connect() as conn:
            have = conn.scalar(
                text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}
            )
            if not have:
                started = time.perf_counter()
                # FILE_COPY: the files copied as they are, rather than every page written
                # through the write-ahead log (the default since PostgreSQL 15): far faster
                # for a big database.
                version = conn.dialect.server_version_info or (0,)
                strategy = " STRATEGY FILE_COPY" if version >= (15,) else ""
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{source}"{strategy}')
                note(
                    f"  copied PostgreSQL database {source} into {name}"
                    f" in {time.perf_counter() - started:.1f} s"
                )
    finally:
        admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + name


@contextmanager
def scratch_copy(url: str, name: str) -> Iterator[str]:
    """A copy of *url*'s database on the same server, dropped after: what
    :func:`bench.data.working_copy` is to a SQLite file, for measurements that write (a login
    writes its audit entry) on a cached cluster, which they must not change."""
    target = url.rsplit("/", 1)[0] + "/" + name
    _drop(target)  # a run that was stopped midway left it
    try:
        yield copy_database(url, name)
    finally:
        _drop(target)


def _drop(url: str) -> None:
    admin = _admin(url)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    finally:
        admin.dispose()


def copy_from_sqlite(source: Path) -> Callable[[Database], None]:
    """A build that copies every table of the SQLite database *source* with COPY, the values
    read through the ORM's column types (times come back aware) and written by psycopg."""
    from wuye_desktop.storage import search_index
    from wuye_desktop.storage.models import Base

    def build(db: Database) -> None:
        reader = create_engine(f"sqlite:///{source}")
        tables = list(Base.metadata.sorted_tables)
        raw = db.engine.raw_connection()
        try:
            pg = raw.driver_connection
            assert pg is not None
            with pg.cursor() as cur:
                names = ", ".join(f'"{t.name}"' for t in tables)
                cur.execute(f"TRUNCATE {names} CASCADE")  # whatever the migrations seeded
                # The rows are copied as they are, the overview's notes among them: its
                # triggers must not note the copied orders a second time.
                cur.execute("SET session_replication_role = replica")
            pg.commit()
            with db.engine.begin() as conn:
                search_index.drop(conn)  # built once at the end, not row by row
            with reader.connect() as src:
                for table in tables:
                    total = src.execute(select(func.count()).select_from(table)).scalar() or 0
                    columns = ", ".join(f'"{c.name}"' for c in table.columns)
                    report = throttled_progress(f"copy {table.name}", every=10)
                    done = 0
                    rows = src.execution_options(yield_per=20_000).execute(select(table))
                    with (
                        pg.cursor() as cur,
                        cur.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy,
                    ):
                        for row in rows:
                            copy.write_row(tuple(row))
                            done += 1
                            if done % 100_000 == 0:
                                report(done, total)
                    report(done, total)
                    pg.commit()
            with pg.cursor() as cur:
                for table in tables:
                    if "id" in table.columns:
                        cur.execute(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                            f' coalesce((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
                        )
            pg.commit()
        finally:
            # Not back into the pool: the session's replication role (triggers off) goes with it.
            raw.invalidate()
            raw.close()
            reader.dispose()
        with db.engine.begin() as conn:
            search_index.create(conn)

    return build
