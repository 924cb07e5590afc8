"""What the journal's timeline shows instead of a blank list: a kind line, a face and the one action that helps."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.journal import EntryFilter
from .. import design
from ..common import Retranslatable

EMPTY_FACE = design.SPACE["xxl"] + design.SPACE["l"]  # the empty timeline's face, larger than a card's


def empty_kind(entry_filter: EntryFilter) -> str:
    """Which empty state a timeline with no rows under `entry_filter` shows (see EmptyTimeline)."""
    if entry_filter.trash:
        return "trash"
    blank = dataclasses.replace(entry_filter, query=entry_filter.query.strip(), trash=False)
    return "journal" if blank == EntryFilter() else "search"


class EmptyTimeline(Retranslatable, QWidget):
    """What the timeline shows when it has nothing: one kind line and the one action that helps.

    `kind` is "journal" (no entry yet: check in, or write the first entry), "search" (nothing matches:
    clear the search and filters) or "trash" (back to the journal).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "journal"
        self.check_in = False  # the window has a quick check-in to offer instead of the editor
        self.face = QLabel()
        self.face.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.setFont(design.font("subtitle"))
        self.action = QPushButton()
        self.action.setProperty("role", "primary")  # the app style sheet's accent button (gui/theme.py)
        layout = QVBoxLayout(self)
        side = design.SPACE["xl"]
        layout.setContentsMargins(side, side, side, side)
        layout.setSpacing(design.SPACE["l"])
        layout.addStretch(1)
        layout.addWidget(self.face)
        layout.addWidget(self.line)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate_ui()

    def show_kind(self, kind: str, check_in: bool) -> None:
        if (kind, check_in) != (self.kind, self.check_in):
            self.kind, self.check_in = kind, check_in
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.kind == "search":
            self.line.setText(self.tr("Nothing here matches this search. Other words may find it."))
            self.action.setText(self.tr("Clear the search"))
        elif self.kind == "trash":
            self.line.setText(self.tr("The trash is empty."))
            self.action.setText(self.tr("Back to the journal"))
        elif self.check_in:
            self.line.setText(self.tr("Your journal is waiting. Starting is easy: one tap for today's mood."))
            self.action.setText(self.tr("Check in"))
        else:
            self.line.setText(self.tr("Your journal is waiting. A few words about today are a good start."))
            self.action.setText(self.tr("Write your first entry"))
        if self.isVisible():
            self._show_face()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Drawn when first shown, not when the page is built: faces need QtSvg, which start-up avoids.
        self._show_face()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if (
            event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
            and self.isVisible()
        ):
            self._show_face()

    def _show_face(self) -> None:
        """The face in the design's colours for the palette shown now."""
        dark = design.is_dark()
        level = {"journal": 4, "search": 3, "trash": 3}[self.kind]
        self.face.setPixmap(design.mood_glyph(level, EMPTY_FACE, dark, self.devicePixelRatioF()))
