"""What the insights page shows instead of its cards: why there is nothing yet, and the one action that helps.

The words keep the page's translation context ("InsightsPage"), where the Arabic for them already is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import insight_summaries as says
from ...core.errors import PeerappError
from ...core.insight_summaries import EmptyFact, Words
from .. import design


class EmptyInsights(QWidget):
    """A kind line (or the error), a note that nothing leaves the computer, and one action button.

    The action is "Show all time" when the chosen range is what holds nothing, else "Check in"; the page
    connects `action` and re-translates this box from its own `retranslate_ui`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setFont(design.font("subtitle"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.action = QPushButton()
        self.action.setProperty("role", "primary")  # the accent button of theme.style_sheet
        layout = QVBoxLayout(self)
        layout.setSpacing(design.SPACE["m"])
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.note)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_state(self, error: PeerappError | None, empty: EmptyFact | None, words: Words) -> None:
        """Say the error, or why the figures are empty, or that there is not enough yet."""
        if error is not None:
            self.label.setText(error.user_message())
        elif empty is not None:
            self.label.setText(says.empty_text(empty, words))
        else:
            self.label.setText(
                QCoreApplication.translate(
                    "InsightsPage",
                    "Not enough to show yet. Insights appear once you have recorded your mood on a few days "
                    "in this range. Everything is worked out on this computer and never leaves it.",
                )
            )
        self.note.setVisible(error is None)
        self.action.setVisible(error is None and empty is not None)
        if empty is not None and empty.kind == "range":
            self.action.setText(QCoreApplication.translate("InsightsPage", "Show all time"))
        else:
            # A quick check-in is the shortest way to a day with a mood.
            self.action.setText(QCoreApplication.translate("InsightsPage", "Check in"))

    def retranslate_ui(self) -> None:
        self.note.setText(
            QCoreApplication.translate(
                "InsightsPage", "Everything is worked out on this computer and never leaves it."
            )
        )
