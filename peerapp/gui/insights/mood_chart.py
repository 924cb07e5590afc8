"""Mood over time: each period's mean mood as a dot on a line, and the moving average dashed; mirrors in RTL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from ...core.insights import MoodPoint, Period
from ...core.vocab import MOODS, mood_label
from .charts import MARGIN, Chart, format_period, mood_colour
from .polyline import Polyline, envelope


@dataclass(frozen=True)
class _Plot:
    """Where everything goes for one set of points at one size, direction, font and language.

    Worked out once and kept for every paint until one of those changes: a paint of a scrolled-in
    sliver then costs about what the sliver shows (10 years of weeks are 524 points).
    """

    key: tuple[object, ...]
    label_w: int
    left: int
    right: int
    top: int
    bottom: int
    xs: list[float]  # each point's x as drawn (mirrored right to left)
    labels: list[str]  # each point's label on the time axis
    widest: int
    line: Polyline
    average: Polyline
    dots: list[tuple[QPointF, QColor]]


class MoodLineChart(Chart):
    """Mean mood per period (dots in the mood's colour, a line) and its moving average (dashed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[MoodPoint] = []
        self.period = Period.WEEK
        self.mean_label = ""
        self.average_label = ""
        self.point_text: Callable[[MoodPoint, str], str] = lambda _p, _label: ""
        self._plot: _Plot | None = None
        # New figures wait two turns of the event loop before asking to be painted (see set_points).
        self._turns = [QTimer(self), QTimer(self)]
        for turn in self._turns:
            turn.setSingleShot(True)
            turn.setInterval(0)
        self._turns[0].timeout.connect(self._prepare)
        self._turns[1].timeout.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 280)

    def set_points(self, points: list[MoodPoint], period: Period) -> None:
        self.points = list(points)
        self.period = period
        self._plot = None  # nothing worked out for the figures shown before outlives them
        # Qt paints everything a window has to repaint in one go, right after the work that asked for
        # it; with ten years of weeks this chart is the longest part. The next turn of the event loop
        # works out where everything goes and lets the window paint what else changed (the page's other
        # new figures); only a later turn asks for this chart's paint, so timers and input run between.
        self._turns[1].stop()
        self._turns[0].start()
        if not self.points:
            self.update()  # nothing left to show (a lock): gone at once, nothing to wait for

    def _prepare(self) -> None:
        if self.points:
            self.plot(QFontMetrics(self.font()))
        # Whichever Qt handles first, timers or the window's pending paint, that paint happens now,
        # before this chart is marked to be painted.
        QCoreApplication.sendPostedEvents(self.window(), QEvent.Type.UpdateRequest)
        self._turns[1].start()

    def has_data(self) -> bool:
        return bool(self.points)

    def point_index_at(self, pos: QPoint) -> int | None:
        """The point nearest `pos` along the time axis, if within half a step (or a dot's reach)."""
        plot = self.plot(QFontMetrics(self.font()))
        if plot is None or not plot.xs or not plot.top - MARGIN <= pos.y() <= plot.bottom + MARGIN:
            return None
        nearest = min(range(len(plot.xs)), key=lambda i: abs(plot.xs[i] - pos.x()))
        step = (plot.right - plot.left) / max(1, len(plot.xs) - 1)
        return nearest if abs(plot.xs[nearest] - pos.x()) <= max(step / 2, 6.0) else None

    def point_centre(self, index: int) -> QPoint:
        """Where point `index` is drawn (tests hover there)."""
        plot = self.plot(QFontMetrics(self.font()))
        assert plot is not None
        mean = self.points[index].mean
        y = plot.bottom - (mean - 1) / 4 * (plot.bottom - plot.top)
        return QPoint(round(plot.xs[index]), round(y))

    def tooltip_at(self, pos: QPoint) -> str:
        index = self.point_index_at(pos)
        if index is None:
            return ""
        plot = self.plot(QFontMetrics(self.font()))
        assert plot is not None
        return self.point_text(self.points[index], plot.labels[index])

    def mood_label_rects(self, plot: _Plot, fm: QFontMetrics) -> dict[int, QRect]:
        """Where each mood level's label is drawn, beside the mood axis."""
        rects = {}
        for mood in MOODS:
            y = plot.bottom - (mood - 1) / 4 * (plot.bottom - plot.top)
            rects[mood] = self.visual(QRect(MARGIN, int(y - fm.height() / 2), plot.label_w - 4, fm.height()))
        return rects

    def mood_axis_x(self) -> float:
        """The x of the mood axis as drawn: the left edge of the plot, or its right edge in Arabic."""
        plot = self.plot(QFontMetrics(self.font()))
        return 0.0 if plot is None else self.mx(plot.left)

    def corner_labels(self) -> tuple[QRect, QRectF] | None:
        """The lowest mood's label and the first time label: the two that meet in the corner."""
        fm = QFontMetrics(self.font())
        plot = self.plot(fm)
        boxes = [] if plot is None else self._tick_boxes(plot)
        if plot is None or not boxes:
            return None
        return self.mood_label_rects(plot, fm)[min(MOODS)], boxes[0][1]

    def ticks(self) -> list[tuple[float, str]]:
        """The time axis's labels as drawn: (centre x, text), oldest first."""
        plot = self.plot(QFontMetrics(self.font()))
        if plot is None:
            return []
        return [(box.center().x(), plot.labels[i]) for i, box in self._tick_boxes(plot)]

    def _tick_boxes(self, plot: _Plot) -> list[tuple[int, QRectF]]:
        """Each shown time label's box: thinned so none overlap, and kept inside the plot's own columns
        so that the first one never runs into the mood labels in the corner."""
        n = len(self.points)
        widest = plot.widest + MARGIN
        step = max(1, int(widest * n / max(1, plot.right - plot.left)) + 1)
        low, high = plot.left - MARGIN / 2, self.width() - MARGIN / 2  # laid out left to right
        boxes = []
        for i in range(0, n, step):
            x = self.width() - plot.xs[i] if self.rtl() else plot.xs[i]
            x0 = max(low, min(high - widest, x - widest / 2))
            if self.rtl():
                x0 = self.width() - x0 - widest
            boxes.append((i, QRectF(x0, plot.bottom + 4, widest, QFontMetrics(self.font()).height())))
        return boxes

    def plot(self, fm: QFontMetrics) -> _Plot | None:
        """Where everything goes at the current size (None when too small to draw)."""
        key = (self.width(), self.height(), self.rtl(), self.font().key(), QLocale().name())
        if self._plot is not None and self._plot.key == key:
            return self._plot
        label_w = max(fm.horizontalAdvance(mood_label(m)) for m in MOODS) + MARGIN
        legend_h = fm.height() + MARGIN
        left, right = MARGIN + label_w, self.width() - MARGIN - fm.horizontalAdvance("0000") // 2
        # Half a line below the legend, so the top mood's label (centred on its line) never meets it.
        top, bottom = MARGIN + legend_h + fm.height() // 2, self.height() - MARGIN - fm.height() - 4
        if right - left < 20 or bottom - top < 20:
            return None

        def y_of(mood: float) -> float:
            return bottom - (mood - 1) / 4 * (bottom - top)

        n = len(self.points)
        plot_x = [left + (right - left) * (0.5 if n == 1 else i / (n - 1)) for i in range(n)]
        xs = [self.width() - x for x in plot_x] if self.rtl() else plot_x
        means = [y_of(p.mean) for p in self.points]
        averages = [y_of(p.moving_average) for p in self.points]
        # More points than two per pixel column: each column keeps its highest and lowest.
        thin = n > 2 * (right - left)
        kept = envelope(plot_x, means) if thin else range(n)
        kept_average = envelope(plot_x, averages) if thin else kept
        labels = [format_period(p.start, self.period) for p in self.points]
        colours: dict[int, QColor] = {}  # a dot's colour depends only on its rounded mean
        for i in kept:
            mean = self.points[i].mean
            if round(mean) not in colours:
                colours[round(mean)] = mood_colour(mean)
        self._plot = _Plot(
            key=key,
            label_w=label_w,
            left=left,
            right=right,
            top=top,
            bottom=bottom,
            xs=xs,
            labels=labels,
            widest=max(map(fm.horizontalAdvance, set(labels)), default=0),
            line=Polyline([xs[i] for i in kept], [means[i] for i in kept]),
            average=Polyline([xs[i] for i in kept_average], [averages[i] for i in kept_average]),
            dots=[(QPointF(xs[i], means[i]), colours[round(self.points[i].mean)]) for i in kept],
        )
        return self._plot

    def draw(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        plot = self.plot(fm)
        if plot is None:
            return
        left, right, top, bottom = plot.left, plot.right, plot.top, plot.bottom
        exposed = QRectF(self.exposed)

        # Y axis: one grid line and label per mood level, the labels at the reading start.
        for mood, rect in self.mood_label_rects(plot, fm).items():
            y = bottom - (mood - 1) / 4 * (bottom - top)
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(self.mx(left), y), QPointF(self.mx(right), y))
            painter.setPen(self.text_colour())
            painter.drawText(
                rect,
                self.align(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                mood_label(mood),
            )
        painter.setPen(QPen(self.text_colour(), 1))
        painter.drawLine(QPointF(self.mx(left), top), QPointF(self.mx(left), bottom))
        painter.drawLine(QPointF(self.mx(left), bottom), QPointF(self.mx(right), bottom))

        # Time labels: oldest at the reading start (the right in Arabic), thinned so they never overlap.
        n = len(self.points)
        for i, box in self._tick_boxes(plot):
            if box.adjusted(-2, -2, 2, 2).intersects(exposed):  # antialiasing may reach past it
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, plot.labels[i])

        # Mean line and dots, then the moving average on top.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        plot.line.stroke(painter, QPen(self.text_colour(), 1.5), self.exposed)
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        plot.average.stroke(painter, QPen(highlight, 2.5, Qt.PenStyle.DashLine), self.exposed)
        radius = 4.5 if n < 60 else 3.0
        painter.setPen(QPen(self.background(), 1))  # a ring of the card around each dot
        near = exposed.adjusted(-radius - 2, -radius - 2, radius + 2, radius + 2)  # beyond, no pixel changes
        for centre, colour in plot.dots:
            if near.contains(centre):
                painter.setBrush(colour)
                painter.drawEllipse(centre, radius, radius)

        # Legend at the top, at the reading start.
        x = MARGIN
        for text, pen in (
            (self.mean_label, QPen(self.text_colour(), 1.5)),
            (self.average_label, QPen(highlight, 2.5, Qt.PenStyle.DashLine)),
        ):
            painter.setPen(pen)
            ly = MARGIN + fm.height() / 2
            painter.drawLine(QPointF(self.mx(x), ly), QPointF(self.mx(x + 20), ly))
            painter.setPen(self.text_colour())
            w = fm.horizontalAdvance(text) + 4
            painter.drawText(
                self.visual(QRect(x + 24, MARGIN, w, fm.height())), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += 24 + w + 2 * MARGIN
