"""Run the contacts content check: python -m peerapp.core.contacts [--stale]."""

from __future__ import annotations

import os
import sys

from .command import main

if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the reader stopped early (| head): no traceback, no second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
