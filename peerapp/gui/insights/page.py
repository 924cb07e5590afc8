"""The insights screen: mood over time, weekdays, a year in pixels, what goes with better days, what helps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
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

from ...core.errors import PeerappError
from ...core.insight_summaries import Words
from ...core.insights import DateRange, MoodPoint, Period, Report
from ...core.journal import JournalRepository
from ...core.session import Session
from .. import design
from ..common import Retranslatable
from ..widgets import locale_format
from . import figure_texts
from .chart_box import Card, ChartBox
from .charts import BarChart, Chart, YearPixels, format_year
from .controls import RANGES, InsightsControls
from .empty_insights import EmptyInsights
from .loader import Figures, InsightsLoader
from .lookback_card import LookBackCard
from .mood_chart import MoodLineChart
from .outcomes import OutcomesCard
from .shown import ShownFigures
from .tables import AssociationTable, HelpsTable, TableBox, technique_titles


class InsightsPage(Retranslatable, QWidget):
    """Local statistics over the unlocked journal. `clear()` forgets everything shown.

    The figures are worked out off the GUI thread (`loader`); while they are, the controls stay usable
    and a busy bar appears, and what was shown before stays until the new figures replace it. With too
    little to show, one kind line says what would help and one button does it: "Show all time", or
    "Check in" (`write_requested`: the window opens its quick check-in).
    """

    write_requested = Signal()
    article_requested = Signal(str)  # the self-check card's kind pointer to a library article
    safety_plan_requested = Signal()
    entry_requested = Signal(int)  # "on this day": open this entry in the journal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: dict[str, str] = {}
        self.repo: JournalRepository | None = None
        self._stale = True
        self.shown = ShownFigures()
        self.error: PeerappError | None = None
        self.loader = InsightsLoader(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self.loader.busy_changed.connect(self._busy_changed)

        self.controls = InsightsControls()
        # The page's own names for the choices, as tests and screenshots know them.
        self.period_combo = self.controls.period_combo
        self.range_combo = self.controls.range_combo

        self.empty_box = EmptyInsights()
        # The page's own names for the empty state's parts, as tests know them.
        self.empty_label, self.empty_note = self.empty_box.label, self.empty_box.note
        self.empty_action = self.empty_box.action
        self.empty_action.clicked.connect(self._empty_action_clicked)

        self.mood_chart = MoodLineChart()
        self.weekday_chart = BarChart()
        self.year_chart = YearPixels()
        self.drop_chart = BarChart()
        self.year_label = QLabel()
        self.year_combo = QComboBox()
        self.year_label.setBuddy(self.year_combo)

        self.outcomes = OutcomesCard()  # self-checks: in the figures, or under the empty state's line
        self.outcomes.article_requested.connect(self.article_requested)
        self.outcomes.safety_plan_requested.connect(self.safety_plan_requested)

        self.lookback = LookBackCard()
        self.lookback.entry_requested.connect(self.entry_requested)

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
        content = self.content_layout = QVBoxLayout(self.content)
        gap = design.SPACE["l"]
        content.setSpacing(gap)
        content.addWidget(self.mood_box)
        content.addWidget(self.lookback)
        row = QHBoxLayout()
        row.setSpacing(gap)
        row.addWidget(self.weekday_box, 2)
        row.addWidget(self.year_box, 3)
        content.addLayout(row)
        content.addWidget(self.outcomes)
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

        layout = self.page_layout = QVBoxLayout(self)
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
        self.outcomes.load(None if self.repo is None else self.repo.conn)
        self.lookback.attach(source)
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
            self.outcomes.load(self.repo.conn)
            self.lookback.load()
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refresh_if_stale()

    def clear(self) -> None:
        """Forget the vault and every number shown (on lock); a computation under way is dropped."""
        self.loader.attach(None)
        self.repo = None
        self.outcomes.load(None)
        self.lookback.attach(None)
        self.shown = ShownFigures()
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
        self.shown = ShownFigures.of(found, int(self.year_combo.currentData()))
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
        self.empty_box.show_state(self.error, empty, self.words())
        self.empty_box.setVisible(not enough and not waiting)
        self.scroll_area.setVisible(enough)
        self._place_outcomes(enough)

    def _place_outcomes(self, enough: bool) -> None:
        """Self-checks need no moods: with the figures they sit below the mood chart, else below the
        empty state's line, so they can be taken before there is anything else to show."""
        inside = self.content_layout.indexOf(self.outcomes) >= 0
        if enough == inside:
            return
        (self.page_layout if inside else self.content_layout).removeWidget(self.outcomes)
        if enough:
            self.content_layout.insertWidget(2, self.outcomes)  # after the mood chart and looking back
        else:
            self.page_layout.addWidget(self.outcomes)

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
        return figure_texts.words(self._titles)

    def summary_texts(self) -> dict[str, str]:
        """Each card's sentence ("" when there is too little to say), in the interface language."""
        return figure_texts.summary_texts(self.shown.summaries, self.words())

    def _show_summaries(self) -> None:
        for key, text in self.summary_texts().items():
            self.cards[key].set_summary(text)

    def _point_text(self, point: MoodPoint, label: str) -> str:
        return figure_texts.mood_tip(
            self.tr("%1 · %2 (%3) · %Ln entries", "", point.entries), label, point.mean
        )

    def _cell_text(self, day: date, mean: float, entries: int) -> str:
        template = self.tr("%1 · %2 (%3) · %Ln entries", "", entries)
        return figure_texts.mood_tip(template, locale_format.long_date(day), mean)

    def _show_weekdays(self) -> None:
        bars = figure_texts.weekday_bars(
            self.shown.weekdays, lambda n: self.tr("%1 · %2 (%3) · %Ln days", "", n)
        )
        self.weekday_chart.set_bars(bars, minimum=0.0, maximum=5.0)

    def _show_year(self) -> None:
        self.year_chart.set_year(
            self.shown.year or QDate.currentDate().year(), self.shown.pixels, self.shown.pixel_entries
        )
        self.year_chart.setAccessibleDescription(
            figure_texts.year_description(self.year_combo.currentText(), len(self.shown.pixels))
        )

    def _show_associations(self) -> None:
        self.assoc_table.show_rows(self.shown.associations)

    def _show_helps(self) -> None:
        self.helps_table.show_rows(self.shown.helps, self._titles)
        bars = figure_texts.drop_bars(
            self.shown.helps, self._titles, lambda n: self.tr("%1 · %2 · from %Ln ratings", "", n)
        )
        self.drop_chart.set_bars(bars)

    def _describe(self) -> None:
        """What a screen reader says of each chart: its sentence first, then its figures."""
        summaries = self.summary_texts()
        shown = self.shown
        figures = figure_texts.chart_figures(shown.points, shown.weekdays, shown.helps, self._titles)
        for chart, key in (
            (self.mood_chart, "mood"),
            (self.weekday_chart, "weekday"),
            (self.drop_chart, "drop"),
        ):
            chart.setAccessibleDescription(" ".join(t for t in (summaries[key], figures[key]) if t))
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
        self.outcomes.retranslate_ui()
        self.lookback.retranslate_ui()
        self.mood_chart.mean_label = self.tr("Mean mood")
        self.mood_chart.average_label = self.tr("Moving average")
        self.year_chart.none_label = self.tr("No entry")
        self.mood_chart.point_text = self._point_text
        self.year_chart.cell_text = self._cell_text
        self.empty_box.retranslate_ui()
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.scroll_area.setAccessibleName(self.tab_title())  # the page's figures, scrolled as one
        # Labels that come from data (weekday, mood, technique names, digits) follow the language too.
        if self.year_combo.count():
            for i in range(self.year_combo.count()):
                year = int(self.year_combo.itemData(i))
                self.year_combo.setItemText(i, format_year(year))
        if hasattr(self, "shown"):
            self._show()
