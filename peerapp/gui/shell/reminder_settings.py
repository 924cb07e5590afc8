"""Preferences' Reminders section: on or off, the times of day, the weekdays, and a plain word when the
desktop has no system tray."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import reminders
from ...core.settings import Settings
from .. import design
from ..common import Retranslatable
from ..widgets import locale_format
from .tray import tray_available

# Qt numbers weekdays from Monday = 1; core.reminders (like date.weekday()) from Monday = 0.
_QT_MONDAY = 1


class ReminderSection(Retranslatable, QGroupBox):
    """Reads the reminder settings when made; `save_to` writes what is chosen back."""

    def __init__(
        self, settings: Settings, has_tray: Callable[[], bool] = tray_available, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        schedule = settings.reminder_schedule()
        self.has_tray = has_tray()
        self.enabled = QCheckBox()
        self.enabled.setChecked(schedule.enabled)
        self.enabled.toggled.connect(lambda _on: self._update())

        self.times_label = QLabel()
        self.times = QListWidget()
        self.times.setFlow(QListWidget.Flow.LeftToRight)
        self.times.setWrapping(True)
        self.times.setSpacing(design.SPACE["xs"])
        rows = self.times.fontMetrics().height() + design.SPACE["s"]
        self.times.setFixedHeight(2 * rows + 2 * design.SPACE["s"])  # two rows of times: MAX_TIMES fits
        self.times.itemSelectionChanged.connect(self._update)
        self.times_label.setBuddy(self.times)
        self.new_time = QTimeEdit()
        self.new_time.setTime(QTime(9, 0))
        self.new_time_label = QLabel()
        self.new_time_label.setBuddy(self.new_time)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_time)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove_time)
        self._minutes: list[int] = list(schedule.times) or list(reminders.DEFAULT_TIMES)

        self.days_label = QLabel()
        self.days: dict[int, QCheckBox] = {}
        days_row = QHBoxLayout()
        days_row.setSpacing(design.SPACE["m"])
        first = QLocale().firstDayOfWeek().value - _QT_MONDAY
        for offset in range(7):  # in the week's order where the interface's language lives
            day = (first + offset) % 7
            box = QCheckBox()
            box.setChecked(day in schedule.weekdays or not schedule.weekdays)
            box.toggled.connect(lambda on, d=day: self._day_toggled(d, on))
            self.days[day] = box
            days_row.addWidget(box)
        days_row.addStretch()

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.no_tray = QLabel()
        self.no_tray.setWordWrap(True)
        self.no_tray.setFont(design.font("body"))
        self.no_tray.setVisible(not self.has_tray)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_time_label)
        add_row.addWidget(self.new_time)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        add_row.addStretch()
        layout = QVBoxLayout(self)
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.enabled)
        layout.addWidget(self.times_label)
        layout.addWidget(self.times)
        layout.addLayout(add_row)
        layout.addWidget(self.days_label)
        layout.addLayout(days_row)
        layout.addWidget(self.note)
        layout.addWidget(self.no_tray)
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Reminders"))
        self.enabled.setText(self.tr("&Remind me to check in"))
        self.times_label.setText(self.tr("&Times of day:"))
        self.times.setAccessibleName(self.tr("Times of day"))
        self.new_time_label.setText(self.tr("&New time:"))
        # Read left to right even in Arabic, like the date fields (locale_format.set_up_date_field).
        self.new_time.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.new_time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("Re&move"))
        self.days_label.setText(self.tr("On these days:"))
        locale = QLocale()
        for day, box in self.days.items():
            box.setText(locale.standaloneDayName(day + _QT_MONDAY, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(locale.standaloneDayName(day + _QT_MONDAY, QLocale.FormatType.LongFormat))
        self.note.setText(
            self.tr(
                "Reminders come only on days with no entry yet, while the app is running, even locked or "
                "minimised. They never show anything you wrote, and come less often when left unanswered."
            )
        )
        self.no_tray.setText(
            self.tr(
                "This desktop has no system tray, so reminders can only appear inside the app's window, "
                "while it is open."
            )
        )
        # A dialog's layout sizes it from minimum heights, which know nothing of word wrap: each note
        # gets a width of its own and the height its wrapped lines need there (long languages too).
        for label in (self.note, self.no_tray):
            width = label.fontMetrics().averageCharWidth() * 60
            label.setMinimumWidth(width)
            label.setMinimumHeight(label.heightForWidth(width))
        self._fill_times()

    def _fill_times(self) -> None:
        selected = {item.data(Qt.ItemDataRole.UserRole) for item in self.times.selectedItems()}
        self.times.clear()
        for minutes in sorted(self._minutes):
            item = QListWidgetItem(locale_format.time_text(time(minutes // 60, minutes % 60)))
            item.setData(Qt.ItemDataRole.UserRole, minutes)
            self.times.addItem(item)
            item.setSelected(minutes in selected)
        self._update()

    # -- choosing ------------------------------------------------------------------

    def _add_time(self) -> None:
        chosen = self.new_time.time()
        minutes = chosen.hour() * 60 + chosen.minute()
        if minutes not in self._minutes and len(self._minutes) < reminders.MAX_TIMES:
            self._minutes.append(minutes)
            self._fill_times()

    def _remove_time(self) -> None:
        gone = {item.data(Qt.ItemDataRole.UserRole) for item in self.times.selectedItems()}
        kept = [m for m in self._minutes if m not in gone]
        if kept:  # one time at least: reminders on with no time would never come
            self._minutes = kept
            self._fill_times()

    def _day_toggled(self, day: int, on: bool) -> None:
        if not on and not any(box.isChecked() for box in self.days.values()):
            self.days[day].setChecked(True)  # one day at least, for the same reason

    def _update(self) -> None:
        on = self.enabled.isChecked()
        for widget in (self.times_label, self.times, self.new_time_label, self.new_time, self.days_label):
            widget.setEnabled(on)
        for box in self.days.values():
            box.setEnabled(on)
        self.add_button.setEnabled(on and len(self._minutes) < reminders.MAX_TIMES)
        selected = len(self.times.selectedItems())
        self.remove_button.setEnabled(on and 0 < selected < len(self._minutes))

    def chosen_times(self) -> list[int]:
        return sorted(self._minutes)

    def save_to(self, settings: Settings) -> None:
        settings.reminders_on = self.enabled.isChecked()
        settings.reminder_times = [reminders.format_time(m) for m in self.chosen_times()]
        settings.reminder_days = sorted(day for day, box in self.days.items() if box.isChecked())
