#!/usr/bin/env bash
# Bundles the debug app that test.sh built as a .deb and an .rpm with Tauri's bundler
# (`tauri bundle`, the packaging half of `tauri build`, so the app is not compiled a second
# time), installs the .deb into a scratch root (`dpkg -x`) and checks that the files are where a
# Linux desktop expects them: the binary in /usr/bin, a desktop entry that launches it with its
# icon, the hicolor icons; and that the .rpm holds the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"

ui/node_modules/.bin/tauri bundle --debug --bundles deb,rpm --ci
deb=$(ls -t "$target"/debug/bundle/deb/*.deb | head -n 1)
rpm=$(ls -t "$target"/debug/bundle/rpm/*.rpm | head -n 1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
echo "checking $deb, installed into $root"

fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
desktop="$root/usr/share/applications/NFL DFS.desktop"

check "package name is nfl-dfs" '[ "$(dpkg-deb -f "$deb" Package)" = nfl-dfs ]'
check "depends on WebKitGTK 4.1" 'dpkg-deb -f "$deb" Depends | grep -q libwebkit2gtk-4.1'
check "binary at /usr/bin/nfl-dfs, executable" '[ -x "$root/usr/bin/nfl-dfs" ]'
check "the binary is the app (an ELF executable)" 'file "$root/usr/bin/nfl-dfs" | grep -q ELF'
check "desktop entry installed" '[ -f "$desktop" ]'
check "desktop entry names the app" 'grep -qx "Name=NFL DFS" "$desktop"'
check "desktop entry launches the binary" 'grep -qx "Exec=nfl-dfs" "$desktop"'
check "desktop entry has the icon" 'grep -qx "Icon=nfl-dfs" "$desktop"'
check "desktop entry is an application" 'grep -qx "Type=Application" "$desktop"'
for size in 32x32 128x128; do
  check "icon $size" '[ -s "$root/usr/share/icons/hicolor/$size/apps/nfl-dfs.png" ]'
done

echo "checking $rpm"
rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
check "rpm package name is nfl-dfs" '[ "$(rpm -qp --queryformat "%{NAME}" "$rpm" 2>/dev/null)" = nfl-dfs ]'
check "rpm has /usr/bin/nfl-dfs" 'grep -qx /usr/bin/nfl-dfs <<<"$rpm_files"'
check "rpm has the desktop entry" 'grep -qx "/usr/share/applications/NFL DFS.desktop" <<<"$rpm_files"'
check "rpm has the 128x128 icon" 'grep -qx /usr/share/icons/hicolor/128x128/apps/nfl-dfs.png <<<"$rpm_files"'
exit $fail
