"""``python -m selon``: the same command line as the ``selon`` script."""

import sys

from selon.cli import main

sys.exit(main())
