"""The text sections of a template being edited: a table of headings and hints, with add, remove and move."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.templates import MAX_SECTIONS, Section
from .. import design
from ..common import Retranslatable
from ..widgets.bidi_text import follow_text, paragraph_direction

HEADING, HINT = 0, 1
# Rows shown before the table scrolls: a shipped thought record has six; fewer leave the form room on
# a 1024×600 screen.
VISIBLE_ROWS = 4


class OwnDirection(QStyledItemDelegate):
    """Each name, heading or hint shown (and typed) in its own direction: an English heading in the
    Arabic interface keeps its question mark at its end, as the entry's text does."""

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = paragraph_direction(option.text, QApplication.layoutDirection())

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            follow_text(editor)
        return editor


class SectionsTable(Retranslatable, QWidget):
    """Headings with an optional hint each, edited in place (type, or F2); rows added, removed, moved."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Tab moves on to the buttons and the rest of the form, not from cell to cell for ever.
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(OwnDirection(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HEADING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HINT, QHeaderView.ResizeMode.Stretch)
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + 2 * row + design.SPACE["xs"])
        self.table.setMaximumHeight(header.sizeHint().height() + VISIBLE_ROWS * row + design.SPACE["s"])
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())

        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        buttons = QHBoxLayout()
        buttons.setSpacing(design.SPACE["s"])
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["xs"])
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Heading"), self.tr("Hint (optional)")])
        self.table.setAccessibleName(self.tr("Sections"))
        self.table.setAccessibleDescription(
            self.tr("Each row is a heading of the entry's text, with a hint of what to write under it.")
        )
        self.add_button.setText(self.tr("&Add section"))
        self.remove_button.setText(self.tr("Re&move section"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move do&wn"))

    # -- contents ------------------------------------------------------------------

    def sections(self) -> list[Section]:
        """The rows as typed (core.templates.clean tidies and checks them when saved)."""
        result = []
        for row in range(self.table.rowCount()):
            heading, hint = (self.table.item(row, col) for col in (HEADING, HINT))
            result.append(Section(heading.text() if heading else "", hint.text() if hint else ""))
        return result

    def set_sections(self, sections: list[Section]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for section in sections:
            self._append(section)
        self.table.blockSignals(False)
        self._update_buttons()

    def _append(self, section: Section) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, HEADING, QTableWidgetItem(section.heading))
        self.table.setItem(row, HINT, QTableWidgetItem(section.hint))
        return row

    # -- actions -------------------------------------------------------------------

    def add_section(self) -> None:
        row = self._append(Section(""))
        self.table.setCurrentCell(row, HEADING)
        self.table.setFocus()
        item = self.table.item(row, HEADING)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()
        self._update_buttons()

    def remove_section(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), HEADING)
        self.changed.emit()
        self._update_buttons()

    def move_section(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        sections = self.sections()
        sections[row], sections[target] = sections[target], sections[row]
        column = max(self.table.currentColumn(), HEADING)
        self.set_sections(sections)
        self.table.setCurrentCell(target, column)
        self.changed.emit()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        self.add_button.setEnabled(count < MAX_SECTIONS)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        if not self.remove_button.isEnabled() and self.remove_button.hasFocus():
            self.add_button.setFocus()

    def focus_first_empty(self) -> None:
        """After a refused save: the first row without a heading, ready to type in."""
        for row, section in enumerate(self.sections()):
            if not section.heading.strip():
                self.table.setCurrentCell(row, HEADING)
                self.table.setFocus()
                return
