"""QPainter charts for insights: the shared base, bar charts and a year in pixels; all mirror in RTL."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QImage, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolTip, QWidget

from ...core.insights import Period
from ...core.vocab import MOODS, mood_label
from .. import design

MARGIN = design.SPACE["s"]


def mood_level(mean: float) -> int:
    """The mood level a mean is drawn as (its colour, its label)."""
    return max(1, min(5, round(mean)))


def mood_colour(mean: float) -> QColor:
    return design.mood_fill(mood_level(mean))


def count_text(n: int) -> str:
    """A count in the interface's digits, as a chart's hover text writes it."""
    return QLocale().toString(n)


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

    def tooltip_at(self, pos: QPoint) -> str:
        """What hovering at `pos` tells: the value under it and how many days or entries it comes from."""
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos()) if self.has_data() else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def background(self) -> QColor:
        """The card the chart sits on (its box paints it; an exported image is filled with it)."""
        return QColor(design.surface("card"))

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
        image.fill(self.background())
        self.render(image)
        return image

    def export_png(self, path: str | Path) -> bool:
        # The stubs ask for bytes, the binding accepts only str here.
        return bool(self.render_image().save(str(path), "PNG"))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    colour: QColor | None = None  # None: the palette's highlight
    note: str = ""  # shown after the value, e.g. a count
    tooltip: str = ""  # what hovering over the bar says: its value and its count


class BarChart(Chart):
    """Horizontal bars with their labels at the reading start; negative values grow backwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.minimum: float | None = None
        self.maximum: float | None = None
        self.rows: list[QRect] = []  # each bar's row as last drawn, for its hover text

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

    def tooltip_at(self, pos: QPoint) -> str:
        for bar, row in zip(self.bars, self.rows, strict=False):
            if row.contains(pos) and bar.value is not None:
                return bar.tooltip
        return ""

    def bar_centre(self, index: int) -> QPoint:
        """The middle of bar `index`'s row as last drawn (tests hover there)."""
        return self.rows[index].center()

    def draw(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        self.rows = []
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
            self.rows.append(QRect(0, int(MARGIN + row_h * i), self.width(), int(row_h)))
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
        self.entries: dict[date, int] = {}  # entries with a mood behind each day's colour
        self.none_label = ""
        self.cell_text: Callable[[date, float, int], str] = lambda _d, _m, _n: ""
        self._grid: tuple[float, float, float] = (0.0, 0.0, 0.0)  # left, top, cell as last drawn

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 300)

    def set_year(self, year: int, days: dict[date, float], entries: dict[date, int] | None = None) -> None:
        self.year = year
        self.days = dict(days)
        self.entries = dict(entries or {})
        self.update()

    def day_at(self, pos: QPoint) -> date | None:
        """The day whose square is at `pos`, as last drawn."""
        left, top, cell = self._grid
        if cell <= 0:
            return None
        x = self.width() - pos.x() if self.rtl() else pos.x()
        column, row = int((x - left) // cell), int((pos.y() - top) // cell)
        if not (0 <= row < 12 and 0 <= column < calendar.monthrange(self.year, row + 1)[1]):
            return None
        return date(self.year, row + 1, column + 1)

    def day_centre(self, day: date) -> QPoint:
        """The middle of `day`'s square as last drawn (tests hover there)."""
        left, top, cell = self._grid
        x = left + (day.day - 1) * cell + cell / 2
        return QPoint(
            int(self.width() - x if self.rtl() else x), int(top + (day.month - 1) * cell + cell / 2)
        )

    def tooltip_at(self, pos: QPoint) -> str:
        day = self.day_at(pos)
        if day is None or day not in self.days:
            return ""
        return self.cell_text(day, self.days[day], self.entries.get(day, 0))

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
        self._grid = (float(left), float(top), cell)
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
        rtl, width = self.rtl(), self.width()
        colours: dict[int, QColor] = {}  # a cell's colour depends only on its rounded mean
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
                if rtl:
                    x = width - x - cell
                mean = self.days.get(date(self.year, m, d))
                if mean is not None and round(mean) not in colours:
                    colours[round(mean)] = mood_colour(mean)
                painter.fillRect(
                    QRectF(x + gap, y + gap, cell - 2 * gap, cell - 2 * gap),
                    neutral if mean is None else colours[round(mean)],
                )
        # Legend: one swatch per mood plus "no entry".
        ly = int(top + 12 * cell + MARGIN / 2)
        x = MARGIN
        swatch = fm.height() - 4
        items = [(design.mood_fill(m), mood_label(m)) for m in MOODS] + [(neutral, self.none_label)]
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
