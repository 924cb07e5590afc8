"""PyInstaller entry script: the frozen app runs the same entry point as the `peerapp` command."""

import sys

from peerapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
