"""The library screen through real widgets: categories, search, bookmarks, "I tried this", tools."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from peerapp.core.journal import EntryFilter
from peerapp.gui.library.page import BOOKMARKS
from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, create_vault, type_text, unlock


@pytest.fixture
def window(qtbot, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    win = make_window()
    create_vault(qtbot, win)
    win.view_actions[win.library_page].trigger()
    return win


def titles(win: MainWindow) -> list[str]:
    articles = win.library_page.articles
    return [articles.item(r).text() for r in range(articles.count())]


def ids(win: MainWindow) -> list[str]:
    articles = win.library_page.articles
    return [articles.item(r).data(Qt.ItemDataRole.UserRole) for r in range(articles.count())]


def test_categories_and_reading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    assert window.tabs.currentWidget() is page
    assert page.articles.count() >= 40
    crisis_row = [
        page.categories.item(r).data(Qt.ItemDataRole.UserRole) for r in range(page.categories.count())
    ]
    page.categories.setCurrentRow(crisis_row.index("crisis"))
    assert "crisis-lines" in ids(window)
    assert all(i.startswith(("crisis", "helping")) for i in ids(window))
    page.select("crisis-lines")
    assert page.current is not None and page.current.id == "crisis-lines"
    assert "988" in page.view.toPlainText()


def test_search_as_you_type_in_both_languages(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    qtbot.keyClicks(page.search, "breathe")
    qtbot.waitUntil(
        lambda: bool(ids(window)) and ids(window)[0] in ("box-breathing", "breathing-4-7-8"), timeout=3000
    )
    page.search.clear()
    window.arabic_action.trigger()
    qtbot.waitUntil(
        lambda: page.content_language() == "ar" and "التنفس المربع" in titles(window), timeout=3000
    )
    type_text(page.search, "تنفس")
    qtbot.waitUntil(
        lambda: bool(ids(window)) and ids(window)[0] in ("box-breathing", "breathing-4-7-8"), timeout=3000
    )
    # the toggle reads the other language without changing the interface
    page.toggle_language()
    assert page.content_language() == "en"
    assert page.current is not None and page.current.lang == "en"


def test_bookmarks_live_in_the_vault(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    page.select("self-compassion")
    page.bookmark_button.click()
    assert page.bookmark_button.isChecked()
    categories = [
        page.categories.item(r).data(Qt.ItemDataRole.UserRole) for r in range(page.categories.count())
    ]
    page.categories.setCurrentRow(categories.index(BOOKMARKS))
    assert ids(window) == ["self-compassion"]
    window.lock()
    assert page.bookmarks is None
    unlock(qtbot, window, GUI_PASSPHRASE)
    page.categories.setCurrentRow(categories.index(BOOKMARKS))
    assert ids(window) == ["self-compassion"]


def test_i_tried_this_starts_a_journal_entry(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    page.select("grounding-5-4-3-2-1")
    page.tried_button.click()
    assert window.tabs.currentWidget() is window.journal_page
    editor = window.journal_page.editor
    assert editor is not None
    uses = editor.coping.uses()
    assert [u.technique for u in uses] == ["grounding-5-4-3-2-1"]
    editor.body.setPlainText("It helped me come back to the room.")
    editor.save()
    repo = window.repo
    assert repo is not None
    saved = repo.page(EntryFilter(), limit=1)[0]
    assert saved.coping[0].technique == "grounding-5-4-3-2-1"


def test_try_it_now_opens_the_tool_and_lock_closes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    page.select("box-breathing")
    assert page.tool_button.isVisible()
    page.tool_button.click()
    assert len(window.tool_dialogs) == 1
    dialog = window.tool_dialogs[0]
    assert dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()
    assert window.tool_dialogs == []
