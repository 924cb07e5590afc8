"""Esc that takes back an edit in place is not half of the double-Esc quick exit: two edits taken
back quickly in the safety plan leave the journal open, while two plain Esc presses still exit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from peerapp.core.keyslot import FAST_KDF
from peerapp.core.vault import Vault
from peerapp.gui.shell.main_window import MainWindow
from support import PASSPHRASE
from support.gui import MakeWindow, type_text, unlock


def press_escape(target: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))


def open_plan(qtbot: Any, data_dir: Path, make_window: MakeWindow) -> MainWindow:
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    win: MainWindow = make_window()
    unlock(qtbot, win, PASSPHRASE)
    win.view_actions[win.safety_plan_page].trigger()
    return win


def test_taking_back_edits_quickly_does_not_quick_exit(
    qtbot: Any, data_dir: Path, make_window: MakeWindow
) -> None:
    win = open_plan(qtbot, data_dir, make_window)
    exits: list[bool] = []
    win.quick_exited.connect(lambda: exits.append(True))
    people = win.safety_plan_page.sections[0]
    people.new_item.setFocus()
    type_text(people.new_item, "Call Sam")
    qtbot.keyClick(people.new_item, Qt.Key.Key_Return)
    for _ in range(2):  # edit, then take it back with Esc, twice within the double-press time
        people.rows[0].label.setFocus()
        qtbot.keyClick(people.rows[0].label, Qt.Key.Key_F2)
        editor = people.rows[0].editor
        assert QApplication.focusWidget() is editor
        press_escape(editor)
    qtbot.wait(50)
    assert exits == [] and win.vault.is_unlocked
    assert people.items() == ["Call Sam"]
    # Two plain Esc presses on the item still quick-exit: the guard is only for the edit field.
    with qtbot.waitSignal(win.quick_exited, timeout=2000):
        press_escape(QApplication.focusWidget() or win)
        press_escape(QApplication.focusWidget() or win)
