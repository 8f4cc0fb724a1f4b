#!/usr/bin/env bash
# Build the Debian package (amd64) of 物业服务台 from the PyInstaller bundle:
#
#   bash installer/build_deb.sh [--bundle DIR] [OUT]
#
# DIR is a bundle made by build_bundle.sh; without --bundle, build_bundle.sh makes a fresh one in
# build/bundle first.
# The package is written to OUT (default build/deb) as wuye-desktop_VERSION_amd64.deb, VERSION
# from pyproject.toml. Needs dpkg-dev (dpkg-shlibdeps) and binutils. WUYE_DEB_MAINTAINER sets
# the Maintainer field.
#
# What the package installs:
#   /opt/wuye-desktop/                   the bundle (wuye and _internal/)
#   /usr/bin/wuye                        a symlink to /opt/wuye-desktop/wuye
#   /usr/share/applications/wuye_desktop.desktop, /usr/share/icons/hicolor/*/apps/wuye_desktop.*
#   /usr/share/doc/wuye-desktop/copyright
#   /lib/systemd/system/wuye-owner-portal.service   the owners' reporting page (not enabled)
# Its Depends are what dpkg-shlibdeps finds the bundle's ELF files need from the system (the
# libraries not in the bundle: X11/xcb, fontconfig, glib, OpenSSL, SQLite...), plus a Chinese
# font for the windows. No maintainer scripts: dpkg's triggers refresh the icon cache and the
# menu, and the users' data in their home folders is never touched, not even by --purge.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${WUYE_PYTHON:-$ROOT/.venv/bin/python}"
PACKAGE=wuye-desktop
MAX_MB=120
# The windows use the system's fonts; these carry the Chinese glyphs (UOS and Kylin have their
# own Noto CJK). The documents embed the font shipped in the bundle and need none of them.
FONT_DEPENDS="fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

BUNDLE=""
while (($#)); do
    case "$1" in
        --bundle) BUNDLE="${2:?--bundle needs a folder}"; shift 2 ;;
        --bundle=*) BUNDLE="${1#--bundle=}"; shift ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
OUT="$(mkdir -p "${1:-$ROOT/build/deb}" && cd "${1:-$ROOT/build/deb}" && pwd)"
if [[ -z "$BUNDLE" ]]; then
    bash "$ROOT/installer/build_bundle.sh" "$ROOT/build/bundle"
    BUNDLE="$ROOT/build/bundle/wuye"
fi
[[ -x "$BUNDLE/wuye" ]] || { echo "no bundle at $BUNDLE (installer/build_bundle.sh)" >&2; exit 1; }

VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
MAINTAINER="${WUYE_DEB_MAINTAINER:-wuye_desktop maintainers <wuye-desktop@localhost>}"

# dpkg-shlibdeps wants a source-package layout: debian/control and the package's build tree
# in debian/PACKAGE (with DEBIAN/), so it can tell the bundle's own libraries from the system's.
STAGE="$OUT/.stage"
TREE="$STAGE/debian/$PACKAGE"
rm -rf "$STAGE"
mkdir -p "$TREE/DEBIAN" "$TREE/opt" "$TREE/usr/bin" "$TREE/usr/share/applications" \
    "$TREE/usr/share/doc/$PACKAGE"
printf 'Source: %s\n\nPackage: %s\nArchitecture: amd64\n' "$PACKAGE" "$PACKAGE" \
    >"$STAGE/debian/control"
cp "$ROOT/installer/debian/shlibs.local" "$STAGE/debian/shlibs.local"

say "staging $PACKAGE $VERSION"
cp -a "$BUNDLE" "$TREE/opt/$PACKAGE"
find "$TREE/opt" -name __pycache__ -type d -prune -exec rm -rf {} +
ln -s "/opt/$PACKAGE/wuye" "$TREE/usr/bin/wuye"
install -m 0644 "$ROOT/installer/debian/wuye_desktop.desktop" "$TREE/usr/share/applications/"
for png in "$ROOT"/resources/icons/wuye-*.png; do
    size="${png##*/wuye-}"
    size="${size%.png}"
    install -D -m 0644 "$png" "$TREE/usr/share/icons/hicolor/${size}x${size}/apps/wuye_desktop.png"
done
install -D -m 0644 "$ROOT/resources/icons/wuye.svg" \
    "$TREE/usr/share/icons/hicolor/scalable/apps/wuye_desktop.svg"
install -m 0644 "$ROOT/installer/debian/copyright" "$TREE/usr/share/doc/$PACKAGE/copyright"
# The owners' reporting page as a service; the administrator enables it (README).
install -D -m 0644 "$ROOT/installer/debian/wuye-owner-portal.service" \
    "$TREE/lib/systemd/system/wuye-owner-portal.service"
# Whatever the umask of the build: directories 755, files 644, executables 755.
chmod -R u+rwX,go+rX,go-w "$TREE"

say "dpkg-shlibdeps: the system libraries the bundle needs"
elfs=()
while IFS= read -r -d '' file; do
    if [[ "$(head -c 4 "$file" | od -An -tx1 | tr -d ' \n')" == 7f454c46 ]]; then
        elfs+=("${file#"$STAGE/"}")
    fi
done < <(find "$TREE/opt" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0)
libdirs=()
while IFS= read -r dir; do
    libdirs+=("-l$dir")
done < <(printf '%s\n' "${elfs[@]}" | xargs -n1 dirname | sort -u)
# Warnings (libraries linked but unused, Python symbols left to the interpreter) are about the
# wheels' builds, not ours: only errors matter, e.g. a library found nowhere on this system.
shlibs="$(cd "$STAGE" && dpkg-shlibdeps -O --warnings=0 "${libdirs[@]}" "${elfs[@]}")"
depends="${shlibs#shlibs:Depends=}"
[[ -n "$depends" && "$depends" != "$shlibs" ]] || { echo "dpkg-shlibdeps: $shlibs" >&2; exit 1; }
depends="$depends, $FONT_DEPENDS"

installed_kb="$(du -sk --exclude=DEBIAN "$TREE" | cut -f1)"
sed -e "s|@VERSION@|$VERSION|" -e "s|@MAINTAINER@|$MAINTAINER|" \
    -e "s|@INSTALLED_SIZE@|$installed_kb|" -e "s/@DEPENDS@/$depends/" \
    "$ROOT/installer/debian/control.in" >"$TREE/DEBIAN/control"
(cd "$TREE" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum) >"$TREE/DEBIAN/md5sums"
chmod 0644 "$TREE/DEBIAN/control" "$TREE/DEBIAN/md5sums"

DEB="$OUT/${PACKAGE}_${VERSION}_amd64.deb"
say "dpkg-deb: $DEB (xz)"
rm -f "$DEB"
# xz rather than zstd: older dpkg (UOS 20, Kylin V10) cannot read zstd packages.
dpkg-deb --build --root-owner-group -Zxz "$TREE" "$DEB" >/dev/null
rm -rf "$STAGE"

size_mb=$(( ($(stat -c %s "$DEB") + 1048575) / 1048576 ))
say "package: $DEB, ${size_mb} MB (installed ${installed_kb} KB)"
say "Depends: $depends"
if ((size_mb > MAX_MB)); then
    echo "the package is ${size_mb} MB, over the limit of ${MAX_MB} MB" >&2
    exit 1
fi
