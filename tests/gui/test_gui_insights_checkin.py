"""The empty Insights tab's one action, in the real window: it opens the quick check-in, and a
check-in saved there is a real entry in the vault."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from peerapp.gui.shell.main_window import MainWindow
from support.gui import MakeWindow, create_vault


def test_empty_insights_action_opens_the_check_in(qtbot: Any, make_window: MakeWindow) -> None:
    win: MainWindow = make_window()
    create_vault(qtbot, win)
    page = win.insights_page
    win.show_tab(page)
    qtbot.waitUntil(lambda: page.empty_action.isVisible(), timeout=10000)
    qtbot.mouseClick(page.empty_action, Qt.MouseButton.LeftButton)
    dialog = win.checkin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.faces.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.checkin_dialog is None, timeout=10000)
    assert win.repo is not None and win.repo.count() == 1
