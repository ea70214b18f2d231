#!/usr/bin/env bash
# Proves that the frozen bundle (scripts/build_linux_bundle.sh) works, offscreen, against a temporary database:
# its libraries resolve, it knows its version, it creates and migrates a database, fills it with the demo data,
# lists and exports a project, writes an attendance-sheet PDF whose Latvian letters survive, loads the PostgreSQL
# driver, and opens its window (which closes itself, see ui/smoke.py) showing the right version in About.
#
#   scripts/smoke_frozen.sh [BUNDLE_DIR]        default dist/projektu-vadiba
#
# Optional: PV_SMOKE_POSTGRES_URL=postgresql+psycopg://... also opens (and migrates!) that database; use a
# throw-away one. The window is opened once more in a real X11 window (xcb) under xvfb-run; without xvfb-run that
# check is skipped, except with CI=true, where a skipped check fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$root/dist/projektu-vadiba}" 2>/dev/null && pwd) || {
  echo "No bundle at ${1:-dist/projektu-vadiba}: run scripts/build_linux_bundle.sh first." >&2
  exit 1
}
exe="$bundle/projektu-vadiba"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
number="2023.LV/NVOF/MAC/041/58"  # a project of the demo data (core/demo.py)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Nothing of the user's: data folder, settings and caches go to the temporary folder.
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
unset PROJEKTU_VADIBA_DB PROJEKTU_VADIBA_LANG
db="sqlite:///$tmp/smoke.sqlite"
started=$(date +%s.%N)

fail() {
  echo "SMOKE FAILED: $*" >&2
  exit 1
}
checks=0
step() {  # a new check begins: the previous one passed (a failed one exits)
  checks=$((checks + 1))
  printf '== %s  (at %s s)\n' "$*" "$(seconds_since "$started")"
}
seconds_since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN { printf "%.2f", now - then }'; }
contains() { grep -qF -- "$2" "$1" || fail "$3: '$2' not in $(basename "$1"):"$'\n'"$(head -c 2000 "$1")"; }

step "system packages"
# The machine that runs the bundle needs what a user's machine needs (installer/linux/system-packages.txt), and this
# check needs Xvfb for the X11 window and poppler to read the PDFs back; checked by library and command, not name.
if command -v apt-get >/dev/null; then
  "$root/scripts/install-system-packages.sh" --build
  echo "all there (scripts/install-system-packages.sh --build)"
fi

step "libraries"
missing=$(cd "$bundle" && find . -name '*.so*' -type f -print0 | xargs -0 -r env LD_LIBRARY_PATH="$bundle/_internal" ldd 2>/dev/null |
  grep "not found" | awk '{print $1}' | sort -u || true)
# Wayland's client libraries are on every Wayland desktop; a machine without them runs the X11 plugin instead.
required_missing=$(grep -v '^libwayland-' <<<"$missing" | grep . || true)
[ -z "$required_missing" ] || fail "libraries not found (see installer/linux/system-packages.txt): $required_missing"
glibc=$(cd "$bundle" && find . -name '*.so*' -type f -print0 | xargs -0 -r objdump -T 2>/dev/null |
  grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -n 1)
echo "all resolve${missing:+ (optional, not installed: $(echo $missing))}; needs $glibc or newer"

step "version"
[ "$("$exe" --version)" = "projektu-vadiba $version" ] || fail "--version says '$("$exe" --version)', pyproject.toml $version"
echo "$version"

step "fresh database: migrations + demo data"
"$exe" --db "$db" demo >"$tmp/demo.txt"
contains "$tmp/demo.txt" "Demonstrācijas dati ielikti" "demo"
cat "$tmp/demo.txt"

step "projects"
"$exe" --db "$db" projects >"$tmp/projects.txt"
contains "$tmp/projects.txt" "$number" "projects"
contains "$tmp/projects.txt" "Ķekavas novadā" "projects (UTF-8 output)"
[ "$(wc -l <"$tmp/projects.txt")" -eq 3 ] || fail "expected 3 demo projects: $(cat "$tmp/projects.txt")"

step "export and import (bundle .pvz)"
"$exe" --db "$db" export "$number" -o "$tmp/project.pvz" >/dev/null
"$exe" --db "$tmp/imported.sqlite" import "$tmp/project.pvz" >"$tmp/import.txt"
contains "$tmp/import.txt" "$number" "import"
"$exe" --db "$tmp/imported.sqlite" projects >"$tmp/imported.txt"
contains "$tmp/imported.txt" "$number" "projects after import"

step "attendance sheet PDF"
if "$exe" report attendance --help >/dev/null 2>&1; then
  command -v pdftotext >/dev/null || fail "pdftotext (poppler-utils) is needed to read the PDF back"
  "$exe" --db "$db" report attendance "$number" --all -o "$tmp/sheet.pdf"
  pdftotext -enc UTF-8 "$tmp/sheet.pdf" "$tmp/sheet.txt"
  contains "$tmp/sheet.txt" "Dalībnieku reģistrācijas lapa" "attendance sheet"
  contains "$tmp/sheet.txt" "Ķekavas" "attendance sheet"
  contains "$tmp/sheet.txt" "pašvaldību" "attendance sheet"
  for letter in ā ē ģ ī ķ ļ ņ š ū ž Č Ē Ģ Ķ Ļ Ņ Š Ž; do
    contains "$tmp/sheet.txt" "$letter" "attendance sheet (Latvian letter)"
  done
  ! grep -q '■' "$tmp/sheet.txt" || fail "attendance sheet: a letter drawn as a box"
  echo "$(pdfinfo "$tmp/sheet.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, Latvian letters intact"
else
  echo "SKIPPED: this build has no 'report attendance' command"
fi

step "reading a printed sheet back (OpenCV, zxing, pdftoppm)"
if "$exe" attendance scan --help >/dev/null 2>&1; then
  "$exe" --db "$db" report attendance "$number" --event 1 -o "$tmp/one.pdf" >/dev/null
  "$exe" --db "$db" attendance scan "$tmp/one.pdf" >"$tmp/scan.txt" 2>&1 || true  # exit 1 = a user message
  ! grep -q -e "Traceback" -e "No module named" -e "Failed to execute" "$tmp/scan.txt" || fail "scan: $(cat "$tmp/scan.txt")"
  ! grep -q "kods (QR)" "$tmp/scan.txt" || fail "scan: the sheet's QR code was not read: $(cat "$tmp/scan.txt")"
  echo "read: $(head -n 1 "$tmp/scan.txt")"
else
  echo "SKIPPED: this build has no 'attendance scan' command"
fi

step "PostgreSQL driver"
if [ -n "${PV_SMOKE_POSTGRES_URL:-}" ]; then
  "$exe" --db "$PV_SMOKE_POSTGRES_URL" projects >/dev/null || fail "PostgreSQL database $PV_SMOKE_POSTGRES_URL"
  echo "opened $PV_SMOKE_POSTGRES_URL"
else
  # No server: "the server cannot be reached" proves psycopg and the dialect are in the bundle (a missing driver
  # gives "the database kind ... is not supported or its driver is not installed" instead).
  if "$exe" --lang en --db "postgresql+psycopg://smoke:smoke@127.0.0.1:9/none" projects 2>"$tmp/pg.txt"; then
    fail "a database on a closed port opened?"
  fi
  contains "$tmp/pg.txt" "the server cannot be reached" "PostgreSQL driver"
  ! grep -qi -e "No module named" -e "Traceback" "$tmp/pg.txt" || fail "PostgreSQL driver: $(cat "$tmp/pg.txt")"
  echo "psycopg loads (connection refused as expected)"
fi

gui() {  # platform, then extra command words
  local platform=$1
  shift
  local t0
  t0=$(date +%s.%N)
  PROJEKTU_VADIBA_SMOKE_QUIT_MS=0 QT_QPA_PLATFORM=$platform timeout 60 "$@" "$exe" --db "$db" >"$tmp/gui.txt" 2>&1 ||
    fail "the window ($platform) did not start and quit: $(cat "$tmp/gui.txt")"
  contains "$tmp/gui.txt" "smoke: window: Projektu vadība — $tmp/smoke.sqlite" "window ($platform)"
  contains "$tmp/gui.txt" "smoke: visible: True" "window ($platform)"
  contains "$tmp/gui.txt" "smoke: about: Versija $version" "About dialog ($platform)"
  contains "$tmp/gui.txt" "smoke: platform: $platform" "window ($platform)"
  contains "$tmp/gui.txt" "smoke: latvian letters: True" "window font with Latvian letters ($platform)"
  grep "^smoke: font" "$tmp/gui.txt" || true
  echo "start, window shown, quit: $(seconds_since "$t0") s"
}

step "window offscreen"
gui offscreen
if [ -f "$bundle/_internal/projektu_vadiba/resources/translations/projektu_vadiba_en.qm" ]; then
  step "window in English (bundled translation)"
  PROJEKTU_VADIBA_LANG=en PROJEKTU_VADIBA_SMOKE_QUIT_MS=0 timeout 60 "$exe" --db "$db" >"$tmp/gui-en.txt" 2>&1 ||
    fail "the English window did not start and quit: $(cat "$tmp/gui-en.txt")"
  contains "$tmp/gui-en.txt" "smoke: about: Version $version" "About dialog in English"
  echo "About says: Version $version"
fi
if command -v xvfb-run >/dev/null; then
  step "window in X11 (Xvfb)"
  gui xcb xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp"
elif [ "${CI:-}" = true ]; then
  fail "the X11 window check needs xvfb-run (package xvfb); in CI a skipped check is a failed check"
else
  echo "== window in X11: SKIPPED, xvfb-run is not installed (apt-get install xvfb xauth)"
fi

echo "SMOKE OK: $bundle ($version) in $(seconds_since "$started") s"
echo "smoke: $checks passed, 0 failed"
