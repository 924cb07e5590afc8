"""Fixtures for the GUI tests: the real app window, built, shown and torn down the same way everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerapp.core import numerals
from peerapp.core.settings import Settings
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.widgets import locale_format
from support.gui import MakeWindow


@pytest.fixture(autouse=True)
def default_number_style() -> Iterator[None]:
    """Digits and the Hijri date are app-wide (the default QLocale): each test leaves English's behind."""
    yield
    locale_format.configure("en", numerals.ARABIC_INDIC, False)


@pytest.fixture
def make_window(qtbot: Any, data_dir: Path) -> Iterator[MakeWindow]:
    """Build the app window on this test's data folder; every window made is locked and reset after."""
    made: list[MainWindow] = []

    def make(settings: Settings | None = None, lang: str = "en", data: Path | None = data_dir) -> MainWindow:
        win = build_window(data, lang, settings=settings if settings is not None else Settings())
        qtbot.addWidget(win)
        win.show()
        made.append(win)
        return win

    yield make
    for win in made:
        win.lock()
        win.release_event_filter()
        win.languages.set_language("en", remember=False)


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    """The app window in English with default settings, on the first-run or lock screen."""
    return make_window()
