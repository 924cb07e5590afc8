"""What every coping tool widget offers the dialog that hosts it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ..common import Retranslatable


class CopingTool(Retranslatable, QWidget):
    """A tool for one library technique. Subclasses hold all the strings: tr() takes its
    context from the runtime class, so a base class must not translate anything itself."""

    completed = Signal()  # the exercise reached its natural end (session over, last step done)
    title_changed = Signal()

    technique = ""

    def title(self) -> str:  # pragma: no cover - every tool overrides it
        raise NotImplementedError

    def focus_first(self) -> None:
        """Put keyboard focus where the exercise starts (the start button, the first field)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        """Halt any timer; called when the dialog moves on or closes."""

    def has_unsaved_work(self) -> bool:
        return False

    def clear(self) -> None:
        """Forget anything typed (used when the journal locks)."""
