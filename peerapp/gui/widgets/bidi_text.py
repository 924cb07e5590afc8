"""Arabic and English side by side: each paragraph's own direction, isolated runs, a plain-text editor."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit, QWidget

LTR = Qt.LayoutDirection.LeftToRight
RTL = Qt.LayoutDirection.RightToLeft
AUTO = Qt.LayoutDirection.LayoutDirectionAuto

# FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: the run between them takes its own direction
# and cannot pull the punctuation or numbers around it into its own (Unicode bidi, UAX #9).
FSI = "\u2068"
PDI = "\u2069"


def strong_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strongly directional letter (bidi rule P2), None when there is none."""
    depth = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        # Text inside an isolate does not decide the paragraph's direction (P2 skips it).
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif kind in ("R", "AL"):
            return RTL
        elif kind == "L":
            return LTR
    return None


def paragraph_direction(text: str, fallback: Qt.LayoutDirection) -> Qt.LayoutDirection:
    """A paragraph's direction: its first strong letter's, or `fallback` (the interface's) if it has none.

    An empty line or one of digits and punctuation follows the interface, like dir="auto" in HTML
    falls back to its parent: the cursor of an empty Arabic editor sits on the right.
    """
    found = strong_direction(text)
    if found is not None:
        return found
    return RTL if fallback == RTL else LTR


def isolate(text: str) -> str:
    """`text` wrapped so that it keeps its own direction inside a sentence of the other language."""
    return f"{FSI}{text}{PDI}" if text else ""


def _qt_auto(text: str) -> Qt.LayoutDirection:
    # How Qt reads a paragraph whose direction is Auto (QTextBlock::textDirection): the first
    # L, R or AL letter, isolates or not, and left to right when there is none.
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return RTL
        if kind == "L":
            return LTR
    return LTR


def needed_direction(
    text: str, explicit: Qt.LayoutDirection, fallback: Qt.LayoutDirection
) -> Qt.LayoutDirection | None:
    """The block direction a paragraph of `text` set to `explicit` must get, None if it is shown right.

    Auto when Qt's own reading of the text is right, so the paragraph keeps following its text.
    """
    wanted = paragraph_direction(text, fallback)
    natural = _qt_auto(text)
    shown = explicit if explicit != AUTO else natural
    if shown == wanted:
        return None
    return AUTO if natural == wanted else wanted


def settle_directions(
    document: QTextDocument,
    fallback: Qt.LayoutDirection,
    first: QTextBlock | None = None,
    last: QTextBlock | None = None,
) -> bool:
    """Show each paragraph from `first` to `last` (default: all) in its direction; True if one changed.

    A paragraph with a strong letter is read from it; one without follows `fallback`, the
    interface's direction. Only paragraphs shown wrongly get a block format, so a document that is
    already right is not touched (and nothing is added to its undo history).
    """
    block = first if first is not None else document.firstBlock()
    stop = last if last is not None else document.lastBlock()
    cursor: QTextCursor | None = None
    while block.isValid():
        wanted = needed_direction(block.text(), block.blockFormat().layoutDirection(), fallback)
        if wanted is not None:
            if cursor is None:
                cursor = QTextCursor(document)
                cursor.beginEditBlock()
            fmt = QTextBlockFormat()
            fmt.setLayoutDirection(wanted)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(fmt)
        if block == stop:
            break
        block = block.next()
    if cursor is None:
        return False
    cursor.endEditBlock()
    return True


LINE_SEPARATOR = "\u2028"  # what Qt makes of <br>


def split_lines(document: QTextDocument) -> None:
    """Make every line of a paragraph (a <br> in it) a paragraph of its own, with no space between.

    A journal's lines are written one per line (the editor shows each in its own direction); kept
    inside one paragraph, an English line under an Arabic one would be laid out right to left, its
    brackets and full stop on the wrong side. List items keep their lines: a new block there would be
    a new item.
    """
    cursor = QTextCursor(document)
    block = document.firstBlock()
    while block.isValid():
        at = block.text().find(LINE_SEPARATOR)
        if at < 0 or block.textList() is not None:
            block = block.next()
            continue
        shape = block.blockFormat()
        upper, lower = QTextBlockFormat(shape), QTextBlockFormat(shape)
        upper.setBottomMargin(0)
        lower.setTopMargin(0)
        cursor.setPosition(block.position() + at)
        cursor.deleteChar()
        cursor.setBlockFormat(upper)
        cursor.insertBlock(lower)
        block = cursor.block()  # the rest of the paragraph, which may have more lines


def show_html(view: QTextEdit, html: str) -> None:
    """Show `html` (rendered Markdown) in a read-only view with every line in its own direction."""
    document = view.document()
    document.setUndoRedoEnabled(False)  # nothing to undo in a view; keeps no copy of old text
    view.setHtml(html)
    split_lines(document)
    settle_directions(document, view.layoutDirection())


def resettle_on_direction_change(view: QTextEdit, event: QEvent) -> None:
    """Call from a read-only view's changeEvent: the interface turned, so do its empty paragraphs."""
    if event.type() == QEvent.Type.LayoutDirectionChange:
        settle_directions(view.document(), view.layoutDirection())


def fit_direction(edit: QLineEdit) -> None:
    """Lay a one-line field out in its text's direction (the interface's while it has no letter)."""
    edit.setLayoutDirection(paragraph_direction(edit.text(), QApplication.layoutDirection()))


def follow_text(edit: QLineEdit) -> None:
    """Keep `edit` in its text's direction as it is typed; call fit_direction again on a language change."""
    edit.textChanged.connect(lambda _text: fit_direction(edit))
    fit_direction(edit)


class PlainTextEdit(QTextEdit):
    """Plain text only, each paragraph in its own direction with the cursor and alignment following.

    QPlainTextEdit lays every paragraph out with one alignment (typed Arabic sat on the left), so
    this is a QTextEdit that accepts no rich text and copies plain text only. A paragraph's
    direction is a block format; an edit that changes one is wrapped in one undo step with the
    format, so undo and redo go back and forth over the text exactly as typed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setAutoFormatting(QTextEdit.AutoFormattingFlag.AutoNone)
        self._quiet = False  # True while settling, undoing or redoing: changes are not settled
        self.document().contentsChange.connect(self._contents_change)
        self._settle_all()

    # -- the text as a whole ----------------------------------------------------------

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt override
        with self._quietly():  # settled once below, not once per change signal
            super().setPlainText(text)
        self._settle_all()

    def clear(self) -> None:
        with self._quietly():
            super().clear()
        self._settle_all()

    def undo(self) -> None:
        with self._quietly():
            super().undo()

    def redo(self) -> None:
        with self._quietly():
            super().redo()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        # Plain text only: no HTML copy of journal text, formats and all, on the clipboard.
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText())
        return data

    # -- edits ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if any(event.matches(key) for key in _UNDO_KEYS):
            # Every state undo or redo returns to was settled when it was made.
            with self._quietly():
                super().keyPressEvent(event)
        elif self._plain_edit_keeps_directions(event):
            super().keyPressEvent(event)  # not wrapped, so typing merges into one undo step as usual
        elif event.matches(QKeySequence.StandardKey.InsertParagraphSeparator) and not self.isReadOnly():
            # Qt's own Enter, in an empty paragraph with a block format, clears the format instead of
            # starting a new paragraph (how a list or heading ends); here it always starts one.
            with self._one_step():
                cursor = self.textCursor()
                cursor.insertBlock()
                self.setTextCursor(cursor)
            self.ensureCursorVisible()
            event.accept()
        else:
            with self._one_step():
                super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        if event.commitString():
            with self._one_step():
                super().inputMethodEvent(event)
        else:
            super().inputMethodEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        with self._one_step():  # paste and drop
            super().insertFromMimeData(source)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        with self._quietly():  # its Undo and Redo must not be followed by a new step
            chosen = menu.exec(event.globalPos())
        if chosen is not None and chosen.objectName() not in ("edit-undo", "edit-redo"):
            self._settle_near(self.textCursor().position(), self.textCursor().position())
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._settle_near(0, self.document().characterCount())

    # -- settling -----------------------------------------------------------------------

    def _plain_edit_keeps_directions(self, event: QKeyEvent) -> bool:
        """Whether `event` only types or deletes inside one paragraph and leaves its direction alone."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        text = block.text()
        at = cursor.position() - block.position()
        typed = event.text()
        plain = (
            event.modifiers() & ~(_SHIFT | Qt.KeyboardModifier.KeypadModifier)
            == Qt.KeyboardModifier.NoModifier
        )
        if typed and typed.isprintable() and not event.modifiers() & _COMMAND:
            after = text[:at] + typed + text[at:]
        elif plain and event.key() == Qt.Key.Key_Backspace and at > 0:
            after = text[: at - 1] + text[at:]
        elif plain and event.key() == Qt.Key.Key_Delete and at < len(text):
            after = text[:at] + text[at + 1 :]
        elif not typed and event.key() not in _EDIT_KEYS and not event.modifiers() & _COMMAND:
            return True  # moving the cursor, Shift, Alt...: nothing changes
        else:
            return False
        return needed_direction(after, block.blockFormat().layoutDirection(), self.layoutDirection()) is None

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = quiet

    @contextlib.contextmanager
    def _one_step(self) -> Iterator[None]:
        """Run an edit and the direction changes it needs as one undo step."""
        before = self.textCursor()
        start = min(before.selectionStart(), before.position())
        end = max(before.selectionEnd(), before.position())
        document = self.document()
        step = QTextCursor(document)
        step.beginEditBlock()
        steps = document.availableUndoSteps()
        try:
            with self._quietly():
                yield
                # Only after a real edit: a key that changed nothing (Ctrl pressed alone, an arrow)
                # must not add a step, which would end the redo history.
                if document.availableUndoSteps() != steps:
                    after = self.textCursor().position()
                    self._settle_near(min(start, after), max(end, after))
        finally:
            step.endEditBlock()

    def _settle_all(self) -> None:
        self._settle_near(0, self.document().characterCount())
        # A new text starts a new undo history (as setPlainText does): its directions are no edit.
        self.document().clearUndoRedoStacks()

    def _settle_near(self, start: int, end: int) -> None:
        document = self.document()
        limit = document.characterCount() - 1
        first = document.findBlock(max(min(start, limit), 0))
        last = document.findBlock(max(min(end, limit), 0))
        quiet, self._quiet = self._quiet, True
        blocked = self.blockSignals(True)  # a direction is not a change of the text (no textChanged)
        try:
            settle_directions(document, self.layoutDirection(), first, last)
        finally:
            self.blockSignals(blocked)
            self._quiet = quiet

    def _contents_change(self, position: int, _removed: int, added: int) -> None:
        # A change no handler above wrapped (a drag moving text, say): settled as its own step.
        if not self._quiet:
            self._settle_near(position, position + added)


_SHIFT = Qt.KeyboardModifier.ShiftModifier
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
_EDIT_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
