"""A screen-reader user's journey, driven through Qt's accessibility interface and the keyboard only:
write a full entry, find it, lock. Controls are found by accessible role and name, pressed through
their action interface, and read back through text(); no widget attribute is poked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget

from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.widgets.announce import announcer
from support.gui import MakeWindow, create_vault, type_text

Role = QAccessible.Role
NAME = QAccessible.Text.Name


def walk(iface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    yield iface
    if depth > 40:
        return
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield from walk(child, depth + 1)


def find(root: QWidget, role: QAccessible.Role, name: str) -> QAccessibleInterface:
    """The visible control with this role whose accessible name is `name` (mnemonic & ignored)."""
    start = QAccessible.queryAccessibleInterface(root)
    for iface in walk(start):
        if iface.role() == role and str(iface.text(NAME)).replace("&", "") == name:
            if not iface.state().invisible:
                return iface
    raise AssertionError(f"no {role} named {name!r}")


def focus_iface() -> QAccessibleInterface:
    widget = QApplication.focusWidget()
    assert widget is not None
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface


def key(
    qtbot: Any, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QAccessibleInterface:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k, mod)
    return focus_iface()


def tab_to(qtbot: Any, role: QAccessible.Role, name: str, limit: int = 40) -> QAccessibleInterface:
    """Press Tab until the screen reader would say `name`, as its user would."""
    for _ in range(limit):
        iface = key(qtbot, Qt.Key.Key_Tab)
        if iface.role() == role and str(iface.text(NAME)) == name:
            return iface
    raise AssertionError(f"Tab never reached {role} {name!r}")


def press(iface: QAccessibleInterface) -> None:
    actions = iface.actionInterface()
    assert actions is not None
    assert actions.pressAction() in actions.actionNames()
    actions.doAction(actions.pressAction())


@pytest.fixture
def screen_reader() -> Iterator[list[str]]:
    heard: list[str] = []
    QAccessible.setActive(True)

    def hear(text: str, _assertive: bool) -> None:
        heard.append(text)

    announcer().announced.connect(hear)
    yield heard
    announcer().announced.disconnect(hear)
    QAccessible.setActive(False)


def test_write_find_and_lock_with_a_screen_reader(
    qtbot: Any, make_window: MakeWindow, screen_reader: list[str]
) -> None:
    win: MainWindow = make_window()
    create_vault(qtbot, win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)

    # New entry, through the button's accessible press action.
    press(find(win, Role.PushButton, "New entry"))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not win)
    dialog = QApplication.activeWindow()
    assert dialog is not None
    assert QAccessible.queryAccessibleInterface(dialog).text(NAME) == "New entry"

    # Title (named by its label), the mood by arrow keys, an emotion, tags, the text, then Save.
    tab_to(qtbot, Role.EditableText, "Title:")
    type_text(QApplication.focusWidget(), "Morning by the sea")
    mood = tab_to(qtbot, Role.RadioButton, "Mood: Not set")
    assert mood.state().checked
    for _ in range(4):
        mood = key(qtbot, Qt.Key.Key_Right)
    assert str(mood.text(NAME)) == "Mood: Good"
    assert mood.state().checked
    tags = tab_to(qtbot, Role.EditableText, "Tags:")
    type_text(QApplication.focusWidget(), "sea, calm")
    assert str(tags.text(QAccessible.Text.Value)) == "sea, calm"
    body = tab_to(qtbot, Role.EditableText, "Entry text")
    type_text(QApplication.focusWidget(), "The water was still.")
    # Tab leaves the text (it used to type a tab character) and reaches Save.
    save = tab_to(qtbot, Role.PushButton, "Save", limit=3)
    assert "\t" not in str(body.text(QAccessible.Text.Value))
    assert save.state().focused
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Entry saved" in screen_reader)
    # The dialog is gone; the window manager gives the main window the keyboard back (offscreen has none).
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Find it: Ctrl+F, type, and hear the count.
    search = key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert search.role() == Role.EditableText
    screen_reader.clear()
    type_text(QApplication.focusWidget(), "sea")
    qtbot.waitUntil(lambda: bool(screen_reader))
    assert screen_reader == ["1 entry"]
    timeline = find(win, Role.List, "Journal entries, newest first")
    rows = [str(timeline.child(i).text(NAME)) for i in range(timeline.childCount())]
    assert len(rows) == 1
    assert "Morning by the sea" in rows[0]
    assert "mood: Good" in rows[0]
    assert "tags: calm, sea" in rows[0]  # stored sorted

    # Lock with Ctrl+L: announced, and nothing of the entry is left in the accessible tree.
    screen_reader.clear()
    key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert screen_reader == ["Journal locked"]
    names = [
        str(i.text(NAME)) + str(i.text(QAccessible.Text.Value))
        for i in walk(QAccessible.queryAccessibleInterface(win))
    ]
    assert not any("Morning by the sea" in n for n in names)
    passphrase = focus_iface()
    assert passphrase.role() == Role.EditableText
    assert str(passphrase.text(NAME)) == "Passphrase:"
