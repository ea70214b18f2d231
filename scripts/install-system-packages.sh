#!/usr/bin/env bash
# The system packages Projektu vadība needs, checked by what is there to load (a library's soname in the linker's
# cache, a font file, a command), never by package name: Debian 13 and Ubuntu 24.04 renamed many libraries
# (libglib2.0-0 -> libglib2.0-0t64), and a renamed or virtual package must count as installed.
#
#   scripts/install-system-packages.sh            the app: Python 3.11+ with venv, Qt's libraries (offscreen and
#                                                 X11 window), a font with Latvian letters, poppler's pdftoppm
#                                                 (reading scanned sheets from PDFs)
#   scripts/install-system-packages.sh --test     + what the tests use: PostgreSQL, poppler (pdftotext, pdftoppm),
#                                                 LibreOffice Calc (recalculating XLSX formulas), unzip
#   scripts/install-system-packages.sh --build    + what the frozen bundle's build and smoke test use: binutils,
#                                                 libpython3.X (PyInstaller), Xvfb + xauth (the X11 window check),
#                                                 installer/linux/system-packages.txt (Wayland, CUPS)
#   scripts/install-system-packages.sh --wine     + Wine (64-bit) and mingw's binutils: Windows Python under Wine
#                                                 (scripts/windows_under_wine.sh)
#   scripts/install-system-packages.sh --missing  only print the missing packages' names (nothing is installed)
#
# Installs only what is missing, with apt-get (as root, or with sudo when sudo may be used). When nothing is
# missing it runs in milliseconds and calls neither apt nor sudo. Without root or sudo rights it prints which
# packages to ask an administrator for and exits 1. Tests give it a fake machine: PV_LDCONFIG (a command printing
# the linker cache like `ldconfig -p`) and PV_SYSROOT (where files are looked for).
set -euo pipefail

sets=(app)
list_only=0
for arg in "$@"; do
  case "$arg" in
  --test) sets+=(test) ;;
  --build) sets+=(build) ;;
  --wine) sets+=(wine) ;;
  --missing) list_only=1 ;;
  *)
    echo "install-system-packages.sh: unknown option $arg" >&2
    exit 2
    ;;
  esac
done
python=${PYTHON:-python3}
root=$(cd "$(dirname "$0")/.." && pwd)

# What is needed: "kind:what package|older-name", kind lib (soname in `ldconfig -p`), file, cmd, or python.
# Alternative names: the first one apt knows is installed (the t64 name on Debian 13 / Ubuntu 24.04).
# shellcheck disable=SC2034 # needs_* are read through a name reference below
needs_app=(
  "python:$python python3"
  "python-venv:$python python3-venv"
  "lib:libGL.so.1 libgl1"
  "lib:libEGL.so.1 libegl1"
  "lib:libfontconfig.so.1 libfontconfig1"
  "lib:libglib-2.0.so.0 libglib2.0-0t64|libglib2.0-0"
  "lib:libxkbcommon.so.0 libxkbcommon0"
  "lib:libdbus-1.so.3 libdbus-1-3"
  "file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core"
  # A window on an X11 desktop: Qt's xcb platform plugin
  "lib:libxcb-cursor.so.0 libxcb-cursor0"
  "lib:libxcb-icccm.so.4 libxcb-icccm4"
  "lib:libxcb-image.so.0 libxcb-image0"
  "lib:libxcb-keysyms.so.1 libxcb-keysyms1"
  "lib:libxcb-render-util.so.0 libxcb-render-util0"
  "lib:libxcb-shape.so.0 libxcb-shape0"
  "lib:libxkbcommon-x11.so.0 libxkbcommon-x11-0"
  # Reading signed sheets back from a PDF (attendance scan): poppler's pdftoppm renders its pages
  "cmd:pdftoppm poppler-utils"
)
# shellcheck disable=SC2034
needs_test=(
  "cmd:pg_ctlcluster postgresql"
  "cmd:pdftotext poppler-utils"
  "cmd:soffice libreoffice-calc"
  # The DOCX report is opened and converted by Writer in its tests
  "file:/usr/lib/libreoffice/program/libswlo.so libreoffice-writer"
  "cmd:unzip unzip"
)
# shellcheck disable=SC2034
needs_build=(
  "cmd:objdump binutils"
  "libpython:$python libpython"
  "cmd:Xvfb xvfb"
  "cmd:xvfb-run xvfb"
  "cmd:xauth xauth"
  "lib:libwayland-client.so.0 libwayland-client0"
  "lib:libwayland-cursor.so.0 libwayland-cursor0"
  "lib:libwayland-egl.so.1 libwayland-egl1"
  "lib:libcups.so.2 libcups2t64|libcups2"
)

# shellcheck disable=SC2034
needs_wine=(
  "cmd:wine wine"
  "cmd:wine64 wine64"
  "cmd:x86_64-w64-mingw32-ld binutils-mingw-w64-x86-64"
)

ldcache=""
has_lib() {
  if [ -z "$ldcache" ]; then
    if [ -n "${PV_LDCONFIG:-}" ]; then
      ldcache=$($PV_LDCONFIG)
    else
      ldcache=$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true)
    fi
  fi
  awk -v so="$1" '$1 == so { found = 1 } END { exit !found }' <<<"$ldcache"
}

python_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

# Prints nothing when the need is met, else the package alternatives that meet it.
check() {
  local kind=${1%%:*} rest=${1#*:} what package version
  what=${rest%% *}
  package=${rest#* }
  case "$kind" in
  lib) has_lib "$what" || echo "$package" ;;
  file) [ -e "${PV_SYSROOT:-}$what" ] || echo "$package" ;;
  cmd) command -v "$what" >/dev/null 2>&1 || echo "$package" ;;
  python) [ -x "$root/.venv/bin/python" ] || command -v "$what" >/dev/null 2>&1 || echo "$package" ;;
  python-venv)
    # Needed to make .venv; once it is there, checking costs a Python start on every ./run.
    [ -x "$root/.venv/bin/python" ] && return
    # ensurepip is what Debian leaves out of python3 (python3-venv has it); `python -m venv` fails without it.
    command -v "$what" >/dev/null 2>&1 && "$what" -c 'import ensurepip, venv' 2>/dev/null || echo "$package"
    ;;
  libpython)
    # PyInstaller bundles the Python that builds, which needs its shared library (libpython3.X.so.1.0).
    version=$(python_version "$what") || {
      echo "libpython3"
      return
    }
    has_lib "libpython$version.so.1.0" || echo "libpython${version}t64|libpython$version"
    ;;
  esac
}

if [ ! -x "$root/.venv/bin/python" ] && command -v "$python" >/dev/null 2>&1 && ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Projektu vadība needs Python 3.11 or newer; $python is $(python_version "$python"). Install a newer Python" \
    "(and its venv module), then start again with PYTHON=/path/to/python3.11 in front." >&2
  exit 1
fi

missing=()
for set in "${sets[@]}"; do
  declare -n needs="needs_$set"
  for need in "${needs[@]}"; do
    alternatives=$(check "$need")
    [ -z "$alternatives" ] || missing+=("$alternatives")
  done
done
[ ${#missing[@]} -gt 0 ] || exit 0

known=""
apt_knows() { # one apt-cache call for all names: it takes a second on a big system
  if [ -z "$known" ]; then
    # shellcheck disable=SC2086,SC2048 # the alternatives, one word each
    known=" $(apt-cache show --no-all-versions ${missing[*]//|/ } 2>/dev/null | sed -n 's/^Package: //p' | tr '\n' ' ') "
  fi
  [[ $known == *" $1 "* ]]
}

# One name per need: the first alternative apt can install. Without apt's lists (never updated), the C library tells
# the release: the 64-bit time rename came with glibc 2.38+ (Debian 13, Ubuntu 24.04).
t64=""
choose() {
  local alternatives=$1 name first=""
  for name in ${alternatives//|/ }; do
    [ -n "$first" ] || first=$name
    if apt_knows "$name"; then
      echo "$name"
      return
    fi
  done
  if [ -z "$t64" ]; then
    t64=no
    glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
    [ -n "$glibc" ] && [ "$(printf '%s\n' 2.38 "$glibc" | sort -V | head -n 1)" = 2.38 ] && t64=yes
  fi
  for name in ${alternatives//|/ }; do
    if [ "$t64" = yes ] || [[ $name != *t64 ]]; then
      echo "$name"
      return
    fi
  done
  echo "$first"
}

names() {
  local alternatives
  for alternatives in "${missing[@]}"; do choose "$alternatives"; done | awk '!seen[$0]++' | tr '\n' ' ' | sed 's/ $//'
}

if [ $list_only = 1 ]; then
  names
  echo
  exit 0
fi

refuse() { # why
  local packages
  packages=$(names)
  cat >&2 <<EOF
Projektu vadība needs system packages that are not installed, and $1.
Ask an administrator to install them:

    sudo apt-get install $packages

then start it again.
EOF
  exit 1
}

command -v apt-get >/dev/null || {
  echo "Missing (Debian/Ubuntu package names): $(names). This system has no apt-get: install the same libraries" \
    "with its package manager." >&2
  exit 1
}
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    refuse "this user is not root and there is no sudo"
  elif sudo -n true 2>/dev/null; then
    SUDO=(sudo)
  elif [ -t 0 ]; then
    echo "Installing system packages needs administrator rights (sudo asks for your password once):" >&2
    sudo -v || refuse "sudo did not allow this user to install them"
    SUDO=(sudo)
  else
    refuse "sudo needs a password but there is no terminal to ask for it"
  fi
fi
"${SUDO[@]}" apt-get update -qq
known=""
packages=$(names) # after the update apt knows the names of this release
echo "Installing system packages: $packages" >&2
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends $packages >/dev/null
