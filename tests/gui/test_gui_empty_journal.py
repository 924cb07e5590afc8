"""Warm empty states in the journal: an empty journal offers one way to begin, an empty search one way
back to every entry, an empty trash the way back to the journal; in ar, en and the pseudo-locale, centred,
fitting a 1024x600 screen and a large one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from peerapp.core.journal import Entry, local_now
from peerapp.gui.journal.page import JournalPage
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from support.gui import MakeWindow, create_vault, type_text
from support.layout_checks import SMALL_SCREEN, check_window


def empty_journal(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int] = SMALL_SCREEN
) -> MainWindow:
    win: MainWindow = make_window(lang=lang)
    win.resize(*size)
    create_vault(qtbot, win)
    QApplication.processEvents()
    return win


def showing_empty(page: JournalPage) -> bool:
    return page.empty.isVisible() and not page.list.isVisible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_empty_journal_offers_one_way_to_begin(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = empty_journal(qtbot, make_window, lang)
    page = win.journal_page
    assert showing_empty(page) and page.empty.kind == "journal"
    assert page.empty.line.text() and page.empty.action.text()
    # Exactly one action, centred under a centred line.
    assert len([b for b in page.empty.findChildren(type(page.empty.action)) if b.isVisible()]) == 1
    assert page.empty.line.alignment() & Qt.AlignmentFlag.AlignHCenter
    middle = page.empty.width() / 2
    assert abs(page.empty.action.geometry().center().x() - middle) <= 2
    if callable(getattr(win, "check_in", None)):
        # The quick check-in is the lightest start: it opens, and nothing is written until it is saved.
        assert page.empty.check_in
        qtbot.mouseClick(page.empty.action, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: getattr(win, "checkin_dialog", None) is not None)
        dialog = getattr(win, "checkin_dialog", None)
        assert dialog is not None
        dialog.reject()
    else:
        qtbot.mouseClick(page.empty.action, Qt.MouseButton.LeftButton)
        assert page.editor is not None
        page.editor.reject()
    assert page.model.rowCount() == 0 and showing_empty(page)


def test_write_your_first_entry_opens_the_editor_and_the_card_replaces_the_line(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = empty_journal(qtbot, make_window, "en")
    page = win.journal_page
    page.empty.show_kind("journal", check_in=False)  # the window without a quick check-in
    assert page.empty.action.text() == "Write your first entry"
    qtbot.mouseClick(page.empty.action, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor is not None
    type_text(editor.title, "First")
    editor.body.setPlainText("The first words.")
    editor.save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.list.isVisible() and not page.empty.isVisible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_empty_search_clears_back_to_every_entry(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = empty_journal(qtbot, make_window, lang)
    assert win.repo is not None
    win.repo.add(Entry(at=local_now(), mood=4, title="Sea", text="walked by the sea"))
    win.repo.add(Entry(at=local_now(), mood=2, title="Work", text="a long meeting"))
    page = win.journal_page
    page.apply_filter()
    assert page.model.rowCount() == 2 and not showing_empty(page)
    page.mood_filter.setCurrentIndex(page.mood_filter.findData(4))
    type_text(page.search, "mountains")
    qtbot.waitUntil(lambda: showing_empty(page), timeout=3000)
    assert page.empty.kind == "search"
    assert page.empty.action.text() == QCoreApplication.translate("EmptyTimeline", "Clear the search")
    qtbot.mouseClick(page.empty.action, Qt.MouseButton.LeftButton)
    # The search and the filters are gone, and the list is back with every entry.
    assert page.search.text() == "" and page.mood_filter.currentData() is None
    assert page.model.rowCount() == 2 and page.list.isVisible() and not page.empty.isVisible()
    assert page.search.hasFocus() or not win.isActiveWindow()


def test_empty_trash_leads_back_to_the_journal(qtbot: Any, make_window: MakeWindow) -> None:
    win = empty_journal(qtbot, make_window, "en")
    assert win.repo is not None
    win.repo.add(Entry(at=local_now(), mood=4, title="Sea", text=""))
    page = win.journal_page
    page.set_trash_mode(True)
    assert showing_empty(page) and page.empty.kind == "trash"
    qtbot.mouseClick(page.empty.action, Qt.MouseButton.LeftButton)
    assert not page.trash_mode and page.model.rowCount() == 1 and page.list.isVisible()


def test_lock_hides_the_empty_state(qtbot: Any, make_window: MakeWindow) -> None:
    win = empty_journal(qtbot, make_window, "en")
    page = win.journal_page
    assert showing_empty(page)
    win.lock()
    assert not page.empty.isVisibleTo(page)


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, (1920, 1080)], ids=["small", "large"])
@pytest.mark.parametrize("kind", ["journal", "search"])
def test_empty_states_fit(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int], kind: str
) -> None:
    win = empty_journal(qtbot, make_window, "en", size)
    page = win.journal_page
    if kind == "search":
        assert win.repo is not None
        win.repo.add(Entry(at=local_now(), mood=4, title="Sea", text=""))
        page.apply_filter()
        type_text(page.search, "mountains")
        page.apply_filter()
    win.languages.set_language(lang, remember=False)
    win.resize(*size)
    qtbot.wait(20)
    assert showing_empty(page) and page.empty.kind == kind
    problems = check_window(win, f"{lang} empty {kind}", size)
    assert [str(p) for p in problems] == []
    # The whole line is shown (it wraps), inside the pane.
    line = page.empty.line
    assert line.wordWrap() and line.heightForWidth(line.width()) <= line.height() + 1
