"""QPainter charts for insights: mood over time, bar charts and a year in pixels; all mirror in RTL."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QWidget

from ...core.insights import MoodPoint, Period
from ...core.vocab import MOODS, mood_label
from ..journal.timeline import MOOD_COLOURS
from .polyline import envelope, stroke_polyline

MARGIN = 8


def mood_colour(mean: float) -> QColor:
    return QColor(MOOD_COLOURS[max(1, min(5, round(mean)))])


def format_number(value: float, decimals: int = 1) -> str:
    """A number in the UI language's digits (Arabic-Indic in Arabic)."""
    return QLocale().toString(float(value), "f", decimals)


def format_year(year: int) -> str:
    """A year in the interface's digits, without a thousands separator (٢٠٢٦, not ٢٬٠٢٦)."""
    locale = QLocale()
    return locale.toString(year).replace(locale.groupSeparator(), "")


def format_period(start: date, period: Period) -> str:
    locale = QLocale()
    if period == Period.YEAR:
        return format_year(start.year)
    if period == Period.MONTH:
        return locale.monthName(start.month, QLocale.FormatType.ShortFormat) + " " + format_year(start.year)
    return locale.toString(start.day) + " " + locale.monthName(start.month, QLocale.FormatType.ShortFormat)


class Chart(QWidget):
    """Base: palette-aware colours, mirroring helpers and PNG export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable from the keyboard for screen readers
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_text = ""
        self.exposed = QRect()  # what the paint under way must draw (the rest is clipped away)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 240)

    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def mx(self, x: float) -> float:
        """Mirror an x coordinate laid out left to right when the widget is right to left."""
        return self.width() - x if self.rtl() else x

    def visual(self, rect: QRect) -> QRect:
        return QStyle.visualRect(self.layoutDirection(), self.rect(), rect)

    def align(self, flags: Qt.AlignmentFlag) -> Qt.AlignmentFlag:
        return QStyle.visualAlignment(self.layoutDirection(), flags)

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def grid_colour(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlpha(60)
        return colour

    def has_data(self) -> bool:  # pragma: no cover - overridden
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.exposed = event.rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.text_colour())
        if not self.has_data():
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
        else:
            self.draw(painter)
        painter.end()

    def draw(self, painter: QPainter) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def render_image(self, size: QSize | None = None) -> QImage:
        """The chart drawn on an opaque image in the widget's palette."""
        size = size or (self.size() if self.width() > 50 else self.sizeHint())
        if self.size() != size:
            self.resize(size)
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(self.palette().color(QPalette.ColorRole.Window))
        self.render(image)
        return image

    def export_png(self, path: str | Path) -> bool:
        # The stubs ask for bytes, the binding accepts only str here.
        return bool(self.render_image().save(str(path), "PNG"))  # type: ignore[call-overload]


class MoodLineChart(Chart):
    """Mean mood per period (dots in the mood's colour, a line) and its moving average (dashed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[MoodPoint] = []
        self.period = Period.WEEK
        self.mean_label = ""
        self.average_label = ""
        self._labels: tuple[object, list[str], int] | None = None  # (for what, texts, widest)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 280)

    def set_points(self, points: list[MoodPoint], period: Period) -> None:
        self.points = list(points)
        self.period = period
        self._labels = None
        self.update()

    def has_data(self) -> bool:
        return bool(self.points)

    def period_labels(self, fm: QFontMetrics) -> tuple[list[str], int]:
        """Each point's label on the time axis and the widest's width, worked out once per data and font."""
        key = (QLocale().name(), self.font().key())
        if self._labels is None or self._labels[0] != key:
            texts = [format_period(p.start, self.period) for p in self.points]
            self._labels = (key, texts, max(map(fm.horizontalAdvance, set(texts)), default=0))
        return self._labels[1], self._labels[2]

    def draw(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        label_w = max(fm.horizontalAdvance(mood_label(m)) for m in MOODS) + MARGIN
        legend_h = fm.height() + MARGIN
        left, right = MARGIN + label_w, self.width() - MARGIN - fm.horizontalAdvance("0000") // 2
        top, bottom = MARGIN + legend_h, self.height() - MARGIN - fm.height() - 4
        if right - left < 20 or bottom - top < 20:
            return

        def y_of(mood: float) -> float:
            return bottom - (mood - 1) / 4 * (bottom - top)

        n = len(self.points)
        # Each point's x once per paint: at 50k entries over all time there are 520 weeks, and the
        # line, the average, the dots and the labels all need them.
        plot_x = [left + (right - left) * (0.5 if n == 1 else i / (n - 1)) for i in range(n)]
        xs = [self.mx(x) for x in plot_x]

        # Y axis: one grid line and label per mood level.
        for mood in MOODS:
            y = y_of(mood)
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(self.mx(left), y), QPointF(self.mx(right), y))
            painter.setPen(self.text_colour())
            rect = self.visual(QRect(MARGIN, int(y - fm.height() / 2), label_w - 4, fm.height()))
            painter.drawText(
                rect,
                self.align(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                mood_label(mood),
            )
        painter.setPen(QPen(self.text_colour(), 1))
        painter.drawLine(QPointF(self.mx(left), top), QPointF(self.mx(left), bottom))
        painter.drawLine(QPointF(self.mx(left), bottom), QPointF(self.mx(right), bottom))

        # X labels, thinned so they never overlap.
        labels, widest = self.period_labels(fm)
        widest += MARGIN
        step = max(1, int(widest * n / max(1, right - left)) + 1)
        for i in range(0, n, step):
            text = labels[i]
            x = xs[i]
            x0 = max(0.0, min(self.width() - widest, x - widest / 2))  # never cut at the edges
            painter.drawText(QRectF(x0, bottom + 2, widest, fm.height()), Qt.AlignmentFlag.AlignCenter, text)

        # Mean line and dots, then the moving average on top. More points than two per pixel column
        # are thinned to each column's highest and lowest (see polyline.envelope).
        means = [y_of(p.mean) for p in self.points]
        averages = [y_of(p.moving_average) for p in self.points]
        thin = n > 2 * (right - left)
        kept = envelope(plot_x, means) if thin else range(n)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        line = [QPointF(xs[i], means[i]) for i in kept]
        stroke_polyline(painter, line, QPen(self.text_colour(), 1.5), self.exposed)
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        average = [QPointF(xs[i], averages[i]) for i in (envelope(plot_x, averages) if thin else kept)]
        stroke_polyline(painter, average, QPen(highlight, 2.5, Qt.PenStyle.DashLine), self.exposed)
        radius = 4.5 if n < 60 else 3.0
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Window), 1))
        near = radius + 2  # a dot farther than this outside the exposed rectangle changes no pixel in it
        shown_from, shown_to = self.exposed.left() - near, self.exposed.right() + 1 + near
        for i in kept:
            if shown_from <= xs[i] <= shown_to:
                painter.setBrush(mood_colour(self.points[i].mean))
                painter.drawEllipse(QPointF(xs[i], means[i]), radius, radius)

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


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    colour: QColor | None = None  # None: the palette's highlight
    note: str = ""  # shown after the value, e.g. a count


class BarChart(Chart):
    """Horizontal bars with their labels at the reading start; negative values grow backwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.minimum: float | None = None
        self.maximum: float | None = None

    def set_bars(self, bars: list[Bar], minimum: float | None = None, maximum: float | None = None) -> None:
        self.bars = list(bars)
        self.minimum, self.maximum = minimum, maximum
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetrics(self.font())
        return QSize(520, max(120, len(self.bars) * (fm.height() + 10) + 2 * MARGIN))

    def has_data(self) -> bool:
        return any(b.value is not None for b in self.bars)

    def draw(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        values = [b.value for b in self.bars if b.value is not None]
        low = min(0.0, *values) if self.minimum is None else self.minimum
        high = max(0.0, *values) if self.maximum is None else self.maximum
        if high <= low:
            high = low + 1
        label_w = min(self.width() // 3, max(fm.horizontalAdvance(b.label) for b in self.bars) + MARGIN)
        value_w = max(
            fm.horizontalAdvance(format_number(v) + " " + b.note) for b in self.bars for v in [b.value or 0]
        )
        value_w += MARGIN
        left, right = MARGIN + label_w, self.width() - MARGIN - value_w
        if right - left < 20:
            return
        row_h = (self.height() - 2 * MARGIN) / max(1, len(self.bars))
        bar_h = min(row_h * 0.7, fm.height() + 6)

        def x_of(v: float) -> float:
            return left + (v - low) / (high - low) * (right - left)

        zero = x_of(max(low, min(high, 0.0)))
        painter.setPen(QPen(self.text_colour(), 1))
        painter.drawLine(QPointF(self.mx(zero), MARGIN), QPointF(self.mx(zero), self.height() - MARGIN))
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        for i, bar in enumerate(self.bars):
            cy = MARGIN + row_h * i + row_h / 2
            painter.setPen(self.text_colour())
            label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 4)
            painter.drawText(
                self.visual(QRect(MARGIN, int(cy - fm.height() / 2), label_w - 4, fm.height())),
                self.align(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            if bar.value is None:
                continue
            end = x_of(bar.value)
            x0, x1 = sorted((zero, end))
            rect = QRectF(x0, cy - bar_h / 2, max(1.0, x1 - x0), bar_h)
            if self.rtl():
                rect = QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())
            painter.fillRect(rect, bar.colour or highlight)
            text = format_number(bar.value) + (" " + bar.note if bar.note else "")
            painter.setPen(self.text_colour())
            after = max(x1, zero) + 4
            painter.drawText(
                self.visual(QRect(int(after), int(cy - fm.height() / 2), value_w, fm.height())),
                self.align(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )


class YearPixels(Chart):
    """A year as 12 rows of up to 31 squares, each coloured by that day's mean mood, with a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self.days: dict[date, float] = {}
        self.none_label = ""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 300)

    def set_year(self, year: int, days: dict[date, float]) -> None:
        self.year = year
        self.days = dict(days)
        self.update()

    def has_data(self) -> bool:
        return True  # an empty year still shows its empty grid

    def neutral(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlpha(35)
        return colour

    def draw(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        locale = QLocale()
        months = [locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)]
        label_w = max(fm.horizontalAdvance(m) for m in months) + MARGIN
        legend_h = fm.height() + MARGIN
        header_h = fm.height() + 2
        avail_w = self.width() - 2 * MARGIN - label_w
        avail_h = self.height() - 2 * MARGIN - legend_h - header_h
        cell = max(4.0, min(avail_w / 31, avail_h / 12))
        left, top = MARGIN + label_w, MARGIN + header_h
        painter.setPen(self.text_colour())
        for d in (1, 5, 10, 15, 20, 25, 31):
            x = left + (d - 1) * cell
            painter.drawText(
                self.visual(QRect(int(x - cell), MARGIN, int(3 * cell), fm.height())),
                Qt.AlignmentFlag.AlignCenter,
                locale.toString(d),
            )
        neutral = self.neutral()
        gap = 1.0 if cell > 6 else 0.0
        for m in range(1, 13):
            y = top + (m - 1) * cell
            painter.setPen(self.text_colour())
            painter.drawText(
                self.visual(QRect(MARGIN, int(y), label_w - 4, int(cell))),
                self.align(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                months[m - 1],
            )
            for d in range(1, calendar.monthrange(self.year, m)[1] + 1):
                x = left + (d - 1) * cell
                if self.rtl():
                    x = self.width() - x - cell
                mean = self.days.get(date(self.year, m, d))
                painter.fillRect(
                    QRectF(x + gap, y + gap, cell - 2 * gap, cell - 2 * gap),
                    neutral if mean is None else mood_colour(mean),
                )
        # Legend: one swatch per mood plus "no entry".
        ly = int(top + 12 * cell + MARGIN / 2)
        x = MARGIN
        swatch = fm.height() - 4
        items = [(QColor(MOOD_COLOURS[m]), mood_label(m)) for m in MOODS] + [(neutral, self.none_label)]
        for colour, text in items:
            w = fm.horizontalAdvance(text) + 4
            if x + swatch + 4 + w > self.width() - MARGIN:
                break
            painter.fillRect(self.visual(QRect(x, ly + 2, swatch, swatch)), colour)
            painter.setPen(self.text_colour())
            painter.drawText(
                self.visual(QRect(x + swatch + 4, ly, w, fm.height())), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += swatch + 4 + w + MARGIN
