"""Driving the real app window in tests: typing any text, the first run, unlocking, modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from peerapp.gui.shell.main_window import MainWindow

# The `make_window` fixture of tests/gui/conftest.py: make_window(settings=None, lang="en", data=...).
MakeWindow = Callable[..., MainWindow]

# Strong enough for the first-run meter (the setup page refuses weak ones).
GUI_PASSPHRASE = "a long and private passphrase"


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Arabic included, as key events (QTest.keyClicks only handles ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def create_vault(qtbot: Any, win: MainWindow, *, with_tour: bool = False) -> None:
    """Make a journal through the first-run steps, as a new user would: Next past the language (when it
    is asked), the passphrase twice, Next, the suggested protections, Create.

    The tour that follows the first saved entry is recorded as had unless `with_tour`, so it stays out
    of the way of every other test's screens and focus (tests/gui/test_gui_tour.py drives it)."""
    page = win.setup_page
    assert win.stack.currentWidget() is page
    if page.step() == 0:  # the language step: keep the language shown
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.form.passphrase.isVisible() and not page.next_button.isEnabled()
    qtbot.keyClicks(page.form.passphrase, GUI_PASSPHRASE)
    qtbot.keyClicks(page.form.repeat, GUI_PASSPHRASE)
    assert page.form.meter.value() >= 3
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.create_button.isVisible() and page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.tabs, timeout=15000)
    if not with_tour:
        from peerapp.gui.shell import tour

        tour.mark_shown(win)


def unlocked_window(qtbot: Any, make_window: MakeWindow, lang: str = "en") -> MainWindow:
    """A window in `lang` with a journal just made through the first run (create_vault), unlocked."""
    win = make_window(lang=lang)
    create_vault(qtbot, win)
    win.languages.set_language(lang, remember=False)
    return win


def write_entry(qtbot: Any, win: MainWindow, title: str, body: str, mood: int = 4, tags: str = "") -> None:
    """Write and save one entry through the editor."""
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    type_text(editor.title, title)
    editor.mood_buttons[mood].click()
    editor.body.setPlainText(body)
    if tags:
        type_text(editor.tags, tags)
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert win.journal_page.editor is None


def unlock(qtbot: Any, win: MainWindow, passphrase: str) -> None:
    """Type the passphrase on the lock screen, press Return, and wait for the try to end."""
    page = win.unlock_page
    page.secret.clear()
    qtbot.keyClicks(page.secret, passphrase)
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page._task is None, timeout=15000)


def when_modal(kind: type[QWidget], handler: Callable[[QWidget], None]) -> None:
    """Run `handler` on the next visible modal dialog of `kind` (exec() blocks the caller)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            handler(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def press_answer(box: QMessageBox, accept: bool) -> None:
    """Press the button that does what an ask() question asks (`accept`), or its Cancel."""
    roles = (
        (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.DestructiveRole)
        if accept
        else (QMessageBox.ButtonRole.RejectRole,)
    )
    for button in box.buttons():
        if box.buttonRole(button) in roles:
            button.click()
            return
    raise AssertionError("no such button")


def answer_next_box(accept: bool, seen: list[str] | None = None) -> None:
    """Press the action button (`accept`) or Cancel in the next message box; note its buttons' texts."""

    def press(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        if seen is not None:
            seen.extend(b.text() for b in widget.buttons())
        press_answer(widget, accept)

    when_modal(QMessageBox, press)
