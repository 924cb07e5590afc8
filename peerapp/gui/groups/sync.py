"""Background group sync: a timer driven by sync.schedule, one run at a time on the app's job host.

Each run is a Qt-free task (`sync_every_group`) that the job host runs on its own thread, so lock and
quick exit stop it with every other task (`JobHost.cancel_all`). A cancelled run ends at once, even
inside a network wait (peerapp.sync.deadline), so nothing is left running after a lock.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.errors import PeerappError
from ...core.tasks import CancelToken, Progress
from ...core.vault import Vault
from ...sync.models import SyncAllResult
from ...sync.schedule import SyncSchedule
from ...sync.service import GroupService
from ..jobs import Job, JobHost, host


def sync_every_group(vault: Vault) -> Callable[[Progress, CancelToken], SyncAllResult]:
    """The task of one run: every group, over a vault connection of the run's own thread."""

    def work(progress: Progress, cancel: CancelToken) -> SyncAllResult:
        conn = vault.connect()
        try:
            service = GroupService(conn)
            return service.sync_all(cancel=cancel, progress=lambda _stage, done, total: progress(done, total))
        finally:
            vault.release(conn)

    return work


class GroupSync(QObject):
    """Owns the sync schedule. Nothing runs until `attach()` with at least one group and sync not paused."""

    state_changed = Signal()
    started = Signal()
    finished = Signal(object)  # SyncAllResult
    progressed = Signal(int, int)

    def __init__(self, vault: Vault, parent: QObject | None = None, jobs: JobHost | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.jobs = jobs or host()
        self.service: GroupService | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.schedule = SyncSchedule()
        self.runs = 0  # workers started, for the status line and tests
        self._next_at = 0.0
        self._again = False
        self._job: Job | None = None

    # -- state -----------------------------------------------------------------------

    @property
    def failures(self) -> int:
        """Failed runs in a row (the schedule backs off after them)."""
        return self.schedule.failures

    @property
    def last_error(self) -> str | None:
        """The error code of the last failed run (sync.errors), translated only when shown."""
        return self.schedule.last_error

    def attach(self, service: GroupService) -> None:
        self.service = service
        self.schedule.reset()
        self.refresh()

    def active(self) -> bool:
        """Sync may run: unlocked, not paused, and there is a group to sync."""
        service = self.service
        return service is not None and service.sync_enabled() and bool(service.groups())

    def is_running(self) -> bool:
        return self._job is not None

    def retry_in_seconds(self) -> int:
        """Seconds until the next automatic attempt (0 when none is planned)."""
        if not self.timer.isActive():
            return 0
        return max(0, math.ceil(self._next_at - time.monotonic()))

    def refresh(self) -> None:
        """Re-read the pause switch and the group list: start or stop the schedule to match."""
        if not self.active():
            self.timer.stop()
        elif not self.timer.isActive() and not self.is_running():
            self._schedule(self.schedule.first_delay())
        self.state_changed.emit()

    def _schedule(self, seconds: int) -> None:
        self._next_at = time.monotonic() + seconds
        self.timer.start(seconds * 1000)

    # -- running ---------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Start a sync at once (or once more after the running one); False when sync is off."""
        if not self.active():
            self.timer.stop()
            self.state_changed.emit()
            return False
        if self.is_running():
            self._again = True
            return True
        self.timer.stop()
        job = self.jobs.job(sync_every_group(self.vault))
        job.progressed.connect(self.progressed)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        self._job = job
        self.runs += 1
        job.start()
        self.started.emit()
        self.state_changed.emit()
        return True

    def cancel(self) -> None:
        """Stop the running sync at its next check; the schedule goes on."""
        if self._job is not None:
            self._job.cancel()
        self._again = False

    def _on_done(self, outcome: object) -> None:
        self._job = None
        assert isinstance(outcome, SyncAllResult)
        self.schedule.ran(outcome)
        self._after_run(outcome, failed=bool(outcome.errors))

    def _on_cancelled(self) -> None:
        """By its Cancel button, or by the job host (lock, quick exit): what it did is kept."""
        job, self._job = self._job, None
        outcome = job.result if job is not None and isinstance(job.result, SyncAllResult) else None
        self._on_done(outcome or SyncAllResult(cancelled=True))

    def _on_failed(self, error: object) -> None:
        self._job = None
        self.schedule.failed(error if isinstance(error, PeerappError) else PeerappError())
        self._after_run(SyncAllResult(), failed=True)

    def _after_run(self, outcome: SyncAllResult, *, failed: bool) -> None:
        if self.service is not None and self.active():
            if self._again and not failed:
                self._again = False
                self.finished.emit(outcome)
                self.sync_now()
                return
            self._again = False
            self._schedule(self.schedule.next_delay())
        self.finished.emit(outcome)
        self.state_changed.emit()

    def stop(self) -> None:
        """On lock and quick exit: no more runs; the running one is cancelled and waited for."""
        self.timer.stop()
        self.service = None
        self._again = False
        job, self._job = self._job, None
        if job is not None:
            # Its outcome is of no use once locked: nothing more is shown or scheduled.
            for signal, slot in (
                (job.succeeded, self._on_done),
                (job.failed, self._on_failed),
                (job.cancelled, self._on_cancelled),
                (job.progressed, self.progressed),
            ):
                signal.disconnect(slot)
            job.stop()
        self.schedule.reset()
        self.state_changed.emit()

    def wait_idle(self) -> None:
        """Cancel the running sync, if any, and wait for it to end; the schedule goes on."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    def wait_all(self) -> None:
        """Block until the running sync, if any, has ended (tests and app exit)."""
        if self._job is not None:
            self._job.wait()
