"""The first run in three steps, driven by keys and clicks in English and Arabic: the language, the
passphrase (strength, recovery key), the optional protections; nothing is made before "Create my
journal", Back keeps what was typed, and every step fits 1024×600 and a large screen in en, ar and pseudo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from peerapp.core.disguise import ORIGINAL
from peerapp.core.settings import Settings
from peerapp.gui.protection.discreet import apply_appearance
from peerapp.gui.shell.app import build_window
from peerapp.gui.shell.dialogs import RecoveryKeyDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.shell.setup_page import LANGUAGE, PASSPHRASE, PROTECTIONS, SetupPage
from support.gui import GUI_PASSPHRASE, MakeWindow, type_text, unlock, when_modal
from support.layout_checks import SMALL_SCREEN, check_window

LARGE = (1600, 1000)
NewWindow = Callable[..., MainWindow]


@pytest.fixture
def new_window(qtbot: Any, data_dir: Path) -> Iterator[NewWindow]:
    """A window as on a first start: no language chosen yet, so the first step asks for one."""
    made: list[MainWindow] = []

    def make(settings: Settings | None = None) -> MainWindow:
        win = build_window(data_dir, None, settings=settings or Settings())
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        made.append(win)
        return win

    yield make
    for win in made:
        win.lock()
        win.release_event_filter()
        win.languages.set_language("en", remember=False)
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    apply_appearance(app, ORIGINAL)  # discreet mode is app-wide: the next test starts in the app's own look


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: Any, key: Qt.Key) -> None:
    """A key pressed where the keyboard is, as a person presses it."""
    qtbot.keyClick(focus(), key)


def wait_focus(qtbot: Any, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def cut_wrapped_labels(top: QWidget) -> list[str]:
    """Wrapped labels shorter than their text needs at their width (layout_checks skips wrapped ones)."""
    return [
        label.text()[:40]
        for label in top.findChildren(QLabel)
        if label.isVisibleTo(top)
        and label.wordWrap()
        and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_three_steps_from_the_keyboard_make_a_journal_with_the_chosen_protections(
    qtbot: Any, new_window: NewWindow, data_dir: Path, lang: str
) -> None:
    win = new_window()
    page = win.setup_page
    assert page.step() == LANGUAGE and page.step_label.text() == "Step 1 of 3"
    assert not page.back_button.isVisible()
    wait_focus(qtbot, page.english)  # the first field of the step
    if lang == "ar":
        press(qtbot, Qt.Key.Key_Right)  # the two choices are one group: arrows move between them
        assert focus() is page.arabic
    press(qtbot, Qt.Key.Key_Return)  # Enter on a language chooses it and goes on

    assert win.settings.language == lang
    assert QApplication.isRightToLeft() == (lang == "ar")
    assert page.step() == PASSPHRASE
    # The step counter in the interface's digits ("Step ٢ of ٣" in Arabic, whatever its words).
    assert ("٢" in page.step_label.text() and "٣" in page.step_label.text()) if lang == "ar" else True
    assert page.step_label.text() == "Step 2 of 3" or lang == "ar"
    if lang == "ar":
        qtbot.waitUntil(lambda: page.heading.text() == "أنشئ يومياتك الخاصة", timeout=3000)  # live
        assert page.english.text() == "English" and page.arabic.text() == "العربية"  # each in itself
    wait_focus(qtbot, page.form.passphrase)
    type_text(focus(), GUI_PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)  # on to the second field, not past the step
    assert page.step() == PASSPHRASE and focus() is page.form.repeat
    type_text(focus(), GUI_PASSPHRASE)
    assert page.form.meter.value() >= 3 and page.form.strength.text()
    press(qtbot, Qt.Key.Key_Return)

    assert page.step() == PROTECTIONS
    wait_focus(qtbot, page.discreet)
    assert not page.discreet.isChecked() and page.autolock.currentData() == 5  # the suggested settings
    press(qtbot, Qt.Key.Key_Space)
    assert page.discreet.isChecked()
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is page.autolock
    press(qtbot, Qt.Key.Key_Down)
    assert page.autolock.currentData() == 15
    assert files_in(data_dir) == []  # nothing made before the last step's action
    press(qtbot, Qt.Key.Key_Return)  # Enter on the last step: Create my journal
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.tabs, timeout=15000)

    assert win.vault.is_unlocked and files_in(data_dir)
    saved = Settings.load()
    assert saved.autolock_minutes == 15 == win.settings.autolock_minutes
    assert saved.appearance == "notes" and saved.language == lang
    assert win.idle_timer.isActive() and win.idle_timer.interval() == 15 * MainWindow.AUTOLOCK_UNIT_MS
    win.lock()
    # Discreet mode is on: the lock screen carries the neutral name, in the interface's language.
    assert win.discreet.appearance.key == "notes"
    assert win.windowTitle() == win.discreet.appearance.display_title() != "peerapp"
    assert not win.menuBar().isVisible()
    assert page.form.passphrase.text() == "" and page.form.repeat.text() == ""  # nothing kept after


def test_the_recovery_key_is_explained_and_shown_once_after_the_journal_is_made(
    qtbot: Any, new_window: NewWindow
) -> None:
    win = new_window()
    page = win.setup_page
    qtbot.mouseClick(page.arabic, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.passphrase_step.recovery_note.isVisible() and page.passphrase_step.recovery_note.text()
    qtbot.keyClicks(page.form.passphrase, GUI_PASSPHRASE)
    qtbot.keyClicks(page.form.repeat, GUI_PASSPHRASE)
    qtbot.mouseClick(page.recovery, Qt.MouseButton.LeftButton)
    assert page.recovery.isChecked()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    shown: list[str] = []

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoveryKeyDialog)
        assert not win.tabs.isVisible()  # the key comes first, once, before the journal
        shown.append(dialog.key_field.text())
        dialog.confirm.setChecked(True)
        dialog.accept()

    when_modal(RecoveryKeyDialog, keep)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.tabs, timeout=15000)
    assert len(shown) == 1 and len(shown[0].replace("-", "")) == 52
    win.lock()
    win.unlock_page.mode_button.click()
    unlock(qtbot, win, shown[0])
    assert win.stack.currentWidget() is win.tabs


def test_back_keeps_everything_typed_and_chosen(qtbot: Any, new_window: NewWindow, data_dir: Path) -> None:
    win = new_window()
    page = win.setup_page
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.form.passphrase, GUI_PASSPHRASE)
    qtbot.keyClicks(page.form.repeat, GUI_PASSPHRASE)
    qtbot.mouseClick(page.recovery, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.discreet, Qt.MouseButton.LeftButton)
    page.autolock.setCurrentIndex(page.autolock.findData(30))
    assert page.discreet.isChecked()

    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.step() == PASSPHRASE and focus() is page.form.passphrase
    assert page.form.passphrase.text() == GUI_PASSPHRASE == page.form.repeat.text()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.step() == LANGUAGE and focus() is page.english
    # Switching the language on the way back keeps the passphrase: it is what a person expects.
    qtbot.mouseClick(page.arabic, Qt.MouseButton.LeftButton)
    assert QApplication.isRightToLeft()
    press(qtbot, Qt.Key.Key_Return)
    assert page.step() == PASSPHRASE
    assert page.form.passphrase.text() == GUI_PASSPHRASE == page.form.repeat.text()
    assert page.recovery.isChecked() and page.next_button.isEnabled()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.discreet.isChecked() and page.autolock.currentData() == 30
    assert files_in(data_dir) == [] and not win.vault.exists()


def test_a_passphrase_that_is_short_or_unmatched_keeps_the_step(qtbot: Any, new_window: NewWindow) -> None:
    win = new_window()
    page = win.setup_page
    press(qtbot, Qt.Key.Key_Return)
    wait_focus(qtbot, page.form.passphrase)
    type_text(focus(), "short")
    assert page.form.meter.value() == 0 and page.form.problem.text() == "The passphrase is too short."
    press(qtbot, Qt.Key.Key_Return)
    type_text(focus(), "short")
    press(qtbot, Qt.Key.Key_Return)
    assert page.step() == PASSPHRASE and focus() is page.form.passphrase  # back to what needs fixing
    assert not page.next_button.isEnabled()
    type_text(focus(), " but longer now")
    page.form.repeat.setFocus()
    type_text(focus(), " but different")
    press(qtbot, Qt.Key.Key_Return)
    assert page.step() == PASSPHRASE and focus() is page.form.repeat
    assert page.form.problem.text() == "The two passphrases do not match."


def test_a_language_chosen_before_starts_at_the_passphrase_and_back_reaches_it(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window(lang="ar")  # as `peerapp --lang ar`, or a journal made here before
    page = win.setup_page
    assert page.step() == PASSPHRASE
    win.activateWindow()
    wait_focus(qtbot, page.form.passphrase)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.step() == LANGUAGE and page.arabic.isChecked() and focus() is page.arabic


def _walk_steps(qtbot: Any, page: SetupPage, where: str, size: tuple[int, int]) -> list[str]:
    problems: list[str] = []
    win = page.window()
    for step in (LANGUAGE, PASSPHRASE, PROTECTIONS):
        while page.step() > step:
            page.back()
        while page.step() < step:
            page.next()
        assert page.step() == step
        qtbot.wait(10)
        problems += [str(p) for p in check_window(win, f"{where} step {step + 1}", size)]
        problems += cut_wrapped_labels(win)
    return problems


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE], ids=["1024x600", "large"])
def test_every_step_fits_and_names_its_controls(
    qtbot: Any, new_window: NewWindow, lang: str, size: tuple[int, int]
) -> None:
    win = new_window()
    win.languages.set_language(lang, remember=False)
    win.resize(*size)
    page = win.setup_page
    # The longest texts a step shows: a passphrase typed, a mismatch and its problem line.
    page.next()
    qtbot.keyClicks(page.form.passphrase, GUI_PASSPHRASE)
    qtbot.keyClicks(page.form.repeat, GUI_PASSPHRASE + "x")
    assert page.form.problem.text()
    page.form.repeat.backspace()
    problems = _walk_steps(qtbot, page, f"{lang} {size}", size)
    assert problems == []
