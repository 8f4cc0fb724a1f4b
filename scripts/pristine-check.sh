#!/usr/bin/env bash
# Try README's two commands as a new user would, on a pristine Debian 12 (a debootstrap
# --variant=minbase root in a chroot), and measure them. Needs root and debootstrap; see
# docs/pristine-check.md.
#
#   sudo bash scripts/pristine-check.sh demo    run-demo.sh: without a display (must refuse with
#                                               the hint, installing nothing), then on a virtual
#                                               display (install, demo data, window, screenshot),
#                                               then `xvfb-run -a bash scripts/run-demo.sh`
#   sudo bash scripts/pristine-check.sh test    test.sh: the whole suite
#
# The base root (WUYE_PRISTINE, default /work/pristine) is made once and never changed after its
# provisioning; each check runs in a fresh copy of it (BASE-demo, BASE-test), which is kept for
# looking at afterwards and replaced by the next run. The project is the checkout's tracked files
# as they are now (committed or not), put into /root/wuye of the copy. Logs and figures go to
# WUYE_PRISTINE_LOGS (default BASE-logs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${WUYE_PRISTINE:-/work/pristine}"
LOGS="${WUYE_PRISTINE_LOGS:-$BASE-logs}"
SUITE=bookworm
CHECK="${1:-}"
[[ "$CHECK" == demo || "$CHECK" == test ]] || { sed -n '2,18p' "$0" >&2; exit 2; }
[[ "$(id -u)" == 0 ]] || { echo "needs root (debootstrap, chroot, mount)" >&2; exit 2; }

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The Debian mirror this machine's apt uses for bookworm (deb822 .sources or one-line .list).
mirror() {
    local file uri
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$file" ]] || continue
        uri="$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ {print u; exit}' "$file")"
        [[ -n "$uri" ]] && { echo "$uri"; return; }
    done
    uri="$(grep -hE '^deb +[^ ]+ +bookworm( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        2>/dev/null | awk '{print $2; exit}')"
    echo "${uri:-http://deb.debian.org/debian}"
}

MOUNTED=()
mount_binds() {
    local root="$1" dir
    for dir in proc sys dev dev/pts dev/shm; do
        mkdir -p "$root/$dir"
        case "$dir" in
            proc) mount -t proc proc "$root/proc" ;;
            *) mount --bind "/$dir" "$root/$dir" ;;
        esac
        MOUNTED+=("$root/$dir")
    done
    cp /etc/resolv.conf "$root/etc/resolv.conf"
}
unmount_binds() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" || true
    done
    MOUNTED=()
}
trap unmount_binds EXIT

# A command in the chroot as a login shell of root would run it: a clean environment.
in_root() {
    local root="$1"
    shift
    # PIP_VERBOSE=1 cancels setup.sh's pip -q, so the log names each download and its size.
    chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-xterm}" LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PIP_VERBOSE=1 "$@"
}

make_base() {
    if [[ -x "$BASE/usr/bin/apt-get" && -f "$BASE/.provisioned" ]]; then
        return
    fi
    if ! command -v debootstrap >/dev/null; then
        say "installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
    fi
    if [[ ! -x "$BASE/usr/bin/apt-get" ]]; then
        say "debootstrap --variant=minbase $SUITE $BASE $(mirror)"
        debootstrap --variant=minbase "$SUITE" "$BASE" "$(mirror)"
    fi
    # What a fresh machine of this kind has besides minbase: the same apt sources as this one,
    # the CA certificates (this network's TLS goes through an egress proxy with its own CA,
    # installed under /usr/local/share/ca-certificates) and the machine's /etc/pip.conf, which
    # points pip at the system's CA bundle. Nothing of the project.
    say "provisioning $BASE: apt sources, CA certificates, /etc/pip.conf"
    rm -f "$BASE/etc/apt/sources.list"
    cp /etc/apt/sources.list.d/*.sources "$BASE/etc/apt/sources.list.d/"
    mkdir -p "$BASE/usr/local/share/ca-certificates"
    cp -r /usr/local/share/ca-certificates/. "$BASE/usr/local/share/ca-certificates/" || true
    [[ -f /etc/pip.conf ]] && cp /etc/pip.conf "$BASE/etc/pip.conf"
    mount_binds "$BASE"
    in_root "$BASE" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    in_root "$BASE" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends ca-certificates
    in_root "$BASE" apt-get clean
    unmount_binds
    touch "$BASE/.provisioned"
}

# A fresh copy of the base with the project in /root/wuye.
fresh_copy() {
    local work="$1" snapshot
    rm -rf "$work"
    cp -a "$BASE" "$work"
    snapshot="$(git -C "$ROOT" stash create 2>/dev/null || true)"
    mkdir -p "$work/root/wuye"
    git -C "$ROOT" archive "${snapshot:-HEAD}" | tar -x -C "$work/root/wuye"
}

# Stop the processes running inside that root (found by their root directory), by their ids.
kill_in_root() {
    local root="$1" dir
    for dir in /proc/[0-9]*; do
        if [[ "$(readlink "$dir/root" 2>/dev/null)" == "$root" ]]; then
            kill "${dir#/proc/}" 2>/dev/null || true
        fi
    done
}

packages() { in_root "$1" dpkg-query -W -f='${db:Status-Status}\n' | grep -c '^installed$'; }
# The whole root, .venv in the checkout included: after minus before is what a command installed.
used_mb() { du -sxm "$1" | cut -f1; }

# Figures of one timed command: packages, disk, apt's and pip's downloads.
measure() {
    local name="$1" work="$2" log="$3" start="$4" end="$5" before_pkgs="$6" before_mb="$7"
    local apt_get pip_mb
    apt_get="$(grep -hE '^Need to get' "$log" | sed -E 's/^Need to get ([^/]+)(\/.*)? of archives.*/\1/' \
        | paste -sd+ -)"
    # "Downloading NAME.whl (12.3 MB)": what pip fetched.
    pip_mb="$(grep -ohE 'Downloading [^ ]+ \([0-9.]+ [kM]B\)' "$log" \
        | sed -E 's/.*\(([0-9.]+) ([kM])B\)/\1 \2/' \
        | awk '{ s += ($2 == "k") ? $1 / 1024 : $1 } END { printf "%.0f", s }')"
    {
        echo "$name: $((end - start)) s"
        echo "  packages: $before_pkgs -> $(packages "$work")"
        echo "  disk used: $before_mb MB -> $(used_mb "$work") MB" \
            "(.venv $(du -sm "$work/root/wuye/.venv" | cut -f1) MB," \
            "apt's cache of .debs $(du -sm "$work/var/cache/apt/archives" | cut -f1) MB)"
        grep -hE '^After this operation' "$log" | sed 's/^/  apt: /'
        echo "  downloads: apt ${apt_get:-nothing}, pip ${pip_mb} MB"
        grep -hE 'newly installed' "$log" | sed 's/^/  apt: /'
    } | tee -a "$LOGS/figures.txt"
}

check_demo() {
    local work="$BASE-demo" pkgs mb start end status
    fresh_copy "$work"
    mount_binds "$work"

    say "run-demo.sh without a display: must refuse with the hint and install nothing"
    pkgs="$(packages "$work")"
    status=0
    in_root "$work" bash -c 'cd /root/wuye && bash scripts/run-demo.sh' \
        >"$LOGS/demo-nodisplay.log" 2>&1 || status=$?
    cat "$LOGS/demo-nodisplay.log"
    echo "exit status $status, packages $pkgs -> $(packages "$work")" | tee -a "$LOGS/figures.txt"

    say "run-demo.sh on a virtual display (this machine's Xvfb :77), stopped once the window is up"
    # The first run uses a virtual display served from outside, so that xvfb in the root does not
    # hide libraries run-demo.sh must install itself (the chroot shares the X socket's network).
    if ! command -v Xvfb >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb
    fi
    Xvfb :77 -screen 0 1366x768x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
    local xvfb=$!
    pkgs="$(packages "$work")"
    mb="$(used_mb "$work")"
    start="$(date +%s)"
    in_root "$work" env DISPLAY=:77 bash -c 'cd /root/wuye && exec bash scripts/run-demo.sh' \
        >"$LOGS/demo-first.log" 2>&1 &
    local demo=$!
    until grep -q 'opening 物业服务台' "$LOGS/demo-first.log" 2>/dev/null; do
        kill -0 "$demo" 2>/dev/null || break
        sleep 2
    done
    end="$(date +%s)"
    sleep 20  # the login window appears
    if kill -0 "$demo" 2>/dev/null; then
        echo "the program is running 20 s after it was started" | tee -a "$LOGS/figures.txt"
        in_root "$work" env DISPLAY=:77 /root/wuye/.venv/bin/python -c '
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
sys.exit(0 if app.primaryScreen().grabWindow(0).save("/root/demo-window.png") else 1)
' && cp "$work/root/demo-window.png" "$LOGS/demo-window.png"
        kill_in_root "$work"
    else
        echo "run-demo.sh ended before its window was up:" | tee -a "$LOGS/figures.txt"
    fi
    wait "$demo" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    cat "$LOGS/demo-first.log"
    measure "run-demo.sh, first run up to the window" "$work" "$LOGS/demo-first.log" \
        "$start" "$end" "$pkgs" "$mb"

    say "xvfb-run -a bash scripts/run-demo.sh, as the hint says (xvfb and xauth installed first)"
    in_root "$work" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends xvfb xauth >"$LOGS/demo-xvfb-install.log" 2>&1
    status=0
    in_root "$work" timeout 60 xvfb-run -a bash -c 'cd /root/wuye && exec bash scripts/run-demo.sh' \
        >"$LOGS/demo-xvfb-run.log" 2>&1 || status=$?
    cat "$LOGS/demo-xvfb-run.log"
    # 124: still running when timeout stopped it, i.e. the window stayed open.
    echo "xvfb-run -a bash scripts/run-demo.sh: exit $status after at most 60 s (124 = stopped while open)" \
        | tee -a "$LOGS/figures.txt"
    unmount_binds
}

check_test() {
    local work="$BASE-test" pkgs mb start end status
    fresh_copy "$work"
    mount_binds "$work"
    say "bash scripts/test.sh in $work (the whole suite; 10-30 minutes)"
    pkgs="$(packages "$work")"
    mb="$(used_mb "$work")"
    start="$(date +%s)"
    status=0
    in_root "$work" bash -c 'cd /root/wuye && bash scripts/test.sh' \
        >"$LOGS/test.log" 2>&1 || status=$?
    end="$(date +%s)"
    tail -n 40 "$LOGS/test.log"
    echo "test.sh exit status $status" | tee -a "$LOGS/figures.txt"
    measure "test.sh, first run" "$work" "$LOGS/test.log" "$start" "$end" "$pkgs" "$mb"
    unmount_binds
    return "$status"
}

mkdir -p "$LOGS"
make_base
echo "== $CHECK, $(date -u '+%F %T UTC'), $(git -C "$ROOT" describe --always --dirty)" \
    >>"$LOGS/figures.txt"
"check_$CHECK"
