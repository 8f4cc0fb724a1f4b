#!/usr/bin/env bash
# Install everything the program and its tests need on Debian/Ubuntu (UOS and Kylin are Debian
# based): the system packages Qt and the tests use, then a virtual environment in .venv with the
# program and its development tools. Safe to run again; fast when everything is already there.
#
#   bash scripts/setup.sh
#
# WUYE_SKIP_APT=1 skips the system packages (for machines where you cannot install them).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf '\033[1;33m!!! %s\033[0m\n' "$*" >&2; }

# Python's venv, Chinese fonts for the UI and the PDFs, poppler for looking at PDFs in tests,
# a virtual X server for screenshots, the X/GL libraries the Qt wheels load at run time,
# a PostgreSQL server that scripts/test.sh starts for the tests, and what installer/ builds the
# bundle and the .deb with (binutils for PyInstaller and strip, dpkg-dev for dpkg-shlibdeps).
APT_PACKAGES=(
    python3-venv python3-pip
    fonts-wqy-microhei poppler-utils libreoffice-calc-nogui
    xvfb xauth
    libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
    libgl1 libegl1 libfontconfig1 libdbus-1-3
    postgresql
    binutils dpkg-dev
)

install_system_packages() {
    if [[ "${WUYE_SKIP_APT:-}" == 1 ]]; then
        say "WUYE_SKIP_APT=1: not checking system packages"
        return
    fi
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        warn "not a Debian/Ubuntu system: install the equivalents of these yourself:"
        warn "  ${APT_PACKAGES[*]}"
        return
    fi
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
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
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
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

# True when .venv has this checkout installed and every requirement pyproject.toml names now
# (dev extras included) is satisfied, so re-running costs a second instead of a pip resolve.
venv_up_to_date() {
    [[ -x "$VENV/bin/wuye" ]] || return 1
    "$VENV/bin/python" - "$ROOT" <<'EOF' 2>/dev/null
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

root = Path(sys.argv[1])
project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
wanted = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
for spec in wanted:
    req = Requirement(spec)
    if not req.specifier.contains(metadata.version(req.name), prereleases=True):
        sys.exit(1)
import wuye_desktop

if Path(wuye_desktop.__file__).resolve().parent.parent != root.resolve():
    sys.exit(1)
EOF
}

install_system_packages

if ! venv_works; then
    PYTHON="$(pick_python)"
    say "creating $VENV with $("$PYTHON" --version)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi

if ! venv_up_to_date; then
    say "installing wuye_desktop and its development tools into .venv (pip)"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e ".[dev]"
fi

say "set up: $("$VENV/bin/python" --version) in $VENV"
