"""`python -m peerapp` runs the same entry point as the `peerapp` command."""

import sys

from .cli import main

sys.exit(main())
