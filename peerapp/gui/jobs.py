"""The one owner of background work in the GUI: Qt signals around Qt-free tasks, and one cancel_all().

A task is a plain function `work(progress, cancel)` (core.tasks): it knows nothing of Qt and is tested
without a display. The host runs each on its own QThread, passes its progress and outcome back as
signals, and can stop every one of them at once, which lock and quick exit do, so no task outlives
the lock. Work that opens the journal opens its own connection on its thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import OperationCancelled, PeerappError
from ..core.tasks import CancelToken, Progress, Task

# How long a progress dialog waits before it shows: quick work never flashes a window.
SHOW_AFTER_MS = 300


class TaskRunner(QObject):
    """Lives on a worker thread; runs `call()` once and reports through signals only.

    The outcome is also kept (`result`, `error`), so a host that has waited for the thread can
    read it at once instead of waiting for the queued signals.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: PeerappError | None = None

    def call(self) -> Any:
        assert self.fn is not None
        return self.fn()

    def run(self) -> None:
        try:
            self.result = self.call()
        except PeerappError as exc:
            self.error = exc
        except OSError as exc:
            self.error = PeerappError(exc.strerror or type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - reported to the user as a generic failure
            self.error = PeerappError(type(exc).__name__)
        try:
            if self.error is None:
                self.succeeded.emit(self.result)
            else:
                self.failed.emit(self.error)
        finally:
            # End the thread's event loop from inside, so waiting on it can never deadlock.
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()


class _JobRunner(TaskRunner):
    """A TaskRunner whose work reports progress and polls a cancel token."""

    progressed = Signal(int, int)

    def __init__(self, work: Task[Any], cancel: CancelToken) -> None:
        super().__init__()
        self.work = work
        self.cancel = cancel

    def call(self) -> Any:
        return self.work(self.progressed.emit, self.cancel)


class Job(QObject):
    """One task on its own thread. Ends with exactly one of succeeded / failed / cancelled, then finished.

    Cancelled means the token was cancelled before the job ended (by its Cancel button, a lock or a
    quick exit), whatever the work did: nothing is reported as done after a lock. `result` and `error`
    still say what the work did, for the few callers that must undo it (an unlock that completed).
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # a PeerappError
    cancelled = Signal()
    finished = Signal()

    def __init__(self, host: JobHost, work: Task[Any]) -> None:
        super().__init__()
        self.host = host
        self.token = CancelToken()
        self.result: Any = None
        self.error: PeerappError | None = None
        self.done = False
        self.was_cancelled = False
        self.dialog: JobDialog | None = None
        self._thread = QThread()
        self._runner = _JobRunner(work, self.token)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self._progress)
        self._runner.succeeded.connect(self._finish)
        self._runner.failed.connect(self._finish)

    def start(self) -> Job:
        self.host.adopt(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check; returns at once (the outcome comes as a signal)."""
        self.token.cancel()

    def stop(self) -> None:
        """Cancel, wait for the thread, and report the outcome now (signals run before this returns)."""
        self.token.cancel()
        self._finish()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        """Block until the work has ended (its outcome is reported by the event loop, or by stop())."""
        self._thread.wait()

    def _progress(self, done: int, total: int) -> None:
        if not self.done:  # a report queued before the end must not reach a closed progress window
            self.progressed.emit(done, total)

    def _finish(self, _outcome: object = None) -> None:
        if self.done:
            return  # stop() already reported it; this is the queued signal arriving late
        self._thread.quit()
        self._thread.wait()
        self.done = True
        self.result, self.error = self._runner.result, self._runner.error
        self.was_cancelled = self.token.cancelled() or isinstance(self.error, OperationCancelled)
        if self.was_cancelled and self.error is None:
            self.error = OperationCancelled()
        if self.dialog is not None:
            self.dialog.finish()
        self.host.release(self)
        if self.was_cancelled:
            self.cancelled.emit()
        elif self.error is not None:
            self.failed.emit(self.error)
        else:
            self.succeeded.emit(self.result)
        self.finished.emit()


class JobDialog(QProgressDialog):
    """The one progress window of background work: a bar (or a busy bar when the total is unknown) and
    Cancel. Window-modal, shown only when the work takes longer than SHOW_AFTER_MS."""

    def __init__(self, job: Job, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setLabelText(label)
        self.setCancelButtonText(QCoreApplication.translate("JobDialog", "Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)  # busy until the first progress report says how much there is
        self.canceled.connect(job.cancel)
        job.progressed.connect(self.show_progress)

    def finish(self) -> None:
        """Hide for good: the pending show timer is stopped too, so a quick job never flashes a window."""
        self.canceled.disconnect(self.job.cancel)
        self.reset()
        self.hide()
        self.deleteLater()

    def show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.setRange(0, 0)
            return
        self.setRange(0, total)
        self.setValue(min(done, total))


class JobHost(QObject):
    """Starts every background task of the app and can cancel them all (lock, quick exit)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[Job] = []

    def job(self, work: Task[Any]) -> Job:
        """A job for `work`, not started yet: connect its signals, then start() it."""
        return Job(self, work)

    def run(self, work: Task[Any], *, label: str | None = None, parent: QWidget | None = None) -> Job:
        """Start `work` now; with a label, behind a JobDialog (parented to `parent`) that can cancel it."""
        job = self.job(work)
        if label is not None:
            job.dialog = JobDialog(job, label, parent)
        return job.start()

    def run_and_wait(self, job: Job) -> None:
        """Start `job` (if it is not running) and return when it has ended; the GUI keeps running."""
        loop = QEventLoop()
        job.finished.connect(loop.quit)
        if not job.is_running() and not job.done:
            job.start()
        if not job.done:
            loop.exec()

    def running(self) -> list[Job]:
        return list(self._running)

    def cancel_all(self) -> None:
        """Cancel every job, wait for each to end, and report each outcome before returning.

        Export, import, backup and restore poll their token between small steps (a page of entries, a
        chunk of a file), so they stop at once; an unlock (one Argon2id run), the page check after it
        (SQLCipher's check cannot be interrupted) and building the library index are waited for.
        """
        jobs = self.running()
        for job in jobs:
            job.cancel()  # all of them first, so they stop side by side
        for job in jobs:
            job.stop()

    def adopt(self, job: Job) -> None:
        self._running.append(job)

    def release(self, job: Job) -> None:
        if job in self._running:
            self._running.remove(job)


_host: JobHost | None = None


def host() -> JobHost:
    """The application's job host (one per QCoreApplication, its child), made on first use."""
    global _host
    app = QCoreApplication.instance()
    if _host is None or not shiboken6.isValid(_host) or _host.parent() is not app:
        _host = JobHost(app)
    return _host


def plain(fn: Callable[[], Any]) -> Task[Any]:
    """Work that reports no progress and cannot stop half-way (an unlock, a passphrase change)."""

    def work(_progress: Progress, _cancel: CancelToken) -> Any:
        return fn()

    return work
