#!/usr/bin/env bash
# Install what the program needs on Debian/Ubuntu (UOS and Kylin are Debian based): the system
# packages, then a virtual environment in .venv with the program. Safe to run again; fast when
# everything is already there.
#
#   bash scripts/setup.sh          everything: running, the tests and building the installers
#                                  (what scripts/test.sh uses)
#   bash scripts/setup.sh --run    only what running the program needs: the runtime system
#                                  packages and pyproject's main dependencies, without the dev
#                                  extras (what scripts/run-demo.sh uses)
#
# WUYE_SKIP_APT=1 skips the system packages (for machines where you cannot install them).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"

MODE=dev
case "${1:-}" in
    "") ;;
    --run) MODE=run ;;
    --dev) MODE=dev ;;
    *) echo "usage: bash scripts/setup.sh [--run]" >&2; exit 2 ;;
esac

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }

# Running: Python's venv, a Chinese font for the windows, and the libraries the Qt wheels load
# from the system (checked with ldd on a minimal Debian 12): GLib for every Qt library, the xcb
# platform plugin's X libraries, Wayland's for the wayland plugin, OpenGL, fontconfig, D-Bus,
# and libcups2 for printing.
RUN_PACKAGES=(
    python3-venv
    fonts-wqy-microhei
    libglib2.0-0
    libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-shape0 libxkbcommon-x11-0
    libwayland-cursor0 libwayland-egl1
    libgl1 libegl1 libfontconfig1 libdbus-1-3 libcups2
)
# Testing and building, on top: poppler for looking at PDFs in tests, LibreOffice for opening the
# spreadsheets, a virtual X server for the GUI tests and screenshots, a PostgreSQL server that
# scripts/test.sh starts, Debian's chromium, its driver and its Chinese for the owners' page's
# browser tests (Selenium), and what installer/ builds the bundle and the .deb with (binutils for
# PyInstaller and strip, dpkg-dev for dpkg-shlibdeps). The libpython of the venv's Python
# (PyInstaller bundles it) is added below, once that Python is known.
DEV_PACKAGES=(
    python3-pip
    poppler-utils libreoffice-calc-nogui
    xvfb xauth
    postgresql
    chromium chromium-driver chromium-l10n
    binutils dpkg-dev
)

APT_UPDATED=0

# Install those of the given Debian packages that are missing (apt-get update once per run).
install_system_packages() {
    local wanted=("$@")
    if [[ "${WUYE_SKIP_APT:-}" == 1 ]]; then
        return
    fi
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        warn "not a Debian/Ubuntu system: install the equivalents of these yourself:"
        warn "  ${wanted[*]}"
        return
    fi
    local missing=() pkg status
    for pkg in "${wanted[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != installed ]]; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return
    fi
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null; then
            sudo=(sudo)
        else
            warn "missing system packages and neither root nor sudo: ${missing[*]}"
            warn "ask your administrator to run: apt-get install ${missing[*]}"
            return
        fi
    fi
    say "installing system packages: ${missing[*]}"
    if ((APT_UPDATED == 0)); then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
        APT_UPDATED=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends "${missing[@]}"
}

pick_python() {
    local candidate
    for candidate in "${WUYE_PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        [[ -n "$candidate" ]] || continue
        if command -v "$candidate" >/dev/null \
            && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
        then
            command -v "$candidate"
            return
        fi
    done
    warn "Python 3.11 or newer with its venv module is needed (python3 is $(python3 --version 2>&1))"
    exit 1
}

venv_works() {
    [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c 'import sys' 2>/dev/null
}

# The Debian package with the shared libpython of the given Python, which PyInstaller puts into
# the bundle: libpython3.11 for Debian 12's /usr/bin/python3.11, libpython3.12 for 3.12...
# Nothing for a Python with a shared libpython of its own (pyenv --enable-shared); "-" for
# another Python without one, which cannot build the installers.
libpython_package() {
    "$1" - <<'EOF'
import os
import sys
import sysconfig

base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
# (Debian's interpreter says Py_ENABLE_SHARED too, but its libpython is a package of its own.)
if base.startswith("/usr/bin/"):
    print(f"libpython{sys.version_info.major}.{sys.version_info.minor}")
elif not sysconfig.get_config_var("Py_ENABLE_SHARED"):
    print("-")
EOF
}

# True when .venv has this checkout installed and every requirement pyproject.toml names now
# (with --run the main dependencies, else the dev extras too) is satisfied, so re-running costs
# a second instead of a pip resolve.
venv_up_to_date() {
    [[ -x "$VENV/bin/wuye" ]] || return 1
    "$VENV/bin/python" - "$ROOT" "$MODE" <<'EOF' 2>/dev/null
import sys
import tomllib
from importlib import metadata
from pathlib import Path

try:
    from packaging.requirements import Requirement
except ImportError:  # a --run venv has no packaging of its own; pip always carries one
    from pip._vendor.packaging.requirements import Requirement

root, mode = Path(sys.argv[1]), sys.argv[2]
project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
wanted = list(project["dependencies"])
if mode == "dev":
    wanted += project["optional-dependencies"]["dev"]
for spec in wanted:
    req = Requirement(spec)
    if req.marker is not None and not req.marker.evaluate():
        continue
    if not req.specifier.contains(metadata.version(req.name), prereleases=True):
        sys.exit(1)
import wuye_desktop

if Path(wuye_desktop.__file__).resolve().parent.parent != root.resolve():
    sys.exit(1)
EOF
}

if [[ "${WUYE_SKIP_APT:-}" == 1 ]]; then
    say "WUYE_SKIP_APT=1: not checking system packages"
fi
if [[ "$MODE" == run ]]; then
    install_system_packages "${RUN_PACKAGES[@]}"
else
    # The libpython of a venv that is already there goes into the same apt-get run.
    known=()
    if venv_works; then
        mapfile -t known < <(libpython_package "$VENV/bin/python" | grep -v '^-$')
    fi
    install_system_packages "${RUN_PACKAGES[@]}" "${DEV_PACKAGES[@]}" "${known[@]}"
fi

if ! venv_works; then
    PYTHON="$(pick_python)"
    say "creating $VENV with $("$PYTHON" --version)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi

if [[ "$MODE" == dev ]]; then
    libpython="$(libpython_package "$VENV/bin/python")"
    if [[ "$libpython" == - ]]; then
        warn "$VENV is made with a $("$VENV/bin/python" --version) that is not the system's and"
        warn "has no shared libpython: PyInstaller (installer/) needs one (--enable-shared)"
    elif [[ -n "$libpython" ]]; then
        install_system_packages "$libpython"
    fi
fi

if ! venv_up_to_date; then
    if [[ "$MODE" == run ]]; then
        say "installing wuye_desktop and what it needs to run into .venv (pip)"
        "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e .
    else
        say "installing wuye_desktop and its development tools into .venv (pip)"
        "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e ".[dev]"
    fi
fi

say "set up: $("$VENV/bin/python" --version) in $VENV"
