"""The screen quick exit can leave behind: a plain, working calculator that keeps nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.calc import CalcError, evaluate
from ..common import Retranslatable
from .discreet_icons import neutral_icon

# The keypad, row by row; "C" clears, "⌫" deletes one character.
KEYS = (
    ("C", "(", ")", "÷"),
    ("7", "8", "9", "×"),
    ("4", "5", "6", "-"),
    ("1", "2", "3", "+"),
    ("0", ".", "⌫", "="),
)
TYPED = {"*": "×", "/": "÷", ",": "."}
LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate around a key's label
BACK_KEYS = "Ctrl+L"  # from the calculator back to the (locked) app


class CalculatorScreen(Retranslatable, QWidget):
    """A top-level calculator window. It never touches the vault and remembers only this session's sums."""

    leave = Signal()  # the person asked to go back to the lock screen
    closed = Signal()  # the window was closed: the app should end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowIcon(neutral_icon("calculator"))
        self.history = QListWidget()
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight)
        font = QFont(self.display.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.display.setFont(font)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for row, keys in enumerate(KEYS):
            for col, key in enumerate(keys):
                # A lone bracket has no direction of its own, so an Arabic interface would mirror
                # it ("(" drawn as ")"); a left-to-right isolate keeps each key as printed.
                button = QPushButton(LRI + key + PDI)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                button.setMinimumSize(48, 40)
                button.clicked.connect(lambda _checked=False, k=key: self.press(k))
                self.buttons[key] = button
                grid.addWidget(button, row, col)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.display)
        layout.addLayout(grid, 3)
        # Sums read left to right in every language, as on a pocket calculator.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.back_shortcut = QShortcut(QKeySequence(BACK_KEYS), self)
        self.back_shortcut.activated.connect(self.leave.emit)
        self.resize(320, 440)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Calculator"))
        self.display.setAccessibleName(self.tr("Display"))
        self.history.setAccessibleName(self.tr("Earlier results"))
        self.buttons["C"].setAccessibleName(self.tr("Clear"))
        self.buttons["⌫"].setAccessibleName(self.tr("Delete last character"))
        self.buttons["="].setAccessibleName(self.tr("Equals"))

    def press(self, key: str) -> None:
        """What a keypad button does; typing on the keyboard ends up here too."""
        text = self.display.text()
        if text == self.tr("Error"):
            text = ""
        if key == "C":
            self.display.clear()
        elif key == "⌫":
            self.display.setText(text[:-1])
        elif key == "=":
            self._equals(text)
        else:
            self.display.setText(text + key)

    def _equals(self, text: str) -> None:
        if not text:
            return
        try:
            result = evaluate(text)
        except CalcError:
            self.display.setText(self.tr("Error"))
            return
        self.history.addItem(f"{text} = {result}")
        self.history.scrollToBottom()
        self.display.setText(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, text = event.key(), event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("=")
        elif key == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif key == Qt.Key.Key_Delete:
            self.press("C")
        elif text and (text in "0123456789.()+-=%" or text in TYPED or text in "×÷"):
            self.press(TYPED.get(text, text))
        else:
            super().keyPressEvent(event)

    def clear(self) -> None:
        """Forget this session's sums (done each time the screen is shown anew)."""
        self.display.clear()
        self.history.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)
        self.closed.emit()
