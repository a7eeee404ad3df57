#!/bin/sh
# Installs the built app (dist/reviewer) for one user, or system-wide with PREFIX=/usr/local (as root).
#   packaging/linux/install.sh            -> ~/.local/lib/reviewer, ~/.local/bin/reviewer, menu entry, icons
#   PREFIX=/usr/local packaging/linux/install.sh
#   packaging/linux/install.sh --uninstall   (removes the app; never the register, see docs/packaging.md)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIST=${DIST:-$ROOT/dist/reviewer}
PREFIX=${PREFIX:-$HOME/.local}
APP_DIR=$PREFIX/lib/reviewer
SHARE=$PREFIX/share
SIZES="16 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$PREFIX/bin/reviewer" "$SHARE/applications/reviewer.desktop" \
          "$SHARE/metainfo/io.github.reviewer.Reviewer.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/reviewer.svg"
    for size in $SIZES; do rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/reviewer.png"; done
    echo "reviewer removed from $PREFIX (the register in your user data folder is untouched)"
    exit 0
fi

[ -x "$DIST/reviewer" ] || { echo "install.sh: no built app at $DIST; run 'make package' first" >&2; exit 2; }
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/icons/hicolor/scalable/apps"
rm -rf "$APP_DIR.new"
cp -a "$DIST" "$APP_DIR.new"
rm -rf "$APP_DIR"
mv "$APP_DIR.new" "$APP_DIR"
ln -sf "$APP_DIR/reviewer" "$PREFIX/bin/reviewer"
# the menu entry runs the installed executable by its full path, so it works without ~/.local/bin on PATH
sed "s|^Exec=reviewer|Exec=$APP_DIR/reviewer|; s|^TryExec=reviewer|TryExec=$APP_DIR/reviewer|" \
    "$HERE/reviewer.desktop" > "$SHARE/applications/reviewer.desktop"
cp "$HERE/io.github.reviewer.Reviewer.metainfo.xml" "$SHARE/metainfo/"
cp "$ROOT/resources/icons/reviewer.svg" "$SHARE/icons/hicolor/scalable/apps/reviewer.svg"
for size in $SIZES; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$ROOT/resources/icons/reviewer-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/reviewer.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "reviewer installed in $APP_DIR; run 'reviewer' (with $PREFIX/bin on PATH) or open it from the menu"
