#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle of 物业服务台 on Linux: OUT/wuye/ (default build/bundle).
#
#   bash installer/build_bundle.sh [OUT]
#
# Needs the project's .venv with the dev extras (pyinstaller; scripts/setup.sh installs them)
# and binutils (objdump, readelf, strip). WUYE_PYTHON names another interpreter with those installed.
# Prints the bundle's size and fails when it is over the limit of the installers' issue.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/build/bundle}" && cd "${1:-$ROOT/build/bundle}" && pwd)"
PYTHON="${WUYE_PYTHON:-$ROOT/.venv/bin/python}"
MAX_MB=250

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "PyInstaller: $OUT/wuye"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT" --workpath "$OUT/.work" "$ROOT/installer/wuye.spec"
BUNDLE="$OUT/wuye"

# Our interpreter's own libraries may carry debug information (a pyenv build does: 30 MB of it).
# Only those are stripped: the wheels' libraries were rewritten by auditwheel's patchelf, which
# strip is known to damage, and they come stripped anyway.
while IFS= read -r -d '' elf; do
    # (Not `readelf | grep -q`: grep's early exit fails the pipeline under pipefail.)
    if [[ "$(readelf -S "$elf" 2>/dev/null)" == *.debug_info* ]]; then
        strip --strip-debug "$elf"
    fi
done < <(find "$BUNDLE/_internal" -maxdepth 1 -name 'libpython*' -type f -print0
         find "$BUNDLE/_internal" -path '*/lib-dynload/*.so' -type f -print0)

# Byte-code caches made while building are not part of the program.
find "$BUNDLE" -name __pycache__ -type d -prune -exec rm -rf {} +

size_mb=$(du -sm "$BUNDLE" | cut -f1)
say "bundle: $BUNDLE, ${size_mb} MB"
if ((size_mb > MAX_MB)); then
    echo "the bundle is ${size_mb} MB, over the limit of ${MAX_MB} MB" >&2
    exit 1
fi
