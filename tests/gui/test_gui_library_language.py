"""The library's search across languages, through real widgets: a live switch and "Read in …" keep the search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from peerapp.gui import theme
from peerapp.gui.shell.main_window import MainWindow
from support.gui import create_vault, type_text

BREATHING = ("box-breathing", "breathing-4-7-8")


@pytest.fixture
def window(qtbot, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    win = make_window()
    create_vault(qtbot, win)
    win.view_actions[win.library_page].trigger()
    return win


def ids(win: MainWindow) -> list[str]:
    articles = win.library_page.articles
    return [articles.item(r).data(Qt.ItemDataRole.UserRole) for r in range(articles.count())]


def titles(win: MainWindow) -> list[str]:
    articles = win.library_page.articles
    return [articles.item(r).text() for r in range(articles.count())]


def breathing_first(win: MainWindow) -> bool:
    found = ids(win)
    return bool(found) and found[0] in BREATHING


def test_live_switch_to_arabic_then_an_arabic_query_finds_breathing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    qtbot.keyClicks(page.search, "breathe")
    qtbot.waitUntil(lambda: breathing_first(window), timeout=3000)
    window.arabic_action.trigger()
    # The English query is kept and still finds its articles, now listed in Arabic.
    assert page.search.text() == "breathe"
    qtbot.waitUntil(lambda: breathing_first(window) and "التنفس المربع" in titles(window), timeout=3000)
    assert page.empty_label.isHidden()
    page.search.clear()
    type_text(page.search, "تنفس")
    qtbot.waitUntil(lambda: breathing_first(window), timeout=3000)
    assert page.empty_label.isHidden()
    assert page.current is not None and page.current.lang == "ar"  # opened in the interface language


def test_live_switch_after_reading_in_arabic_follows_the_interface(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    page.toggle_language()  # an English reader opens the Arabic text ("اقرأ بالعربية")
    assert page.content_language() == "ar"
    window.arabic_action.trigger()
    assert page.content_language() == "ar"  # the list follows the new interface language
    type_text(page.search, "تنفس")
    qtbot.waitUntil(lambda: breathing_first(window), timeout=3000)
    assert page.empty_label.isHidden()
    assert "التنفس المربع" in titles(window)
    assert page.current is not None and page.current.lang == "ar"


def test_read_in_arabic_keeps_and_reruns_an_english_query(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    qtbot.keyClicks(page.search, "panicking")
    qtbot.waitUntil(lambda: bool(ids(window)) and ids(window)[0] == "panic-attacks", timeout=3000)
    page.select("panic-attacks")
    page.language_button.click()  # "اقرأ بالعربية"
    assert page.content_language() == "ar"
    assert page.search.text() == "panicking"
    assert ids(window)[0] == "panic-attacks"
    assert titles(window)[0] == "نوبات الهلع"
    assert page.current is not None and (page.current.id, page.current.lang) == ("panic-attacks", "ar")
    # Typing more re-runs the same query against both languages, still in Arabic.
    qtbot.keyClicks(page.search, " attacks")
    assert page.search.text() == "panicking attacks"
    qtbot.waitUntil(lambda: bool(ids(window)) and ids(window)[0] == "panic-attacks", timeout=3000)
    assert page.empty_label.isHidden()


def test_read_in_english_keeps_an_arabic_query(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.library_page
    window.arabic_action.trigger()
    type_text(page.search, "نوبات الهلع")
    qtbot.waitUntil(lambda: bool(ids(window)) and ids(window)[0] == "panic-attacks", timeout=3000)
    page.language_button.click()  # "Read in English"
    assert page.content_language() == "en"
    assert page.search.text() == "نوبات الهلع"
    assert ids(window)[0] == "panic-attacks" and titles(window)[0] == "Panic attacks"
    assert page.current is not None and page.current.lang == "en"


def test_article_category_label_is_readable(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The category line above an article uses the palette's quiet colour (4.5:1), not a fixed grey."""
    page = window.library_page
    page.articles.setCurrentRow(0)
    html = page.view.toHtml()
    assert "gray" not in html.lower() and "#808080" not in html.lower()
    hint = QColor(theme.hint_colour(page.palette()))
    base = page.view.palette().color(QPalette.ColorRole.Base)

    def luminance(c: QColor) -> float:
        parts = [
            (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
            for v in (c.redF(), c.greenF(), c.blueF())
        ]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    light, dark = sorted((luminance(hint), luminance(base)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5
