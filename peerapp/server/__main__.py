"""`python -m peerapp.server` starts the group server (the same options as `peerapp server`)."""

import sys

from peerapp.server.run import main

if __name__ == "__main__":  # importing the module (e.g. to walk the package) must not start a server
    sys.exit(main())
