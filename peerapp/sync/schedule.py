"""When the app syncs its groups by itself: every minute while syncs work, backing off after failures.

Qt-free, so the rule is tested without a display; the GUI drives its timer with it.
"""

from __future__ import annotations

from peerapp.core.errors import PeerappError

from .errors import error_code
from .models import SyncAllResult

INTERVAL_S = 60  # while unlocked and not paused, with at least one group
MAX_BACKOFF_S = 15 * 60


def next_sync_in(failures: int) -> int:
    """Seconds to the next automatic sync after `failures` failed runs in a row: one minute while
    they work, then 1, 2, 4, 8 and at most 15 minutes."""
    if failures <= 0:
        return INTERVAL_S
    return int(min(INTERVAL_S * 2 ** min(failures - 1, 10), MAX_BACKOFF_S))


class SyncSchedule:
    """How the automatic syncs have gone: failures in a row and the last error's code."""

    def __init__(self) -> None:
        self.failures = 0
        self.last_error: str | None = None  # an errors.error_code; translated only when shown

    def reset(self) -> None:
        """Start afresh (unlock, lock): nothing known yet."""
        self.failures = 0
        self.last_error = None

    def first_delay(self) -> int:
        """Seconds before the first run of a schedule that starts now: at once, unless backing off."""
        return 0 if self.failures == 0 else next_sync_in(self.failures)

    def next_delay(self) -> int:
        return next_sync_in(self.failures)

    def ran(self, outcome: SyncAllResult) -> None:
        """A run ended: any group's failure counts as a failed run; a cancelled run changes nothing."""
        if outcome.errors:
            self.failed(outcome.errors[0])
        elif not outcome.cancelled:
            self.reset()

    def failed(self, error: PeerappError) -> None:
        """A run failed as a whole, or in one of its groups."""
        self.failures += 1
        self.last_error = error_code(error)
