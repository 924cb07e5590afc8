"""A chart or table on the insights page as a card: its title, one plain sentence, then the figures."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import design
from .charts import Chart


class Card(QFrame):
    """A rounded card in the design's card colour: a title, a sentence on what the figures say (hidden
    when there is too little to say), then `body`."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.title_label = QLabel()
        self.title_label.setFont(design.font("subtitle"))
        self.title_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFont(design.font("body"))
        self.summary.hide()
        self.layout_ = QVBoxLayout(self)
        pad = design.SPACE["l"]
        self.layout_.setContentsMargins(pad, design.SPACE["m"], pad, design.SPACE["m"])
        self.layout_.setSpacing(design.SPACE["s"])
        self.layout_.addWidget(self.title_label)
        self.layout_.addWidget(self.summary)

    def title(self) -> str:
        return self.title_label.text()

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(design.surface("outline"), 1))
        painter.setBrush(design.surface("card"))
        radius = design.RADIUS["l"]
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.end()


class ChartBox(Card):
    """One chart and the row below it: `header` widgets on the start side, the export button on the end.

    The insights page calls `retranslate_ui()` from its own; the texts keep their "InsightsPage"
    context, and with it their translations.
    """

    def __init__(
        self, chart: Chart, header: list[QWidget] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(chart, parent)
        self.chart = chart
        self.export_button = QPushButton()
        bottom = QHBoxLayout()
        for widget in header or []:
            bottom.addWidget(widget)
        bottom.addStretch()
        bottom.addWidget(self.export_button)
        self.layout_.addWidget(chart, 1)
        self.layout_.addLayout(bottom)

    def retranslate_ui(self, title: str, name: str) -> None:
        """`title` heads the card; `name` is what a screen reader calls the chart."""
        self.title_label.setText(title)
        self.chart.setAccessibleName(name)
        self.chart.empty_text = QCoreApplication.translate("InsightsPage", "No data in this range yet.")
        self.export_button.setText(QCoreApplication.translate("InsightsPage", "Export chart as PNG…"))
        self.export_button.setAccessibleName(
            QCoreApplication.translate("InsightsPage", "Export %1 as PNG").replace("%1", name)
        )
