"""Damage in the GUI: the page check after unlock stops writes and offers the good backup; a damaged key
file is said to be damaged (not a wrong passphrase) and is repaired from a backup, all through real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from peerapp.core import db, protection
from peerapp.core.backup import create_backup
from peerapp.core.journal import Entry, JournalRepository, local_now
from peerapp.core.settings import Settings
from peerapp.core.vault import DB_NAME, Vault
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from support import PASSPHRASE
from support.damage import damage_wrapped_byte, flip_byte_in_the_middle, make_vault
from support.gui import unlock, when_modal


def _good_backup_then_damage(data_dir: Path, tmp_path: Path) -> Path:
    make_vault(data_dir, entries=300)
    v = Vault(data_dir)
    v.unlock(PASSPHRASE)
    good = create_backup(v, tmp_path / "good.peerbackup")
    conn = v.connect()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    v.lock()
    return good


def test_damage_found_after_unlock_stops_writes_and_names_the_good_backup(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, tmp_path: Path
) -> None:
    good = _good_backup_then_damage(data_dir, tmp_path)
    flip_byte_in_the_middle(data_dir / DB_NAME)
    before = (data_dir / DB_NAME).read_bytes()
    win = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(win)
    win.show()
    try:
        seen: list[str] = []

        def answer(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
            box.reject()  # "Not now"

        when_modal(QMessageBox, answer)
        unlock(qtbot, win, PASSPHRASE)
        assert win.stack.currentWidget() is win.tabs
        qtbot.waitUntil(lambda: bool(seen), timeout=30000)  # the real background check found it
        assert "damaged" in seen[0] and str(good) in seen[0]
        assert win.vault.damaged
        with pytest.raises(db.OperationalError):  # the window's own connection is read-only now
            assert win.repo is not None
            win.repo.add(Entry(at=local_now(), text="written after the damage"))
        assert (data_dir / DB_NAME).read_bytes() == before
    finally:
        win.lock()
        win.release_event_filter()


def test_an_intact_journal_is_not_reported(qtbot, window: MainWindow, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _good_backup_then_damage(data_dir, tmp_path)  # the backup only; nothing damaged
    window.stack.setCurrentWidget(window.unlock_page)
    unlock(qtbot, window, PASSPHRASE)
    check = window.integrity_check
    assert check is not None
    finished: list[bool] = []
    check.finished.connect(lambda: finished.append(True))
    qtbot.waitUntil(
        lambda: bool(finished) or (check.task is not None and not check.task.is_running()), timeout=30000
    )
    assert not window.vault.damaged
    assert QApplication.activeModalWidget() is None
    JournalRepository(window.vault.connect()).add(Entry(at=local_now(), text="still writable"))


def test_damaged_key_file_is_said_and_repaired_from_a_backup(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, data_dir: Path, tmp_path: Path
) -> None:
    good = _good_backup_then_damage(data_dir, tmp_path)
    damage_wrapped_byte(data_dir)
    window.stack.setCurrentWidget(window.unlock_page)
    page = window.unlock_page
    unlock(qtbot, window, PASSPHRASE)
    assert window.stack.currentWidget() is page
    assert "damaged" in page.error.text() and "not counted" in page.error.text()
    assert page.repair_button.isVisible()
    assert protection.UnlockGuard(data_dir).load().failures == 0

    done: list[bool] = []

    def pick_file(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(good))
        when_modal(QInputDialog, type_passphrase)
        dialog.accept()

    def type_passphrase(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(PASSPHRASE)
        when_modal(QMessageBox, lambda box: (done.append("repaired" in box.text()), box.accept()))  # type: ignore[union-attr, attr-defined]
        dialog.accept()

    when_modal(QFileDialog, pick_file)
    page.repair_button.click()
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    assert done == [True] and not page.repair_button.isVisible()
    unlock(qtbot, window, PASSPHRASE)
    assert window.stack.currentWidget() is window.tabs
