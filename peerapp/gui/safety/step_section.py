"""One step of the safety plan: its heading, its prompt, and the person's own items, edited in place."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.safety_plan import MAX_ITEM_CHARS, MAX_ITEMS_PER_STEP, Step, step_heading
from .. import design
from ..common import Retranslatable, text_direction
from .item_row import MIME_TYPE, ItemRow, drag_item


class AddField(QLineEdit):
    """The "Add…" line at the end of a step: Enter adds what is typed; so does leaving the field."""

    add_requested = Signal()
    step_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Up and not event.modifiers():
            self.step_requested.emit(-1)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        # A click elsewhere, another tab or the lock: what was typed becomes an item, not lost.
        if event.reason() != Qt.FocusReason.PopupFocusReason and self.text().strip():
            self.add_requested.emit()


def plus_icon(size: int, colour: QPalette) -> QIcon:
    """A small "+" drawn in the field's quiet ink, at the start of the "Add…" line."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour.color(QPalette.ColorRole.PlaceholderText), 2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    middle, inset = size / 2, size * 0.25
    painter.drawLine(int(inset), int(middle), int(size - inset), int(middle))
    painter.drawLine(int(middle), int(inset), int(middle), int(size - inset))
    painter.end()
    return QIcon(pixmap)


class StepSection(Retranslatable, QFrame):
    """A card: the step's number and title, its prompt, the items, and the "Add…" line."""

    changed = Signal()

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setProperty("role", "card")  # theme.style_sheet draws the card
        self.rows: list[ItemRow] = []
        self.heading = QLabel()
        self.heading.setProperty("role", "subtitle")
        self.heading.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setProperty("role", "muted")
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(design.SPACE["xxs"])
        self.new_item = AddField()
        self.new_item.setMaxLength(MAX_ITEM_CHARS)
        self.new_item.setClearButtonEnabled(True)
        self.new_item.textChanged.connect(lambda t: self.new_item.setLayoutDirection(text_direction(t)))
        self._add_action = self.new_item.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition)
        self.drop_line = QFrame(self)  # where a dragged item will land
        self.drop_line.setFrameShape(QFrame.Shape.HLine)
        self.drop_line.hide()

        layout = QVBoxLayout(self)
        pad = design.SPACE["l"]
        layout.setContentsMargins(pad, design.SPACE["m"], pad, design.SPACE["m"])
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt)
        layout.addWidget(self.rows_box)
        add_row = QHBoxLayout()
        add_row.setContentsMargins(design.SPACE["l"] + design.SPACE["xs"], 0, 0, 0)  # under the texts
        add_row.addWidget(self.new_item)
        layout.addLayout(add_row)
        self.setAcceptDrops(True)

        self.new_item.returnPressed.connect(self.add_from_field)
        self.new_item.add_requested.connect(self.add_from_field)
        self.new_item.step_requested.connect(self._focus_last)
        self.new_item.textChanged.connect(lambda _t: self.changed.emit())  # what is typed is saved too
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        number = self.step.number
        title = self.step.translated_title()
        self.heading.setText(
            step_heading(self.step, QLocale().toString(number) if number is not None else None)
        )
        self.prompt.setText(self.step.translated_prompt())
        self.new_item.setPlaceholderText(self.tr("Add…"))
        self.new_item.setAccessibleName(self.tr("New item for: %1").replace("%1", title))
        self.new_item.setAccessibleDescription(self.step.translated_prompt())
        self._add_action.setIcon(plus_icon(self.fontMetrics().height(), self.palette()))
        for row in self.rows:
            row.step_title = title
            row.retranslate_ui()

    # -- items ---------------------------------------------------------------------

    def items(self) -> list[str]:
        """The items shown, an edit in progress as typed so far."""
        return [row.text() for row in self.rows]

    def pending(self) -> str:
        """Text typed in the "Add…" line and not added yet (saved with the plan, so it is never lost)."""
        return self.new_item.text().strip()

    def set_items(self, texts: list[str]) -> None:
        for row in self.rows:
            self._drop(row)
        self.rows = []
        for text in texts:
            self._insert(len(self.rows), text)
        self._relink()

    def _insert(self, position: int, text: str) -> ItemRow:
        row = ItemRow(text, self.step.translated_title())
        row.edited.connect(self.changed)
        row.remove_requested.connect(lambda r=row: self.remove_row(r))
        row.move_requested.connect(lambda delta, r=row: self.move_row(r, delta))
        row.step_requested.connect(lambda delta, r=row: self._step_focus(r, delta))
        row.drag_started.connect(lambda r=row: drag_item(r, self.step.key, self.rows.index(r)))
        self.rows.insert(position, row)
        self.rows_layout.insertWidget(position, row)
        row.show()  # now, not at the layout's queued show: the keyboard may go to it at once
        self.new_item.setEnabled(len(self.rows) < MAX_ITEMS_PER_STEP)
        return row

    def _drop(self, row: ItemRow) -> None:
        row.hide()
        self.rows_layout.removeWidget(row)
        row.deleteLater()  # it may be in the middle of its own event (Delete, the × button)

    def _relink(self) -> None:
        """Tab goes down the items in their order, each one's text then its remove button, then "Add…"."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row.label, row.editor, row.remove_button]
        chain.append(self.new_item)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def add_item(self, text: str) -> None:
        text = text.strip()
        if not text or len(self.rows) >= MAX_ITEMS_PER_STEP:
            return
        self._insert(len(self.rows), text)
        self._relink()
        self.changed.emit()

    def add_from_field(self) -> None:
        text = self.pending()
        self.new_item.clear()
        self.add_item(text)

    def remove_row(self, row: ItemRow) -> None:
        if row not in self.rows:
            return
        index = self.rows.index(row)
        had_focus = row.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.rows.remove(row)
        self._drop(row)
        self.new_item.setEnabled(True)
        self._relink()
        if had_focus:  # the keyboard stays in the list: the next item, or "Add…" after the last
            (self.rows[index].label if index < len(self.rows) else self.new_item).setFocus()
        self.changed.emit()

    def move_row(self, row: ItemRow, delta: int) -> None:
        self.move_to(self.rows.index(row), self.rows.index(row) + delta)

    def move_to(self, source: int, target: int) -> None:
        """Put item `source` at position `target`; the focus moves with it."""
        if not (0 <= source < len(self.rows) and 0 <= target < len(self.rows)) or source == target:
            return
        row = self.rows.pop(source)
        self.rows.insert(target, row)
        self.rows_layout.removeWidget(row)
        self.rows_layout.insertWidget(target, row)
        self._relink()
        row.focus()
        self.changed.emit()

    def _focus_last(self, _delta: int = -1) -> None:
        """Up from "Add…" goes to the last item."""
        if self.rows:
            self.rows[-1].focus()

    def _step_focus(self, row: ItemRow, delta: int) -> None:
        index = self.rows.index(row) + delta
        if 0 <= index < len(self.rows):
            self.rows[index].focus()
        elif index >= len(self.rows):
            self.new_item.setFocus()

    def edit_current(self) -> None:
        """Edit the item that has the keyboard (F2 or Enter does the same)."""
        for row in self.rows:
            if row.label.hasFocus():
                row.start_editing()

    def commit_editing(self) -> None:
        """Finish every edit in progress, keeping what is typed (on save, tab switch or lock)."""
        for row in list(self.rows):
            row.finish_editing(True)

    # -- drag and drop -------------------------------------------------------------

    def _source(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> int | None:
        data = event.mimeData()
        if not data.hasFormat(MIME_TYPE):
            return None
        key, _, row = bytes(data.data(MIME_TYPE).data()).decode().partition(":")
        return int(row) if key == self.step.key and row.isdigit() and int(row) < len(self.rows) else None

    def _target(self, point: QPoint) -> int:
        """The position a drop at `point` (in this section) puts an item: before the first row below it."""
        for index, row in enumerate(self.rows):
            middle = row.mapTo(self, QPoint(0, row.height() // 2)).y()
            if point.y() < middle:
                return index
        return len(self.rows)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._source(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._source(event) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        target = self._target(event.position().toPoint())
        if self.rows:
            anchor = self.rows[min(target, len(self.rows) - 1)]
            y = anchor.mapTo(self, QPoint(0, 0 if target < len(self.rows) else anchor.height())).y()
            self.drop_line.setGeometry(self.rows_box.x(), y - 1, self.rows_box.width(), 2)
            self.drop_line.show()
            self.drop_line.raise_()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt override
        self.drop_line.hide()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.drop_line.hide()
        source = self._source(event)
        if source is None:
            event.ignore()
            return
        target = self._target(event.position().toPoint())
        # Dropping below itself: the item leaves its place first, so everything after shifts up one.
        self.move_to(source, target - 1 if target > source else target)
        event.acceptProposedAction()
