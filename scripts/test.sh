#!/usr/bin/env bash
# Run the whole test suite: set up, start a throwaway PostgreSQL server on 127.0.0.1 so the
# storage tests run on both engines, then ruff, mypy and pytest. Exits non-zero if any fails.
#
#   bash scripts/test.sh                  everything (what .ci/run does)
#   bash scripts/test.sh tests/unit -x    extra arguments go to pytest
#
# WUYE_TEST_PG_URL=postgresql+psycopg://user@host:port/db uses that server instead of starting one.
# WUYE_TEST_TIMEOUT=SECONDS bounds the pytest run (default 2400).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }

bash scripts/setup.sh || exit $?

PG_DIR=""
PG_AS=()

stop_postgres() {
    if [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]]; then
        (cd "$PG_DIR" && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop \
            >/dev/null 2>&1)
    fi
    if [[ -n "$PG_DIR" ]]; then
        rm -rf "$PG_DIR"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A PostgreSQL cluster of its own in a temporary folder: trust authentication on 127.0.0.1 only,
# fsync off (its data is thrown away), stopped and deleted when this script exits.
start_postgres() {
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
        warn "PostgreSQL server programs not found (apt-get install postgresql):"
        warn "the PostgreSQL variants of the storage tests will be SKIPPED"
        return 1
    fi
    if [[ "$(id -u)" == 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            warn "running as root but there is no 'postgres' user to run the server as:"
            warn "the PostgreSQL variants of the storage tests will be SKIPPED"
            return 1
        fi
        PG_AS=(runuser -u postgres --)  # the server refuses to run as root
    fi
    local port=54329
    while port_in_use "$port"; do
        port=$((port + 1))
        if ((port > 54399)); then
            warn "no free port for PostgreSQL in 54329-54399: PostgreSQL tests will be SKIPPED"
            return 1
        fi
    done
    PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/wuye-pg.XXXXXX")"
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres: "$PG_DIR"
    fi
    local options="-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off"
    options+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    say "starting a throwaway PostgreSQL ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$port"
    if ! (cd "$PG_DIR" \
        && "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
            -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
        && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "$options" start >/dev/null); then
        warn "PostgreSQL did not start; its logs:"
        cat "$PG_DIR"/*.log >&2 || true
        warn "the PostgreSQL variants of the storage tests will be SKIPPED"
        stop_postgres
        PG_DIR=""
        return 1
    fi
    export WUYE_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n "${WUYE_TEST_PG_URL:-}" ]]; then
    say "using the PostgreSQL server given in WUYE_TEST_PG_URL"
else
    start_postgres || true
fi

failed=()
# Python may keep the modules it compiles (a sandbox's environment may say not to): the suite
# starts a few hundred processes of the program, each would compile it again.
unset PYTHONDONTWRITEBYTECODE

# The whole suite in two pytests side by side, one a core: the installer tests (building the
# bundle and the .deb, installing it), the GUI-thread proofs (they mostly wait on their 100 ms
# proxy) and, to even the two out, the oracles, the crash tests and the slowest integration
# tests in one, started first so that it runs beside the lint too; the rest in the other.
# Its report is printed after the main one. (On a slow day the suite took 21 of the 20
# minutes CI allows when the one ran alone after the lint.)
SECOND=(tests/installer tests/gui/test_gui_thread_never_waits*.py
    tests/unit/test_search_oracle.py tests/integration/test_regulator_crash.py
    tests/unit/test_demo_work_orders.py tests/crash tests/unit/test_overview_oracle.py
    tests/integration/test_regulator_schemathesis.py)
installer_pid=""
if (($# == 0)); then
    installer_log="$(mktemp)"
    say "pytest ${SECOND[*]} (alongside the rest; report after it)"
    timeout --signal=INT --kill-after=60 "${WUYE_TEST_TIMEOUT:-2400}" \
        .venv/bin/pytest -p no:cacheprovider -o faulthandler_timeout=300 --durations=10 \
        "${SECOND[@]}" >"$installer_log" 2>&1 &
    installer_pid=$!
    set --
    for path in "${SECOND[@]}"; do
        set -- "$@" "--ignore=$path"
    done
fi

say "ruff check"
.venv/bin/ruff check . || failed+=("ruff check")
say "ruff format --check"
.venv/bin/ruff format --check . || failed+=("ruff format")
say "mypy"
.venv/bin/mypy || failed+=("mypy")

say "pytest ${*:-tests}"
# A test stuck for 5 minutes (a modal dialog nobody answers) gets every thread's traceback
# printed, and a suite stuck for good is stopped, so CI fails with a reason instead of waiting.
timeout --signal=INT --kill-after=60 "${WUYE_TEST_TIMEOUT:-2400}" \
    .venv/bin/pytest -o faulthandler_timeout=300 --durations=30 "$@"
pytest_status=$?
if [[ -n "$installer_pid" ]]; then
    wait "$installer_pid"
    installer_status=$?
    say "pytest ${SECOND[*]}"
    cat "$installer_log"
    rm -f "$installer_log"
    if ((installer_status != 0)); then
        failed+=("pytest tests/installer and proofs (exit $installer_status)")
    fi
fi
if ((pytest_status == 124 || pytest_status == 137)); then
    warn "pytest did not finish within ${WUYE_TEST_TIMEOUT:-2400} s"
fi
# Exit code 5 (no tests collected) is a failure too: a suite that ran nothing proves nothing.
if ((pytest_status != 0)); then
    failed+=("pytest (exit $pytest_status)")
fi

if [[ -z "${WUYE_TEST_PG_URL:-}" ]]; then
    warn "no PostgreSQL server was available: the PostgreSQL variants were SKIPPED"
    # CI must prove the storage works on PostgreSQL too, so there a missing server fails.
    if [[ "${CI:-}" == true ]]; then
        failed+=("PostgreSQL (CI=true needs it)")
    fi
fi
if ((${#failed[@]})); then
    warn "FAILED: ${failed[*]}"
    if ((pytest_status != 0)); then
        exit "$pytest_status"
    fi
    exit 1
fi
say "all checks passed"
