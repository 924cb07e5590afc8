"""Timeline cards read naturally in both directions: the face, the day and the chips on the interface's
leading side, the person's own lines on their own; no empty snippet line, no hole where a tool's log
has no mood; and the filters after a lock show every entry."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from peerapp.core.coping_log import log_tool_use
from peerapp.core.journal import Entry, local_now
from peerapp.gui.journal.page import JournalPage
from peerapp.gui.journal.timeline import TimelineDelegate
from peerapp.gui.journal.timeline_card import CardLayout
from peerapp.gui.shell.main_window import MainWindow
from support.gui import GUI_PASSPHRASE, MakeWindow, create_vault, type_text, unlock

RTL = Qt.LayoutDirection.RightToLeft


def journal_with_rows(qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int]) -> MainWindow:
    win: MainWindow = make_window(lang=lang)
    win.resize(*size)
    create_vault(qtbot, win)
    assert win.repo is not None
    now = local_now()
    win.repo.add(Entry(at=now - timedelta(minutes=30), mood=4, title="يوم طويل", text="", tags=["عمل"]))
    win.repo.add(Entry(at=now - timedelta(minutes=20), mood=2, title="Work", text="A long meeting."))
    log_tool_use(win.repo, "box-breathing", 7, 4, 4, title="التنفس المربع")
    win.journal_page.apply_filter()
    QApplication.processEvents()
    return win


def rows(page: JournalPage) -> list[tuple[CardLayout, QImage]]:
    """Each row's computed boxes and the real painting of it, grabbed from the list on screen."""
    view = page.list
    delegate = view.itemDelegate()
    assert isinstance(delegate, TimelineDelegate)
    shot = view.viewport().grab().toImage()
    out = []
    for row in range(page.model.rowCount()):
        index = page.model.index(row)
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(index)
        option.direction = view.layoutDirection()
        option.font = view.font()
        option.palette = view.palette()
        option.state = QStyle.StateFlag.State_Enabled
        layout = delegate.layout_card(option, index)
        assert layout is not None
        out.append((layout, shot))
    return out


def ink(image: QImage, box: QRect | QRectF) -> tuple[int, int] | None:
    """The leftmost and rightmost columns in `box` where something other than the background is drawn."""
    box = box.toAlignedRect() if isinstance(box, QRectF) else box
    ratio = image.devicePixelRatio()
    background = image.pixelColor(int((box.left() + 1) * ratio), int((box.top() + 1) * ratio)).rgb()
    columns = []
    for x in range(box.left(), box.right() + 1):
        for y in range(box.top(), box.bottom() + 1):
            if image.pixelColor(int(x * ratio), int(y * ratio)).rgb() != background:
                columns.append(x)
                break
    return (columns[0], columns[-1]) if columns else None


def starts_at_its_side(image: QImage, box: QRectF, rtl: bool) -> bool:
    """The text painted in `box` starts at its right edge (rtl) or its left, and does not fill the box."""
    drawn = ink(image, box)
    assert drawn is not None
    if rtl:
        return drawn[1] >= box.right() - 4 and drawn[0] > box.left() + 20
    return drawn[0] <= box.left() + 4 and drawn[1] < box.right() - 20


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_cards_sit_on_the_leading_side(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int]
) -> None:
    win = journal_with_rows(qtbot, make_window, lang, size)
    page = win.journal_page
    laid = rows(page)
    assert len(laid) == 3
    rtl = lang == "ar"
    for layout, shot in laid:
        assert layout.title is not None
        if rtl:
            assert (
                layout.glyph.left() > layout.title.rect.right()
            )  # the face on the right, the text to its left
        else:
            assert layout.glyph.right() < layout.title.rect.left()
        # The person's title starts on its own side: "Work" on the left even in Arabic (painted, not
        # only computed: Qt mirrors an alignment again when the painter is right to left).
        assert starts_at_its_side(shot, layout.title.rect, layout.title.direction == RTL), layout.title.text
        # The time and mood sit at the interface's trailing end, the chips start at its leading side.
        column = layout.title.rect
        facts = layout.facts.rect
        assert abs((facts.left() - column.left()) if rtl else (facts.right() - column.right())) < 1
        assert ink(shot, facts) is not None
        for chip in layout.chips[:1]:
            room = layout.title.rect
            assert (chip.rect.right() >= room.right() - 1) if rtl else (chip.rect.left() <= room.left() + 1)
        if layout.header_text is not None:
            assert starts_at_its_side(shot, layout.header_text.rect, rtl)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_empty_line_and_no_hole(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = journal_with_rows(qtbot, make_window, lang, (1024, 600))
    page = win.journal_page
    by_title = {}
    for layout, shot in rows(page):
        assert layout.title is not None
        by_title[layout.title.text] = (layout, shot)
    titled_only, _ = by_title["يوم طويل"]
    with_note, _ = by_title["Work"]
    tool, shot = by_title["التنفس المربع"]
    # An entry without a note: the title, then at once the chips; its card is shorter.
    assert titled_only.snippet == [] and len(with_note.snippet) == 1
    assert titled_only.card.height() < with_note.card.height()
    # A tool's log has no mood: its face's place is still drawn (a ring), and the facts say how the
    # distress went instead of leaving the mood out.
    assert ink(shot, tool.glyph) is not None
    assert "٧" in tool.facts.text or "7" in tool.facts.text


def test_painting_an_arabic_card_to_an_image(qtbot: Any, make_window: MakeWindow) -> None:
    """The delegate alone, painted to an image in Arabic: the Arabic title ends at the right edge."""
    win = journal_with_rows(qtbot, make_window, "ar", (1024, 600))
    page = win.journal_page
    delegate = page.list.itemDelegate()
    assert isinstance(delegate, TimelineDelegate)
    index = page.model.index(0)
    option = QStyleOptionViewItem()
    option.font = page.list.font()
    option.palette = page.list.palette()
    option.direction = RTL
    option.state = QStyle.StateFlag.State_Enabled
    option.rect = QRect(0, 0, 500, delegate.sizeHint(option, index).height())
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(option.palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    layout = delegate.layout_card(option, index)
    assert layout is not None and layout.title is not None
    for line in [layout.title, *layout.snippet]:
        assert line.direction == RTL and starts_at_its_side(image, line.rect, True), line.text


def test_lock_and_unlock_forget_the_search(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window(lang="en")
    create_vault(qtbot, win)
    assert win.repo is not None
    win.repo.add(Entry(at=local_now(), mood=5, title="Sea", text="walked by the sea"))
    win.repo.add(Entry(at=local_now(), mood=1, title="Work", text="a long meeting"))
    page = win.journal_page
    page.apply_filter()
    assert page.model.rowCount() == 2
    type_text(page.search, "sea")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.mood_filter.setCurrentIndex(page.mood_filter.findData(5))
    page.trash_button.setChecked(True)
    win.lock()
    unlock(qtbot, win, GUI_PASSPHRASE)
    assert win.stack.currentWidget() is win.tabs
    page = win.journal_page
    # The fields show no search and no filter, and the timeline agrees with them: every entry.
    assert page.search.text() == ""
    assert page.mood_filter.currentData() is None and not page.trash_mode
    assert page.model.rowCount() == 2
    assert page.model.filter.query == "" and not page.model.filter.trash
    assert "2" in page.count_label.text()
