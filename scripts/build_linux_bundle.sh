#!/usr/bin/env bash
# One command from a clean checkout: builds dist/projektu-vadiba/ and dist/projektu-vadiba-<version>-linux-<arch>.tar.gz.
# Then `scripts/smoke_frozen.sh` proves the frozen app works. Details: installer/README.md.
set -euo pipefail
exec "$(dirname "$0")/../installer/linux/build.sh" "$@"
