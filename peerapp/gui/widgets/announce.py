"""Telling a screen reader what just happened (saved, locked, a wrong passphrase) without moving focus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


class Announcer(QObject):
    """Every announcement passes here: `announced` lets tests (and a log) hear what was said.

    PySide6 has no hook to observe what Qt hands the accessibility bridge, so the signal is the
    observable half; `say` sends the QAccessibleAnnouncementEvent (Qt 6.8+) in the same step.
    """

    announced = Signal(str, bool)  # text, assertive

    def say(self, source: QWidget, text: str, assertive: bool = False) -> None:
        if not text:
            return
        self.announced.emit(text, assertive)
        if not QAccessible.isActive():
            return  # no assistive technology listening: nothing to build
        event = QAccessibleAnnouncementEvent(source, text)
        event.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if assertive
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(event)


_ANNOUNCER: Announcer | None = None


def announcer() -> Announcer:
    global _ANNOUNCER
    if _ANNOUNCER is None:
        _ANNOUNCER = Announcer()
    return _ANNOUNCER


def announce(source: QWidget, text: str, assertive: bool = False) -> None:
    """Have the screen reader say `text` (already translated); assertive interrupts, for errors."""
    announcer().say(source, text, assertive)
