import sys

from projektu_vadiba.app import main

sys.exit(main())
