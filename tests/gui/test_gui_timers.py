"""The app's real timers, driven through a real MainWindow: auto-lock, typing that keeps it away, draft
autosave, and the once-a-day automatic backup. No timer signal is emitted by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from peerapp.core.backup import AutoBackupSettings, auto_backups, read_backup, set_auto_backup
from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.settings import Settings
from peerapp.core.vault import Vault
from peerapp.gui.journal import drafted_dialog
from peerapp.gui.journal.drafted_dialog import NEW_DRAFT
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, unlock

# Generous: the machine running the tests may be slow, and a timer that never fires fails the test anyway.
WAIT_MS = 15_000
MakeVault = Callable[..., None]
OpenWindow = Callable[[Settings], MainWindow]


@pytest.fixture
def make_vault(data_dir: Path) -> MakeVault:
    """A journal with one entry, made with the cheap KDF (the GUI's own setup would use the costly one)."""

    def make(auto_backup: AutoBackupSettings | None = None) -> None:
        vault = Vault(data_dir, kdf=FAST_KDF)
        vault.create(GUI_PASSPHRASE)
        conn = vault.connect()
        JournalRepository(conn).add(
            Entry(at=local_now(), title="already here", text="an entry from before", mood=3)
        )
        if auto_backup is not None:
            set_auto_backup(conn, auto_backup)
        vault.release(conn)
        vault.lock()

    return make


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path) -> Iterator[OpenWindow]:
    """Start the app on the test's journal and unlock it through the unlock page."""
    made: list[MainWindow] = []

    def start(settings: Settings) -> MainWindow:
        win = build_window(data_dir, "en", settings=settings)
        qtbot.addWidget(win)
        win.show()
        made.append(win)
        unlock(qtbot, win, GUI_PASSPHRASE)
        assert win.vault.is_unlocked and win.stack.currentWidget() is win.tabs
        return win

    yield start
    for win in made:
        win.lock()
        win.release_event_filter()
    if made:
        made[0].languages.set_language("en", remember=False)


def test_the_real_idle_timer_locks_the_app(
    qtbot: QtBot, make_vault: MakeVault, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two "minutes" of 150 ms: the setting is read and multiplied as in use, only the unit is short.
    monkeypatch.setattr(MainWindow, "AUTOLOCK_UNIT_MS", 150)
    make_vault()
    settings = Settings()
    settings.autolock_minutes = 2
    win = open_window(settings)
    assert win.journal_page.model.rowCount() == 1  # unlocked, the journal shown
    with qtbot.waitSignal(win.locked, timeout=WAIT_MS):
        pass  # nobody touches anything: only the timer can lock
    assert win.idle_timer.interval() == 300
    assert not win.vault.is_unlocked
    assert win.stack.currentWidget() is win.unlock_page
    assert win.journal_page.model.rowCount() == 0


def test_typing_and_clicking_restart_the_idle_timer(
    qtbot: QtBot, make_vault: MakeVault, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four times in a row, half the idle period passes, then the person types (or clicks): after
    two full idle periods of writing the journal is still open; once they stop, it locks."""
    monkeypatch.setattr(MainWindow, "AUTOLOCK_UNIT_MS", 2000)
    make_vault()
    settings = Settings()
    settings.autolock_minutes = 1
    win = open_window(settings)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    half = win.idle_timer.interval() // 2
    for round_ in range(4):
        # Real time passes (no input at all) until less than half the idle period is left.
        qtbot.waitUntil(
            lambda: not win.vault.is_unlocked or 0 <= win.idle_timer.remainingTime() < half, timeout=WAIT_MS
        )
        assert win.vault.is_unlocked, f"locked while the person was writing (round {round_})"
        if round_ == 2:
            QTest.mouseClick(editor.title, Qt.MouseButton.LeftButton)
        else:
            QTest.keyClicks(editor.body, f"line {round_} ")
        assert win.idle_timer.remainingTime() > half, "input did not restart the idle timer"
    assert win.vault.is_unlocked
    assert editor.body.toPlainText() == "line 0 line 1 line 3 "
    with qtbot.waitSignal(win.locked, timeout=WAIT_MS):
        pass  # the person stopped: the idle period runs out
    assert not win.vault.is_unlocked and win.journal_page.editor is None


def test_the_draft_is_saved_by_its_own_timer(
    qtbot: QtBot, make_vault: MakeVault, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafted_dialog, "AUTOSAVE_MS", 100)  # read when an editor opens
    make_vault()
    settings = Settings()
    settings.autolock_minutes = 0
    win = open_window(settings)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None and editor.autosave.interval() == 100
    # Read back through the core API on a connection of its own: what the vault holds, not the widget.
    conn = win.vault.connect()
    stored = JournalRepository(conn)
    assert stored.load_draft(NEW_DRAFT) is None
    QTest.keyClicks(editor.body, "half a thought")

    def draft_text() -> object:
        draft = stored.load_draft(NEW_DRAFT)
        return None if draft is None else draft.get("text")

    qtbot.waitUntil(lambda: draft_text() == "half a thought", timeout=WAIT_MS)
    QTest.keyClicks(editor.body, ", then more")
    qtbot.waitUntil(lambda: draft_text() == "half a thought, then more", timeout=WAIT_MS)
    # The timer did it: the editor is still open and nothing was saved as an entry.
    assert win.journal_page.editor is editor and editor.isVisible()
    assert stored.count() == 1 and stored.drafts() == [NEW_DRAFT]
    win.vault.release(conn)


def test_automatic_backup_once_a_day_on_quit(
    qtbot: QtBot, make_vault: MakeVault, open_window: OpenWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    make_vault(AutoBackupSettings(enabled=True, folder=str(folder), keep=5))
    start = datetime.now()

    def quit_at(moment: datetime) -> list[Path]:
        settings = Settings()
        settings.autolock_minutes = 0
        win = open_window(settings)
        win.clock = lambda: moment
        win.close()  # quitting is when the rule runs
        assert not win.vault.is_unlocked
        return auto_backups(folder)

    first = quit_at(start)
    assert len(first) == 1, "no backup although none was ever made"
    read_backup(first[0])  # complete, checksums right
    assert quit_at(start + timedelta(hours=23)) == first, "a second backup on the same day"
    later = quit_at(start + timedelta(hours=24, minutes=1))
    assert len(later) == 2 and later[0] == first[0], "no new backup a day after the last one"
    # Named by the same clock the rule read, so rotation keeps deleting the oldest.
    assert (start + timedelta(hours=24, minutes=1)).strftime("%Y%m%d-%H%M") in later[1].name
    read_backup(later[1])
