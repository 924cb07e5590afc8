"""The journal's search field and filters (mood, emotion, tag, dates), read as one EntryFilter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ...core.journal import EntryFilter
from ...core.vocab import EMOTIONS, MOODS, emotion_label, mood_label
from ..widgets import locale_format

# Typing waits this long after the last key before searching: a burst of keys makes one search (each one
# counts the matches, 10-25 ms at 50k entries), and Enter searches at once.
SEARCH_DELAY_MS = 200


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """Search and filters above the timeline. `changed` fires on each change (typing: a moment after the
    last key, or at once on Enter).

    The page calls `retranslate_ui()` from its own, so a direct call on the page refreshes these too.
    The texts keep the "JournalPage" context they have always had, and with it their translations.
    """

    changed = Signal()

    def __init__(self, tags: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags = tags
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.mood_filter = QComboBox()
        self.emotion_filter = QComboBox()
        self.tag_filter = QComboBox()
        self.date_check = QCheckBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        today = QDate.currentDate()
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.mood_filter, 1)
        filters.addWidget(self.emotion_filter, 1)
        filters.addWidget(self.tag_filter, 1)
        # The page adds its count and buttons at the end of this row.
        self.dates_row = QHBoxLayout()
        self.dates_row.addWidget(self.date_check)
        self.dates_row.addWidget(self.date_from)
        self.dates_row.addWidget(self.date_to)
        self.dates_row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(self.dates_row)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())  # restarted by every key
        self.search.returnPressed.connect(self.search_now)
        for combo in (self.mood_filter, self.emotion_filter, self.tag_filter):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.date_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.changed.emit())
        self.date_to.dateChanged.connect(lambda _d: self.changed.emit())

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(QCoreApplication.translate("JournalPage", "Search your journal…"))
        self.search.setAccessibleName(QCoreApplication.translate("JournalPage", "Search"))
        self.fill()
        self.date_check.setText(QCoreApplication.translate("JournalPage", "Only from"))
        self.date_from.setAccessibleName(QCoreApplication.translate("JournalPage", "From date"))
        self.date_to.setAccessibleName(QCoreApplication.translate("JournalPage", "To date"))
        for edit in (self.date_from, self.date_to):
            locale_format.set_up_date_field(edit, with_time=False)

    def fill(self) -> None:
        """Refill the choices (the tags in use may have changed), keeping what is chosen."""

        def refill(combo: QComboBox, any_text: str, items: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for label, value in items:
                combo.addItem(label, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

        refill(
            self.mood_filter,
            QCoreApplication.translate("JournalPage", "Any mood"),
            [(mood_label(m), m) for m in sorted(MOODS, reverse=True)],
        )
        refill(
            self.emotion_filter,
            QCoreApplication.translate("JournalPage", "Any emotion"),
            sorted(((emotion_label(k), k) for k in EMOTIONS), key=lambda p: p[0]),
        )
        refill(
            self.tag_filter,
            QCoreApplication.translate("JournalPage", "Any tag"),
            [(t, t) for t in self._tags()],
        )
        self.mood_filter.setAccessibleName(QCoreApplication.translate("JournalPage", "Filter by mood"))
        self.emotion_filter.setAccessibleName(QCoreApplication.translate("JournalPage", "Filter by emotion"))
        self.tag_filter.setAccessibleName(QCoreApplication.translate("JournalPage", "Filter by tag"))

    def reset(self) -> None:
        """Every field back to showing all entries (on lock: what was searched for is forgotten too)."""
        self.search_timer.stop()
        for widget in (self.search, self.mood_filter, self.emotion_filter, self.tag_filter, self.date_check):
            widget.blockSignals(True)
        self.search.clear()
        self.fill()
        for combo in (self.mood_filter, self.emotion_filter, self.tag_filter):
            combo.setCurrentIndex(0)
        self.date_check.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in (self.search, self.mood_filter, self.emotion_filter, self.tag_filter, self.date_check):
            widget.blockSignals(False)

    def current(self, trash: bool) -> EntryFilter:
        """The filter as set, over the trash or over the journal."""
        since = until = None
        if self.date_check.isChecked():
            since = datetime.combine(_to_date(self.date_from.date()), time()).astimezone()
            until = datetime.combine(_to_date(self.date_to.date()), time()).astimezone() + timedelta(days=1)
        mood = self.mood_filter.currentData()
        return EntryFilter(
            query=self.search.text(),
            moods=frozenset({mood}) if isinstance(mood, int) else frozenset(),
            emotion=self.emotion_filter.currentData(),
            tag=self.tag_filter.currentData(),
            since=since,
            until=until,
            trash=trash,
        )

    def search_now(self) -> None:
        """Search for what is typed without waiting for the pause (Enter)."""
        self.search_timer.stop()
        self.changed.emit()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()
