#!/usr/bin/env bash
# The test command: installs what is missing, then runs lint, types and the whole test suite.
# PostgreSQL runs too when PV_TEST_POSTGRES_URL names a server (CI starts one; see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh --test
scripts/venv.sh --test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests scripts bench installer
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
.venv/bin/python bench/run_all.py --quick
