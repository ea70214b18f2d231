#!/usr/bin/env bash
# Gives a Wine prefix the icuuc.dll that Windows 10+ ships in system32 and Qt6Core.dll imports (Wine has none):
# a DLL of export forwarders, built here with mingw's linker, from the unversioned names Qt calls (ucnv_open, ...)
# to the versioned ones of a real ICU 78 (ucnv_open_78 ...) taken from PyPI's icu4py wheel.
#
#   scripts/wine/icu_for_qt.sh ICU4PY_WHEEL SYSTEM32_DIR [Qt6Core.dll]
set -euo pipefail
wheel=${1:?usage: icu_for_qt.sh ICU4PY_WHEEL SYSTEM32_DIR [Qt6Core.dll]}
system32=${2:?}
qtcore=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$wheel" "$work"
libs=$work/icu4py.libs
uc=$(ls "$libs"/icuuc78-*.dll)
version=78
# The forwarded names: what Qt6Core.dll imports from icuuc.dll when given, else every ucnv_/UCNV_ export ICU has.
if [ -n "$qtcore" ]; then
  names=$(x86_64-w64-mingw32-objdump -p "$qtcore" | awk '/DLL Name: icuuc.dll/ {p = 1; next} /DLL Name/ {p = 0}
    p && $3 ~ /^[A-Za-z_]/ && $3 != "Member-Name" {print $3}')
else
  names=$(x86_64-w64-mingw32-objdump -p "$uc" | sed -n "s/^\s*\[ *[0-9]*\] \(u[a-z]*_[A-Za-z_]*\)_$version\$/\1/p;
    s/^\s*\[ *[0-9]*\] \(UCNV_[A-Za-z_]*\)_$version\$/\1/p")
fi
{
  echo "LIBRARY icuuc.dll"
  echo "EXPORTS"
  for name in $names; do echo "  $name = icuuc$version.${name}_$version"; done
} >"$work/icuuc.def"
: >"$work/empty.s"
x86_64-w64-mingw32-as "$work/empty.s" -o "$work/empty.o"
x86_64-w64-mingw32-ld -shared -e 0 -o "$system32/icuuc.dll" "$work/icuuc.def" "$work/empty.o"
cp "$uc" "$system32/icuuc$version.dll"
# icuuc78 imports its data DLL and C++ runtime by the names delvewheel gave them: they keep those names.
cp "$libs"/icudt"$version"-*.dll "$libs"/msvcp140-*.dll "$system32/"
