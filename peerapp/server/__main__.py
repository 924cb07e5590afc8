"""`python -m peerapp.server` starts the group server (the same options as `peerapp server`)."""

import sys

from peerapp.server.run import main

sys.exit(main())
