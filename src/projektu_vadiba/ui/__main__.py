"""`python -m projektu_vadiba.ui [DB-URL-OR-PATH]` starts the desktop app (the CLI has its own `gui` entry)."""

from __future__ import annotations

import sys

from projektu_vadiba.ui.app import run_gui

if __name__ == "__main__":
    raise SystemExit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None))
