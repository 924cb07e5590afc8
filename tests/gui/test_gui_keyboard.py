"""Keyboard and screen-reader behaviour: Tab leaves the entry text, moods are one choice, rows say
everything, announcements are made, focus stays put while unlocking, quick exit needs a real gesture."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from peerapp.core.journal import CopingUse, Entry, local_now
from peerapp.core.vocab import emotion_label, mood_label
from peerapp.gui.journal.editor import EntryEditor
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from peerapp.gui.widgets import locale_format
from peerapp.gui.widgets.announce import announcer
from support.gui import MakeWindow, create_vault, type_text, unlock

Role = QAccessible.Role
NAME = QAccessible.Text.Name


def name_of(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return str(iface.text(NAME))


def role_of(widget: QWidget) -> QAccessible.Role:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.role()


@pytest.fixture
def said() -> Iterator[list[tuple[str, bool]]]:
    heard: list[tuple[str, bool]] = []

    def hear(text: str, assertive: bool) -> None:
        heard.append((text, assertive))

    announcer().announced.connect(hear)
    yield heard
    announcer().announced.disconnect(hear)


@pytest.fixture
def screen_reader() -> Iterator[None]:
    """Qt's accessibility switched on, as when Orca listens on the AT-SPI bus."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


def open_window(qtbot: Any, make_window: MakeWindow) -> MainWindow:
    win: MainWindow = make_window()
    create_vault(qtbot, win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def open_editor(qtbot: Any, win: MainWindow) -> EntryEditor:
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press a key where the focus is, as a person would; the new focus widget."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def test_tab_leaves_the_entry_text_and_reaches_mood_tags_and_save(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = open_window(qtbot, make_window)
    editor = open_editor(qtbot, win)
    editor.body.setFocus()
    type_text(editor.body, "first line")
    visited = [press(qtbot, Qt.Key.Key_Tab) for _ in range(40)]
    assert "\t" not in editor.body.toPlainText()
    save = editor.buttons.button(editor.buttons.StandardButton.Save)
    assert save in visited
    assert editor.tags in visited
    assert any(widget in visited for widget in (editor.mood_row.none_button, *editor.mood_buttons.values()))
    # Forward from the text, Save comes before anything else of the form.
    assert visited.index(save) < visited.index(editor.tags)
    editor.keep_and_close()


def test_moods_are_one_choice_of_named_radio_buttons(qtbot: Any, make_window: MakeWindow) -> None:
    win = open_window(qtbot, make_window)
    editor = open_editor(qtbot, win)
    buttons = [editor.mood_row.none_button, *editor.mood_buttons.values()]
    assert all(role_of(b) == Role.RadioButton for b in buttons)
    assert name_of(editor.mood_buttons[4]) == "Mood: Good"
    assert name_of(editor.mood_row.none_button) == "Mood: Not set"
    assert editor.mood() is None
    editor.mood_buttons[2].click()
    editor.mood_buttons[4].click()
    assert [b.isChecked() for b in buttons] == [False, False, False, False, True, False]
    assert editor.mood() == 4
    # Arrow keys move the choice, as in any radio group.
    editor.mood_buttons[4].setFocus()
    press(qtbot, Qt.Key.Key_Right)
    assert editor.mood() == 5
    editor.mood_row.none_button.click()  # the mood is optional: it can be taken back
    assert editor.mood() is None
    editor.keep_and_close()


def test_what_i_tried_table_and_its_last_column_have_names(qtbot: Any, make_window: MakeWindow) -> None:
    win = open_window(qtbot, make_window)
    editor = open_editor(qtbot, win)
    editor.coping.add_row(CopingUse("box_breathing", 6, 3, 4))
    table = editor.coping.table
    assert name_of(table) == "What I tried"
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    assert all(headers), headers
    assert headers[-1] == "Remove"
    editor.keep_and_close()


def test_timeline_row_says_date_time_mood_tags_and_emotions(qtbot: Any, make_window: MakeWindow) -> None:
    win = open_window(qtbot, make_window)
    assert win.repo is not None
    at = local_now().replace(hour=9, minute=5, second=0, microsecond=0)
    win.repo.add(
        Entry(at=at, title="Walk", text="By the river", mood=2, emotions=["calm"], tags=["outdoors"])
    )
    win.journal_page.apply_filter()
    view = win.journal_page.list
    iface = QAccessible.queryAccessibleInterface(view)
    texts = [str(iface.child(i).text(NAME)) for i in range(iface.childCount())]
    row = next(t for t in texts if "Walk" in t)
    for part in (
        locale_format.long_date(at.date()),
        locale_format.time_text(at),
        "mood: " + mood_label(2),
        "emotions: " + emotion_label("calm"),
        "tags: outdoors",
    ):
        assert part in row, (part, row)


def test_announcements_saved_search_count_draft_and_locked(
    qtbot: Any, make_window: MakeWindow, said: list[tuple[str, bool]]
) -> None:
    win = open_window(qtbot, make_window)
    page = win.journal_page
    editor = open_editor(qtbot, win)
    type_text(editor.title, "Garden")
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert ("Entry saved", False) in said
    said.clear()
    type_text(page.search, "Garden")
    qtbot.waitUntil(lambda: bool(said))
    assert said == [(page.count_label.text(), False)]
    assert said[0][0] == "1 entry"
    said.clear()
    editor = open_editor(qtbot, win)
    type_text(editor.title, "unfinished")
    win.lock()
    assert said == [
        ("Your unfinished entry was kept as a draft.", False),
        ("Journal locked", False),
    ]


def test_wrong_passphrase_is_announced_in_the_interface_language(
    qtbot: Any, make_window: MakeWindow, said: list[tuple[str, bool]]
) -> None:
    win = open_window(qtbot, make_window)
    win.lock()
    win.languages.set_language("ar", remember=False)
    said.clear()
    unlock(qtbot, win, "not the passphrase")
    text = win.unlock_page.error.text()
    assert said == [(text, True)]
    assert any("\u0600" <= ch <= "\u06ff" for ch in text), text


def test_focus_stays_in_the_passphrase_field_while_unlocking(qtbot: Any, make_window: MakeWindow) -> None:
    win = open_window(qtbot, make_window)
    win.lock()
    page = win.unlock_page
    for start in (page.secret, page.unlock_button):
        page.secret.setFocus()
        qtbot.keyClicks(page.secret, "not the passphrase")
        start.setFocus()
        qtbot.keyClick(start, Qt.Key.Key_Return if start is page.secret else Qt.Key.Key_Space)
        assert page._task is not None  # being checked on a worker
        assert QApplication.focusWidget() is page.secret
        qtbot.waitUntil(lambda: page._task is None, timeout=15000)
        assert QApplication.focusWidget() is page.secret
        page.secret.clear()
        qtbot.waitUntil(lambda: not page.countdown.active(), timeout=30000)


def _escape(win: MainWindow) -> None:
    target = QApplication.focusWidget() or win
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))


def test_double_escape_quick_exits_without_a_screen_reader(qtbot: Any, make_window: MakeWindow) -> None:
    win = open_window(qtbot, make_window)
    with qtbot.waitSignal(win.quick_exited, timeout=2000):
        _escape(win)
        _escape(win)


def test_double_escape_is_off_with_a_screen_reader_but_ctrl_shift_q_works(
    qtbot: Any, make_window: MakeWindow, screen_reader: None
) -> None:
    win = open_window(qtbot, make_window)
    exits: list[bool] = []
    win.quick_exited.connect(lambda: exits.append(True))
    _escape(win)
    _escape(win)
    qtbot.wait(50)
    assert exits == []
    assert win.vault.is_unlocked
    target = QApplication.focusWidget() or win
    qtbot.keyClick(
        target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert exits == [True]
    assert not win.vault.is_unlocked


def test_shortcuts_dialog_lists_the_real_actions(qtbot: Any, make_window: MakeWindow) -> None:
    win = open_window(qtbot, make_window)
    rows = dict(shortcut_rows(win))
    assert rows["Lock"] == "Ctrl+L"
    assert rows["Quick exit (hide and lock)"] == "Ctrl+Shift+Q"
    assert rows["New entry"] == "Ctrl+N"
    # A new action with keys is listed without anyone editing a list: the table cannot go stale.
    extra = QAction("Something new", win)
    extra.setShortcut("Ctrl+Alt+J")
    win.addAction(extra)
    dialog = ShortcutsDialog(win)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    shown = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert shown["Something new"] == "Ctrl+Alt+J"
    assert shown["Lock"] == "Ctrl+L"
    assert win.shortcuts_action in win.help_menu.actions()
