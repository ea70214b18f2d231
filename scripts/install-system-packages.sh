#!/usr/bin/env bash
# Debian packages the app needs (Qt's shared libraries, a font with Latvian letters, venv); with --test also what
# the tests need: PostgreSQL (server back-end tests), poppler (reading PDFs back), unzip (testing the evidence
# ZIP), LibreOffice Calc (recalculating the XLSX formulas). Installs only what is missing.
set -euo pipefail
packages=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0
)
if [ "${1:-}" = "--test" ]; then
  packages+=(postgresql poppler-utils libreoffice-calc unzip)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
