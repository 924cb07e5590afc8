"""Reading in the library: the article at a comfortable measure with clear headings, its reading time
(plural forms, the interface's digits), category colours, cards that never scroll sideways, and a
prominent "Try it now", through the real window in English, Arabic and the pseudo-locale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from peerapp.core import numerals
from peerapp.core.keyslot import FAST_KDF
from peerapp.core.library import CATEGORIES, get_article
from peerapp.core.reading_time import reading_minutes
from peerapp.core.vault import Vault
from peerapp.gui import design
from peerapp.gui.library.cards import CATEGORY_ROLE, DESIGN_CATEGORY, MINUTES_ROLE, category_fill
from peerapp.gui.library.page import LibraryPage
from peerapp.gui.library.reading_view import MEASURE_CHARS
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.shell.translations import compile_ts
from peerapp.gui.widgets import locale_format
from support import PASSPHRASE
from support.gui import MakeWindow, unlock
from support.layout_checks import SMALL_SCREEN, check_window

LARGE = (1920, 1080)
# The Arabic plural forms of "%n min read" (zero, one, two, few, many, other), as the translator gets them.
ARABIC_FORMS = (
    "%n دقيقة للقراءة",
    "دقيقة واحدة للقراءة",
    "دقيقتان للقراءة",
    "%n دقائق للقراءة",
    "%n دقيقة للقراءة",
    "%n دقيقة للقراءة",
)


@pytest.fixture
def window(qtbot: Any, data_dir: Path, make_window: MakeWindow) -> MainWindow:
    """The unlocked window on the library tab (the vault made directly, unlocked by typing)."""
    vault = Vault(data_dir, kdf=FAST_KDF)
    vault.create(PASSPHRASE)
    vault.lock()
    win: MainWindow = make_window()
    unlock(qtbot, win, PASSPHRASE)
    win.resize(*SMALL_SCREEN)
    win.view_actions[win.library_page].trigger()
    return win


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def test_reading_time_in_both_languages_with_plural_forms(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    page = window.library_page
    page.select("box-breathing")
    article = page.current
    assert article is not None
    minutes = reading_minutes(article.body, "en")
    assert page.reader.minutes.text() == f"{minutes} min read"
    row = [page.articles.item(r).data(Qt.ItemDataRole.UserRole) for r in range(page.articles.count())]
    card = page.articles.item(row.index("box-breathing"))
    assert card.data(MINUTES_ROLE) == f"{minutes} min read"

    # The six Arabic forms, through the app's own translator class (its digits follow the setting).
    ts = tmp_path / "reading_ar.ts"
    forms = "".join(f"<numerusform>{form}</numerusform>" for form in ARABIC_FORMS)
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ar">'
        '<context><name>LibraryPage</name><message numerus="yes"><source>%n min read</source>'
        f"<translation>{forms}</translation></message></context></TS>",
        "utf-8",
    )
    qm = tmp_path / "reading_ar.qm"
    assert compile_ts(ts, qm)
    translator = locale_format.DigitsTranslator()
    assert translator.load(str(qm))
    window.languages.set_language("ar", remember=False)
    QCoreApplication.installTranslator(translator)
    try:
        locale_format.configure("ar", numerals.ARABIC_INDIC, False)
        assert [page.reading_time_text(n) for n in (1, 2, 3, 10, 11, 100)] == [
            "دقيقة واحدة للقراءة",
            "دقيقتان للقراءة",
            "٣ دقائق للقراءة",
            "١٠ دقائق للقراءة",
            "١١ دقيقة للقراءة",
            "١٠٠ دقيقة للقراءة",
        ]
        locale_format.configure("ar", numerals.WESTERN, False)
        assert page.reading_time_text(3) == "3 دقائق للقراءة"
        # The card and the header of an Arabic article say it at the Arabic rate.
        locale_format.configure("ar", numerals.ARABIC_INDIC, False)
        page.retranslate_ui()
        page.select("box-breathing")
        arabic = get_article("box-breathing", "ar")
        assert arabic is not None and page.current is not None and page.current.lang == "ar"
        expected = page.reading_time_text(reading_minutes(arabic.body, "ar"))
        assert page.reader.minutes.text() == expected
        assert (
            any("\u0660" <= ch <= "\u0669" for ch in expected) or "واحدة" in expected or "دقيقتان" in expected
        )
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE])
def test_article_list_never_scrolls_sideways_and_the_page_fits(
    qtbot: Any, window: MainWindow, lang: str, size: tuple[int, int]
) -> None:
    window.languages.set_language(lang, remember=False)
    window.resize(*size)
    page = window.library_page
    page.select("coming-out-planning")  # one of the longest titles
    settle()
    for view in (page.articles, page.categories):
        assert not view.horizontalScrollBar().isVisible()
        assert view.horizontalScrollBar().maximum() == 0, (lang, size, view.accessibleName())
        width = view.viewport().width()
        for row in range(view.count()):
            rect = view.visualItemRect(view.item(row))
            assert rect.left() >= 0 and rect.right() <= width, (lang, row, rect, width)
    problems = check_window(page, f"library {lang} {size}", size_limit=size)
    assert not problems, "\n".join(map(str, problems))


def _column(page: LibraryPage) -> tuple[float, int, int]:
    """Average characters per full line of the article's paragraphs, and the column's side margins."""
    document: QTextDocument = page.view.document()
    document.setTextWidth(page.view.viewport().width())
    counts = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and block.blockFormat().lineHeight() > 0 and layout.lineCount() > 2:
            counts += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    frame = document.rootFrame().frameFormat()
    return sum(counts) / len(counts), round(frame.leftMargin()), round(frame.rightMargin())


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [SMALL_SCREEN, LARGE])
def test_article_reads_at_a_comfortable_measure(
    qtbot: Any, window: MainWindow, lang: str, size: tuple[int, int]
) -> None:
    if lang == "ar":
        window.languages.set_language("ar", remember=False)
        locale_format.configure("ar", numerals.ARABIC_INDIC, False)
        window.library_page.retranslate_ui()
    window.resize(*size)
    page = window.library_page
    page.select("box-breathing")
    settle()
    per_line, left, right = _column(page)
    assert 45 <= per_line <= 75, per_line
    assert abs(left - right) <= 1  # centred in the pane
    if size == LARGE:
        assert left > design.SPACE["xl"]  # on a wide screen the column does not grow with it
        assert per_line <= MEASURE_CHARS + 9
    document = page.view.document()
    first = document.begin()
    title = first.begin().fragment().charFormat().font()
    assert title.pointSizeF() == pytest.approx(design.font("title", page.view.font()).pointSizeF(), abs=0.2)
    body = first.next()
    assert body.blockFormat().lineHeight() >= 100
    if lang == "ar":
        # A native page: right to left, aligned right, the title's numbers in the chosen digits.
        assert body.textDirection() == Qt.LayoutDirection.RightToLeft
        assert body.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight or body.textDirection() == (
            Qt.LayoutDirection.RightToLeft
        )
        page.select("breathing-4-7-8")
        assert "٤-٧-٨" in page.view.toPlainText().splitlines()[0]
        assert "4" not in page.view.toPlainText().splitlines()[0]


def test_every_category_has_a_colour_and_the_chip_wears_it(qtbot: Any, window: MainWindow) -> None:
    page = window.library_page
    assert set(CATEGORIES) <= set(DESIGN_CATEGORY)
    assert set(DESIGN_CATEGORY.values()) <= set(design.CATEGORY[False])
    for key in ("coping", "belonging", "crisis", "professional-help"):
        article = next(a for a in _articles(page) if a.category == key)
        page.select(article.id)
        assert page.reader.chip.category == key
        assert category_fill(key) == design.category_colour(DESIGN_CATEGORY[key])
    # Cards carry their category for the colour, and the chip in the header shows its name.
    assert all(page.articles.item(r).data(CATEGORY_ROLE) for r in range(page.articles.count()))
    image = page.reader.chip.grab().toImage()
    # Inside the pill's leading cap, before the text (the padding is design.SPACE["s"]).
    centre_left = image.pixelColor(QPoint(design.SPACE["xs"], image.height() // 2))
    assert centre_left.rgb() == category_fill(page.reader.chip.category).rgb()


def _articles(page: LibraryPage) -> list[Any]:
    from peerapp.core.library import load_articles

    return load_articles(page.content_language())


def test_try_it_now_is_prominent_and_opens_the_tool(qtbot: Any, window: MainWindow) -> None:
    page = window.library_page
    page.select("friendship")  # no tool: no button
    assert not page.tool_button.isVisible()
    page.select("box-breathing")
    button = page.tool_button
    assert button.isVisible() and button.isEnabled()
    assert button.property("role") == "primary"
    # Near the top of the article, above the text, not among the small buttons of the toolbar.
    assert button.mapTo(page, QPoint(0, 0)).y() < page.view.mapTo(page, QPoint(0, 0)).y()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(window.tool_dialogs) == 1
    assert window.tool_dialogs[0].isVisible()
    window.lock()
    assert window.tool_dialogs == []
