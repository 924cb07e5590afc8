"""The choices above the insights: group by week, month or year, over three months, a year or all time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from ...core.insights import DateRange, Period
from ..jobs import SHOW_AFTER_MS

RANGES = ("3m", "1y", "all")
PERIODS = (Period.WEEK, Period.MONTH, Period.YEAR)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class InsightsControls(QWidget):
    """The period and range choices, and the busy bar; `changed` fires when a choice changes.

    The busy bar shows only once work has lasted SHOW_AFTER_MS, so quick figures never flash it.

    The insights page calls `retranslate_ui()` from its own; the texts keep their "InsightsPage"
    context, and with it their translations.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_label = QLabel()
        self.period_combo = QComboBox()
        self.range_label = QLabel()
        self.range_combo = QComboBox()
        self.range_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents
        )  # "Last 3 months", whole
        self.period_label.setBuddy(self.period_combo)
        self.range_label.setBuddy(self.range_combo)
        for _ in PERIODS:
            self.period_combo.addItem("")
        for _ in RANGES:
            self.range_combo.addItem("")
        self.period_combo.setCurrentIndex(0)
        self.range_combo.setCurrentIndex(0)
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no end known: Qt draws a moving busy bar
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_label.hide()
        self.busy_bar.hide()
        self.busy_timer = QTimer(self)
        self.busy_timer.setSingleShot(True)
        self.busy_timer.setInterval(SHOW_AFTER_MS)
        self.busy_timer.timeout.connect(lambda: self._show_busy(True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.period_label)
        layout.addWidget(self.period_combo)
        layout.addSpacing(16)
        layout.addWidget(self.range_label)
        layout.addWidget(self.range_combo)
        layout.addStretch()
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.range_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def retranslate_ui(self) -> None:
        self.period_label.setText(QCoreApplication.translate("InsightsPage", "&Group by:"))
        for i, text in enumerate(
            (
                QCoreApplication.translate("InsightsPage", "Week"),
                QCoreApplication.translate("InsightsPage", "Month"),
                QCoreApplication.translate("InsightsPage", "Year"),
            )
        ):
            self.period_combo.setItemText(i, text)
        self.range_label.setText(QCoreApplication.translate("InsightsPage", "&Range:"))
        for i, text in enumerate(
            (
                QCoreApplication.translate("InsightsPage", "Last 3 months"),
                QCoreApplication.translate("InsightsPage", "Last year"),
                QCoreApplication.translate("InsightsPage", "All time"),
            )
        ):
            self.range_combo.setItemText(i, text)
        self.busy_label.setText(QCoreApplication.translate("InsightsPage", "Working out your insights…"))
        self.busy_bar.setAccessibleName(
            QCoreApplication.translate("InsightsPage", "Working out your insights")
        )
        self.period_combo.setAccessibleName(QCoreApplication.translate("InsightsPage", "Group by"))
        self.range_combo.setAccessibleName(QCoreApplication.translate("InsightsPage", "Range"))

    def set_busy(self, busy: bool) -> None:
        """Figures are being worked out (the bar appears after SHOW_AFTER_MS), or no longer are."""
        if busy:
            if not self.busy_bar.isVisibleTo(self) and not self.busy_timer.isActive():
                self.busy_timer.start()
        else:
            self.busy_timer.stop()
            self._show_busy(False)

    def _show_busy(self, shown: bool) -> None:
        self.busy_label.setVisible(shown)
        self.busy_bar.setVisible(shown)

    def date_range(self) -> DateRange:
        today = QDate.currentDate()
        key = RANGES[max(0, self.range_combo.currentIndex())]
        if key == "all":
            return DateRange()
        start = today.addMonths(-3) if key == "3m" else today.addYears(-1)
        return DateRange(since=_pydate(start))

    def period(self) -> Period:
        return PERIODS[max(0, self.period_combo.currentIndex())]
