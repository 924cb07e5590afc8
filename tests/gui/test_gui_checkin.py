"""The quick check-in driven through the real window and vault: toolbar, a face, a chip, Save; going on
in the full editor; a lock while it is open; keys; and its layout in en, ar and pseudo at 1024×600."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from peerapp.core.journal import EntryFilter
from peerapp.gui import theme
from peerapp.gui.journal.checkin import CheckInDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import GUI_PASSPHRASE, MakeWindow, type_text, unlock
from support.gui import unlocked_window as opened
from support.layout_checks import SMALL_SCREEN, check_window

LEFT = Qt.MouseButton.LeftButton


def open_check_in(qtbot: Any, win: MainWindow) -> CheckInDialog:
    """Click the toolbar's Check in button, as a person would."""
    assert win.toolbar.isVisible()
    qtbot.mouseClick(win.checkin_button, LEFT)
    dialog = win.checkin_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _shot(widget: Any, name: str) -> None:
    """With PEERAPP_CHECKIN_SHOTS=<folder>, a picture to look at by eye."""
    folder = os.environ.get("PEERAPP_CHECKIN_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def test_two_clicks_and_save_make_an_entry_in_the_vault(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    dialog = open_check_in(qtbot, win)
    assert not dialog.save_button.isEnabled()  # nothing chosen, nothing to save
    clicks = 0
    qtbot.mouseClick(dialog.faces.buttons[2], LEFT)  # click 1: a face
    clicks += 1
    chip = dialog.emotions.chips["lonely"]
    qtbot.mouseClick(chip, LEFT, pos=QPoint(chip.width() // 2, chip.height() // 2))  # click 2: a chip
    clicks += 1
    assert chip.isChecked() and chip.accessibleName() == "lonely, selected"
    qtbot.mouseClick(dialog.save_button, LEFT)  # and Save
    assert clicks <= 2
    assert win.checkin_dialog is None
    assert win.repo is not None
    entries = win.repo.page(EntryFilter(), limit=10)
    assert [(e.mood, e.emotions, e.text) for e in entries] == [(2, ["lonely"], "")]
    assert not win.repo.drafts()
    # A normal entry: the timeline shows it, selected.
    assert win.journal_page.selected_entry() is not None
    assert win.journal_page.selected_entry().id == entries[0].id  # type: ignore[union-attr]


def test_shortcut_and_menu_open_it_and_keys_pick_a_mood(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    assert win.checkin_action.shortcut() == QKeySequence("Ctrl+Shift+K")
    assert win.checkin_action in win.journal_menu.actions()
    from peerapp.gui.shell.shortcuts_dialog import shortcut_rows

    assert ("Check in", QKeySequence("Ctrl+Shift+K").toString(QKeySequence.SequenceFormat.NativeText)) in (
        shortcut_rows(win)
    )
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(
        win.journal_page.list,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = win.checkin_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.faces.buttons[1], Qt.Key.Key_4)
    assert dialog.mood() == 4
    type_text(dialog.faces.buttons[4], "٢")  # an Arabic keyboard's digit
    assert dialog.mood() == 2
    # Arrow keys move the choice along the faces (Qt moves the focus from the focused one).
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.faces.buttons[2].setFocus()
    qtbot.keyClick(dialog.faces.buttons[2], Qt.Key.Key_Right)
    assert dialog.mood() == 3
    # The search field keeps its digits.
    qtbot.keyClicks(dialog.emotions.search, "5")
    assert dialog.mood() == 3 and dialog.emotions.search.text() == "5"
    win.checkin_action.trigger()  # a second press brings the same one forward
    assert win.checkin_dialog is dialog
    dialog.reject()  # Cancel forgets it without asking: nothing was typed
    assert win.checkin_dialog is None
    assert win.repo is not None and not win.repo.drafts()


def test_continue_in_the_full_editor_keeps_mood_and_emotions(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    dialog = open_check_in(qtbot, win)
    qtbot.mouseClick(dialog.faces.buttons[5], LEFT)
    dialog.emotions.chips["grateful"].click()
    dialog.emotions.chips["proud"].click()
    dialog.save_draft()  # the autosave's tick: the check-in's draft is in the vault
    assert win.repo is not None
    slot = dialog.slot
    assert win.repo.load_draft(slot) is not None
    qtbot.mouseClick(dialog.continue_button, LEFT)
    assert win.checkin_dialog is None
    editor = win.journal_page.editor
    assert editor is not None
    assert editor.mood() == 5
    assert editor.checked_emotions() == ["proud", "grateful"]  # the vocabulary's order
    assert editor.slot == slot  # the editor goes on with the same draft, none left behind
    editor.body.setPlainText("A good evening with friends.")
    editor.save()
    entries = win.repo.page(EntryFilter(), limit=10)
    assert [(e.mood, sorted(e.emotions), e.text) for e in entries] == [
        (5, ["grateful", "proud"], "A good evening with friends.")
    ]
    assert not win.repo.drafts()


def test_continue_while_an_editor_is_open_keeps_the_check_in(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    editor.body.setPlainText("something else I am writing")
    dialog = open_check_in(qtbot, win)
    dialog.faces.buttons[3].click()
    dialog.continue_button.click()
    assert win.checkin_dialog is dialog and dialog.isVisible()  # nothing chosen is lost
    assert dialog.error.text()
    assert editor.body.toPlainText() == "something else I am writing"
    dialog.save()
    assert win.repo is not None
    assert [e.mood for e in win.repo.page(EntryFilter(), limit=10)] == [3]
    editor.keep_and_close()


def _files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def test_lock_while_open_loses_nothing_and_leaves_nothing_readable(
    qtbot: Any, make_window: MakeWindow, data_dir: Path, tmp_path: Path
) -> None:
    win = opened(qtbot, make_window)
    first = open_check_in(qtbot, win)
    first.faces.buttons[4].click()
    first.save()  # one saved check-in
    dialog = open_check_in(qtbot, win)
    dialog.faces.buttons[1].click()
    dialog.emotions.chips["overwhelmed"].click()
    win.lock()  # the auto-lock fires while it is open
    assert win.checkin_dialog is None
    assert not any(isinstance(w, CheckInDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    # Nothing of the unsaved choice anywhere on disk but inside the encrypted vault.
    for path in _files_under(data_dir, tmp_path / "config", tmp_path / "cache"):
        data = path.read_bytes()
        assert b"overwhelmed" not in data and b"checkin:" not in data, path
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.repo is not None
    assert [e.mood for e in win.repo.page(EntryFilter(), limit=10)] == [4]  # the saved one is there
    # The unsaved one waits as a draft, and goes on in the editor.
    page = win.journal_page
    assert page.draft_banner.isVisible()
    page.resume_button.click()
    editor = page.editor
    assert editor is not None
    assert editor.mood() == 1 and editor.checked_emotions() == ["overwhelmed"]
    editor.save()
    assert sorted(e.mood for e in win.repo.page(EntryFilter(), limit=10)) == [1, 4]  # type: ignore[type-var]
    assert not win.repo.drafts()


def test_busy_journal_keeps_the_choice(qtbot: Any, make_window: MakeWindow) -> None:
    from peerapp.core.errors import JournalBusy

    win = opened(qtbot, make_window)
    dialog = open_check_in(qtbot, win)
    dialog.faces.buttons[2].click()
    other = win.vault.connect()  # another task's connection holds the write lock, as an import does
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog.save()
        assert dialog.isVisible() and dialog.mood() == 2
        assert dialog.error.text() == JournalBusy().user_message()
    finally:
        other.execute("ROLLBACK")
        win.vault.release(other)
    dialog.save()
    assert win.checkin_dialog is None


def test_toolbar_only_while_unlocked(qtbot: Any, make_window: MakeWindow) -> None:
    win = opened(qtbot, make_window)
    assert win.toolbar.isVisible() and win.checkin_action.isEnabled()
    win.lock()
    assert not win.toolbar.isVisible() and not win.checkin_action.isEnabled()
    win.checkin_action.trigger()
    assert win.checkin_dialog is None


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
def test_check_in_fits_small_and_large_screens(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = opened(qtbot, make_window, lang)
    win.resize(*SMALL_SCREEN)
    dialog = open_check_in(qtbot, win)
    dialog.faces.buttons[4].click()
    dialog.emotions.chips["calm"].click()
    problems = check_window(dialog, f"{lang} check-in")
    problems += check_window(win, f"{lang} window with the toolbar")
    _shot(dialog, f"checkin_{lang}_light")
    if lang != PSEUDO:
        theme.set_dark(True)
        try:
            QApplication.processEvents()
            problems += check_window(dialog, f"{lang} check-in dark")
            _shot(dialog, f"checkin_{lang}_dark")
            _shot(win, f"window_{lang}_dark")
        finally:
            theme.set_dark(False)
    _shot(win, f"window_{lang}_light")
    # A large screen: everything in one view, nothing stretched out of reach.
    dialog.resize(1600, 1000)
    problems += check_window(dialog, f"{lang} check-in large", size_limit=(1920, 1080))
    assert [str(p) for p in problems] == []
    dialog.reject()
