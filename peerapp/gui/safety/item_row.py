"""One item of a safety-plan step, edited where it stands: click or Enter to edit, a remove button that
shows on hover or focus, a handle to drag it, Alt+Up/Down to move it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QEnterEvent, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...core.safety_plan import MAX_ITEM_CHARS
from .. import design, theme
from ..common import OWNS_ESCAPE, Retranslatable, text_direction

# What a dragged item carries: "<step key>:<row>"; only its own step takes it.
MIME_TYPE = "application/x-peerapp-safety-item"
MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down)


def is_move(event: QKeyEvent) -> bool:
    """Alt+Up/Down (and Ctrl+Up/Down, the list's old keys) move an item."""
    mods = event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier)
    return bool(mods) and event.key() in MOVE_KEYS


class DragHandle(QWidget):
    """Six dots at the item's leading edge; pressing and moving drags the item to a new place."""

    drag_started = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard moves items with Alt+Up/Down
        self._pressed: QPoint | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # As tall as the first line of the item's text beside it (its margins included).
        return QSize(design.SPACE["l"], self.fontMetrics().height() + 2 * design.SPACE["xs"])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(design.surface("muted"))
        dot = design.SPACE["xxs"] + 1
        step = design.SPACE["xs"] + 1
        left = (self.width() - dot - step) / 2
        top = (self.height() - dot - 2 * step) / 2
        for column in range(2):
            for row in range(3):
                painter.drawEllipse(QRectF(left + column * step, top + row * step, dot, dot))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pressed is None:
            return
        if (event.position().toPoint() - self._pressed).manhattanLength() >= QApplication.startDragDistance():
            self._pressed = None
            self.drag_started.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._pressed = None


class ItemLabel(QLabel):
    """The item as text that wraps; it takes the keyboard focus, and its ring shows it has it."""

    activated = Signal()  # click, Enter, Return or F2: edit in place
    remove_requested = Signal()
    move_requested = Signal(int)
    step_requested = Signal(int)  # Up/Down: go to the item before or after

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the person's words, never markup
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        pad = design.SPACE["xs"]
        self.setContentsMargins(pad, pad, pad, pad)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if is_move(event):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.activated.emit()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
        elif key in MOVE_KEYS:
            self.step_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        else:
            super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            theme.draw_focus_ring(painter, self.rect(), self.palette())
            painter.end()


class ItemEditor(QLineEdit):
    """The field an item turns into while it is edited: Enter keeps the change, Esc takes it back."""

    finished = Signal(bool)  # True: keep the text; False: put the old text back
    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(OWNS_ESCAPE, True)  # Esc takes the edit back; it is not half of a quick exit
        self.setMaxLength(MAX_ITEM_CHARS)
        self.textChanged.connect(lambda text: self.setLayoutDirection(text_direction(text)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finished.emit(True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finished.emit(False)
        elif is_move(event):
            self.finished.emit(True)
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        # Leaving the field (a click elsewhere, another tab, the lock) keeps what was typed.
        if self.isVisible() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finished.emit(True)


class ItemRow(Retranslatable, QWidget):
    """Handle, text (or its editor while editing) and a remove button, for one item of a step."""

    edited = Signal()  # the text changed (while typing too: the page autosaves it)
    finished = Signal()  # an edit ended; an emptied item asks to be removed through remove_requested
    remove_requested = Signal()
    move_requested = Signal(int)
    step_requested = Signal(int)
    drag_started = Signal()

    def __init__(self, text: str, step_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_title = step_title
        self._before_edit = text
        self.handle = DragHandle()
        self.label = ItemLabel()
        self.editor = ItemEditor()
        self.editor.hide()
        self.remove_button = QToolButton()
        self.remove_button.setText("\u00d7")  # ×, in every font
        self.remove_button.setAutoRaise(True)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        keep = self.remove_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the text does not jump when the button shows
        self.remove_button.setSizePolicy(keep)
        self.remove_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["xs"])
        layout.addWidget(self.handle, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        for child in (self.label, self.editor, self.remove_button):
            child.installEventFilter(self)

        self.label.activated.connect(self.start_editing)
        self.label.remove_requested.connect(self.remove_requested)
        self.label.move_requested.connect(self.move_requested)
        self.label.step_requested.connect(self.step_requested)
        self.editor.finished.connect(self.finish_editing)
        self.editor.move_requested.connect(self.move_requested)
        self.editor.textChanged.connect(lambda _t: self.edited.emit() if self.editing() else None)
        self.remove_button.clicked.connect(self.remove_requested)
        self.handle.drag_started.connect(self.drag_started)
        self.set_text(text)

    def retranslate_ui(self) -> None:
        text = self.text()
        self.label.setAccessibleName(text)
        self.label.setAccessibleDescription(
            self.tr("Press Enter to edit, Delete to remove, Alt+Up or Alt+Down to move.")
        )
        self.editor.setAccessibleName(self.tr("Edit item of: %1").replace("%1", self.step_title))
        self.remove_button.setAccessibleName(self.tr("Remove: %1").replace("%1", text))
        self.remove_button.setToolTip(self.tr("Remove"))

    # -- text ----------------------------------------------------------------------

    def text(self) -> str:
        """What the item says now, the words being typed included."""
        return self.editor.text() if self.editing() else self.label.text()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setLayoutDirection(text_direction(text))
        self.retranslate_ui()

    def editing(self) -> bool:
        return not self.editor.isHidden()

    def start_editing(self) -> None:
        if self.editing():
            return
        self._before_edit = self.label.text()
        self.editor.setText(self._before_edit)
        self.label.hide()
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.end(False)
        self._update_controls()

    def finish_editing(self, keep: bool = True) -> None:
        """End an edit: keep the typed text (or put the old one back); an emptied item is removed."""
        if not self.editing():
            return
        text = self.editor.text() if keep else self._before_edit
        had_focus = self.editor.hasFocus()
        self.editor.hide()  # first, so the focus leaving it does not finish the edit a second time
        self.set_text(text)
        self.label.show()
        if had_focus:
            self.label.setFocus(Qt.FocusReason.OtherFocusReason)
        if text != self._before_edit:
            self.edited.emit()
        self.finished.emit()
        if not text.strip():
            self.remove_requested.emit()  # emptying an item is how some people delete it

    def focus(self) -> None:
        self.label.setFocus(Qt.FocusReason.TabFocusReason)

    # -- hover and focus: the remove button shows only where the person is -----------

    def _update_controls(self) -> None:
        focus = QApplication.focusWidget()
        here = focus is not None and (focus is self or self.isAncestorOf(focus))
        self.remove_button.setVisible(here or self.underMouse())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._update_controls()
        return False

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt override
        super().enterEvent(event)
        self.remove_button.setVisible(True)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        self._update_controls()


def drag_item(source: QWidget, step_key: str, row: int) -> None:
    """Start dragging item `row` of step `step_key` (the step's own section takes the drop)."""
    data = QMimeData()
    data.setData(MIME_TYPE, f"{step_key}:{row}".encode())
    drag = QDrag(source)
    drag.setMimeData(data)
    drag.setPixmap(source.grab())
    drag.exec(Qt.DropAction.MoveAction)
