"""Every tab and the lock screen at the common laptop and desktop sizes (1366×768, 1920×1080), in
English and Arabic: nothing cut off, nothing outside the window, a name for every control. The full
walk of every dialog runs at the smallest size, 1024×600 (test_gui_walk.py)."""

from __future__ import annotations

from typing import Any

import pytest

from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, MakeWindow, create_vault, unlock, write_entry
from support.layout_checks import check_window

SIZES = ((1366, 768), (1920, 1080))


@pytest.fixture
def journal(qtbot: Any, make_window: MakeWindow) -> MainWindow:
    win = make_window()
    create_vault(qtbot, win)
    write_entry(qtbot, win, "A walk by the sea", "It was calm.\n\nكان البحر هادئًا.", 4, "sea, calm")
    write_entry(qtbot, win, "يوم طويل", "تعبت اليوم كثيرًا.", 2, "عمل")
    return win


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_tabs_fit_laptop_and_desktop_sizes(qtbot: Any, journal: MainWindow, lang: str) -> None:
    win = journal
    win.languages.set_language(lang, remember=False)
    problems = []
    for width, height in SIZES:
        win.resize(width, height)
        qtbot.wait(20)
        for index in range(win.tabs.count()):
            win.tabs.setCurrentIndex(index)
            qtbot.wait(20)
            where = f"{lang} {width}x{height} tab {win.tabs.tabText(index)}"
            problems += check_window(win, where, size_limit=(width, height))
        win.lock()
        qtbot.wait(10)
        problems += check_window(win, f"{lang} {width}x{height} lock screen", size_limit=(width, height))
        unlock(qtbot, win, GUI_PASSPHRASE)
    assert [str(p) for p in problems] == []
