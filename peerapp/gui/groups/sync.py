"""Background group sync: a timer driven by sync.schedule, one worker thread at a time, stop on lock."""

from __future__ import annotations

import math
import threading
import time

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from ...core.errors import PeerappError
from ...core.vault import Vault
from ...sync.models import SyncAllResult
from ...sync.schedule import SyncSchedule
from ...sync.service import GroupService
from ..common import TaskRunner

STOP_WAIT_MS = 3000  # how long lock() waits for a request in flight before leaving it behind


class SyncWorker(TaskRunner):
    """Syncs every group over its own vault connection (opened and closed on the worker thread)."""

    progressed = Signal(str, int, int)

    def __init__(self, vault: Vault, cancel: threading.Event) -> None:
        super().__init__()
        self.vault = vault
        self.cancel = cancel

    def call(self) -> SyncAllResult:
        conn = self.vault.connect()
        try:
            return GroupService(conn).sync_all(cancel=self.cancel, progress=self.progressed.emit)
        finally:
            self.vault.release(conn)


class GroupSync(QObject):
    """Owns the sync schedule. Nothing runs until `attach()` with at least one group and sync not paused."""

    state_changed = Signal()
    started = Signal()
    finished = Signal(object)  # SyncAllResult
    progressed = Signal(str, int, int)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.service: GroupService | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.schedule = SyncSchedule()
        self.runs = 0  # workers started, for the status line and tests
        self._next_at = 0.0
        self._again = False
        self._cancel = threading.Event()
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self._left_behind: list[tuple[QThread, SyncWorker]] = []

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
        return self._thread is not None

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
        self._cancel = threading.Event()
        thread = QThread()
        worker = SyncWorker(self.vault, self._cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self.progressed)
        worker.succeeded.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        self.runs += 1
        thread.start()
        self.started.emit()
        self.state_changed.emit()
        return True

    def cancel(self) -> None:
        """Stop the running sync at its next check; the schedule goes on."""
        self._cancel.set()
        self._again = False

    def _reap(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._worker = None

    def _on_done(self, outcome: object) -> None:
        self._reap()
        assert isinstance(outcome, SyncAllResult)
        self.schedule.ran(outcome)
        self._after_run(outcome, failed=bool(outcome.errors))

    def _on_failed(self, error: object) -> None:
        self._reap()
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
        """On lock and quick exit: no more runs; cancel the running one and wait for it briefly."""
        self.timer.stop()
        self.service = None
        self._again = False
        self._cancel.set()
        thread, worker = self._thread, self._worker
        if thread is not None and worker is not None:
            worker.succeeded.disconnect(self._on_done)
            worker.failed.disconnect(self._on_failed)
            worker.progressed.disconnect(self.progressed)
            if not thread.wait(STOP_WAIT_MS):
                # A request stuck in the network: keep the objects alive until it gives up.
                self._left_behind.append((thread, worker))
        self._thread = self._worker = None
        self._left_behind = [(t, w) for t, w in self._left_behind if t.isRunning()]
        self.schedule.reset()
        self.state_changed.emit()

    def wait_idle(self) -> None:
        """Cancel the running sync, if any, and wait for it to end; the schedule goes on."""
        if self._thread is not None:
            self._cancel.set()
            self._thread.wait()

    def wait_all(self) -> None:
        """Block until every worker, including any left behind, has ended (tests and app exit)."""
        for thread, _worker in self._left_behind:
            thread.wait()
        self._left_behind.clear()
        if self._thread is not None:
            self._thread.wait()
