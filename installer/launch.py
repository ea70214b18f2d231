"""What the frozen app runs first (PyInstaller's entry script): the same entry point as the installed command."""

import sys

from projektu_vadiba.app import main

if __name__ == "__main__":
    sys.exit(main())
