"""The mood chart's lines: drawn in strips with the very pixels of one stroke, thinned past two points per
pixel column with each column's top and bottom kept, never handing the painter every point of a long
series, and painted after the rest of the window when new figures come."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPaintDevice,
    QPaintEngine,
    QPaintEngineState,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerapp.core.insights import MoodPoint, Period
from peerapp.gui.insights import polyline
from peerapp.gui.insights.charts import Bar, BarChart
from peerapp.gui.insights.mood_chart import MoodLineChart
from peerapp.gui.insights.polyline import Polyline, envelope

BACKGROUND = QColor("#f4f1ea")


def moods(n: int, *, jagged: bool, seed: int = 1) -> list[MoodPoint]:
    """`n` weekly points: jagged ones jump anywhere between 1 and 5 from one week to the next."""
    rng = random.Random(seed)
    means: list[float] = []
    points = []
    for i in range(n):
        mean = rng.uniform(1, 5) if jagged else 3 + math.sin(i / 6) + rng.uniform(-0.4, 0.4)
        means.append(mean)
        recent = means[-7:]
        points.append(
            MoodPoint(date(2015, 5, 18) + timedelta(weeks=i), mean, 7, 7, sum(recent) / len(recent))
        )
    return points


def line_points(values: list[float], width: int, *, rtl: bool = False) -> list[QPointF]:
    left, right = 40.0, width - 20.0
    n = len(values)
    xs = [left + (right - left) * i / (n - 1) for i in range(n)]
    return [
        QPointF(width - x if rtl else x, 220 - (v - 1) / 4 * 180) for x, v in zip(xs, values, strict=True)
    ]


def blank(width: int, height: int = 240, ratio: float = 1.0) -> QImage:
    image = QImage(int(width * ratio), int(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(BACKGROUND)
    return image


def one_path(image: QImage, points: list[QPointF], pen: QPen) -> None:
    """The line as the chart drew it before the strips: one QPainterPath."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.setPen(pen)
    painter.drawPath(path)
    painter.end()


def in_strips(image: QImage, points: list[QPointF], pen: QPen, exposed: QRect | None = None) -> int:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = Polyline([p.x() for p in points], [p.y() for p in points])
    handed = line.stroke(painter, pen, exposed or QRect(0, 0, 10_000, 10_000))
    painter.end()
    return handed


def differing(a: QImage, b: QImage) -> int:
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))


SOLID = QPen(QColor("#202020"), 1.5)
DASHED = QPen(QColor("#3070d0"), 2.5, Qt.PenStyle.DashLine)


@pytest.mark.parametrize(
    ("n", "jagged", "width", "ratio"),
    [
        (12, True, 600, 1.0),
        (200, True, 600, 1.0),
        (524, False, 1120, 1.0),
        (524, True, 1120, 1.0),
        (90, True, 600, 2.0),
    ],
)
@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("pen", [SOLID, DASHED], ids=["solid", "dashed"])
def test_a_line_in_strips_has_the_pixels_of_one_path(
    qapp: object, n: int, jagged: bool, width: int, ratio: float, rtl: bool, pen: QPen
) -> None:
    series = moods(n, jagged=jagged)
    values = [p.mean for p in series] if pen is SOLID else [p.moving_average for p in series]
    points = line_points(values, width, rtl=rtl)
    whole, strips = blank(width, ratio=ratio), blank(width, ratio=ratio)
    one_path(whole, points, pen)
    in_strips(strips, points, pen)
    assert whole != blank(width, ratio=ratio), "the reference drew nothing"
    assert strips == whole, f"{differing(strips, whole)} pixels differ"


@pytest.mark.parametrize(("n", "jagged", "size"), [(12, True, QSize(600, 240)), (300, True, QSize(900, 280))])
@pytest.mark.parametrize("rtl", [False, True])
def test_the_mood_chart_looks_as_it_did_with_one_path_per_line(
    qtbot: object, monkeypatch: pytest.MonkeyPatch, n: int, jagged: bool, size: QSize, rtl: bool
) -> None:
    chart = MoodLineChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.mean_label, chart.average_label = "Mean mood", "Moving average"
    if rtl:
        chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chart.set_points(moods(n, jagged=jagged), Period.WEEK)
    now = chart.render_image(size)
    monkeypatch.setattr(polyline, "STRIP_POINTS", 10**9)  # every line one path, as before the strips
    before = chart.render_image(size)
    assert now == before, f"{differing(now, before)} pixels differ"


def test_more_points_than_pixels_keep_each_columns_top_and_bottom(qapp: object) -> None:
    rng = random.Random(3)
    n, width = 5000, 600
    xs = [40 + (width - 60) * i / (n - 1) for i in range(n)]
    # Mostly a band around the middle, with one point in ten anywhere: every column has its own extremes.
    ys = [rng.uniform(30, 220) if rng.random() < 0.1 else 120 + rng.uniform(-20, 20) for _ in range(n)]
    columns: dict[int, list[int]] = {}
    for i, x in enumerate(xs):
        columns.setdefault(math.floor(x), []).append(i)
    kept = envelope(xs, ys)
    assert kept == sorted(kept) and len(kept) <= 2 * len(columns)
    for ids in columns.values():
        assert {ys[i] for i in kept if i in ids} == {min(ys[i] for i in ids), max(ys[i] for i in ids)}

    full, thinned = blank(width), blank(width)
    in_strips(full, [QPointF(x, y) for x, y in zip(xs, ys, strict=True)], SOLID)
    in_strips(thinned, [QPointF(xs[i], ys[i]) for i in kept], SOLID)
    # Each column's highest and lowest point is drawn, in its own column.
    for column, ids in columns.items():
        for y in (round(min(ys[i] for i in ids)), round(max(ys[i] for i in ids))):
            assert any(inked(thinned, column, row) for row in (y - 1, y, y + 1)), (column, y)
    # And nothing is drawn beyond where the whole line reaches in that column or the next ones.
    reach = {x: ink_rows(full, x) for x in range(width)}
    for x in range(width):
        rows = ink_rows(thinned, x)
        if rows:
            near = [r for c in (x - 1, x, x + 1) for r in reach.get(c, [])]
            assert near and min(near) - 1 <= rows[0] and rows[-1] <= max(near) + 1, x


def ink_rows(image: QImage, x: int) -> list[int]:
    return [y for y in range(image.height()) if inked(image, x, y)]


def inked(image: QImage, x: int, y: int) -> bool:
    """At least 40% covered by the line: a fainter fringe is the antialiasing of a line in the next column."""
    return QColor(image.pixel(x, y)).lightness() < BACKGROUND.lightness() - 0.4 * (
        BACKGROUND.lightness() - SOLID.color().lightness()
    )


class CountingEngine(QPaintEngine):
    """A real paint engine that draws nothing and counts what the painter hands it."""

    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.path_points = 0
        self.ellipses = 0

    def begin(self, _device: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, _state: QPaintEngineState) -> None:  # noqa: N802
        pass

    def drawPath(self, path: QPainterPath) -> None:  # noqa: N802
        self.path_points += path.elementCount()

    def drawPolygon(self, points: Iterable[object], _mode: object) -> None:  # noqa: N802
        self.path_points += len(list(points))

    def drawLines(self, lines: Iterable[object]) -> None:  # noqa: N802
        self.path_points += 2 * len(list(lines))

    def drawRects(self, *_rects: object) -> None:  # noqa: N802
        pass

    def drawEllipse(self, _rect: object) -> None:  # noqa: N802
        self.ellipses += 1

    def drawPixmap(self, _r: object, _pm: QPixmap | QImage, _sr: object) -> None:  # noqa: N802
        pass

    def drawTextItem(self, _p: object, _item: object) -> None:  # noqa: N802
        pass


class CountingDevice(QPaintDevice):
    def __init__(self, size: QSize) -> None:
        super().__init__()
        self.size = size
        self.engine = CountingEngine()

    def paintEngine(self) -> QPaintEngine:  # noqa: N802
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        known = {
            QPaintDevice.PaintDeviceMetric.PdmWidth: self.size.width(),
            QPaintDevice.PaintDeviceMetric.PdmHeight: self.size.height(),
            QPaintDevice.PaintDeviceMetric.PdmWidthMM: self.size.width() * 254 // 960,
            QPaintDevice.PaintDeviceMetric.PdmHeightMM: self.size.height() * 254 // 960,
            QPaintDevice.PaintDeviceMetric.PdmDpiX: 96,
            QPaintDevice.PaintDeviceMetric.PdmDpiY: 96,
            QPaintDevice.PaintDeviceMetric.PdmPhysicalDpiX: 96,
            QPaintDevice.PaintDeviceMetric.PdmPhysicalDpiY: 96,
            QPaintDevice.PaintDeviceMetric.PdmDepth: 32,
            QPaintDevice.PaintDeviceMetric.PdmNumColors: 1 << 24,
        }
        return known[metric] if metric in known else super().metric(metric)


def counted(chart: MoodLineChart, region: QRect | None = None) -> CountingEngine:
    device = CountingDevice(chart.size())
    if region is None:
        chart.render(device)
    else:
        chart.render(device, QPoint(), QRegion(region))
    return device.engine


def test_painting_hands_over_at_most_two_points_per_pixel_column(qtbot: object) -> None:
    chart = MoodLineChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.resize(600, 240)
    chart.set_points(moods(5000, jagged=True), Period.WEEK)
    engine = counted(chart)
    assert engine.ellipses > 100  # the dots are there
    # Two lines of at most two points per pixel column, some shared by neighbouring strips, and the axes.
    assert engine.path_points <= 2 * (2 * 600) * 1.25, engine.path_points
    assert engine.ellipses <= 2 * 600, engine.ellipses


def test_a_repaint_of_a_sliver_draws_only_that_sliver(qtbot: object) -> None:
    chart = MoodLineChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.resize(1120, 280)
    chart.set_points(moods(524, jagged=False), Period.WEEK)  # 10 years of weeks
    whole = counted(chart)
    sliver = counted(chart, QRect(500, 0, 30, 280))  # what scrolling a few pixels sideways exposes
    assert whole.path_points > 2 * 524 and whole.ellipses == 524
    assert sliver.path_points < whole.path_points / 10, (sliver.path_points, whole.path_points)
    assert 0 < sliver.ellipses < 30


class Arrival(QObject):
    came = Signal()


class PaintLog(QObject):
    """For each time the window paints what it has to repaint, which of the named widgets it painted."""

    def __init__(self, window: QWidget, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.window, self.names = window, {id(w): name for name, w in widgets.items()}
        self.passes: list[list[str]] = []
        for widget in (window, *widgets.values()):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            self.passes.append([])
        elif event.type() == QEvent.Type.Paint and id(watched) in self.names and self.passes:
            self.passes[-1].append(self.names[id(watched)])
        return False

    def first(self, name: str) -> int:
        return next(i for i, painted in enumerate(self.passes) if name in painted)


def test_new_weeks_are_painted_after_the_rest_of_the_window(qtbot: object) -> None:
    """Ten years of weeks are the longest paint of the page: the window paints its other new figures
    first, and the chart in a later turn of the event loop, so input never waits for both."""
    window = QWidget()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    chart, bars = MoodLineChart(), BarChart()
    layout = QVBoxLayout(window)
    layout.addWidget(chart)
    layout.addWidget(bars)
    bars.set_bars([Bar("Monday", 2.5), Bar("Tuesday", 3.0)], 0.0, 5.0)
    window.resize(900, 600)
    log = PaintLog(window, {"chart": chart, "bars": bars})
    window.show()
    qtbot.waitUntil(lambda: any("chart" in p and "bars" in p for p in log.passes))  # type: ignore[attr-defined]
    log.passes.clear()

    def new_figures() -> None:
        chart.set_points(moods(524, jagged=False), Period.WEEK)
        bars.set_bars([Bar("Monday", 3.5), Bar("Tuesday", 4.0)], 0.0, 5.0)  # as many: the layout stays

    # As the page gets its figures: a queued signal from the worker, handled among the posted events.
    arrival = Arrival()
    arrival.came.connect(new_figures, Qt.ConnectionType.QueuedConnection)
    arrival.came.emit()
    qtbot.waitUntil(lambda: any("chart" in painted for painted in log.passes))  # type: ignore[attr-defined]
    assert log.first("bars") < log.first("chart"), log.passes

    log.passes.clear()
    chart.set_points([], Period.WEEK)  # a lock: the figures go at once, with the rest of the page
    bars.set_bars([Bar("Monday", None), Bar("Tuesday", None)], 0.0, 5.0)
    qtbot.waitUntil(lambda: any("bars" in painted for painted in log.passes))  # type: ignore[attr-defined]
    assert log.first("chart") == log.first("bars"), log.passes
