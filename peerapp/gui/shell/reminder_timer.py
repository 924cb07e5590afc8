"""The reminders' real QTimer: sleeps until core.reminders says the next one is due, then says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from ...core import reminders
from ...core.settings import Settings


class ReminderTimer(QObject):
    """Wakes at the next reminder (or after at most reminders.MAX_WAIT, to see a changed clock), shows
    it through `due`, and keeps the reminders' state in the settings file."""

    due = Signal()

    def __init__(
        self,
        settings: Settings,
        clock: Callable[[], datetime] = reminders.wall_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        # The local wall clock, naive; tests give one that starts just before a chosen time.
        self.clock = clock
        # Slots before the app started are not shown the moment it opens (they were missed, not late).
        self.started = clock()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.next_slot: datetime | None = None

    def reschedule(self) -> None:
        """Plan the next wake-up from the settings as they are now (call after any change to them)."""
        schedule = self.settings.reminder_schedule()
        if not schedule.enabled:
            self.timer.stop()
            self.next_slot = None
            return
        now = self.clock()
        self.next_slot = reminders.next_fire(now, schedule, self.settings.reminder_memory(), self.started)
        wait = reminders.wait(now, self.next_slot)
        self.timer.start(int(wait.total_seconds() * 1000))

    def check(self) -> None:
        """Show the reminder that is due, if one is, then plan the next wake-up."""
        schedule = self.settings.reminder_schedule()
        state = self.settings.reminder_memory()
        slot = reminders.due(self.clock(), schedule, state, self.started) if schedule.enabled else None
        if slot is not None:
            self._keep(reminders.shown(state, slot))
            self.due.emit()
        self.reschedule()

    def checked_in(self, today: date) -> None:
        """An entry dated today exists: nothing more today, and back-off starts afresh."""
        if not self.settings.reminders_on:
            return
        state = self.settings.reminder_memory()
        if state.checked_in == today and state.unanswered == 0:
            return  # nothing new to write
        self._keep(reminders.checked_in(state, today))
        self.reschedule()

    def _keep(self, state: reminders.State) -> None:
        self.settings.set_reminder_state(state)
        try:
            self.settings.save()
        except OSError:
            pass  # a full or read-only disk: the state holds in memory for this run, reminders go on
