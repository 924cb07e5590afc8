"""The safety plan screen: one editable list per step, autosaved into the vault, printable and exportable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...core import db
from ...core.db import Connection
from ...core.errors import PeerappError, VaultDamaged
from ...core.safety_plan import (
    CONTEXT,
    PLAN_INTRO,
    PLAN_TITLE,
    STEPS,
    SafetyPlan,
    SafetyPlanRepository,
    Step,
    step_heading,
    to_html,
    to_markdown,
)
from ...core.session import Session
from ..common import Retranslatable, qdate, text_direction

AUTOSAVE_MS = 800
EXPORT_FORMATS = ("html", "pdf", "md")


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


class SafetyPlanPage(Retranslatable, QWidget):
    """The plan, step by step. `attach()` on unlock, `clear()` on lock."""

    saved = Signal()
    save_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository: SafetyPlanRepository | None = None
        self._saved_once = False
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.print_button = QPushButton()
        self.export_button = QPushButton()
        self.sections = [StepSection(step) for step in STEPS]

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.intro)
        for section in self.sections:
            column.addWidget(section)
            section.changed.connect(self.schedule_save)
        column.addStretch()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.print_button.clicked.connect(self.print_plan)
        self.export_button.clicked.connect(self.export_plan)
        self.retranslate_ui()
        self.setEnabled(False)

    def tab_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Safety plan")

    def view_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "&Safety plan")

    def retranslate_ui(self) -> None:
        self.title.setText(QApplication.translate(CONTEXT, PLAN_TITLE))
        self.intro.setText(QApplication.translate(CONTEXT, PLAN_INTRO))
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.print_button.setAccessibleName(self.tr("Print the safety plan"))
        self.export_button.setAccessibleName(self.tr("Export the safety plan"))
        if self._saved_once:
            self.status.setText(self.tr("Saved in your encrypted journal."))

    # -- data ----------------------------------------------------------------------

    def attach(self, source: Session | Connection | SafetyPlanRepository) -> None:
        """Show the plan stored in the vault; edits autosave there."""
        if isinstance(source, Session):
            self.repository = source.safety_plan
        elif isinstance(source, SafetyPlanRepository):
            self.repository = source
        else:
            self.repository = SafetyPlanRepository(source)
        plan = self.repository.load()
        for section in self.sections:
            section.set_items(plan.get(section.step.key))
        self.status.clear()
        self.setEnabled(True)

    def clear(self) -> None:
        """On lock: save what is pending, then forget everything shown."""
        if self.repository is not None:
            self.save_now()
        self._timer.stop()
        self.repository = None
        for section in self.sections:
            section.set_items([])
            section.new_item.clear()
        self._saved_once = False
        self.status.clear()
        self.setEnabled(False)

    def plan(self) -> SafetyPlan:
        return SafetyPlan({s.step.key: s.items() for s in self.sections})

    def schedule_save(self) -> None:
        if self.repository is not None:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.repository is None:
            return
        for section in self.sections:
            section.commit_editing()
        try:
            self.repository.save(self.plan())
        except (PeerappError, db.OperationalError) as exc:
            # OperationalError: a damaged journal is read-only (integrity.py).
            message = exc.user_message() if isinstance(exc, PeerappError) else VaultDamaged().user_message()
            self.status.setText(message)
            self.save_failed.emit(message)
            return
        self._saved_once = True
        self.status.setText(self.tr("Saved in your encrypted journal."))
        self.saved.emit()

    # -- print and export ----------------------------------------------------------

    def _date_text(self) -> str:
        return QLocale().toString(qdate(date.today()), QLocale.FormatType.LongFormat)

    def html(self) -> str:
        return to_html(self.plan(), self._date_text(), rtl=self.isRightToLeft())

    def document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setHtml(self.html())
        return doc

    def print_to(self, printer: QPrinter) -> None:
        doc = self.document()
        doc.print_(printer)
        doc.deleteLater()

    def print_plan(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the safety plan"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the plan to `path` as html, pdf or md (not encrypted: the caller warns first)."""
        if fmt == "pdf":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            printer.setOutputFileName(str(path))
            self.print_to(printer)
        elif fmt == "md":
            path.write_text(to_markdown(self.plan(), self._date_text()), "utf-8")
        elif fmt == "html":
            path.write_text(self.html(), "utf-8")
        else:
            raise ValueError(fmt)

    def export_plan(self) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Export the safety plan"),
            self.tr(
                "The exported file is not encrypted. Anyone who can open the folder you save it in "
                "can read it. Continue?"
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        filters = {
            "html": self.tr("Web page (*.html)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "md": self.tr("Markdown text (*.md)"),
        }
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the safety plan"), "", ";;".join(filters.values())
        )
        if not name:
            return
        fmt = next((k for k, v in filters.items() if v == chosen), "")
        suffix = Path(name).suffix.lower().lstrip(".")
        if suffix in EXPORT_FORMATS:
            fmt = suffix
        fmt = fmt or "html"
        path = Path(name) if suffix == fmt else Path(name).with_suffix(Path(name).suffix + "." + fmt)
        try:
            self.export_to(path, fmt)
        except OSError as exc:
            QMessageBox.critical(
                self,
                self.tr("Export the safety plan"),
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)),
            )
            return
        self._saved_once = False
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
