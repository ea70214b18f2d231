#!/usr/bin/env bash
# Installs Projektu vadība for the current user (no administrator rights needed):
#   the program       -> ~/.local/opt/projektu-vadiba/
#   the menu entry    -> ~/.local/share/applications/projektu-vadiba.desktop
#   the icon          -> ~/.local/share/icons/hicolor/<size>/apps/projektu-vadiba.png (+ scalable .svg)
#   the command       -> ~/.local/bin/projektu-vadiba
# Your data (~/.local/share/projektu-vadiba/: the database and its backups) is never touched.
#
#   ./install-user.sh              install or update (run it from the unpacked folder)
#   ./install-user.sh --uninstall  remove the program, keep the data
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=${PROJEKTU_VADIBA_INSTALL_DIR:-$HOME/.local/opt/projektu-vadiba}
desktop="$data_home/applications/projektu-vadiba.desktop"
icons="$data_home/icons/hicolor"
link="$HOME/.local/bin/projektu-vadiba"

refresh_menus() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target"
  rm -f "$desktop" "$icons"/{48x48,128x128,256x256}/apps/projektu-vadiba.png "$icons/scalable/apps/projektu-vadiba.svg"
  [ -L "$link" ] && rm -f "$link"
  refresh_menus
  echo "Projektu vadība noņemta. Jūsu dati palika: $data_home/projektu-vadiba/"
  exit 0
fi

if [ ! -x "$here/projektu-vadiba" ] || [ ! -d "$here/_internal" ]; then
  echo "Palaidiet šo skriptu no izpakotās mapes (tur jābūt failam projektu-vadiba un mapei _internal)." >&2
  exit 1
fi

# Copy into a fresh folder, then swap: an update never leaves half an old and half a new program.
mkdir -p "$(dirname "$target")"
staging="$target.new.$$"
rm -rf "$staging"
cp -a "$here" "$staging"
rm -rf "$target"
mv "$staging" "$target"

mkdir -p "$(dirname "$desktop")" "$(dirname "$link")"
for size in 48 128 256; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$here/projektu-vadiba-$size.png" "$icons/${size}x${size}/apps/projektu-vadiba.png"
done
mkdir -p "$icons/scalable/apps"
cp "$here/projektu-vadiba.svg" "$icons/scalable/apps/projektu-vadiba.svg"

# The menu entry runs the installed program by its full path (quoted: a home folder may contain spaces).
sed -e "s|^Exec=.*|Exec=\"$target/projektu-vadiba\"|" -e "s|^TryExec=.*|TryExec=$target/projektu-vadiba|" \
  "$here/projektu-vadiba.desktop" >"$desktop"
chmod 644 "$desktop"
ln -sfn "$target/projektu-vadiba" "$link"
refresh_menus

# Qt needs a few system libraries (system-packages.txt); name the missing ones instead of failing at start.
# A package counts when installed under its name or provided by another (Debian 13 / Ubuntu 24.04 renamed many:
# libglib2.0-0t64 provides libglib2.0-0).
missing=()
if command -v dpkg-query >/dev/null; then
  installed=" $(dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Provides}\n' 2>/dev/null | awk '$1 == "ii" {
    $1 = ""; gsub(/\([^)]*\)|,/, " "); print }' | tr -s ' \n' '  ') "
  while read -r package; do
    [[ $installed == *" $package "* ]] || missing+=("$package")
  done < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/system-packages.txt")
fi

echo "Projektu vadība uzstādīta: $target"
echo "Atrodama lietotņu izvēlnē (Birojs) vai palaižama ar komandu: projektu-vadiba"
if [ ${#missing[@]} -gt 0 ]; then
  echo
  echo "Trūkst sistēmas bibliotēku, bez kurām logs neatvērsies. Uzstādiet tās (vajadzīgas administratora tiesības):"
  echo "  sudo apt-get install ${missing[*]}"
fi
