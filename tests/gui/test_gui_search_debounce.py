"""Journal search while typing: a burst of keys runs one search after a pause, Enter searches at once.

Real key events (pytest-qt), the real QTimer and the real repository of an unlocked vault; the searches
are counted by wrapping the repository's own count() (each search counts its matches once).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from peerapp.core.journal import Entry, EntryFilter, JournalRepository, local_now
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.gui.journal.filters import SEARCH_DELAY_MS
from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, MakeWindow, unlock

WAIT_MS = 15_000  # generous: a timer that never fires fails the test anyway
# qtbot is typed Any: pytest-qt's key methods carry no annotations (mypy --strict refuses the calls).


def _journal(data_dir: Path) -> None:
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(GUI_PASSPHRASE)
    conn = vault.connect()
    repo = JournalRepository(conn)
    repo.add(Entry(at=local_now(), title="Sea walk", text="breathing by the sea helped", mood=4))
    repo.add(Entry(at=local_now(), title="Work day", text="a long meeting", mood=2))
    vault.release(conn)
    vault.lock()


def _count_searches(win: MainWindow) -> list[str]:
    """Wrap the unlocked repository's real count(): each call's query is recorded, the result unchanged."""
    repo = win.journal_page.repo
    assert repo is not None
    real: Callable[[EntryFilter], int] = repo.count
    queries: list[str] = []

    def counting(flt: EntryFilter = EntryFilter()) -> int:  # noqa: B008 - the same default as count()
        queries.append(flt.query)
        return real(flt)

    repo.count = counting  # type: ignore[method-assign]
    return queries


def _open(qtbot: Any, make_window: MakeWindow, data_dir: Path) -> tuple[MainWindow, list[str]]:
    _journal(data_dir)
    win = make_window()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.stack.currentWidget() is win.tabs
    page = win.journal_page
    assert page.model.rowCount() == 2
    page.focus_search()
    return win, _count_searches(win)


def test_a_burst_of_typing_runs_one_search(qtbot: Any, make_window: MakeWindow, data_dir: Path) -> None:
    win, queries = _open(qtbot, make_window, data_dir)
    page = win.journal_page
    qtbot.keyClicks(page.search, "breathing")  # nine keys, one after the other
    assert queries == [], f"a search ran before the typing paused: {queries}"
    assert page.filters.search_timer.isActive()
    assert page.filters.search_timer.interval() == SEARCH_DELAY_MS
    qtbot.waitUntil(lambda: len(queries) > 0, timeout=WAIT_MS)  # the real timer fires
    assert queries == ["breathing"]
    assert not page.filters.search_timer.isActive()  # nothing else is pending
    assert page.model.rowCount() == 1 and page.model.entry(0) is not None
    entry: Any = page.model.entry(0)
    assert entry.title == "Sea walk"
    assert "1" in page.count_label.text()


def test_every_key_restarts_the_pause(qtbot: Any, make_window: MakeWindow, data_dir: Path) -> None:
    win, queries = _open(qtbot, make_window, data_dir)
    timer = win.journal_page.filters.search_timer
    # A long pause on the same timer while real time passes, so a slow machine's stalls cannot end it.
    timer.setInterval(10_000)
    qtbot.keyClicks(win.journal_page.search, "me")
    qtbot.waitUntil(lambda: 0 <= timer.remainingTime() < 9_000, timeout=WAIT_MS)  # a second passes
    assert queries == [], queries
    qtbot.keyClicks(win.journal_page.search, "et")
    assert timer.remainingTime() > 9_000, "a key did not restart the pause"
    timer.setInterval(SEARCH_DELAY_MS)  # restarts the running timer with the app's own pause
    qtbot.waitUntil(lambda: len(queries) > 0, timeout=WAIT_MS)
    assert queries == ["meet"]
    assert win.journal_page.model.rowCount() == 1


def test_enter_searches_at_once(qtbot: Any, make_window: MakeWindow, data_dir: Path) -> None:
    win, queries = _open(qtbot, make_window, data_dir)
    page = win.journal_page
    qtbot.keyClicks(page.search, "meeting")
    assert queries == []
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert queries == ["meeting"]  # at once, without a turn of the event loop
    assert not page.filters.search_timer.isActive()  # and the pause it cut short does not search again
    entry: Any = page.model.entry(0)
    assert page.model.rowCount() == 1 and entry.title == "Work day"
    # Clearing the field is typing too: one search after the pause brings every entry back.
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: len(queries) == 2, timeout=WAIT_MS)
    assert queries == ["meeting", ""]
    assert page.model.rowCount() == 2
