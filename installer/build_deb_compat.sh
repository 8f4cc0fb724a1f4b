#!/usr/bin/env bash
# Build the Debian package for the older Debian-based desktops: UOS 20 and Kylin V10 run the
# C library of Debian 10/11 or Ubuntu 20.04 (glibc 2.28–2.31) and OpenSSL 1.1, and refuse a
# package built on Debian 12 (build_deb.sh there needs glibc 2.34+ and libssl3).
#
#   sudo bash installer/build_deb_compat.sh [OUT]       (default build/deb-compat)
#
# How: debootstrap Debian 11 (bullseye: glibc 2.31, OpenSSL 1.1.1) into WUYE_COMPAT_DIR (default
# build/compat), build CPython 3.11 there from the source of Debian's python3.11 package, install
# the program and PyInstaller into a venv there with pip, and run build_bundle.sh and
# build_deb.sh inside it. So the bundle's own binaries are linked against bullseye's C library,
# and dpkg-shlibdeps computes the package's Depends from bullseye's libraries.
#
# The base system, the Python and the venv are kept in WUYE_COMPAT_DIR and reused (about 2 GB).
# The first run takes about 11 minutes; later ones about 3. Needs root (debootstrap, chroot,
# mount), debootstrap, and Debian's mirror (WUYE_DEBIAN_MIRROR) and PyPI on the network.
# tests/installer/test_deb_compat.py installs the result into a clean bullseye and runs it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mkdir -p "${WUYE_COMPAT_DIR:-$ROOT/build/compat}" && cd "${WUYE_COMPAT_DIR:-$ROOT/build/compat}" && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/build/deb-compat}" && cd "${1:-$ROOT/build/deb-compat}" && pwd)"
MIRROR="${WUYE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${WUYE_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
SUITE=bullseye
BASE="$WORK/$SUITE"
# CPython from the "orig" tarball of Debian 12's python3.11 source package: the mirror is reachable
# wherever the base system is, and the checksum below is the one in Debian's signed Sources index.
PY_VERSION=3.11.2
PY_TARBALL="python3.11_${PY_VERSION}.orig.tar.gz"
PY_SHA256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
PY_PREFIX=/opt/python3.11
BUILD_PACKAGES=(
    build-essential binutils dpkg-dev ca-certificates xz-utils
    libssl-dev libffi-dev zlib1g-dev libsqlite3-dev libbz2-dev liblzma-dev libgdbm-dev uuid-dev
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '%s\n' "$*" >&2; exit 1; }

((EUID == 0)) || die "build_deb_compat.sh needs root (debootstrap, chroot, mount)"
command -v debootstrap >/dev/null || die "build_deb_compat.sh needs debootstrap (apt-get install debootstrap)"

# Run a command inside the base system with a clean environment.
in_base() {
    chroot "$BASE" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        PIP_CERT=/etc/wuye-build-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

mounts=()
unmount_all() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[i]}" 2>/dev/null || true
    done
}
trap unmount_all EXIT

if [[ ! -f "$BASE/.wuye-base" ]]; then
    say "debootstrap $SUITE into $BASE"
    rm -rf "$BASE"
    debootstrap --variant=minbase --include="$(IFS=,; echo "${BUILD_PACKAGES[*]}")" \
        "$SUITE" "$BASE" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
        die "debootstrap failed; see $WORK/debootstrap.log"
    touch "$BASE/.wuye-base"
fi
mount -t proc proc "$BASE/proc" && mounts+=("$BASE/proc")
mount --rbind /dev "$BASE/dev" && mounts+=("$BASE/dev")
cp /etc/resolv.conf "$BASE/etc/resolv.conf"
# This machine's CA bundle, which may hold a company proxy's CA, for pip's downloads.
cp /etc/ssl/certs/ca-certificates.crt "$BASE/etc/wuye-build-ca.crt"
cat >"$BASE/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
say "apt: the base system's updates"
in_base apt-get -qq update
in_base apt-get -qq -y dist-upgrade >"$WORK/apt.log" 2>&1 || die "apt failed; see $WORK/apt.log"

if [[ ! -x "$BASE$PY_PREFIX/bin/python3.11" ]]; then
    tarball="$WORK/$PY_TARBALL"
    if [[ ! -f "$tarball" ]]; then
        say "download $PY_TARBALL"
        curl -fsSL -o "$tarball.part" "$MIRROR/pool/main/p/python3.11/$PY_TARBALL"
        mv "$tarball.part" "$tarball"
    fi
    echo "$PY_SHA256  $tarball" | sha256sum --quiet -c - || die "$tarball: wrong checksum"
    say "build CPython $PY_VERSION into $PY_PREFIX (a few minutes)"
    rm -rf "$BASE/build/python"
    mkdir -p "$BASE/build/python"
    tar -xzf "$tarball" -C "$BASE/build/python" --strip-components=1
    # Shared libpython for PyInstaller; found through its rpath, not the system's library path.
    in_base bash -c "cd /build/python \
        && ./configure --prefix=$PY_PREFIX --enable-shared --with-ensurepip=install \
            LDFLAGS=-Wl,-rpath,$PY_PREFIX/lib >/build/python-configure.log 2>&1 \
        && make -j$(nproc) >/build/python-make.log 2>&1 \
        && make install >/build/python-install.log 2>&1" ||
        die "building CPython failed; see $BASE/build/python-*.log"
    rm -rf "$BASE/build/python"
fi

say "the program's sources and a venv with it and PyInstaller"
rm -rf "$BASE/build/src" "$BASE/build/bundle" "$BASE/build/deb"
mkdir -p "$BASE/build/src"
# The files git knows of (tracked or new, not ignored): no .venv, build/ or caches.
git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
    (cd "$ROOT" && tar --null -T - -cf - 2>/dev/null) | tar -xf - -C "$BASE/build/src"
[[ -x "$BASE/build/venv/bin/python" ]] || in_base "$PY_PREFIX/bin/python3.11" -m venv /build/venv
in_base /build/venv/bin/python -m pip install -q --upgrade pip
in_base /build/venv/bin/python -m pip install -q --upgrade /build/src "pyinstaller>=6.10"

# The wheels' libraries need the system's (X11, fontconfig, glib...): PyInstaller imports Qt
# while it analyses the program, and dpkg-shlibdeps finds the package of each system library
# among the packages installed here. So install the ones not yet here, each library's package
# looked up in the mirror's Contents index: first for everything in the venv (a library no
# package has is skipped there: the wheels carry more than the bundle takes), then strictly for
# what is in the bundle.
contents="$WORK/Contents-amd64-$SUITE.gz"
install_libraries_for() {
    local folder="$1" strict="$2" missing lib package packages=()
    missing="$(in_base bash -c '
        cd "$1"
        ours=$(find . -name "*.so*" -printf "%f\n" | sort -u)
        find . -type f \( -name "*.so*" -o -perm -u+x \) -exec objdump -p {} + 2>/dev/null |
            awk "/NEEDED/ {print \$2}" | sort -u |
            while read -r lib; do
                grep -qxF "$lib" <<<"$ours" && continue
                ldconfig -p | grep -q "^[[:space:]]$lib " || echo "$lib"
            done' - "$folder")"
    [[ -n "$missing" ]] || return 0
    [[ -f "$contents" ]] || curl -fsSL -o "$contents" "$MIRROR/dists/$SUITE/main/Contents-amd64.gz"
    for lib in $missing; do
        package="$(zgrep -m1 -E "^(usr/)?lib/x86_64-linux-gnu/${lib//./\\.}[[:space:]]" "$contents" |
            awk '{print $NF}' | awk -F/ '{print $NF}')" || true
        if [[ -n "$package" ]]; then
            packages+=("$package")
        elif [[ "$strict" == strict ]]; then
            die "the bundle needs $lib, which no $SUITE package has"
        fi
    done
    ((${#packages[@]})) || return 0
    mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
    say "apt install ${packages[*]}"
    in_base apt-get -qq -y install --no-install-recommends "${packages[@]}" >"$WORK/apt.log" 2>&1 ||
        die "apt failed; see $WORK/apt.log"
}
say "the system libraries the wheels need, from $SUITE"
install_libraries_for /build/venv lenient

say "bundle"
in_base env WUYE_PYTHON=/build/venv/bin/python bash /build/src/installer/build_bundle.sh /build/bundle
say "the system libraries the bundle needs"
install_libraries_for /build/bundle/wuye strict

say "package"
in_base env WUYE_PYTHON=/build/venv/bin/python \
    bash /build/src/installer/build_deb.sh --bundle /build/bundle/wuye /build/deb
rm -rf "$BASE/build/bundle"
for deb in "$BASE"/build/deb/*.deb; do
    cp "$deb" "$OUT/"
    say "for UOS/Kylin and other glibc 2.28+ systems: $OUT/${deb##*/}"
done
