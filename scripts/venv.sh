#!/usr/bin/env bash
# Creates (or updates) .venv; prints nothing when it is up to date.
#   scripts/venv.sh          the app's runtime: the app (editable) and its libraries, with the PostgreSQL driver
#   scripts/venv.sh --test   + the test and dev tools (pytest, pytest-qt, ruff, mypy, ...): scripts/test.sh uses it
# A stamp per pyproject.toml and kind says what is installed, so a normal start costs no pip call.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
kind=app
extras="postgres"
if [ "${1:-}" = "--test" ]; then
  kind="test"
  extras="test,postgres,dev"
fi
hash=$(sha256sum pyproject.toml | cut -c1-16)
stamp=.venv/.installed-$hash-$kind
[ -f "$stamp" ] && exit 0
if [ ! -x .venv/bin/python ]; then
  echo "First start: making .venv with the app's Python libraries (Qt, SQLAlchemy, reportlab, OpenCV, ...):" \
    "about 300 MB to download, a minute or two." >&2
  "$python" -m venv .venv
fi
[ -f ".venv/.installed-$hash-app" ] || [ -f ".venv/.installed-$hash-test" ] ||
  echo "Installing the Python libraries of pyproject.toml into .venv ..." >&2
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[$extras]"
# Stamps of an older pyproject.toml go; the test kind includes the app's.
find .venv -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash-*" -delete
rm -f .venv/.qt-loads
touch "$stamp"
[ $kind = app ] || touch ".venv/.installed-$hash-app"
