"""Every screen and every dialog the menus open, in English, Arabic and the pseudo-locale, at 1024×600:
nothing outside its window, no cut-off text, a name for every focusable control, titles that fit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import GUI_PASSPHRASE, MakeWindow, create_vault, unlock, write_entry
from support.layout_checks import SMALL_SCREEN, Problem, check_window

LANGUAGES = ("en", "ar", PSEUDO)
# Ways of leaving the window, not screens: the walk would end itself.
_NOT_SCREENS = ("lock_action", "quick_exit_action", "quit_action", "english_action", "arabic_action")
# At most this many windows one menu item opens in a row (a chooser, then a message…).
_MAX_WINDOWS = 4


def menu_actions(win: MainWindow) -> Iterator[tuple[str, QAction]]:
    """Every enabled item of every menu and submenu, from the menu bar itself (so it cannot go stale)."""
    skip = {id(getattr(win, name)) for name in _NOT_SCREENS}
    skip.update(id(action) for action in win.view_actions.values())  # the tabs, walked one by one

    def walk(menu: QMenu, path: str) -> Iterator[tuple[str, QAction]]:
        menu.aboutToShow.emit()  # fills the Tools menu, builds the pages, updates what is enabled
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from walk(sub, f"{path} > {sub.title()}")
            elif not action.isSeparator() and action.isEnabled() and id(action) not in skip:
                yield f"{path} > {action.text()}", action

    for top in win.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            yield from walk(menu, menu.title())


def _new_windows(before: set[int]) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and id(w) not in before and not isinstance(w, QMenu) and w.windowType() != 0x0D
    ]


def _shot(widget: QWidget, name: str) -> None:
    """With PEERAPP_WALK_SHOTS=<folder>, a picture of each screen walked, to look at by eye."""
    folder = os.environ.get("PEERAPP_WALK_SHOTS")
    if folder:
        safe = "".join(c if c.isalnum() else "_" for c in name)[:80]
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{safe}.png"))


def _close(widget: QWidget) -> None:
    if not shiboken6.isValid(widget):
        return  # a dialog that deletes itself on close, closed already
    if isinstance(widget, QMessageBox) and widget.escapeButton() is not None:
        widget.escapeButton().click()
    else:
        widget.close()  # a dialog's own way out (the editor keeps a draft without asking)
    if isinstance(widget, QDialog) and widget.isVisible():
        widget.done(QDialog.DialogCode.Rejected)


def walk_action(qtbot: Any, name: str, action: QAction, problems: list[Problem]) -> int:
    """Trigger `action`; check and close each window it opens (modal ones from inside their exec())."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    seen: list[int] = []  # ids: a dialog that deletes itself on close cannot be compared after

    def handle_new() -> bool:
        fresh = [w for w in _new_windows(before) if id(w) not in seen]
        for widget in fresh[:1]:
            seen.append(id(widget))
            problems.extend(check_window(widget, f"{name} [{type(widget).__name__}]"))
            if shiboken6.isValid(widget):
                _shot(widget, f"{name} {type(widget).__name__}")
            _close(widget)
        return bool(fresh)

    def poll() -> None:
        if not running:  # a timer left from this action must not take the next action's windows
            return
        handle_new()
        if running and len(seen) < _MAX_WINDOWS:
            QTimer.singleShot(10, poll)

    running = True
    QTimer.singleShot(0, poll)
    action.trigger()
    qtbot.wait(30)
    while len(seen) < _MAX_WINDOWS and handle_new():
        qtbot.wait(30)
    running = False
    return len(seen)


def walk(qtbot: Any, win: MainWindow, lang: str) -> tuple[list[Problem], int]:
    """The whole unlocked app in `lang`: the lock screen, every tab, every menu item's windows."""
    win.languages.set_language(lang, remember=False)
    win.resize(*SMALL_SCREEN)
    qtbot.wait(20)
    problems: list[Problem] = []
    win.lock()
    qtbot.wait(10)
    problems += check_window(win, f"{lang} lock screen")
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.stack.currentWidget() is win.tabs
    pages = win.pages
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        problems += check_window(win, f"{lang} tab {win.tabs.tabText(index)}")
        _shot(win, f"{lang} tab {index}")
    windows = 0
    for name, action in list(menu_actions(win)):
        if win.stack.currentWidget() is not win.tabs:  # something locked: unlock and go on
            unlock(qtbot, win, GUI_PASSPHRASE)
        windows += walk_action(qtbot, f"{lang} {name}", action, problems)
    assert pages
    return problems, windows


def first_run_and_journal(qtbot: Any, make_window: MakeWindow, lang: str) -> tuple[MainWindow, list[Problem]]:
    """The first-run screen in `lang` checked, then a journal with two entries made through it."""
    win = make_window()
    win.languages.set_language(lang, remember=False)
    win.resize(*SMALL_SCREEN)
    qtbot.wait(10)
    problems = check_window(win, f"{lang} first run")
    _shot(win, f"{lang} first run")
    create_vault(qtbot, win)
    write_entry(qtbot, win, "A walk by the sea", "It was calm.\n\nكان البحر هادئًا.", 4, "sea, calm")
    write_entry(qtbot, win, "يوم طويل", "تعبت اليوم كثيرًا.", 2, "عمل")
    return win, problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_fits_small_screen(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win, problems = first_run_and_journal(qtbot, make_window, lang)
    found, windows = walk(qtbot, win, lang)
    problems += found
    if os.environ.get("PEERAPP_WALK_REPORT"):  # a developer's full list, one problem a line
        with open(os.environ["PEERAPP_WALK_REPORT"], "a", encoding="utf-8") as report:
            report.writelines(f"{p}\n" for p in problems)
    assert windows >= 10  # the walk did open the menus' dialogs
    assert [str(p) for p in problems] == []
