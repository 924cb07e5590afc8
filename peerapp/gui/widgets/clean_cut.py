"""Where a scrolled list of widgets can end without cutting one of them in half."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget


def clean_cut(
    inner: QWidget, blocks: Iterable[Sequence[QWidget]], least: int, limit: int, margin: int
) -> int:
    """The tallest view of `inner`'s top, from `least` to `limit` high, that shows each block of widgets
    whole or not at all: just below one of them (`margin` more, room for its focus ring), where nothing
    else is cut. `limit` itself when no such place fits (then the view cuts whatever it must).

    A view that ends in the middle of a heading or a row of chips looks broken (the Arabic editor ended
    half-way through the next group's heading, the templates form half-way through a row of chips), and
    so does a heading shown without anything under it: a block keeps a heading with its first row.
    """
    spans = []
    for block in blocks:
        shown = [w for w in block if w.isVisibleTo(inner) and w.height() > 0]
        if shown:
            tops = [w.mapTo(inner, QPoint(0, 0)).y() for w in shown]
            spans.append((min(tops), max(top + w.height() for top, w in zip(tops, shown, strict=True))))
    best = 0
    for _top, bottom in spans:
        cut = bottom + margin
        if max(best, least - 1) < cut <= limit and not any(top < cut < end for top, end in spans):
            best = cut
    return best or limit
