"""One step of the safety plan: its heading, its prompt, and the person's own editable list."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...core.safety_plan import Step, step_heading
from ..common import Retranslatable, text_direction


class ItemDelegate(QStyledItemDelegate):
    """Shows and edits each item in the direction of its own first strong letter."""

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = text_direction(str(index.data() or ""))
        option.displayAlignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.textChanged.connect(lambda text: editor.setLayoutDirection(text_direction(text)))
        return editor


class StepList(QListWidget):
    """A list that also takes Delete (remove) and Ctrl+Up/Down (reorder) from the keyboard."""

    remove_requested = Signal()
    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_requested.emit()
        elif control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class StepSection(Retranslatable, QWidget):
    """Heading, prompt and the person's own list for one step."""

    changed = Signal()

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.list = StepList()
        self.list.remove_requested.connect(self.remove_current)
        self.list.move_requested.connect(self.move_current)
        self.list.setItemDelegate(ItemDelegate(self.list))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.new_item = QLineEdit()
        self.new_item.setClearButtonEnabled(True)
        self.new_item.textChanged.connect(lambda t: self.new_item.setLayoutDirection(text_direction(t)))
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(self.add_button)
        item_row = QHBoxLayout()
        item_row.addWidget(self.edit_button)
        item_row.addWidget(self.remove_button)
        item_row.addWidget(self.up_button)
        item_row.addWidget(self.down_button)
        item_row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt)
        layout.addWidget(self.list)
        layout.addLayout(item_row)
        layout.addLayout(add_row)

        self.new_item.returnPressed.connect(self.add_from_field)
        self.add_button.clicked.connect(self.add_from_field)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(lambda *_a: self.changed.emit())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        number = self.step.number
        title = self.step.translated_title()
        self.heading.setText(
            step_heading(self.step, QLocale().toString(number) if number is not None else None)
        )
        self.prompt.setText(self.step.translated_prompt())
        self.list.setAccessibleName(title)
        self.list.setAccessibleDescription(self.step.translated_prompt())
        self.new_item.setPlaceholderText(self.tr("Write something and press Enter…"))
        self.new_item.setAccessibleName(self.tr("New item for: %1").replace("%1", title))
        self.add_button.setText(self.tr("Add"))
        self.edit_button.setText(self.tr("Edit"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self._update_buttons()

    # -- items ---------------------------------------------------------------------

    def items(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_items(self, texts: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in texts:
            self._append(text)
        self.list.blockSignals(False)
        self._fit_height()
        self._update_buttons()

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def add_item(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        item = self._append(text)
        self.list.setCurrentItem(item)
        self._fit_height()
        self.changed.emit()

    def add_from_field(self) -> None:
        self.add_item(self.new_item.text())
        self.new_item.clear()

    def edit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._fit_height()
        self._update_buttons()
        self.changed.emit()

    def move_current(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not item.text().strip():
            # Emptying an item is how some people delete it.
            self.list.takeItem(self.list.row(item))
            self._fit_height()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = row >= 0
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)

    def _fit_height(self) -> None:
        # The page scrolls as a whole; each list grows with its items instead of scrolling itself.
        rows = max(self.list.count(), 1)
        row_height = self.list.sizeHintForRow(0) if self.list.count() else self.fontMetrics().height() + 8
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 8)

    def commit_editing(self) -> None:
        """Finish an edit in progress so what is typed is not lost (on save or lock)."""
        if self.list.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.list.focusWidget()
        index = self.list.currentIndex()
        if isinstance(editor, QLineEdit) and self.list.isAncestorOf(editor) and index.isValid():
            self.list.itemDelegate().setModelData(editor, self.list.model(), index)
        self.list.setFocus()
