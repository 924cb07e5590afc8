"""The timeline as cards: snippets in their own text's direction, chips in the interface's, the day's
mood in its header from the loaded rows, the design's colours in light and dark, caches that follow the
language and the width, and the journal page fitting its screens in ar, en and the pseudo-locale."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRect, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from peerapp.core import numerals
from peerapp.core.journal import Entry, local_now
from peerapp.core.vocab import emotion_label, mood_label
from peerapp.gui import design, theme
from peerapp.gui.journal import timeline
from peerapp.gui.journal.page import JournalPage
from peerapp.gui.journal.timeline import TimelineDelegate
from peerapp.gui.journal.timeline_card import CardLayout
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.shell.pseudo import PSEUDO
from peerapp.gui.widgets import locale_format
from support.gui import MakeWindow, create_vault
from support.layout_checks import SMALL_SCREEN, check_window

RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight
ARABIC_SNIPPET = "كان البحر هادئاً جداً ومشينا طويلاً"
ENGLISH_SNIPPET = "The sea was calm and we walked for a long time"
LONG = " ".join(["a long line that wraps onto the second line of the card"] * 6)


def journal(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int] = SMALL_SCREEN
) -> MainWindow:
    win: MainWindow = make_window(lang=lang)
    win.resize(*size)
    create_vault(qtbot, win)
    assert win.repo is not None
    now = local_now()
    win.repo.add(Entry(at=now - timedelta(minutes=50), mood=5, title="Sea", text=ARABIC_SNIPPET))
    win.repo.add(Entry(at=now - timedelta(minutes=40), mood=1, title="البحر", text=ENGLISH_SNIPPET))
    win.repo.add(
        Entry(at=now - timedelta(minutes=30), mood=3, title="Tags", text="", tags=["group", "friends"])
    )
    win.journal_page.apply_filter()
    QApplication.processEvents()
    return win


def delegate_of(page: JournalPage) -> TimelineDelegate:
    delegate = page.list.itemDelegate()
    assert isinstance(delegate, TimelineDelegate)
    return delegate


def option_for(
    page: JournalPage, row: int, state: QStyle.StateFlag = QStyle.StateFlag.State_Enabled
) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.rect = page.list.visualRect(page.model.index(row))
    option.direction = page.list.layoutDirection()
    option.font = page.list.font()
    option.palette = page.list.palette()
    option.state = state
    return option


def card(page: JournalPage, title: str) -> tuple[CardLayout, int]:
    for row in range(page.model.rowCount()):
        laid = delegate_of(page).layout_card(option_for(page, row), page.model.index(row))
        assert laid is not None
        if laid.title is not None and laid.title.text == title:
            return laid, row
    raise AssertionError(title)


def shot(page: JournalPage) -> QImage:
    QApplication.processEvents()
    return page.list.viewport().grab().toImage()


def ink(image: QImage, box: QRectF, background: QColor) -> tuple[int, int] | None:
    """The leftmost and rightmost columns in `box` painted in something other than `background`."""
    rect = box.toAlignedRect()
    ratio = image.devicePixelRatio()
    columns = [
        x
        for x in range(rect.left(), rect.right() + 1)
        if any(
            image.pixelColor(int(x * ratio), int(y * ratio)).rgb() != background.rgb()
            for y in range(rect.top() + 2, rect.bottom() - 1)
        )
    ]
    return (columns[0], columns[-1]) if columns else None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_snippet_takes_its_own_texts_direction(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    page = journal(qtbot, make_window, lang).journal_page
    image = shot(page)
    background = design.surface("card", False)
    for title, text, direction in (("Sea", ARABIC_SNIPPET, RTL), ("البحر", ENGLISH_SNIPPET, LTR)):
        laid, _row = card(page, title)
        assert [line.text for line in laid.snippet] == [text]
        line = laid.snippet[0]
        assert line.direction == direction
        drawn = ink(image, line.rect, background)
        assert drawn is not None
        # An Arabic snippet starts at the right edge even in English, an English one at the left even
        # in Arabic (painted, not only computed).
        if direction == RTL:
            assert drawn[1] >= line.rect.right() - 3 and drawn[0] > line.rect.left() + 40
        else:
            assert drawn[0] <= line.rect.left() + 3 and drawn[1] < line.rect.right() - 40


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_chips_run_in_the_interface_direction(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    """Issue 15's leftover: English tags in Arabic were joined with «،» and laid out in the text's
    direction ("group ،friends"). Each tag is its own chip now, the chips run from the interface's
    leading side, and each chip's text keeps its own direction."""
    page = journal(qtbot, make_window, lang).journal_page
    laid, row = card(page, "Tags")
    tags = page.model.entry(row).tags  # type: ignore[union-attr]
    assert sorted(tags) == ["friends", "group"]
    texts = [chip.text for chip in laid.chips]
    assert texts == tags  # one chip a tag, in the entry's order: no joined line, no «،» between them
    first, second = laid.chips
    assert first.option.textDirection() == LTR and second.option.textDirection() == LTR
    image = shot(page)
    left_ink = ink(image, first.rect, design.surface("card", False))
    right_ink = ink(image, second.rect, design.surface("card", False))
    assert left_ink is not None and right_ink is not None
    assert laid.title is not None
    column = laid.title.rect
    if lang == "ar":  # the first tag read from the right: it sits to the right of the second
        assert left_ink[0] > right_ink[1]
        assert first.rect.right() >= column.right() - 1
    else:
        assert left_ink[1] < right_ink[0]
        assert first.rect.left() <= column.left() + 1


def test_day_header_shows_the_days_moods_from_loaded_rows(
    qtbot: Any, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = make_window(lang="en")
    win.resize(*SMALL_SCREEN)
    create_vault(qtbot, win)
    assert win.repo is not None
    now = local_now().replace(hour=20, minute=0)
    for minutes, mood in ((10, 1), (20, 5), (30, 5), (40, 4)):
        win.repo.add(Entry(at=now - timedelta(minutes=minutes), mood=mood, title=f"m{minutes}", text=""))
    win.repo.add(Entry(at=now - timedelta(days=1), mood=2, title="yesterday", text=""))
    # Pages of two: today's day begins on the first page and goes on into the second.
    monkeypatch.setattr(timeline, "PAGE_SIZE", 2)
    page = win.journal_page
    page.apply_filter()
    assert page.model.rowCount() == 2 and page.model.day_moods(now.date().isoformat()) == (1, 5)
    while page.model.canFetchMore(page.model.index(-1)):
        page.model.fetchMore(page.model.index(-1))
    assert page.model.rowCount() == 5
    today = now.date().isoformat()
    assert page.model.day_moods(today) == (1, 5, 5, 4)  # newest first, all four pages' worth
    # The header is drawn from what is loaded: with the vault gone, it still paints (no query per paint).
    page.model.repo = None
    qtbot.wait(200)  # the scroll bar went with the short list: the rows' width settles
    image = shot(page)
    laid = delegate_of(page).layout_card(option_for(page, 0), page.model.index(0))
    assert laid is not None and laid.header_text is not None
    assert sorted(m for _rect, m in laid.dots) == [1, 4, 5, 5]
    assert laid.day_face is not None and laid.day_face[1] == 4  # (1 + 5 + 5 + 4) / 4 = 3.75
    for rect, mood in laid.dots:
        centre = rect.center().toPoint()
        ratio = image.devicePixelRatio()
        painted = image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
        assert painted.rgb() == design.mood_fill(mood, False).rgb()
    # Only a day's first row carries the header; the screen reader hears the day's mood with it.
    second = delegate_of(page).layout_card(option_for(page, 1), page.model.index(1))
    assert second is not None and second.header_text is None
    spoken = page.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "the day's mood: Good" in spoken


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_cards_wear_the_design_colours_and_selection_shows(
    qtbot: Any, make_window: MakeWindow, dark: bool
) -> None:
    page = journal(qtbot, make_window, "en").journal_page
    theme.set_dark(dark)
    try:
        delegate = delegate_of(page)
        index = page.model.index(0)
        for selected in (False, True):
            state = QStyle.StateFlag.State_Enabled
            if selected:
                state |= QStyle.StateFlag.State_Selected
            option = option_for(page, 0, state)
            option.palette = QApplication.palette()
            option.rect = QRect(0, 0, option.rect.width(), option.rect.height())
            image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
            painter = QPainter(image)
            delegate.paint(painter, option, index)
            painter.end()
            laid = delegate.layout_card(option, index)
            assert laid is not None
            inside = laid.card.adjusted(40, 3, -40, -3)
            # The card's own surface (a selected card has the accent's wash over it).
            spot = image.pixelColor(int(laid.card.center().x()), int(laid.card.bottom()) - 3)
            if not selected:
                assert spot.rgb() == design.surface("card", dark).rgb()
            # The outline along the top edge: the quiet outline, or the accent when selected.
            edge = image.pixelColor(int(laid.card.center().x()), int(laid.card.top()))
            wanted = design.surface("accent" if selected else "outline", dark)
            assert abs(edge.red() - wanted.red()) < 40 and abs(edge.blue() - wanted.blue()) < 40, edge.name()
            # The mood stripe on the start edge (the left in English) in the mood's fill.
            stripe = image.pixelColor(int(laid.card.left()) + 2, int(laid.card.center().y()))
            mood = page.model.entry(0).mood  # type: ignore[union-attr]
            assert mood is not None and stripe.rgb() == design.mood_fill(mood, dark).rgb()
            assert inside.width() > 0
    finally:
        theme.set_dark(False)


def test_layouts_follow_language_and_width(qtbot: Any, make_window: MakeWindow) -> None:
    win = journal(qtbot, make_window, "en")
    assert win.repo is not None
    win.repo.add(Entry(at=local_now(), mood=4, title="Long", text=LONG, emotions=["calm"]))
    page = win.journal_page
    page.apply_filter()
    laid, _row = card(page, "Long")
    assert len(laid.snippet) == 2 and laid.snippet[1].text.endswith("…")  # two lines, the second elided
    assert [c.text for c in laid.chips] == ["calm"]
    # A language change drops what was laid out: the chip speaks Arabic now.
    win.languages.set_language("ar", remember=False)
    qtbot.waitUntil(lambda: page.list.layoutDirection() == RTL)
    laid, _row = card(page, "Long")
    assert [c.text for c in laid.chips] == ["هدوء"]
    # So does a digits change in Preferences (the same language and direction, other digits).
    for digits, first, last in ((numerals.ARABIC_INDIC, "٠", "٩"), (numerals.WESTERN, "0", "9")):
        locale_format.apply("ar", digits, False)
        QApplication.processEvents()
        facts = card(page, "Long")[0].facts.text
        assert any(first <= ch <= last for ch in facts), facts  # at once, not from a stale layout
    win.languages.set_language("en", remember=False)
    qtbot.waitUntil(lambda: page.list.layoutDirection() == LTR)
    # A width change: a snippet that fits one line in a wide list wraps onto two in a narrow one, and
    # the view asks for the row's height again once the width settles.
    win.repo.add(Entry(at=local_now(), mood=4, title="Short", text=ENGLISH_SNIPPET + ", by the sea"))
    page.apply_filter()
    page.splitter.setSizes([2000, 10])
    qtbot.waitUntil(lambda: page.list.viewport().width() > 700, timeout=3000)
    qtbot.waitUntil(lambda: len(card(page, "Short")[0].snippet) == 1, timeout=3000)
    _laid, row = card(page, "Short")
    wide = page.list.visualRect(page.model.index(row)).height()
    page.splitter.setSizes([330, 2000])
    qtbot.waitUntil(lambda: page.list.viewport().width() < 400, timeout=3000)
    qtbot.waitUntil(lambda: page.list.visualRect(page.model.index(row)).height() > wide, timeout=3000)
    assert len(card(page, "Short")[0].snippet) == 2


@pytest.mark.parametrize("lang", ["en", "ar", PSEUDO])
@pytest.mark.parametrize("size", [SMALL_SCREEN, (1920, 1080)], ids=["small", "large"])
def test_journal_with_cards_fits(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int]
) -> None:
    win = journal(qtbot, make_window, "en", size)
    win.languages.set_language(lang, remember=False)
    win.resize(*size)
    qtbot.wait(20)
    page = win.journal_page
    page.list.setCurrentIndex(page.model.index(0))
    problems = check_window(win, f"{lang} journal cards", size)
    assert [str(p) for p in problems] == []
    # Every card is at least as tall as what it draws, and none is cut by the list's width.
    for row in range(page.model.rowCount()):
        laid = delegate_of(page).layout_card(option_for(page, row), page.model.index(row))
        assert laid is not None
        rect = page.list.visualRect(page.model.index(row))
        assert laid.card.bottom() <= rect.bottom() + 1
        assert laid.facts.rect.bottom() <= laid.card.bottom()
        assert all(rect.left() <= c.rect.left() and c.rect.right() <= rect.right() for c in laid.chips)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_entry_view_reads_like_a_page(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = journal(qtbot, make_window, lang)
    assert win.repo is not None
    win.repo.add(
        Entry(
            at=local_now(),
            mood=4,
            title="Sea",
            text=ARABIC_SNIPPET + "\n" + ENGLISH_SNIPPET,
            emotions=["calm", "anxious"],
            tags=["group", "أصدقاء"],
        )
    )
    page = win.journal_page
    page.apply_filter()
    _laid, row = card(page, "Sea")
    page.list.setCurrentIndex(page.model.index(row))
    view = page.view
    document = view.document()
    text = document.toRawText()
    # The title in the type scale's title size, the mood in words beside its face.
    title = document.firstBlock()
    assert title.text() == "Sea"
    assert title.charFormat().fontPointSize() == pytest.approx(design.font("title").pointSizeF(), abs=0.1)
    assert mood_label(4) in text
    face = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("peerapp-mood:4"))
    assert face is not None and not face.isNull()
    # Each chip isolated in its own direction; each paragraph of the text in its own.
    for chip in ["group", "أصدقاء", emotion_label("calm"), emotion_label("anxious")]:
        assert f"\u2068{chip}\u2069" in text
    directions = {}
    block = document.firstBlock()
    while block.isValid():
        directions[block.text()] = block.textDirection()
        block = block.next()
    assert directions[ARABIC_SNIPPET] == RTL and directions[ENGLISH_SNIPPET] == LTR
    assert document.documentMargin() == design.SPACE["xl"]
