"""Composition root: the console entry point wires the command line to the GUI. The only module that knows both."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from projektu_vadiba import cli


def _run_gui(db_url: str | None) -> int:
    # Qt loads only when the window is wanted; `projektu-vadiba projects` stays fast and headless.
    from projektu_vadiba.ui.app import run_gui

    return run_gui(db_url)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=_run_gui)


if __name__ == "__main__":
    sys.exit(main())
