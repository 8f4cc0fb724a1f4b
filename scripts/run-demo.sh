#!/usr/bin/env bash
# Set up what running needs (scripts/setup.sh --run: the runtime system packages and Python
# dependencies, not the test and build tools), put demo data into the database if it is empty,
# and open the program. Needs a display: without one it says how to try it headless and exits 1
# before installing anything.
#
#   bash scripts/run-demo.sh            the default database (SQLite in your data folder)
#   bash scripts/run-demo.sh --db /tmp/try.sqlite3     another database (WUYE_DB works too)
#
# Demo users: admin/admin1234, manager/manager1234, desk/desk1234, finance/finance1234.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --db URL applies to the demo data as well as to the program.
args=()
while (($#)); do
    case "$1" in
        --db) export WUYE_DB="${2:?--db needs a URL}"; shift 2 ;;
        --db=*) export WUYE_DB="${1#--db=}"; shift ;;
        *) args+=("$1"); shift ;;
    esac
done

# Qt cannot open a window without a display; its own message would blame libxcb-cursor0.
if [[ "$(uname -s)" == Linux && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" \
    && -z "${QT_QPA_PLATFORM:-}" ]]; then
    printf '\033[1;33m!!! no display (neither DISPLAY nor WAYLAND_DISPLAY is set): run this from a desktop session.\033[0m\n' >&2
    cat >&2 <<'EOF'
To try it without one:
  on a virtual display:   sudo apt-get install xvfb xauth
                          xvfb-run -a bash scripts/run-demo.sh
  a check without window: bash scripts/setup.sh --run && .venv/bin/wuye --selftest
EOF
    exit 1
fi

bash scripts/setup.sh --run

# Exit 0 when the database has no company, users or communities yet (the demo refuses data),
# printing where it is; exit 3 when it already has data, which is then left alone.
database_is_empty() {
    .venv/bin/python - <<'EOF'
import os
import sys

from sqlalchemy import inspect, text

from wuye_desktop.storage.db import Database

db = Database(os.environ.get("WUYE_DB") or None)
try:
    print(db.describe())
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        for table in ("company", "app_user", "community"):
            if table in tables and conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first():
                sys.exit(3)
finally:
    db.dispose()
EOF
}

status=0
where="$(database_is_empty)" || status=$?
case "$status" in
    0)
        say "filling the empty database $where with demo data"
        .venv/bin/wuye demo
        ;;
    3) say "$where already has data: opening it as it is" ;;
    *) exit "$status" ;;  # the error has been printed
esac

say "opening 物业服务台 (log in as desk/desk1234, manager/manager1234, finance/finance1234 or admin/admin1234)"
exec .venv/bin/wuye "${args[@]}"
