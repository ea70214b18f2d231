#!/usr/bin/env bash
# Builds the Linux bundle from a checkout (see installer/README.md):
#   dist/projektu-vadiba/                                   the frozen one-folder app (runs in place)
#   dist/projektu-vadiba-<version>-linux-<arch>.tar.gz      that folder + .desktop file, icons, install-user.sh
# The build environment is build/venv (the project installed as a package, not editable, plus PyInstaller).
# Extra arguments go to PyInstaller (e.g. --clean).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
started=$(date +%s)

# python3-venv, Qt's libraries for running the result, binutils (PyInstaller reads shared libraries with objdump),
# libpython3.X (PyInstaller bundles the Python shared library), and what scripts/smoke_frozen.sh uses.
scripts/install-system-packages.sh --build

venv=${PV_BUILD_VENV:-build/venv}
python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
# Dependencies change rarely: reinstall them when pyproject.toml or the build requirements change.
stamp="$venv/.deps-$(cat pyproject.toml installer/requirements-build.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q ".[postgres]" -r installer/requirements-build.txt
  rm -f "$venv"/.deps-* && touch "$stamp"
fi
# The project itself on every build: the bundle must hold this checkout's code and version.
"$venv/bin/python" -m pip install -q --no-deps --no-build-isolation --force-reinstall .

version=$("$venv/bin/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(uname -m)
bundle=dist/projektu-vadiba

"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  "$@" installer/projektu-vadiba.spec

# What a Linux desktop needs beside the program: a menu entry, an icon, an installer for the current user.
cp installer/linux/projektu-vadiba.desktop installer/linux/install-user.sh installer/linux/system-packages.txt \
  "$bundle/"
cp installer/linux/README.txt "$bundle/LASIMANI.txt"
cp resources/icons/projektu-vadiba.svg resources/icons/projektu-vadiba-48.png \
  resources/icons/projektu-vadiba-128.png resources/icons/projektu-vadiba-256.png "$bundle/"
chmod +x "$bundle/install-user.sh"

archive="dist/projektu-vadiba-$version-linux-$arch.tar.gz"
rm -f "$archive"
tar -C dist --owner=0 --group=0 --numeric-owner --transform "s,^projektu-vadiba,projektu-vadiba-$version," \
  -czf "$archive" projektu-vadiba

echo "bundle:  $bundle ($(du -sh "$bundle" | cut -f1))"
echo "archive: $archive ($(du -h "$archive" | cut -f1))"
echo "version: $version; built in $(( $(date +%s) - started )) s"
