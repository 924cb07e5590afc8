"""Long chart lines drawn cheaply: the pixels of one QPainterPath stroke, strip by strip, thinned to the pixels."""

from __future__ import annotations

import bisect
import itertools
import math
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


def _path(points: Sequence[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


def _boundaries(keys: Sequence[float], reach: float) -> list[int]:
    """Strip edges (whole pixels, ascending) covering every pixel the line can touch."""
    edges = [math.floor(keys[0] - reach)]
    for i in range(STRIP_POINTS, len(keys) - 1, STRIP_POINTS):
        edge = round(keys[i])
        if edge >= edges[-1] + MIN_STRIP_PX:
            edges.append(edge)
    end = math.ceil(keys[-1] + reach) + 1
    if end < edges[-1] + MIN_STRIP_PX and len(edges) > 1:
        edges.pop()
    edges.append(max(end, edges[-1] + 1))
    return edges


def stroke_polyline(painter: QPainter, points: Sequence[QPointF], pen: QPen, exposed: QRect) -> int:
    """Stroke the line through `points` as `painter.drawPath` of one path would; returns the points handed over.

    The x of `points` must ascend or descend (a right-to-left chart). The line is cut into vertical
    strips of whole pixels; each strip is clipped to itself and drawn from the piece of the line that
    reaches into it, with enough points on each side that the piece's own ends stay outside. A pixel is
    then worked out from the same outline as in the whole path, so it gets the same value (the tests
    compare the images). A dashed pen carries on its pattern by the length already drawn. Strips
    outside `exposed` (the paint event's rectangle, a scrolled-in sliver for instance) are skipped.
    """
    if not points:
        return 0
    painter.setPen(pen)
    if len(points) <= STRIP_POINTS + 1:
        painter.drawPath(_path(points))
        return len(points)
    ascending = points[-1].x() >= points[0].x()
    keys = [p.x() if ascending else -p.x() for p in points]
    width = pen.widthF() if pen.widthF() > 0 else 1.0
    # How far from its points a piece can change a pixel: a square cap's corner lies 0.71 widths from
    # its point, and antialiasing touches the pixel the outline ends in.
    reach = width + 1.0
    dashed = pen.style() not in (Qt.PenStyle.SolidLine, Qt.PenStyle.NoPen)
    along = [0.0]
    if dashed:
        for a, b in itertools.pairwise(points):
            along.append(along[-1] + math.hypot(b.x() - a.x(), b.y() - a.y()))
    left, right = exposed.left(), exposed.right() + 1
    handed = 0
    edges = _boundaries(keys, reach)
    for start, end in itertools.pairwise(edges):
        x0, x1 = (start, end) if ascending else (-end, -start)
        if x1 <= left or x0 >= right:
            continue
        first = max(0, bisect.bisect_right(keys, start - reach) - 1)
        last = min(len(points) - 1, bisect.bisect_left(keys, end + reach))
        piece = QPen(pen)
        if dashed:
            piece.setDashOffset(pen.dashOffset() + along[first] / width)
        painter.save()  # the caller's clip, if any, comes back after each strip
        painter.setPen(piece)
        painter.setClipRect(
            QRect(x0, exposed.top(), x1 - x0, exposed.height()), Qt.ClipOperation.IntersectClip
        )
        painter.drawPath(_path(points[first : last + 1]))
        painter.restore()
        handed += last + 1 - first
    return handed
