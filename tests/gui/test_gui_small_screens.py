"""Small screens and first impressions: windows open no bigger than the screen, a geometry saved on a
bigger screen is brought back onto this one, the first-run screen takes typing at once, and a wrong
passphrase on the lock screen says only that."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QApplication, QWidget

from peerapp.core.settings import Settings
from peerapp.gui.common import WINDOW_FRAME, fit_to_screen
from peerapp.gui.shell.pseudo import PSEUDO, stretch
from support.gui import GUI_PASSPHRASE, MakeWindow, create_vault, type_text, unlock


def _room() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_fit_to_screen_never_opens_bigger_than_the_screen(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    room = _room()
    fit_to_screen(widget, room.width() + 500, room.height() + 500)
    assert widget.width() <= room.width()
    assert widget.height() <= room.height() - WINDOW_FRAME
    fit_to_screen(widget, 300, 200)  # where there is room, the size asked for
    assert (widget.width(), widget.height()) == (300, 200)


def test_window_saved_on_a_bigger_screen_reopens_on_this_one(qtbot: Any, make_window: MakeWindow) -> None:
    room = _room()
    probe = QWidget()
    qtbot.addWidget(probe)
    probe.setGeometry(room.x() + 300, room.y() + 200, room.width() + 900, room.height() + 400)
    saved = bytes(probe.saveGeometry().toBase64().data()).decode()
    win = make_window(settings=Settings(window_geometry=saved))
    # The client area (offscreen has no window manager to say how wide its frame is).
    shown = win.geometry()
    assert win.width() <= room.width() and win.height() <= room.height()
    assert room.contains(shown.topLeft())
    assert shown.right() <= room.right()  # in Arabic the first tab and menu sit at the right edge
    assert shown.bottom() <= room.bottom()


def test_first_window_fits_the_screen(make_window: MakeWindow) -> None:
    win = make_window()
    room = _room()
    assert win.width() <= room.width() and win.height() <= room.height() - WINDOW_FRAME


def test_first_run_takes_typing_at_once(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window()
    page = win.setup_page
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.passphrase, timeout=5000)
    focused = QApplication.focusWidget()
    assert focused is not None
    type_text(focused, "typed at once")
    assert page.form.passphrase.text() == "typed at once"


def test_wrong_passphrase_on_the_lock_screen_says_only_that(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window()
    create_vault(qtbot, win)
    win.lock()
    unlock(qtbot, win, "not " + GUI_PASSPHRASE)
    message = win.unlock_page.error.text()
    assert message == "That passphrase is not right."
    assert win.vault.is_unlocked is False


def test_pseudo_locale_stretches_keeps_placeholders_and_mirrors(qtbot: Any, make_window: MakeWindow) -> None:
    text = "&Export %n entries to %1 <b>now</b>"
    stretched = stretch(text)
    visible = len("Export  entries to  now")
    assert len(stretched) - len(text) >= 0.4 * visible
    for kept in ("&", "%n", "%1", "<b>", "</b>"):
        assert kept in stretched
    assert "Export" not in stretched  # accented: a string that skips tr() stands out in English
    win = make_window()
    win.languages.set_language(PSEUDO, remember=False)
    qtbot.wait(10)  # every widget retranslates on the posted LanguageChange
    assert QApplication.isRightToLeft()
    assert win.setup_page.heading.text() == stretch("Create your private journal")
    assert win.settings.language != PSEUDO  # never remembered


def test_saved_geometry_round_trip_keeps_a_fitting_window(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window()
    win.resize(640, 480)
    geometry = bytes(win.saveGeometry().toBase64().data()).decode()
    again = make_window(settings=Settings(window_geometry=geometry))
    assert (again.width(), again.height()) == (640, 480)
    assert QByteArray.fromBase64(geometry.encode())  # a real saved geometry, not an empty one
