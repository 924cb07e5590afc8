"""The insights card for looking back: "on this day" in earlier years, and a month's or a year's summary.

"On this day" lists entries from today's date in earlier years (each opens in the journal) and can be
turned off from the card, since some anniversaries hurt. The summary of the chosen month or year says the
entries and days, the average mood with the days it rests on and how many entries had each mood, what
helped most with its ratings, and the words that came back, each with its count. It is worked out on the
job host (reading a year's entries), so the page never waits.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import lookback
from ...core.db import Connection
from ...core.errors import PeerappError
from ...core.journal import JournalRepository
from ...core.lookback import Memory, Summary
from ...core.session import Session
from ...core.tasks import CancelToken, Progress
from .. import design
from ..jobs import Job, host
from ..widgets import locale_format
from .chart_box import Card
from .tables import technique_titles


class LookBackCard(Card):
    """`attach(source)` on unlock, `load()` when the page refreshes; `entry_requested(id)` opens an entry."""

    entry_requested = Signal(int)
    summary_shown = Signal()  # a summary arrived and is on screen (tests wait for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        self.box = QWidget()
        super().__init__(self.box, parent)
        self.session: Session | None = None
        self.repo: JournalRepository | None = None
        self.job: Job | None = None
        self.memories: list[Memory] = []
        self.memory_buttons: list[QPushButton] = []
        self.summary_value: Summary | None = None

        self.day_title = QLabel()
        self.day_title.setProperty("role", "subtitle")
        self.day_list = QVBoxLayout()
        self.day_list.setSpacing(design.SPACE["xs"])
        self.day_none = QLabel()
        self.day_none.setWordWrap(True)
        self.day_none.setProperty("role", "muted")
        self.day_toggle = QCheckBox()
        self.day_toggle.toggled.connect(self._toggle_on_this_day)

        self.period_label = QLabel()
        self.period_combo = QComboBox()
        self.period_label.setBuddy(self.period_combo)
        self.period_combo.activated.connect(lambda _i: self._request_summary())
        self.faces = QHBoxLayout()
        self.faces.setSpacing(design.SPACE["m"])
        self.summary_lines = QLabel()
        self.summary_lines.setWordWrap(True)
        self.summary_lines.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(design.SPACE["s"])
        layout.addWidget(self.day_title)
        layout.addLayout(self.day_list)
        layout.addWidget(self.day_none)
        layout.addWidget(self.day_toggle)
        row = QHBoxLayout()
        row.addWidget(self.period_label)
        row.addWidget(self.period_combo)
        row.addStretch()
        layout.addSpacing(design.SPACE["s"])
        layout.addLayout(row)
        layout.addLayout(self.faces)
        layout.addWidget(self.summary_lines)
        self.layout_.addWidget(self.box)
        self.retranslate_ui()

    # -- data ------------------------------------------------------------------------------

    def attach(self, source: Session | JournalRepository | None) -> None:
        self._cancel()
        self.session = source if isinstance(source, Session) else None
        self.repo = source.journal if isinstance(source, Session) else source
        self.memories, self.summary_value = [], None
        self.period_combo.clear()
        self.setVisible(self.repo is not None)
        self._show()

    def load(self) -> None:
        """Read "on this day" (a few rows) and the periods, then ask for the chosen period's summary."""
        if self.repo is None:
            return
        conn = self.repo.conn
        self.memories = lookback.on_this_day(conn, date.today())
        self.day_toggle.blockSignals(True)
        self.day_toggle.setChecked(lookback.on_this_day_enabled(conn))
        self.day_toggle.blockSignals(False)
        chosen = self.period_combo.currentData()
        months, years = lookback.periods(conn)
        self.period_combo.clear()
        for year, month in months[:24]:
            self.period_combo.addItem("", ("month", year, month))
        for year in years:
            self.period_combo.addItem("", ("year", year, 0))
        self._period_names()
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(chosen)))
        self._show()
        self._request_summary()

    def _bounds(self) -> tuple[date, date] | None:
        data = self.period_combo.currentData()
        if not data:
            return None
        kind, year, month = data
        return (
            lookback.month_range(year, month) if kind == "month" else (date(year, 1, 1), date(year, 12, 31))
        )

    def _request_summary(self) -> None:
        bounds = self._bounds()
        self._cancel()
        if bounds is None or self.repo is None:
            self.summary_value = None
            self._show_summary()
            return
        if self.session is None:  # a bare repository (tests, tools): its own thread's connection
            self._summary_arrived(lookback.summary(self.repo.conn, *bounds))
            return
        session = self.session

        def work(_progress: Progress, cancel: CancelToken) -> Summary:
            conn: Connection = session.connect()
            try:
                return lookback.summary(conn, *bounds, cancel)
            finally:
                session.vault.release(conn)

        job = self.job = host().job(work)
        job.succeeded.connect(lambda found, j=job: self._arrived(j, found))
        job.failed.connect(lambda error, j=job: self._failed(j, error))
        job.start()

    def _arrived(self, job: Job, found: Summary) -> None:
        if job is self.job:
            self.job = None
            self._summary_arrived(found)

    def _failed(self, job: Job, error: PeerappError) -> None:
        if job is self.job:
            self.job = None
            self.summary_value = None
            self.summary_lines.setText(error.user_message())

    def _summary_arrived(self, found: Summary) -> None:
        self.summary_value = found
        self._show_summary()
        self.summary_shown.emit()

    def _cancel(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.cancel()

    def _toggle_on_this_day(self, on: bool) -> None:
        if self.repo is not None:
            lookback.set_on_this_day(self.repo.conn, on)
            self.memories = lookback.on_this_day(self.repo.conn, date.today())
            self._show()

    # -- what is shown ---------------------------------------------------------------------

    def _show(self) -> None:
        for button in self.memory_buttons:
            self.day_list.removeWidget(button)
            button.deleteLater()
        self.memory_buttons = []
        for memory in self.memories:
            years = self.tr("%n year(s) ago", "", memory.years_ago)
            headline = memory.title or memory.snippet or self.tr("(no text)")
            button = QPushButton(f"{years} · {headline}")
            button.setFlat(True)
            button.setToolTip(memory.snippet)
            button.clicked.connect(lambda _c=False, i=memory.id: self.entry_requested.emit(i))
            # At the start side, as wide as its text (a layout mirrors AlignLeft in right-to-left).
            self.day_list.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.memory_buttons.append(button)
        on = self.day_toggle.isChecked()
        self.day_none.setVisible(not self.memories)
        self.day_none.setText(
            self.tr("Nothing was written on this date in earlier years.")
            if on
            else self.tr("“On this day” is turned off.")
        )
        self._show_summary()

    def _show_summary(self) -> None:
        while self.faces.count():
            item = self.faces.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        found = self.summary_value
        if found is None:
            self.summary_lines.setText("" if self.period_combo.count() else self.tr("Nothing to sum up yet."))
            return
        if not found.entries:
            self.summary_lines.setText(self.tr("Nothing was written in this period."))
            return
        size = design.SPACE["xl"]
        for mood in range(5, 0, -1):
            count = found.moods.get(mood, 0)
            face = QLabel()
            face.setPixmap(design.mood_glyph(mood, size, ratio=self.devicePixelRatioF()))
            face.setAccessibleName(
                self.tr("Mood %1: %n entries", "", count).replace("%1", locale_format.number(mood))
            )
            text = QLabel(locale_format.number(count))
            self.faces.addWidget(face)
            self.faces.addWidget(text)
        self.faces.addStretch()
        lines = [
            self.tr("%n entries", "", found.entries)
            + " · "
            + self.tr("%n days with an entry", "", found.days)
        ]
        if found.mood_mean is not None:
            lines.append(
                self.tr("Average mood %1 of 5, from %n day(s) with a mood.", "", found.mood_days).replace(
                    "%1", locale_format.number(round(found.mood_mean, 1))
                )
            )
        titles = technique_titles()
        for helped in found.helped:
            name = titles.get(helped.technique, helped.technique)
            if helped.helpful_mean is not None:
                line = self.tr("Helped: %1, rated %2 of 5 on %n use(s).", "", helped.rated)
                line = line.replace("%2", locale_format.number(round(helped.helpful_mean, 1)))
            else:
                line = self.tr("Tried: %1, %n time(s), not rated.", "", helped.uses)
            lines.append(line.replace("%1", name))
        if found.words:
            words = self.tr(", ").join(
                self.tr("%1 (%2)").replace("%1", word).replace("%2", locale_format.number(n))
                for word, n in found.words
            )
            lines.append(self.tr("Words that came back (entries with each): %1").replace("%1", words))
        self.summary_lines.setText("\n".join(lines))

    def _period_names(self) -> None:
        """The periods' names in the interface's language and digits (again after a language switch)."""
        locale = QLocale()
        for index in range(self.period_combo.count()):
            kind, year, month = self.period_combo.itemData(index)
            if kind == "month":
                name = f"{locale.standaloneMonthName(month)} {locale_format.plain_number(year)}"
            else:
                name = self.tr("All of %1").replace("%1", locale_format.plain_number(year))
            self.period_combo.setItemText(index, name)

    def retranslate_ui(self) -> None:
        self._period_names()
        self.title_label.setText(self.tr("Look back"))
        self.day_title.setText(self.tr("On this day"))
        self.day_toggle.setText(self.tr("Show “On this day”"))
        self.period_label.setText(self.tr("Summary of:"))
        self._show()
