"""What every coping tool widget offers the dialog that hosts it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
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


class StepState(Protocol):
    finished: bool

    def advance(self, ms: int) -> bool: ...


class TimedTool(CopingTool):
    """A tool driven by a clock. The state machine moves only through `advance(ms)`: the timer
    feeds it real elapsed time, and tests (with `auto_tick` off) call it directly."""

    state: StepState

    def __init__(self, tick_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self.auto_tick = True
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()

    def restart_state(self) -> None:
        """Put a finished exercise back at its beginning (before starting again)."""

    def step_done(self) -> None:
        """The state crossed into a new phase or step."""

    def refresh(self) -> None:
        """Show the current state."""

    def start(self) -> None:
        if self.running:
            return
        if self.state.finished:
            self.restart_state()
        self.running = True
        if self.auto_tick:
            self._clock.start()
            self.timer.start()
        self.refresh()

    def stop(self) -> None:
        self.running = False
        self.timer.stop()
        self.refresh()

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def _tick(self) -> None:
        self.advance(int(self._clock.restart()))

    def advance(self, ms: int) -> None:
        """Move the exercise on by `ms` milliseconds."""
        if not self.running:
            return
        if self.state.advance(ms):
            self.step_done()
        if self.state.finished:
            self.stop()
            self.completed.emit()
        self.refresh()
