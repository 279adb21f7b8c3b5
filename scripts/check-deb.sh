#!/usr/bin/env bash
# Bundles the debug app that test.sh built as a .deb with Tauri's bundler (`tauri bundle`, the
# packaging half of `tauri build`, so the app is not compiled a second time) and checks that it
# holds what a Linux desktop expects: the binary in /usr/bin, a desktop entry that launches it
# with its icon, and the hicolor icons.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"

ui/node_modules/.bin/tauri bundle --debug --bundles deb --ci
deb=$(ls -t "$target"/debug/bundle/deb/*.deb | head -n 1)
echo "checking $deb"

fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
contents=$(dpkg-deb -c "$deb")
desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/share/applications/NFL DFS.desktop" 2>/dev/null ||
  dpkg-deb --fsys-tarfile "$deb" | tar -xO "usr/share/applications/NFL DFS.desktop")

check "package name is nfl-dfs" '[ "$(dpkg-deb -f "$deb" Package)" = nfl-dfs ]'
check "depends on WebKitGTK 4.1" 'dpkg-deb -f "$deb" Depends | grep -q libwebkit2gtk-4.1'
check "binary at /usr/bin/nfl-dfs" 'grep -qE "^-rwxr-xr-x .* (\./)?usr/bin/nfl-dfs$" <<<"$contents"'
check "desktop entry names the app" 'grep -qx "Name=NFL DFS" <<<"$desktop"'
check "desktop entry launches the binary" 'grep -qx "Exec=nfl-dfs" <<<"$desktop"'
check "desktop entry has the icon" 'grep -qx "Icon=nfl-dfs" <<<"$desktop"'
for size in 32x32 128x128; do
  check "icon $size" 'grep -q "usr/share/icons/hicolor/$size/apps/nfl-dfs.png" <<<"$contents"'
done
exit $fail
