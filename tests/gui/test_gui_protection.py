"""Vault protection in the GUI, driven through real widgets: duress wipe and decoy, wipe now, delays."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from peerapp.core import decoy, protection
from peerapp.core.settings import Settings
from peerapp.core.vault import DB_NAME, SLOTS_NAME, SPARE_NAME
from peerapp.gui.protection.dialogs import DuressDialog, UnlockProtectionDialog, WipeDialog
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, create_vault, unlock, when_modal, write_entry

DURESS = "tea with milk and two sugars"
SECRET = "Told my cousin who I really am"


def close_message_box(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    box.accept()


def set_duress(qtbot, win: MainWindow, decoy_mode: bool) -> None:  # type: ignore[no-untyped-def]
    done: list[bool] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DuressDialog)
        (dialog.decoy_choice if decoy_mode else dialog.wipe_choice).click()
        qtbot.keyClicks(dialog.form.passphrase, DURESS)
        qtbot.keyClicks(dialog.form.repeat, DURESS)
        assert dialog.ok.isEnabled()
        when_modal(QMessageBox, lambda box: (close_message_box(box), done.append(True)))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_modal(DuressDialog, fill)
    win.protection_menu.duress_action.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=15000)


def start(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    create_vault(qtbot, win)
    write_entry(qtbot, win, "Real", SECRET)
    win.protection_menu._update()


def test_menu_is_only_usable_unlocked(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window.protection_menu._update()
    assert not window.protection_menu.wipe_action.isEnabled()
    start(qtbot, window)
    assert window.protection_menu.wipe_action.isEnabled()
    assert window.protection_menu.menuAction() in window.settings_menu.actions()
    # The app made its spare database and the wrong-try counter with the vault (core.session, as
    # `peerapp init` does), so every data folder looks alike.
    assert sorted(p.name for p in data_dir.iterdir() if "-" not in p.name) == sorted(
        [DB_NAME, SLOTS_NAME, SPARE_NAME, protection.ATTEMPTS_FILE]
    )


def test_duress_passphrase_at_the_lock_screen_erases_everything(
    qtbot, window: MainWindow, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    start(qtbot, win)
    set_duress(qtbot, win, decoy_mode=False)
    win.lock()
    unlock(qtbot, win, DURESS)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.setup_page, timeout=5000)
    assert not (data_dir / SLOTS_NAME).exists() and not (data_dir / DB_NAME).exists()
    assert list(data_dir.iterdir()) == []
    assert win.settings.language == ""  # first run asks again
    assert not win.vault.is_unlocked and win.journal_page.model.rowCount() == 0
    # A new journal can be made at once, as on a fresh install.
    create_vault(qtbot, win)
    assert win.journal_page.model.rowCount() == 0


def test_duress_passphrase_opens_the_decoy(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    start(qtbot, win)
    set_duress(qtbot, win, decoy_mode=True)
    win.lock()
    unlock(qtbot, win, DURESS)
    assert win.stack.currentWidget() is win.tabs
    page = win.journal_page
    assert page.model.rowCount() == len(decoy.SEED)
    shown = [page.model.entry(i).text for i in range(page.model.rowCount())]
    assert SECRET not in shown
    write_entry(qtbot, win, "Film", "Watched a film")
    assert page.model.rowCount() == len(decoy.SEED) + 1
    win.lock()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert [page.model.entry(i).text for i in range(page.model.rowCount())] == [SECRET]


def test_wipe_now_needs_the_word(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    start(qtbot, win)
    checked: list[bool] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, WipeDialog)
        assert not dialog.erase.isEnabled()
        qtbot.keyClicks(dialog.word, "yes")
        assert not dialog.erase.isEnabled()
        qtbot.keyClick(dialog.word, Qt.Key.Key_Return)  # Enter never erases
        checked.append(True)
        if dialog.isVisible():
            dialog.reject()

    when_modal(WipeDialog, cancel)
    win.protection_menu.wipe_action.trigger()
    qtbot.waitUntil(lambda: bool(checked), timeout=5000)
    assert win.stack.currentWidget() is win.tabs and (data_dir / SLOTS_NAME).exists()

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, WipeDialog)
        qtbot.keyClicks(dialog.word, "ERASE")
        assert dialog.erase.isEnabled()
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)

    when_modal(WipeDialog, confirm)
    win.protection_menu.wipe_action.trigger()
    assert win.stack.currentWidget() is win.setup_page
    assert list(data_dir.iterdir()) == []
    assert win.journal_page.model.rowCount() == 0 and win.repo is None


def test_wrong_passphrases_count_down_and_survive_a_restart(
    qtbot, window: MainWindow, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    start(qtbot, win)
    win.lock()
    page = win.unlock_page
    for _ in range(3):
        assert page.unlock_button.isEnabled()
        unlock(qtbot, win, "not my passphrase")
    assert page.countdown.isVisible() and page.countdown.active()
    assert not page.unlock_button.isEnabled()
    assert "seconds" in page.countdown.text() or "second" in page.countdown.text()
    # Return while waiting does nothing.
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert not win.vault.is_unlocked

    again = build_window(data_dir, "en", settings=Settings())
    qtbot.addWidget(again)
    try:
        assert again.unlock_page.countdown.active()
        assert not again.unlock_page.unlock_button.isEnabled()
    finally:
        again.release_event_filter()

    # Once the wait is over, the right passphrase works and the count starts again.
    path = protection.UnlockGuard(data_dir).path  # beside the vault
    doc = json.loads(path.read_text())
    doc["wait_until"] = 0
    path.write_text(json.dumps(doc))
    page.countdown.refresh()
    assert page.unlock_button.isEnabled() and not page.countdown.isVisible()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.stack.currentWidget() is win.tabs
    assert protection.UnlockGuard(data_dir).load().failures == 0


def test_wipe_after_failures_is_off_by_default_and_warns(qtbot, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    start(qtbot, win)
    guard = protection.UnlockGuard(data_dir)
    dialog = UnlockProtectionDialog(guard, win)
    qtbot.addWidget(dialog)
    assert dialog.limit.currentData() == 0 and dialog.warning.text() == ""
    dialog.limit.setCurrentIndex(protection.WIPE_AFTER_CHOICES.index(5))
    assert "Warning" in dialog.warning.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert guard.load().wipe_after == 5
    # Reopened, it shows the saved choice.
    again = UnlockProtectionDialog(guard, win)
    qtbot.addWidget(again)
    assert again.limit.currentData() == 5
