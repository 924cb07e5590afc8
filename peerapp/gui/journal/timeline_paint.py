"""How a timeline card looks: its measures, fonts and colours, and the cached pictures of cards and chips."""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap

from .. import design

if TYPE_CHECKING:
    from .timeline_layout import Chip

# Measures of a card, all from the design scales (gui/design.py).
MARGIN_X = design.SPACE["m"]  # the card's distance from the list's sides
GAP_Y = design.SPACE["xs"]  # above and below each card: cards stand apart by twice this
PAD = design.SPACE["m"]  # inside the card
STRIPE = design.SPACE["xs"]  # the mood stripe on the card's start edge
GLYPH = design.SPACE["xxl"]  # the mood face
DOT = design.SPACE["s"]  # one mood dot in a day header
HEADER_FACE = design.SPACE["l"] + design.SPACE["xs"]  # the day's face, a little larger than a dot row
MAX_DOTS = 8  # a day with more entries shows its first eight dots and the face says the rest
CHIP_PAD_X = design.SPACE["s"]
CHIP_PAD_Y = design.SPACE["xxs"]
CHIP_GAP = design.SPACE["xs"]
SNIPPET_LINES = 2
MEASURE_CHARS = 600  # more than two lines at any width a list gets; longer paragraphs wrap anyway


class CardStyle:
    """The fonts and their metrics for one base font (rebuilt only when the list's font changes)."""

    def __init__(self, base: QFont) -> None:
        self.base = QFont(base)
        self.title = design.font("subtitle", base)
        self.body = design.font("body", base)
        self.caption = design.font("caption", base)
        self.header = design.font("subtitle", base)
        self.m_title = QFontMetricsF(self.title)
        self.m_body = QFontMetricsF(self.body)
        self.m_caption = QFontMetricsF(self.caption)
        self.m_header = QFontMetricsF(self.header)
        self.title_h = self.m_title.height()
        self.body_h = self.m_body.height()
        self.chip_h = self.m_caption.height() + 2 * CHIP_PAD_Y
        # Whole pixels: the card below starts on a pixel row, so its cached picture is placed sharply.
        self.header_h = math.ceil(self.m_header.height() + design.SPACE["m"] + design.SPACE["xs"])
        self._widths: dict[str, float] = {}

    def chip_width(self, text: str) -> float:
        """A chip's width for `text` (emotion names and tags repeat: measured once each)."""
        found = self._widths.get(text)
        if found is None:
            found = self._widths[text] = self.m_caption.horizontalAdvance(text) + 2 * CHIP_PAD_X
        return found

    def card_height(self, snippet_lines: int) -> float:
        text = self.title_h + snippet_lines * self.body_h + design.SPACE["s"] + self.chip_h
        return max(text, GLYPH) + 2 * PAD


class CardColours:
    """The design's colours for one palette, resolved once instead of on every paint."""

    def __init__(self, dark: bool) -> None:
        self.dark = dark
        self.window = design.surface("window", dark)
        self.card = design.surface("card", dark)
        self.outline = design.surface("outline", dark)
        self.accent = design.surface("accent", dark)
        self.text = design.surface("text", dark)
        self.muted = design.surface("muted", dark)
        self.ink = QColor(design.MOOD_INK)
        self.mood = {m: design.mood_fill(m, dark) for m in range(1, 6)}
        self.wash = QColor(self.accent)
        self.wash.setAlphaF(0.10)
        self.groups = {g: QColor(c) for g, c in design.EMOTION_GROUP_COLOUR[dark].items()}
        self.outline_pen = QPen(self.outline, 1.0)
        self.selected_pen = QPen(self.accent, 2.0)


class CardPictures:
    """Card and chip backgrounds drawn once per size, mood, group and state, and kept for repainting."""

    KEPT = 256  # a few card heights, chips by width and group

    def __init__(self) -> None:
        self._pictures: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def clear(self) -> None:
        self._pictures.clear()

    def card(
        self, card: QRectF, mood: int | None, selected: bool, rtl: bool, colours: CardColours, ratio: float
    ) -> QPixmap:
        """The card's rounded surface with its outline (the accent when selected) and mood stripe."""
        w, h = int(card.width()), int(card.height())
        key = ("card", w, h, mood, selected, rtl, colours.dark, ratio)
        found = self._pictures.get(key)
        if found is not None:
            self._pictures.move_to_end(key)
            return found
        picture, painter = _blank(w, h, ratio)
        radius = design.RADIUS["m"]
        shape = QPainterPath()
        shape.addRoundedRect(QRectF(0, 0, w, h), radius, radius)
        painter.fillPath(shape, colours.card)
        if selected:
            painter.fillPath(shape, colours.wash)
        if mood is not None:
            stripe = QPainterPath()
            stripe.addRect(QRectF(w - STRIPE if rtl else 0, 0, STRIPE, h))
            painter.fillPath(shape.intersected(stripe), colours.mood[mood])
        pen = colours.selected_pen if selected else colours.outline_pen
        half = pen.widthF() / 2
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(half, half, w - 2 * half, h - 2 * half), radius - half, radius - half)
        painter.end()
        return self._keep(key, picture)

    def chip(self, chip: Chip, colours: CardColours, ratio: float) -> tuple[QPixmap, QColor]:
        """A chip's pill (its group's colour, or a quiet outline) and the ink its text takes."""
        fill = colours.groups.get(chip.group) if chip.group else None
        ink = colours.ink if fill is not None else colours.text
        w, h = int(chip.rect.width()), int(chip.rect.height())
        key = ("chip", w, h, chip.group if fill is not None else None, colours.dark, ratio)
        found = self._pictures.get(key)
        if found is not None:
            self._pictures.move_to_end(key)
            return found, ink
        picture, painter = _blank(w, h, ratio)
        radius = h / 2
        if fill is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(0, 0, w, h), radius, radius)
        else:
            painter.setPen(colours.outline_pen)
            painter.setBrush(colours.window)
            painter.drawRoundedRect(QRectF(0.5, 0.5, w - 1, h - 1), radius - 0.5, radius - 0.5)
        painter.end()
        return self._keep(key, picture), ink

    def _keep(self, key: tuple[object, ...], picture: QPixmap) -> QPixmap:
        self._pictures[key] = picture
        if len(self._pictures) > self.KEPT:
            self._pictures.popitem(last=False)
        return picture


def _blank(w: int, h: int, ratio: float) -> tuple[QPixmap, QPainter]:
    """A transparent picture of w x h device-independent pixels, and an antialiased painter on it."""
    picture = QPixmap(max(1, math.ceil(w * ratio)), max(1, math.ceil(h * ratio)))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return picture, painter


def quiet_ring(painter: QPainter, box: QRectF, colour: QColor, tried: bool) -> None:
    """No mood (a tool's log): a quiet ring keeps the face's place, with a tick when something was tried."""
    ring = box.adjusted(3, 3, -3, -3)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 1.5))
    painter.drawEllipse(ring)
    if tried:
        painter.setPen(QPen(colour, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        w, h, x, y = ring.width(), ring.height(), ring.left(), ring.top()
        painter.drawPolyline(
            [
                QPointF(x + w * 0.28, y + h * 0.52),
                QPointF(x + w * 0.44, y + h * 0.68),
                QPointF(x + w * 0.72, y + h * 0.36),
            ]
        )
