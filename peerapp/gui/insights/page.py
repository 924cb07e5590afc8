"""The insights screen: mood over time, weekdays, a year in pixels, what goes with better days, what helps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import insight_summaries as says
from ...core.errors import PeerappError
from ...core.insight_summaries import EmptyFact, Summaries, Words
from ...core.insights import (
    Association,
    DateRange,
    MoodPoint,
    Overview,
    Period,
    Report,
    TechniqueStats,
    WeekdayMood,
)
from ...core.journal import JournalRepository
from ...core.session import Session
from ...core.vocab import mood_label
from .. import design
from ..common import Retranslatable
from ..widgets import locale_format
from .chart_box import Card, ChartBox
from .charts import (
    Bar,
    BarChart,
    Chart,
    YearPixels,
    count_text,
    format_number,
    format_year,
    mood_colour,
    mood_level,
)
from .controls import RANGES, InsightsControls
from .loader import Figures, InsightsLoader
from .mood_chart import MoodLineChart
from .tables import AssociationTable, HelpsTable, TableBox, technique_titles


@dataclass
class _Shown:
    """Everything computed for the current choices (dropped on lock)."""

    overview: Overview | None = None
    period: Period = Period.WEEK  # the grouping `points` were made with
    points: list[MoodPoint] = field(default_factory=list)
    weekdays: list[WeekdayMood] = field(default_factory=list)
    year: int = 0
    pixels: dict[date, float] = field(default_factory=dict)
    pixel_entries: dict[date, int] = field(default_factory=dict)
    associations: list[Association] = field(default_factory=list)
    helps: list[TechniqueStats] = field(default_factory=list)
    summaries: Summaries = field(default_factory=Summaries)


class InsightsPage(Retranslatable, QWidget):
    """Local statistics over the unlocked journal. `clear()` forgets everything shown.

    The figures are worked out off the GUI thread (`loader`); while they are, the controls stay usable
    and a busy bar appears, and what was shown before stays until the new figures replace it. With too
    little to show, one kind line says what would help and one button does it: "Show all time", or
    "Check in" (`write_requested`: the window opens its quick check-in).
    """

    write_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: dict[str, str] = {}
        self.repo: JournalRepository | None = None
        self._stale = True
        self.shown = _Shown()
        self.error: PeerappError | None = None
        self.loader = InsightsLoader(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self.loader.busy_changed.connect(self._busy_changed)

        self.controls = InsightsControls()
        # The page's own names for the choices, as tests and screenshots know them.
        self.period_combo = self.controls.period_combo
        self.range_combo = self.controls.range_combo

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setFont(design.font("subtitle"))
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_action = QPushButton()
        self.empty_action.setProperty("role", "primary")  # the accent button of theme.style_sheet
        self.empty_action.clicked.connect(self._empty_action_clicked)
        self.empty_box = QWidget()
        empty = QVBoxLayout(self.empty_box)
        empty.setSpacing(design.SPACE["m"])
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.empty_note)
        empty.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addStretch(2)

        self.mood_chart = MoodLineChart()
        self.weekday_chart = BarChart()
        self.year_chart = YearPixels()
        self.drop_chart = BarChart()
        self.year_label = QLabel()
        self.year_combo = QComboBox()
        self.year_label.setBuddy(self.year_combo)

        self.assoc_table = AssociationTable()
        self.helps_table = HelpsTable()

        self.export_buttons: dict[Chart, QPushButton] = {}
        self.mood_box = self._chart_box(self.mood_chart)
        self.weekday_box = self._chart_box(self.weekday_chart)
        self.year_box = self._chart_box(self.year_chart, header=[self.year_label, self.year_combo])
        self.drop_box = self._chart_box(self.drop_chart)
        self.assoc_box = TableBox(self.assoc_table)
        self.helps_box = TableBox(self.helps_table)

        self.cards: dict[str, Card] = {
            "mood": self.mood_box,
            "weekday": self.weekday_box,
            "year": self.year_box,
            "associations": self.assoc_box,
            "helps": self.helps_box,
            "drop": self.drop_box,
        }

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        gap = design.SPACE["l"]
        content.setSpacing(gap)
        content.addWidget(self.mood_box)
        row = QHBoxLayout()
        row.setSpacing(gap)
        row.addWidget(self.weekday_box, 2)
        row.addWidget(self.year_box, 3)
        content.addLayout(row)
        content.addWidget(self.assoc_box)
        row = QHBoxLayout()
        row.setSpacing(gap)
        row.addWidget(self.helps_box, 3)
        row.addWidget(self.drop_box, 2)
        content.addLayout(row)
        content.addStretch()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.content)

        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)  # the cards are the frames

        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(self.empty_box, 1)
        layout.addWidget(self.scroll_area, 1)

        self.controls.changed.connect(self.refresh)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.retranslate_ui()
        self._show()

    def _chart_box(self, chart: Chart, header: list[QWidget] | None = None) -> ChartBox:
        box = ChartBox(chart, header)
        box.export_button.clicked.connect(lambda _c=False, c=chart: self.export_chart(c))
        self.export_buttons[chart] = box.export_button
        return box

    # -- API for the main window -------------------------------------------------------

    def attach(self, source: Session | JournalRepository) -> None:
        """On unlock: insights are computed when the page is looked at, not on every unlock or edit."""
        self.loader.attach(source)
        self.repo = self.loader.repo
        self._stale = True
        if self.isVisible():
            self._refresh_if_stale()

    def journal_changed(self) -> None:
        """Entries were added, edited or imported somewhere: recompute when next shown."""
        self._stale = True
        if self.isVisible():
            self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self._stale and self.repo is not None:
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refresh_if_stale()

    def clear(self) -> None:
        """Forget the vault and every number shown (on lock); a computation under way is dropped."""
        self.loader.attach(None)
        self.repo = None
        self.shown = _Shown()
        self.error = None
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.blockSignals(False)
        self._show()

    def date_range(self) -> DateRange:
        return self.controls.date_range()

    def period(self) -> Period:
        return self.controls.period()

    def refresh(self) -> None:
        """Work out everything for the current choices; the figures are shown when they arrive."""
        if self.repo is None:
            return
        year = self.year_combo.currentData()
        self.loader.request(self.period(), self.date_range(), None if year is None else int(year))

    def _loaded(self, found: Figures) -> None:
        report: Report = found.report
        years = list(reversed(report.years)) or [QDate.currentDate().year()]
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(format_year(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(report.year)))
        self.year_combo.blockSignals(False)
        self.error = None
        self.shown = _Shown(
            overview=report.overview,
            period=report.period,
            points=report.points,
            weekdays=report.weekdays,
            year=int(self.year_combo.currentData()),
            pixels=report.pixels,
            pixel_entries=report.pixel_entries,
            associations=report.associations,
            helps=report.helps,
            summaries=found.summaries,
        )
        self._show()

    def _failed(self, error: PeerappError) -> None:
        self.error = error
        self._show()

    def _busy_changed(self, busy: bool) -> None:
        self.controls.set_busy(busy)
        self._show_state()

    # -- showing -----------------------------------------------------------------------

    def _show_state(self) -> None:
        """The figures, the error, or why there are none; nothing while the first figures are worked out."""
        overview = self.shown.overview
        empty = self.shown.summaries.empty
        enough = overview is not None and empty is None and self.error is None
        waiting = overview is None and self.error is None and self.loader.busy
        if self.error is not None:
            self.empty_label.setText(self.error.user_message())
        elif empty is not None:
            self.empty_label.setText(says.empty_text(empty, self.words()))
        else:
            self.empty_label.setText(self._not_enough_text())
        self.empty_note.setVisible(self.error is None)
        self.empty_action.setVisible(self.error is None and empty is not None)
        self.empty_action.setText(self._action_text(empty))
        self.empty_box.setVisible(not enough and not waiting)
        self.scroll_area.setVisible(enough)

    def _action_text(self, empty: EmptyFact | None) -> str:
        if empty is not None and empty.kind == "range":
            return self.tr("Show all time")
        return self.tr("Check in")  # a quick check-in is the shortest way to a day with a mood

    def _empty_action_clicked(self) -> None:
        empty = self.shown.summaries.empty
        if empty is not None and empty.kind == "range":
            self.range_combo.setCurrentIndex(RANGES.index("all"))
        else:
            self.write_requested.emit()

    def _show(self) -> None:
        self._titles = technique_titles()  # once: each call reads the library's index
        self._show_state()
        self.mood_chart.set_points(self.shown.points, self.shown.period)
        self._show_weekdays()
        self._show_year()
        self._show_associations()
        self._show_helps()
        self._show_summaries()
        self._describe()

    def words(self) -> Words:
        """Numbers, weekdays and technique names as this page writes them, for the summaries."""
        locale, titles = QLocale(), self._titles
        return Words(
            number=format_number,
            count=count_text,
            year=format_year,
            weekday=lambda w: locale.dayName(w + 1, QLocale.FormatType.LongFormat),
            technique=lambda key: titles.get(key, key),
        )

    def summary_texts(self) -> dict[str, str]:
        """Each card's sentence ("" when there is too little to say), in the interface language."""
        found, words = self.shown.summaries, self.words()
        return {
            "mood": "" if found.mood is None else says.trend_text(found.mood, words),
            "weekday": "" if found.weekday is None else says.weekday_text(found.weekday, words),
            "year": "" if found.year is None else says.year_text(found.year, words),
            "associations": ""
            if found.associations is None
            else says.association_text(found.associations, words),
            "helps": "" if found.helps is None else says.helps_text(found.helps, words),
            "drop": "" if found.drop is None else says.drop_text(found.drop, words),
        }

    def _show_summaries(self) -> None:
        for key, text in self.summary_texts().items():
            self.cards[key].set_summary(text)

    def _mood_text(self, mean: float) -> str:
        return mood_label(mood_level(mean))

    def _point_text(self, point: MoodPoint, label: str) -> str:
        return (
            self.tr("%1 · %2 (%3) · %Ln entries", "", point.entries)
            .replace("%2", self._mood_text(point.mean))
            .replace("%3", format_number(point.mean))
            .replace("%1", label)
        )

    def _cell_text(self, day: date, mean: float, entries: int) -> str:
        return (
            self.tr("%1 · %2 (%3) · %Ln entries", "", entries)
            .replace("%2", self._mood_text(mean))
            .replace("%3", format_number(mean))
            .replace("%1", locale_format.long_date(day))
        )

    def _show_weekdays(self) -> None:
        locale = QLocale()
        bars = []
        for w in self.shown.weekdays:
            name = locale.dayName(w.weekday + 1, QLocale.FormatType.LongFormat)
            tip = ""
            if w.mean is not None:
                tip = (
                    self.tr("%1 · %2 (%3) · %Ln days", "", w.days)
                    .replace("%2", self._mood_text(w.mean))
                    .replace("%3", format_number(w.mean))
                    .replace("%1", name)
                )
            bars.append(Bar(name, w.mean, None if w.mean is None else mood_colour(w.mean), tooltip=tip))
        self.weekday_chart.set_bars(bars, minimum=0.0, maximum=5.0)

    def _show_year(self) -> None:
        self.year_chart.set_year(
            self.shown.year or QDate.currentDate().year(), self.shown.pixels, self.shown.pixel_entries
        )
        self.year_chart.setAccessibleDescription(
            self.tr("Each day of %1 coloured by its mean mood. Days with a mood: %2.")
            .replace("%1", self.year_combo.currentText())
            .replace("%2", count_text(len(self.shown.pixels)))
        )

    def _show_associations(self) -> None:
        self.assoc_table.show_rows(self.shown.associations)

    def _show_helps(self) -> None:
        titles = self._titles
        rows = self.shown.helps
        self.helps_table.show_rows(rows, titles)
        bars = []
        for s in rows:
            if s.mean_drop is None:
                continue
            name = titles.get(s.technique, s.technique)
            tip = (
                self.tr("%1 · %2 · from %Ln ratings", "", s.rated_uses)
                .replace("%2", format_number(s.mean_drop))
                .replace("%1", name)
            )
            bars.append(Bar(name, s.mean_drop, tooltip=tip))
        self.drop_chart.set_bars(bars)

    def _describe(self) -> None:
        """What a screen reader says of each chart: its sentence first, then its figures."""
        summaries = self.summary_texts()
        points = self.shown.points
        if points:
            last = points[-1]
            mood = (
                self.tr("Mean mood for each period, with a dashed moving average. Latest: %1, mean %2.")
                .replace("%1", locale_format.long_date(last.start))
                .replace("%2", format_number(last.mean))
            )
        else:
            mood = self.tr("No mood recorded in this range.")
        weekdays = "; ".join(
            QLocale().dayName(w.weekday + 1) + ": " + format_number(w.mean)
            for w in self.shown.weekdays
            if w.mean is not None
        )
        titles = self._titles
        drops = "; ".join(
            titles.get(s.technique, s.technique) + ": " + format_number(s.mean_drop)
            for s in self.shown.helps
            if s.mean_drop is not None
        )
        for chart, key, figures in (
            (self.mood_chart, "mood", mood),
            (self.weekday_chart, "weekday", weekdays),
            (self.drop_chart, "drop", drops),
        ):
            chart.setAccessibleDescription(" ".join(t for t in (summaries[key], figures) if t))
        year = self.year_chart.accessibleDescription()
        if summaries["year"]:
            self.year_chart.setAccessibleDescription(summaries["year"] + " " + year)
        for key, table in (("associations", self.assoc_table), ("helps", self.helps_table)):
            table.setAccessibleDescription(summaries[key])

    # -- actions -----------------------------------------------------------------------

    def export_chart(self, chart: Chart) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export chart as PNG"), self.tr("chart.png"), self.tr("PNG images (*.png)")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not chart.export_png(path):
            QMessageBox.warning(
                self, self.tr("Export chart as PNG"), self.tr("The image could not be saved.")
            )

    # -- language ----------------------------------------------------------------------

    def _not_enough_text(self) -> str:
        return self.tr(
            "Not enough to show yet. Insights appear once you have recorded your mood on a few days "
            "in this range. Everything is worked out on this computer and never leaves it."
        )

    def tab_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Insights")

    def view_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "&Insights")

    def retranslate_ui(self) -> None:
        self.controls.retranslate_ui()
        self.year_label.setText(self.tr("&Year:"))
        self.mood_box.retranslate_ui(self.tr("Mood over time"), self.tr("Mood over time chart"))
        self.weekday_box.retranslate_ui(self.tr("Mood by weekday"), self.tr("Mood by weekday chart"))
        self.year_box.retranslate_ui(self.tr("Year in pixels"), self.tr("Year in pixels chart"))
        self.drop_box.retranslate_ui(
            self.tr("Drop in distress by technique"), self.tr("Drop in distress by technique chart")
        )
        self.assoc_box.retranslate_ui(
            self.tr("What goes with better and worse days"),
            self.tr(
                "Mean daily mood on days with each tag or emotion and on days without it. Shown when each "
                "side has at least 3 days. This shows what goes together, not what causes what."
            ),
        )
        self.helps_box.retranslate_ui(
            self.tr("What helps"),
            self.tr("Distress drop is the rating before minus the rating after, where you gave both."),
        )
        self.assoc_table.retranslate_ui()
        self.helps_table.retranslate_ui()
        self.mood_chart.mean_label = self.tr("Mean mood")
        self.mood_chart.average_label = self.tr("Moving average")
        self.year_chart.none_label = self.tr("No entry")
        self.mood_chart.point_text = self._point_text
        self.year_chart.cell_text = self._cell_text
        self.empty_note.setText(self.tr("Everything is worked out on this computer and never leaves it."))
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.scroll_area.setAccessibleName(self.tab_title())  # the page's figures, scrolled as one
        # Labels that come from data (weekday, mood, technique names, digits) follow the language too.
        if self.year_combo.count():
            for i in range(self.year_combo.count()):
                year = int(self.year_combo.itemData(i))
                self.year_combo.setItemText(i, format_year(year))
        if hasattr(self, "shown"):
            self._show()
