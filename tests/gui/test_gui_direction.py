"""Arabic and English side by side: each paragraph in its own direction in the editor, the preview and
the reading pane, in both interface languages; the cursor and alignment follow; the "What I tried" row
fits as soon as a technique is added."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QToolButton

from peerapp.core.journal import CopingUse, Entry, local_now
from peerapp.gui.groups.post import PostCard
from peerapp.gui.journal.editor import EntryEditor
from peerapp.gui.shell.main_window import MainWindow
from peerapp.gui.widgets.bidi_text import FSI, PDI, PlainTextEdit, paragraph_direction
from peerapp.sync.models import RECEIVED, GroupPost
from support.gui import MakeWindow, create_vault, type_text

RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight
ARABIC = "كتبت اليوم عن Sara (صديقتي) ثم: نعم!"
ENGLISH = 'An English line, with (brackets) and "quotes".'
NUMBERS = "2024"  # no letter: it follows the interface


def unlocked(qtbot: Any, make_window: MakeWindow, lang: str) -> MainWindow:
    win: MainWindow = make_window(lang=lang)
    create_vault(qtbot, win)
    return win


def open_editor(win: MainWindow) -> EntryEditor:
    win.journal_page.new_entry()
    editor = win.journal_page.editor
    assert editor is not None
    return editor


def type_paragraphs(edit: PlainTextEdit, paragraphs: list[str]) -> None:
    """Type like a person: the letters as key events, Return between paragraphs."""
    edit.setFocus()
    for i, paragraph in enumerate(paragraphs):
        if i:
            QTest.keyClick(edit, Qt.Key.Key_Return)
        type_text(edit, paragraph)


def directions(document: QTextDocument, texts: list[str]) -> list[Qt.LayoutDirection]:
    """The direction each of `texts` is laid out in, in `document` (each must be there once)."""
    found: dict[str, Qt.LayoutDirection] = {}
    block = document.firstBlock()
    while block.isValid():
        found.setdefault(block.text().strip(), block.textDirection())
        block = block.next()
    return [found[text] for text in texts]


def start_x(edit: PlainTextEdit, number: int) -> int:
    """Where the cursor stands at the start of paragraph `number`."""
    cursor = QTextCursor(edit.document().findBlockByNumber(number))
    return edit.cursorRect(cursor).x()


def consistent(edit: PlainTextEdit) -> bool:
    block = edit.document().firstBlock()
    while block.isValid():
        if block.textDirection() != paragraph_direction(block.text(), edit.layoutDirection()):
            return False
        block = block.next()
    return True


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_typed_paragraphs_take_their_own_direction(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = unlocked(qtbot, make_window, lang)
    win.resize(1024, 600)
    interface = RTL if lang == "ar" else LTR
    editor = open_editor(win)
    body = editor.body
    # An empty editor: the cursor waits on the interface's leading side.
    width = body.viewport().width()
    assert (body.cursorRect().x() > width * 0.9) == (lang == "ar")

    type_paragraphs(body, [ARABIC, ENGLISH, "", NUMBERS])
    assert body.toPlainText() == "\n".join([ARABIC, ENGLISH, "", NUMBERS])
    document = body.document()
    got = [document.findBlockByNumber(i).textDirection() for i in range(4)]
    assert got == [RTL, LTR, interface, interface]
    # The cursor and the alignment follow: an Arabic paragraph starts at the right edge, an English
    # one at the left, whichever the interface.
    assert start_x(body, 0) > width * 0.9
    assert start_x(body, 1) < width * 0.1
    line = document.findBlockByNumber(0).layout().lineAt(0).naturalTextRect()
    assert line.left() > width / 2 and line.right() > width * 0.9  # the Arabic text sits on the right

    # The preview shows each paragraph in the same direction.
    editor.tabs.setCurrentWidget(editor.preview)
    assert directions(editor.preview.document(), [ARABIC, ENGLISH, NUMBERS]) == [RTL, LTR, interface]

    # Saved, the reading pane agrees too.
    editor.save()
    page = win.journal_page
    assert page.model.rowCount() == 1
    page.list.setCurrentIndex(page.model.index(0))
    assert directions(page.view.document(), [ARABIC, ENGLISH, NUMBERS]) == [RTL, LTR, interface]


def test_undo_and_redo_in_arabic_keep_every_paragraph(qtbot: Any, make_window: MakeWindow) -> None:
    """A paragraph's direction is a block format; changing it must not eat an Enter or the redo history."""
    win = unlocked(qtbot, make_window, "ar")
    body = open_editor(win).body
    paragraphs = ["سطر أول", "", "", "English after two empty lines", "٣"]
    type_paragraphs(body, paragraphs)
    full = "\n".join(paragraphs)
    assert body.toPlainText() == full  # Qt's own Enter on an empty formatted paragraph clears it instead
    assert consistent(body)
    states = [full]
    for _ in range(40):
        QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert consistent(body)
        states.append(body.toPlainText())
        if not body.toPlainText():
            break
    assert body.toPlainText() == ""
    for _ in range(40):
        QTest.keyClick(
            body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        assert consistent(body)
        if body.toPlainText() == full:
            break
    assert body.toPlainText() == full
    # Typing merges into one undo step as usual: far fewer steps than key presses.
    assert len(states) < len(full) / 2


def test_a_new_paragraph_turns_with_the_interface(qtbot: Any, make_window: MakeWindow) -> None:
    win = unlocked(qtbot, make_window, "en")
    editor = open_editor(win)
    type_paragraphs(editor.body, ["Hello", ""])
    last = editor.body.document().lastBlock()
    assert last.textDirection() == LTR
    win.languages.set_language("ar", remember=False)
    QApplication.processEvents()
    assert editor.body.document().lastBlock().textDirection() == RTL
    assert editor.body.document().firstBlock().textDirection() == LTR  # "Hello" keeps its own
    assert editor.body.toPlainText() == "Hello\n"
    # Undo and redo still walk the whole history after the turn (undoing is never followed by a
    # new step, which would end the redo history and stop undo at the turn).
    body = editor.body
    for _ in range(10):
        QTest.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == ""
    for _ in range(10):
        QTest.keyClick(
            body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    assert body.toPlainText() == "Hello\n"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_title_and_tags_follow_their_text(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = unlocked(qtbot, make_window, lang)
    editor = open_editor(win)
    interface = RTL if lang == "ar" else LTR
    assert editor.title.layoutDirection() == interface  # empty: the placeholder's side
    type_text(editor.title, "لقاء (مهم)")
    assert editor.title.layoutDirection() == RTL
    editor.title.clear()
    type_text(editor.title, "Meeting (important)")
    assert editor.title.layoutDirection() == LTR
    type_text(editor.tags, "بحر, family")
    assert editor.tags.layoutDirection() == RTL


def test_reading_pane_isolates_tags_and_techniques(qtbot: Any, make_window: MakeWindow) -> None:
    win = unlocked(qtbot, make_window, "ar")
    assert win.repo is not None
    win.repo.add(
        Entry(
            at=local_now(),
            title="لقاء",
            text="نص",
            tags=["Sara", "أصدقاء"],
            coping=[CopingUse("my own way (walk)", 6, 3, 4)],
        )
    )
    page = win.journal_page
    page.apply_filter()
    page.list.setCurrentIndex(page.model.index(0))
    text = page.view.document().toRawText()
    # An English tag in an Arabic list keeps its own direction and cannot carry the comma along.
    assert f"{FSI}Sara{PDI}" in text and f"{FSI}أصدقاء{PDI}" in text
    assert f"{FSI}my own way (walk){PDI}" in text


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_what_i_tried_row_fits_when_added(
    qtbot: Any, make_window: MakeWindow, lang: str, size: tuple[int, int]
) -> None:
    win = unlocked(qtbot, make_window, lang)
    win.resize(*size)
    editor = open_editor(win)
    assert editor.height() <= 720
    table = editor.coping.table
    editor.coping.add_button.click()
    technique = table.cellWidget(0, 0)
    assert isinstance(technique, QComboBox)
    technique.setCurrentIndex(technique.findData("progressive-muscle-relaxation"))
    QApplication.processEvents()
    helpful = table.cellWidget(0, 3)
    remove = table.cellWidget(0, 4)
    assert isinstance(helpful, QComboBox) and isinstance(remove, QToolButton)
    # Right after adding (not only after reopening): every cell as wide as its widget wants.
    assert table.columnWidth(3) >= helpful.sizeHint().width()
    assert table.columnWidth(4) >= remove.sizeHint().width()
    name = technique.currentText()
    needed = technique.fontMetrics().horizontalAdvance(name) + 40  # the arrow and the frame
    assert table.columnWidth(0) >= needed, name
    assert table.rowHeight(0) >= helpful.sizeHint().height() - 2
    assert table.isVisible()
    assert table.height() < 120  # one row takes one row's room, the text below gets the rest
    # The other language's words fit at once too ("not rated" and "Remove" change width).
    win.languages.set_language("en" if lang == "ar" else "ar", remember=False)
    QApplication.processEvents()
    assert table.columnWidth(3) >= helpful.sizeHint().width()
    assert table.columnWidth(4) >= remove.sizeHint().width()
    remove.click()
    assert not table.isVisible()  # no empty table when nothing was tried


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_group_composer_and_post_cards(qtbot: Any, make_window: MakeWindow, lang: str) -> None:
    win = unlocked(qtbot, make_window, lang)
    interface = RTL if lang == "ar" else LTR
    page = win.groups_page
    # The composer waits for a group; typing in it is what is checked here, so show it without one.
    win.show_tab(page)
    page.stack.setCurrentWidget(page.main)
    page.compose.setEnabled(True)
    type_paragraphs(page.compose, [ARABIC, ENGLISH, "", NUMBERS])
    assert page.compose.toPlainText() == "\n".join([ARABIC, ENGLISH, "", NUMBERS])
    document = page.compose.document()
    got = [document.findBlockByNumber(i).textDirection() for i in range(4)]
    assert got == [RTL, LTR, interface, interface]

    post = GroupPost(
        id="0" * 32,
        pseudonym="Steady Stone",
        text="\n".join([ARABIC, ENGLISH, "", NUMBERS]),
        at=local_now().isoformat(),
        reply_to=None,
        content_warning="self-harm",
        mine=False,
        status=RECEIVED,
    )
    card = PostCard(post, is_admin=False)
    qtbot.addWidget(card)
    card.reveal()
    assert directions(card.body.document(), [ARABIC, ENGLISH, NUMBERS]) == [RTL, LTR, interface]
    assert f"{FSI}self-harm{PDI}" in card.cw_label.text()
    card.resize(600, 500)
    card.show()
    card.open_thread(True)
    type_paragraphs(card.reply_edit, ["رد قصير", "and a short reply"])
    replies = card.reply_edit.document()
    assert [replies.findBlockByNumber(i).textDirection() for i in range(2)] == [RTL, LTR]
    # Laid out so, not only marked so: the Arabic line starts at the right edge, the English at the left.
    for edit in (page.compose, card.reply_edit):
        width = edit.viewport().width()
        assert start_x(edit, 0) > width * 0.9 and start_x(edit, 1) < width * 0.1


def test_thought_record_and_report_reason_take_each_paragraph_s_direction(qtbot: Any) -> None:
    from peerapp.gui.groups.settings import ReportPostDialog
    from peerapp.gui.tools.thought_record import ThoughtRecordTool

    tool = ThoughtRecordTool()
    qtbot.addWidget(tool)
    report = ReportPostDialog()
    qtbot.addWidget(report)
    for edit in (tool.texts["situation"], tool.texts["balanced_thought"], report.reason):
        assert isinstance(edit, PlainTextEdit)
        type_paragraphs(edit, [ARABIC, ENGLISH])
        assert directions(edit.document(), [ARABIC, ENGLISH]) == [RTL, LTR]
        assert edit.toPlainText() == ARABIC + "\n" + ENGLISH
