"""A chart under its title on the insights page, with its export button and any controls of its own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .charts import Chart


class ChartBox(QGroupBox):
    """One chart and the row below it: `header` widgets on the start side, the export button on the end.

    The insights page calls `retranslate_ui()` from its own; the texts keep their "InsightsPage"
    context, and with it their translations.
    """

    def __init__(
        self, chart: Chart, header: list[QWidget] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.chart = chart
        layout = QVBoxLayout(self)
        self.export_button = QPushButton()
        bottom = QHBoxLayout()
        for widget in header or []:
            bottom.addWidget(widget)
        bottom.addStretch()
        bottom.addWidget(self.export_button)
        layout.addWidget(chart, 1)
        layout.addLayout(bottom)

    def retranslate_ui(self, title: str, name: str) -> None:
        """`title` heads the box; `name` is what a screen reader calls the chart."""
        self.setTitle(title)
        self.chart.setAccessibleName(name)
        self.chart.empty_text = QCoreApplication.translate("InsightsPage", "No data in this range yet.")
        self.export_button.setText(QCoreApplication.translate("InsightsPage", "Export chart as PNG…"))
        self.export_button.setAccessibleName(
            QCoreApplication.translate("InsightsPage", "Export %1 as PNG").replace("%1", name)
        )
