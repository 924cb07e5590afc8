"""One owner of background work: every task runs on the job host, and lock and quick exit stop them all.

Real vault, real worker threads, real timers and keys: an auto-lock during an export and a quick exit
during a backup leave no file; a quick exit during an unlock leaves the journal locked; unlocking works.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerapp.core import crashsafe
from peerapp.core.errors import OperationCancelled, PeerappError
from peerapp.core.export_warning import set_warn_before_export
from peerapp.core.journal import Entry, JournalRepository
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.tasks import CancelToken, Progress
from peerapp.core.vault import Vault
from peerapp.gui.jobs import Job, JobDialog, host
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.transfer.dialogs import ExportDialog
from support.gui import GUI_PASSPHRASE, MakeWindow, unlock, when_modal

ENTRIES = 5000  # ten pages of export, and a database of a few MB to back up
WAIT_MS = 30_000
QUICK_EXIT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def fill(data_dir: Path, entries: int) -> None:
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(GUI_PASSPHRASE)
    conn = vault.connect()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    body = "a long enough day to write about, " * 20
    JournalRepository(conn).add_many(
        Entry(at=start + timedelta(minutes=i), title=f"day {i}", text=f"{body}{i}", mood=1 + i % 5)
        for i in range(entries)
    )
    set_warn_before_export(conn, False)  # the warning has its own tests (test_gui_transfer)
    vault.release(conn)
    vault.lock()


@pytest.fixture
def window(
    qtbot: QtBot, data_dir: Path, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The app on a journal of ENTRIES entries, unlocked through the unlock page (a job on the host)."""
    # An hour per auto-lock "minute" until a test shortens it: nothing locks by itself meanwhile.
    monkeypatch.setattr(MainWindow, "AUTOLOCK_UNIT_MS", 3_600_000)
    fill(data_dir, ENTRIES)
    settings = Settings()
    settings.autolock_minutes = 1
    win = make_window(settings)
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.vault.is_unlocked and win.stack.currentWidget() is win.tabs
    # The page check after unlock is a job too; each test starts with none running.
    qtbot.waitUntil(lambda: win.jobs.running() == [], timeout=WAIT_MS)
    yield win
    win.lock()
    assert win.jobs.running() == []


class UnexpectedWindows:
    """Closes any message box that opens (none should, during or after a lock) and remembers its text,
    so a test that breaks fails on an assertion instead of hanging in the box's exec()."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.stopped = False
        QTimer.singleShot(20, self._poll)

    def _poll(self) -> None:
        if self.stopped:
            return
        QTimer.singleShot(20, self._poll)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                self.seen.append(widget.text())
                QDialog.done(widget, 0)


@pytest.fixture
def unexpected() -> Iterator[UnexpectedWindows]:
    watcher = UnexpectedWindows()
    yield watcher
    watcher.stopped = True


def no_files_left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())  # hidden .part files included


def recorded_in_flight(win: MainWindow) -> list[Path]:
    """What the locked journal still records as files in flight (read without the unlock's sweep)."""
    vault = Vault(win.vault.directory)
    vault.unlock(GUI_PASSPHRASE)
    try:
        conn = vault.connect()
        return crashsafe.in_flight(conn)
    finally:
        vault.lock()


def test_auto_lock_during_an_export_cancels_it_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, unexpected: UnexpectedWindows
) -> None:
    win = window
    out = tmp_path / "exports"
    out.mkdir()
    dialog = ExportDialog(win.vault, win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("json"))
    dialog.target.edit.setText(str(out / "journal.json"))
    seen: list[tuple[int, int]] = []

    def first_page_written(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 2:  # (0, total), then the first page: the export is under way
            # The person stops touching the computer: the real idle timer runs out 1 ms after this
            # key, the last activity it sees.
            win.AUTOLOCK_UNIT_MS = 1
            QTest.keyClick(win, Qt.Key.Key_Shift)

    QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    job = dialog.run
    assert job is not None and win.jobs.running() == [job]
    job.progressed.connect(first_page_written)
    qtbot.waitUntil(lambda: not win.vault.is_unlocked, timeout=WAIT_MS)

    # The lock waited for the export to stop: it ended before the key went, cancelled half-way.
    assert job.done and job.was_cancelled and isinstance(job.error, OperationCancelled)
    assert len(seen) >= 2 and seen[-1][0] < seen[-1][1] == ENTRIES, seen
    assert win.jobs.running() == []
    assert no_files_left(out) == []
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None
    assert win.stack.currentWidget() is win.unlock_page
    assert unexpected.seen == []
    assert recorded_in_flight(win) == []


def test_quick_exit_during_a_backup_cancels_it_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, unexpected: UnexpectedWindows
) -> None:
    win = window
    out = tmp_path / "backups"
    out.mkdir()

    def save_as(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        name = widget.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(out / "journal.peerbackup"))
        widget.accept()

    when_modal(QFileDialog, save_as)
    win.backup_action.trigger()  # returns once the file is chosen and the backup has started
    (job,) = win.jobs.running()
    assert isinstance(job.dialog, JobDialog)
    reports: list[int] = []

    def copying(done: int, total: int) -> None:
        reports.append(done)
        if len(reports) == 1:  # pages are being copied: leave in a hurry, as a person would
            QTest.keyClick(win, Qt.Key.Key_Q, QUICK_EXIT)

    job.progressed.connect(copying)
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)

    assert unexpected.seen == []  # "The backup was saved" after a quick exit would show the app
    assert job.was_cancelled and isinstance(job.error, OperationCancelled)
    assert reports, "the backup ended before it reported any progress"
    assert not win.vault.is_unlocked and not win.isVisible()
    assert win.jobs.running() == []
    assert no_files_left(out) == []
    assert recorded_in_flight(win) == []


def test_quick_exit_during_an_unlock_leaves_the_journal_locked_and_unlock_still_works(
    qtbot: QtBot, window: MainWindow, unexpected: UnexpectedWindows
) -> None:
    win = window
    win.lock()
    page = win.unlock_page
    QTest.keyClicks(page.secret, GUI_PASSPHRASE)
    QTest.keyClick(page.secret, Qt.Key.Key_Return)
    unlocking = page._task
    assert unlocking is not None and win.jobs.running() == [unlocking]  # the unlock is a job on the host
    # Before its outcome can come back through the event loop, the person leaves.
    QTest.keyClick(win, Qt.Key.Key_Q, QUICK_EXIT)
    qtbot.waitUntil(lambda: unlocking.done and page._task is None, timeout=WAIT_MS)
    QApplication.processEvents()  # anything queued by the worker is delivered now, and must change nothing

    assert unlocking.was_cancelled
    assert not win.vault.is_unlocked, "the unlock finished after the quick exit and left the journal open"
    assert win.stack.currentWidget() is win.unlock_page and win.session is None
    assert win.journal_page.model.rowCount() == 0
    assert win.jobs.running() == []

    # The next unlock runs on the host too, and works.
    win.show()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.vault.is_unlocked and win.stack.currentWidget() is win.tabs
    assert win.journal_page.model.rowCount() > 0


def test_quick_exit_during_the_first_run_leaves_a_locked_journal_behind_the_lock_screen(
    qtbot: QtBot, data_dir: Path, unexpected: UnexpectedWindows
) -> None:
    win = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(win)
    win.show()
    # On screen first, as a person sees it: the quick-exit keys are watched from the first paint on.
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.watching_input, timeout=WAIT_MS)
    try:
        page = win.setup_page
        assert win.stack.currentWidget() is page
        QTest.keyClicks(page.form.passphrase, GUI_PASSPHRASE)
        QTest.keyClicks(page.form.repeat, GUI_PASSPHRASE)
        QTest.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        making = page._task
        assert making is not None and win.jobs.running() == [making]
        QTest.keyClick(win, Qt.Key.Key_Q, QUICK_EXIT)
        qtbot.waitUntil(lambda: making.done and page._task is None, timeout=WAIT_MS)
        QApplication.processEvents()

        assert making.was_cancelled and unexpected.seen == []
        assert win.vault.exists() and not win.vault.is_unlocked
        assert win.stack.currentWidget() is win.unlock_page  # not a setup page for a journal that exists
        win.show()
        unlock(qtbot, win, GUI_PASSPHRASE)
        assert win.vault.is_unlocked and win.stack.currentWidget() is win.tabs
    finally:
        win.lock()
        win.release_event_filter()


# -- the host itself, with Qt-free tasks -------------------------------------------------------------


def until_cancelled(started: threading.Event) -> Callable[[Progress, CancelToken], int]:
    def work(progress: Progress, cancel: CancelToken) -> int:
        steps = 0
        started.set()
        while not cancel.cancelled():
            steps += 1
            progress(steps, 0)
            cancel.wait(0.001)  # a step of work; the token is an Event, so a cancel ends the wait
        cancel.raise_if_cancelled()
        return steps

    return work


def test_cancel_all_stops_every_job_and_reports_before_returning(qtbot: QtBot) -> None:
    jobs = host()
    outcomes: list[str] = []
    started = [threading.Event(), threading.Event()]
    running: list[Job] = []
    for flag in started:
        job = jobs.run(until_cancelled(flag))
        job.cancelled.connect(lambda: outcomes.append("cancelled"))
        job.succeeded.connect(lambda _r: outcomes.append("succeeded"))
        running.append(job)
    assert all(flag.wait(10) for flag in started)
    assert set(jobs.running()) >= set(running)
    jobs.cancel_all()
    # Synchronous: the workers have ended and their handlers have run when cancel_all returns.
    assert outcomes == ["cancelled", "cancelled"]
    assert all(job.done and not job.is_running() for job in running)
    assert jobs.running() == []
    QApplication.processEvents()  # the workers' own late signals change nothing
    assert outcomes == ["cancelled", "cancelled"]


def test_a_failing_task_reports_one_peerapp_error(qtbot: QtBot, tmp_path: Path) -> None:
    def missing(progress: Progress, cancel: CancelToken) -> bytes:
        return (tmp_path / "missing").read_bytes()

    def broken(progress: Progress, cancel: CancelToken) -> None:
        raise ValueError("a programming error")

    for work, detail in ((missing, "No such file or directory"), (broken, "ValueError")):
        job = host().job(work)
        failures: list[object] = []
        job.failed.connect(failures.append)
        job.start()
        qtbot.waitUntil(lambda job=job: job.done, timeout=WAIT_MS)
        assert len(failures) == 1 and isinstance(failures[0], PeerappError)
        assert failures[0].detail == detail and not job.was_cancelled
