"""Pill shapes shared by chips and the toolbar's primary button, and that button itself."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QStyle, QToolButton, QWidget

from .. import design, theme

RING = theme.FOCUS_WIDTH


def pill(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    radius = rect.height() / 2
    path.addRoundedRect(rect, radius, radius)
    return path


def leading(widget: QWidget) -> Qt.AlignmentFlag:
    """The side a line of text starts from in `widget`, as a side a painter understands."""
    return Qt.AlignmentFlag.AlignRight if widget.isRightToLeft() else Qt.AlignmentFlag.AlignLeft


def ring(painter: QPainter, rect: QRectF, dark: bool) -> None:
    """The app's focus ring (theme.FOCUS), in the pill's own shape."""
    painter.setPen(QPen(QColor(theme.FOCUS[dark]), RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(pill(rect.adjusted(RING / 2, RING / 2, -RING / 2, -RING / 2)))


class PillButton(QToolButton):
    """The window's one primary action (Check in): a pill in the accent colour, with an optional icon."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        icon = self.iconSize().width() + design.SPACE["s"] if not self.icon().isNull() else 0
        width = 2 * design.SPACE["l"] + icon + metrics.horizontalAdvance(self.text())
        height = max(metrics.height(), self.iconSize().height()) + 2 * design.SPACE["xs"]
        return QSize(width + 2 * RING, height + 2 * RING)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        dark = design.is_dark()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect())
        body = outer.adjusted(RING + 0.5, RING + 0.5, -RING - 0.5, -RING - 0.5)
        fill = design.surface("accent", dark)
        if not self.isEnabled():
            fill = design.surface("outline", dark)
        elif self.isDown():
            fill = fill.darker(115)
        elif self.underMouse():
            fill = fill.lighter(110) if not dark else fill.darker(108)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPath(pill(body))
        content = body.adjusted(design.SPACE["l"], 0, -design.SPACE["l"], 0).toRect()
        if not self.icon().isNull():
            size = self.iconSize()
            icon_rect = QStyle.alignedRect(
                self.layoutDirection(),
                Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter,
                size,
                content,
            )
            self.icon().paint(painter, icon_rect)
            shift = size.width() + design.SPACE["s"]
            content = (
                content.adjusted(0, 0, -shift, 0)
                if self.isRightToLeft()
                else content.adjusted(shift, 0, 0, 0)
            )
        painter.setPen(
            design.surface("accent_ink", dark) if self.isEnabled() else design.surface("muted", dark)
        )
        painter.setFont(self.font())
        painter.drawText(content, int(leading(self) | Qt.AlignmentFlag.AlignVCenter), self.text())
        if self.hasFocus():
            ring(painter, outer, dark)
        painter.end()
