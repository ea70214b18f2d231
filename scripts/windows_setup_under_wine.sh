#!/usr/bin/env bash
# Builds the Windows setup program on Linux, under Wine, and tries the result there (installer/README.md, "Windows
# Python under Wine"). Needs root (apt, debootstrap, chroot, mount).
#
#   scripts/windows_setup_under_wine.sh              PyInstaller, Inno Setup, then the smoke test
#   scripts/windows_setup_under_wine.sh --no-build   only the smoke test of what dist/ holds
#   scripts/windows_setup_under_wine.sh --no-smoke   only the build
#
# 1. PyInstaller: scripts/windows_under_wine.sh --setup gives the cached Wine prefix with Windows CPython 3.11.9, the
#    win_amd64 wheels (PyInstaller's among them) and this checkout's wheel; its PyInstaller runs
#    installer/projektu-vadiba.spec -> dist/projektu-vadiba/ (projektu-vadiba.exe, projektu-vadiba-cli.exe).
# 2. Inno Setup: ISCC.exe from npm's `innosetup` package is a 32-bit program, and so is the setup it writes. Debian
#    12's 64-bit Wine cannot start them, and on this host `apt-get install wine32:i386` is refused (the i386
#    libraries must have exactly the amd64 ones' versions, which a host with its own update history rarely has). So
#    they run in a cached Debian root (debootstrap minbase, PV_ISCC_SUITE, default trixie) with `wine wine64
#    wine32:i386` (a WoW64 prefix: 32- and 64-bit programs), the checkout bind-mounted at its own path
#    -> dist/projektu-vadiba-<version>-setup.exe.
# 3. Smoke test, offscreen: in the Windows prefix the frozen CLI's --version, demo data, projects, an attendance
#    sheet PDF (Latvian letters checked with the host's pdftotext), the window with About's text (through the
#    console executable, which prints them), pictures of the window and About from projektu-vadiba.exe itself
#    (build/wine-smoke/*.png); then in the root the setup installed silently (/ALLUSERS: see installer/README.md),
#    the installed program started, and uninstalled silently.
#
# Wine passes QT_* variables on only as WINEQT_*: WINEQT_QPA_PLATFORM=offscreen sets QT_QPA_PLATFORM inside.
# Cache: PV_WINE_CACHE as in scripts/windows_under_wine.sh (the prefix, the innosetup package, the Debian root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
INNOSETUP=6.4.1
suite=${PV_ISCC_SUITE:-trixie}
build=1
smoke=1
case "${1:-}" in
--no-build) build=0 ;;
--no-smoke) smoke=0 ;;
"") ;;
*)
  sed -n '2,8p' "$0" >&2
  exit 2
  ;;
esac
[ "$(id -u)" -eq 0 ] || {
  echo "windows_setup_under_wine: needs root (apt, debootstrap, chroot)" >&2
  exit 2
}
started=$(date +%s)
mounts=()
tmp=$(mktemp -d)
unmount() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
  mounts=()
}
trap 'unmount; rm -rf "$tmp"' EXIT
lap() { echo "== windows_setup_under_wine: $1 ($(($(date +%s) - started)) s)"; }
fail() {
  echo "windows_setup_under_wine: FAILED: $1" >&2
  exit 1
}

# --- the Windows prefix (cached by windows_under_wine.sh), with this checkout's wheel installed ----------------------
setup_log=$tmp/setup.log
scripts/windows_under_wine.sh --setup 2>&1 | tee "$setup_log" | grep '^== ' || {
  cat "$setup_log" >&2
  fail "scripts/windows_under_wine.sh --setup"
}
prefix=$(sed -n 's/^== windows_under_wine: prefix \([^ ]*\) .*/\1/p' "$setup_log")
[ -d "$prefix/drive_c/python311" ] || fail "no Windows Python in the prefix '$prefix'"
cache=$(dirname "$prefix")
export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
winpath() { echo "Z:${1//\//\\}"; }
# Windows programs' streams must be pipes (straight to a host file, Python dies in init_sys_streams).
win() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
host_python=${PYTHON:-$root/.venv/bin/python}
version=$("$host_python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
numeric=$("$host_python" -c 'import sys; from packaging.version import Version
print(".".join(map(str, (list(Version(sys.argv[1]).release) + [0, 0, 0, 0])[:4])))' "$version")
app=$root/dist/projektu-vadiba
setup_exe=$root/dist/projektu-vadiba-$version-setup.exe

# --- the Debian root with Wine for 32-bit programs (ISCC.exe and the setup it makes), cached ----------------------
inno=$cache/innosetup-$INNOSETUP
chroot_dir=$cache/wine-$suite
# Runs a command in the root, with a WoW64 prefix of its own (64- and 32-bit programs, like a 64-bit Windows).
in_root() {
  chroot "$chroot_dir" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 WINEDEBUG=-all \
    WINEPREFIX=/root/wine WINEDLLOVERRIDES="mscoree,mshtml=" ${WINEQT_QPA_PLATFORM:+WINEQT_QPA_PLATFORM=offscreen} \
    ${PROJEKTU_VADIBA_SMOKE_QUIT_MS:+PROJEKTU_VADIBA_SMOKE_QUIT_MS=$PROJEKTU_VADIBA_SMOKE_QUIT_MS} \
    ${PROJEKTU_VADIBA_SMOKE_SCREENSHOT:+PROJEKTU_VADIBA_SMOKE_SCREENSHOT=$PROJEKTU_VADIBA_SMOKE_SCREENSHOT} "$@"
}
in_root_ready() { # the innosetup package, the root, its prefix; the checkout and the package mounted in it
  [ ${#mounts[@]} -eq 0 ] || return 0
  if [ ! -e "$inno/bin/ISCC.exe" ]; then
    rm -rf "$inno" "$inno.tmp"
    mkdir -p "$inno.tmp"
    (cd "$inno.tmp" && npm pack --silent "innosetup@$INNOSETUP" >/dev/null && tar -xzf innosetup-*.tgz)
    mv "$inno.tmp/package" "$inno"
    rm -rf "$inno.tmp"
  fi
  if [ ! -e "$chroot_dir/.complete" ]; then
    rm -rf --one-file-system "$chroot_dir"
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    local mirror
    mirror=$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -n 1)
    debootstrap --variant=minbase --include=ca-certificates "$suite" "$chroot_dir" "${mirror:-http://deb.debian.org/debian}" \
      >"$cache/debootstrap-$suite.log" 2>&1 || fail "debootstrap $suite: $cache/debootstrap-$suite.log"
    cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
    # Where HTTPS goes through a re-signing proxy, the root needs the CAs the host trusts (harmless elsewhere).
    cp /usr/local/share/ca-certificates/*.crt "$chroot_dir/usr/local/share/ca-certificates/" 2>/dev/null || true
    mount --bind /proc "$chroot_dir/proc"
    mounts+=("$chroot_dir/proc")
    chroot "$chroot_dir" /bin/sh -c 'update-ca-certificates; dpkg --add-architecture i386 && apt-get update &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wine wine64 wine32:i386 &&
      apt-get clean' >"$cache/apt-$suite.log" 2>&1 || fail "wine, wine64, wine32:i386 in the $suite root: $cache/apt-$suite.log"
    unmount
    touch "$chroot_dir/.complete"
  fi
  local size
  size=$(du -sxh "$chroot_dir" 2>/dev/null | cut -f1) || true # before the mounts
  for m in /proc /dev "$root" "$inno"; do
    mkdir -p "$chroot_dir$m"
    mount --bind "$m" "$chroot_dir$m"
    mounts+=("$chroot_dir$m")
  done
  if [ ! -e "$chroot_dir/root/wine/.complete" ]; then
    in_root wineboot -i >/dev/null 2>&1
    # No X display here: without Wine's null graphics driver the setup's (hidden) wizard window cannot be made
    # ("Error reading FPreparingMemo.Lines.Strings: System Error. Code: 1400. Invalid window handle.").
    in_root wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
    # Qt6Core.dll needs icuuc.dll from system32, which Windows 10+ has and Wine has not (scripts/wine/icu_for_qt.sh).
    scripts/wine/icu_for_qt.sh "$(ls "$cache"/wheels-*/icu4py-*.whl | head -n 1)" \
      "$chroot_dir/root/wine/drive_c/windows/system32"
    in_root wineserver -w || true
    touch "$chroot_dir/root/wine/.complete"
  fi
  lap "Inno Setup $INNOSETUP, a $suite root with $(in_root wine --version) for 64- and 32-bit programs ($size)"
}

if [ $build = 1 ]; then
  # --- 1. PyInstaller, Windows Python in the prefix ----------------------------------------------------------------
  rm -rf "$app" "$setup_exe"
  win 'C:\python311\python.exe' -m PyInstaller --noconfirm --log-level ERROR --distpath "$(winpath "$root/dist")" \
    --workpath "$(winpath "$root/build/pyinstaller-win")" "$(winpath "$root/installer/projektu-vadiba.spec")" ||
    fail "PyInstaller"
  [ -x "$app/projektu-vadiba.exe" ] && [ -e "$app/projektu-vadiba-cli.exe" ] || fail "PyInstaller made no executables"
  lap "PyInstaller: $app ($(du -sh "$app" | cut -f1))"

  # --- 2. Inno Setup, 32-bit, in the Debian root's WoW64 Wine ------------------------------------------------------
  in_root_ready
  iscc_log=$root/build/wine-iscc.log
  # /Q prints only errors and warnings.
  in_root wine "$(winpath "$inno/bin/ISCC.exe")" /Q "/DAppVersion=$version" "/DAppVersionNumeric=$numeric" \
    "$(winpath "$root/installer/windows/projektu-vadiba.iss")" >"$iscc_log" 2>&1 || {
    cat "$iscc_log" >&2
    fail "ISCC.exe"
  }
  in_root wineserver -w || true
  [ -s "$setup_exe" ] || {
    cat "$iscc_log" >&2
    fail "ISCC.exe wrote no $setup_exe"
  }
  lap "Inno Setup: $setup_exe ($(du -h "$setup_exe" | cut -f1))"
fi
[ $smoke = 1 ] || exit 0

# --- 3. smoke test of the frozen app, in the Windows prefix, offscreen ------------------------------------------------
[ -e "$app/projektu-vadiba-cli.exe" ] || fail "no $app: build it first"
command -v pdftotext >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
out=$root/build/wine-smoke
rm -rf "$out"
mkdir -p "$out"
cli=$app/projektu-vadiba-cli.exe
db=$(winpath "$tmp/dati ar garumzīmēm.sqlite")
expect() { # output, text, what
  grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not in: $1"
  echo "ok  $3"
}
said=$(win "$cli" --version) || fail "--version: $said"
expect "$said" "projektu-vadiba $version" "--version"
said=$(win "$cli" --db "$db" demo) || fail "demo: $said"
expect "$said" "Demonstrācijas dati ielikti" "demo data"
said=$(win "$cli" --db "$db" projects) || fail "projects: $said"
number="2023.LV/NVOF/MAC/041/58" # a project of the demo data (core/demo.py), as in scripts/smoke_frozen.sh
expect "$said" "$number" "projects"
expect "$said" "Ķekavas novadā" "projects (Latvian letters through a pipe)"
sheet="$tmp/reģistrācijas lapa.pdf"
said=$(win "$cli" --db "$db" report attendance "$number" --all -o "$(winpath "$sheet")") || fail "sheet: $said"
[ -s "$sheet" ] || fail "no sheet PDF: $said"
cp "$sheet" "$out/sheet.pdf"
text=$(pdftotext -enc UTF-8 "$sheet" -)
expect "$text" "Dalībnieku reģistrācijas lapa" "sheet PDF ($(pdfinfo "$sheet" | sed -n 's/^Pages: *//p') pages)"
expect "$text" "pašvaldību" "sheet PDF: Latvian text"
for letter in ā ē ģ ī ķ ļ ņ š ū ž Č Ē Ģ Ķ Ļ Ņ Š Ž; do
  grep -qF "$letter" <<<"$text" || fail "sheet PDF: no '$letter'"
done
! grep -q '■' <<<"$text" || fail "sheet PDF: a letter drawn as a box"
echo "ok  sheet PDF: every Latvian letter read back by pdftotext"
# The window: the console executable prints the title and About's text; then the GUI executable (no stdout) saves
# pictures of the window and of About, in Latvian and in English.
gui=$(WINEQT_QPA_PLATFORM=offscreen PROJEKTU_VADIBA_SMOKE_QUIT_MS=1500 win "$cli" --db "$db") || fail "window: $gui"
expect "$gui" "smoke: visible: True" "window"
expect "$gui" "smoke: about: Versija $version" "About shows the version"
expect "$gui" "smoke: platform: offscreen" "offscreen"
expect "$gui" "smoke: latvian letters: True" "the window's font has every Latvian letter"
WINEQT_QPA_PLATFORM=offscreen PROJEKTU_VADIBA_SMOKE_QUIT_MS=1500 \
  PROJEKTU_VADIBA_SMOKE_SCREENSHOT="$(winpath "$out/window.png")" win "$app/projektu-vadiba.exe" --db "$db" ||
  fail "projektu-vadiba.exe"
[ -s "$out/window.png" ] && [ -s "$out/window-about.png" ] || fail "projektu-vadiba.exe saved no screenshots"
lap "frozen app: $out/window.png, $out/window-about.png"

if [ -s "$setup_exe" ]; then
  # The setup is a 32-bit program like ISCC: the root's WoW64 Wine runs it, then the 64-bit program it installed.
  in_root_ready
  place=$out/setup
  target="$place/Programmas ar atstarpēm/Projektu vadība"
  mkdir -p "$place"
  cp "$tmp/dati ar garumzīmēm.sqlite" "$place/dati.sqlite"
  # /ALLUSERS: Wine answers E_INVALIDARG (0x80070057) for FOLDERID_UserProgramFiles, so the per-user default,
  # {autopf} = {userpf} (%LOCALAPPDATA%\Programs), stops the setup with 'Internal error: Failed to expand shell
  # folder constant "autopf"', /DIR given or not; in all-users mode {autopf} is Program Files, which Wine has.
  in_root wine "$(winpath "$setup_exe")" /ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/DIR=$(winpath "$target")" \
    "/LOG=$(winpath "$place/setup.log")" >"$place/wine.log" 2>&1 || fail "setup.exe: $(tail -n 20 "$place/setup.log")"
  in_root wineserver -w || true
  [ -e "$target/projektu-vadiba.exe" ] || fail "setup.exe installed nothing: $(tail -n 20 "$place/setup.log" "$place/wine.log")"
  said=$(in_root wine "$(winpath "$target/projektu-vadiba-cli.exe")" --version 2>&1) || fail "installed --version: $said"
  expect "$said" "projektu-vadiba $version" "setup installed the program ($(du -sh "$target" | cut -f1))"
  said=$(in_root wine "$(winpath "$target/projektu-vadiba-cli.exe")" --db "$(winpath "$place/dati.sqlite")" projects 2>&1) ||
    fail "installed projects: $said"
  expect "$said" "$number" "the installed program reads the database"
  # Installed under a folder with Latvian letters: its fonts must load from there too (they once did not, and every
  # letter of the window was a box).
  said=$(WINEQT_QPA_PLATFORM=offscreen PROJEKTU_VADIBA_SMOKE_QUIT_MS=1500 \
    in_root wine "$(winpath "$target/projektu-vadiba-cli.exe")" --db "$(winpath "$place/dati.sqlite")" 2>&1) ||
    fail "installed window: $said"
  expect "$said" "smoke: latvian letters: True" "the installed window's font has every Latvian letter"
  WINEQT_QPA_PLATFORM=offscreen PROJEKTU_VADIBA_SMOKE_QUIT_MS=1500 \
    PROJEKTU_VADIBA_SMOKE_SCREENSHOT="$(winpath "$out/installed.png")" \
    in_root wine "$(winpath "$target/projektu-vadiba.exe")" --db "$(winpath "$place/dati.sqlite")" >"$place/gui.log" 2>&1 ||
    fail "installed projektu-vadiba.exe: $(cat "$place/gui.log")"
  [ -s "$out/installed.png" ] || fail "the installed projektu-vadiba.exe saved no screenshot: $(cat "$place/gui.log")"
  echo "ok  the installed projektu-vadiba.exe opens its window"
  in_root wine "$(winpath "$target/unins000.exe")" /VERYSILENT /SUPPRESSMSGBOXES >>"$place/wine.log" 2>&1 ||
    fail "uninstaller"
  in_root wineserver -w || true
  [ ! -e "$target/projektu-vadiba.exe" ] || fail "still there after uninstalling: $target/projektu-vadiba.exe"
  [ -e "$place/dati.sqlite" ] || fail "the uninstaller deleted the database"
  echo "ok  uninstalled silently, the data stays"
  unmount
  lap "setup: installed, started, uninstalled"
fi
# The prefix is shared with the tests: leave no settings of the program's windows behind.
win reg delete 'HKCU\Software\projektu-vadiba' /f >/dev/null || true
wineserver -w || true
lap "SMOKE OK"
