"""The Groups tab with no group yet: what groups are, that nothing is sent until one exists, and how to join.

The words keep the page's translation context ("GroupsPage"), where the Arabic for them already is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import design
from ..shell.setup_steps import PrimaryButton

READING_MEASURE = 90  # characters: the empty page's sentences wrap at a comfortable line length


class GroupsIntro(QWidget):
    """A heading, a few sentences and the ways in: join with an invite first, then start a group.

    The page connects the buttons and re-translates this panel from its own `retranslate_ui`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading, self.text = QLabel(), QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.text.setWordWrap(True)
        self.join, self.new, self.settings = PrimaryButton(), QPushButton(), QPushButton()
        # Someone may want Tor set up before joining: a quieter way, after the two that start a group.
        self.settings.setFlat(True)
        buttons = QHBoxLayout()
        for button in (self.join, self.new):
            buttons.addWidget(button)
        buttons.addStretch()
        block = QWidget()
        block.setMaximumWidth(self.fontMetrics().averageCharWidth() * READING_MEASURE)
        block_layout = QVBoxLayout(block)
        for label in (self.heading, self.text):
            block_layout.addWidget(label)
        block_layout.addLayout(buttons)
        block_layout.addWidget(self.settings, 0, Qt.AlignmentFlag.AlignLeading)
        centred = QHBoxLayout()
        centred.addStretch()
        centred.addWidget(block, 100)
        centred.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(design.SPACE["xl"],) * 4)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(2)  # a little above the middle, where the eye lands

    def retranslate_ui(self) -> None:
        self.heading.setText(
            QCoreApplication.translate("GroupsPage", "You don't have to go through this alone")
        )
        self.text.setText(
            QCoreApplication.translate(
                "GroupsPage",
                "A group is a few people who understand, each under a name they choose, so nobody there "
                "learns who you are. Posts are encrypted end to end on this computer. Nothing leaves it, and "
                "no server is contacted, until you join or start a group.",
            )
        )
        self.join.setText(QCoreApplication.translate("GroupsPage", "&Join with an invite…"))
        self.new.setText(QCoreApplication.translate("GroupsPage", "Start a &new group…"))
        self.settings.setText(QCoreApplication.translate("GroupsPage", "Connection settings (proxy, Tor)…"))
