"""Long chart lines drawn cheaply: the pixels of one QPainterPath stroke, strip by strip, thinned to the pixels."""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

# Points a strip's piece of the line holds, and its least width. Qt's antialiasing rasterizer walks a
# whole path once per band of its memory pool, so one stroke costs far more than linearly in its points:
# 524 weekly means (all time at 50k entries) took 80-120 ms as one path and take a few ms as pieces of
# this size. The least width keeps the points two neighbouring pieces share few where points are dense.
STRIP_POINTS = 16
MIN_STRIP_PX = 24


def envelope(xs: Sequence[float], ys: Sequence[float]) -> list[int]:
    """Indexes of the points to keep so that no pixel column holds more than two: its lowest and highest.

    `xs` ascend. The line through what is kept reaches the same top and bottom in every column, so a
    line with more points than pixels keeps its outline at a cost bounded by the chart's width.
    """
    kept: list[int] = []
    column: int | None = None
    low = high = 0
    for i, x in enumerate(xs):
        here = math.floor(x)
        if here != column:
            if column is not None:
                kept.extend(sorted({low, high}))
            column, low, high = here, i, i
            continue
        if ys[i] < ys[low]:
            low = i
        if ys[i] > ys[high]:
            high = i
    if column is not None:
        kept.extend(sorted({low, high}))
    return kept


class Polyline:
    """A line through points whose x ascend or descend (a right-to-left chart), drawn in strips.

    `stroke()` gives every pixel the value `painter.drawPath` of the whole line as one path gives it.
    The line is cut into vertical strips of whole pixels; each strip is clipped to itself and drawn
    from the piece of the line that reaches into it, with enough points on each side that the piece's
    own ends stay outside. A pixel is then worked out from the same outline as in the whole path, so
    it gets the same value (the tests compare the images). A dashed pen carries on its pattern by the
    length already drawn. What one paint needs from the points is worked out once, for every paint.
    """

    def __init__(self, xs: Sequence[float], ys: Sequence[float]) -> None:
        self.xs, self.ys = xs, ys
        self.ascending = len(xs) < 2 or xs[-1] >= xs[0]
        self._along: list[float] | None = None

    def __len__(self) -> int:
        return len(self.xs)

    def along(self) -> list[float]:
        """The length of the line from its first point to each point."""
        if self._along is None:
            xs, ys = self.xs, self.ys
            steps = map(math.hypot, map(operator.sub, xs[1:], xs), map(operator.sub, ys[1:], ys))
            self._along = list(itertools.accumulate(steps, initial=0.0))
        return self._along

    def _path(self, first: int, last: int) -> QPainterPath:
        xs, ys = self.xs, self.ys
        path = QPainterPath(QPointF(xs[first], ys[first]))
        for i in range(first + 1, last + 1):
            path.lineTo(xs[i], ys[i])
        return path

    def _edges(self, reach: float) -> list[int]:
        """Strip edges in whole pixels, left to right, covering every pixel the line can touch."""
        xs = self.xs
        inner = [round(xs[i]) for i in range(STRIP_POINTS, len(xs) - 1, STRIP_POINTS)]
        if not self.ascending:
            inner.reverse()
        low, high = min(xs[0], xs[-1]), max(xs[0], xs[-1])
        edges = [math.floor(low - reach)]
        for edge in inner:
            if edge >= edges[-1] + MIN_STRIP_PX:
                edges.append(edge)
        end = math.ceil(high + reach) + 1
        if end < edges[-1] + MIN_STRIP_PX and len(edges) > 1:
            edges.pop()
        edges.append(max(end, edges[-1] + 1))
        return edges

    def _piece(self, x0: int, x1: int, reach: float) -> tuple[int, int]:
        """The first and last point of the piece drawn for the strip from x0 to x1: from the last point
        `reach` or more outside the strip before it, in the points' order, to the first one after it."""
        n = len(self.xs)
        if self.ascending:
            first = bisect.bisect_right(self.xs, x0 - reach) - 1
            last = bisect.bisect_left(self.xs, x1 + reach)
        else:  # right to left: the points before the strip lie right of it
            first = bisect.bisect_right(self.xs, -(x1 + reach), key=operator.neg) - 1
            last = bisect.bisect_left(self.xs, -(x0 - reach), key=operator.neg)
        return max(0, first), min(n - 1, last)

    def stroke(self, painter: QPainter, pen: QPen, exposed: QRect) -> int:
        """Draw the line with `pen`, only the strips that meet `exposed`; returns the points handed over."""
        n = len(self.xs)
        if n == 0:
            return 0
        painter.setPen(pen)
        if n <= STRIP_POINTS + 1:
            painter.drawPath(self._path(0, n - 1))
            return n
        width = pen.widthF() if pen.widthF() > 0 else 1.0
        # How far from its points a piece can change a pixel: a square cap's corner lies 0.71 widths
        # from its point, and antialiasing touches the pixel the outline ends in.
        reach = width + 1.0
        dashed = pen.style() not in (Qt.PenStyle.SolidLine, Qt.PenStyle.NoPen)
        left, right = exposed.left(), exposed.right() + 1
        handed = 0
        for x0, x1 in itertools.pairwise(self._edges(reach)):
            if x1 <= left or x0 >= right:
                continue
            first, last = self._piece(x0, x1, reach)
            piece = QPen(pen)
            if dashed:
                piece.setDashOffset(pen.dashOffset() + self.along()[first] / width)
            painter.save()  # the caller's clip, if any, comes back after each strip
            painter.setPen(piece)
            painter.setClipRect(
                QRect(x0, exposed.top(), x1 - x0, exposed.height()), Qt.ClipOperation.IntersectClip
            )
            painter.drawPath(self._path(first, last))
            painter.restore()
            handed += last + 1 - first
        return handed
