"""A reminder shown inside the app window, for desktops without a system tray: the same neutral words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import design
from ..common import Retranslatable


class ReminderNotice(Retranslatable, QDialog):
    """Non-modal: the person may go on with what they were doing. Accepting opens the quick check-in
    (after unlock when locked); "Not now" closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.neutral = False
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setFont(design.font("subtitle"))
        # Room for the sentence on one or two lines rather than a narrow column of words.
        self.text.setMinimumWidth(self.text.fontMetrics().averageCharWidth() * 36)
        self.go_button = QPushButton()
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.accept)
        self.later_button = QPushButton()
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.go_button)
        layout = QVBoxLayout(self)
        margin = design.SPACE["xl"]
        layout.setContentsMargins(margin, design.SPACE["l"], margin, design.SPACE["l"])
        layout.setSpacing(design.SPACE["l"])
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def set_texts(self, title: str, text: str, neutral: bool) -> None:
        """The reminder's own words (from tray.Reminders.message) and whether the look is a disguise."""
        self.setWindowTitle(title)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.neutral = neutral
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # A disguise's notice says only "Open": "check in" would say what the app is for.
        self.go_button.setText(self.tr("&Open") if self.neutral else self.tr("&Check in"))
        self.later_button.setText(self.tr("&Not now"))
