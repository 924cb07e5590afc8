"""The Groups tab before any group: one kind line on what groups are (anonymous, encrypted end to end,
nothing sent until one is joined), joining with an invite first and starting a group second, both the
page's own actions; it contacts nothing, and fits 1024×600 and a large screen in en, ar and pseudo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from peerapp.gui.groups.dialogs import JoinGroupDialog, NewGroupDialog
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import MakeWindow, create_vault, when_modal
from support.layout_checks import SMALL_SCREEN, check_window

LARGE = (1600, 1000)


def groups_tab(qtbot: Any, make_window: MakeWindow, lang: str = "en") -> MainWindow:
    win: MainWindow = make_window(lang=lang)
    create_vault(qtbot, win)
    win.show_tab(win.groups_page)
    qtbot.wait(10)
    return win


def test_the_empty_page_says_what_groups_are_and_offers_joining_first(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = groups_tab(qtbot, make_window)
    page = win.groups_page
    assert page.stack.currentWidget() is page.intro and page.intro.isVisible()
    text = page.intro_text.text()
    for promise in ("name they choose", "encrypted end to end", "Nothing leaves", "no server"):
        assert promise in text
    # Joining comes first (reading order and Tab order), then starting a group, then the quieter settings.
    order = [page.intro_join, page.intro_new, page.intro_settings]
    assert [b.isVisible() for b in order] == [True, True, True]
    assert (
        page.intro_join.mapTo(page, page.intro_join.rect().center()).x()
        < page.intro_new.mapTo(page, page.intro_new.rect().center()).x()
    )
    page.intro_join.setFocus()
    assert page.intro_join.nextInFocusChain() is page.intro_new
    assert page.intro_settings.isFlat()
    assert page.sync.runs == 0 and not page.sync.timer.isActive()  # nothing contacted


@pytest.mark.parametrize(
    ("button", "kind"), [("intro_join", JoinGroupDialog), ("intro_new", NewGroupDialog)], ids=["join", "new"]
)
def test_each_action_opens_the_pages_own_dialog(
    qtbot: Any, make_window: MakeWindow, button: str, kind: type[QWidget]
) -> None:
    win = groups_tab(qtbot, make_window)
    page = win.groups_page
    opened: list[QWidget] = []

    def close(dialog: QWidget) -> None:
        opened.append(dialog)
        assert isinstance(dialog, QDialog)
        dialog.reject()

    when_modal(kind, close)
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert page.stack.currentWidget() is page.intro and page.sync.runs == 0


def test_in_arabic_the_actions_mirror(qtbot: Any, make_window: MakeWindow) -> None:
    win = groups_tab(qtbot, make_window, "ar")
    page = win.groups_page
    join = page.intro_join.mapTo(page, page.intro_join.rect().center()).x()
    new = page.intro_new.mapTo(page, page.intro_new.rect().center()).x()
    assert join > new  # the first action on the right, where Arabic reading starts


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE], ids=["1024x600", "large"])
def test_the_empty_page_fits_and_names_its_controls(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int]
) -> None:
    win = groups_tab(qtbot, make_window)
    win.languages.set_language(lang, remember=False)
    win.resize(*size)
    qtbot.wait(10)
    assert [str(p) for p in check_window(win, f"{lang} {size} empty groups", size)] == []
    page = win.groups_page
    # Wrapped lines are not cut either: each label is as tall as its text needs at its width.
    for label in (page.intro_heading, page.intro_text):
        assert label.isVisible() and label.height() >= label.heightForWidth(label.width()), label.text()
    assert page.intro_text.width() >= page.intro_text.fontMetrics().averageCharWidth() * 40
