"""Where the parts of a timeline card go: the boxes of one row, laid out once per entry and width."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QStaticText, QTextLayout, QTextOption, QTransform

from ...core.journal import Entry
from ...core.vocab import emotion_group, emotion_label
from .. import design
from ..widgets import locale_format
from ..widgets.bidi_text import paragraph_direction
from .timeline import day_mood, facts_text, headline_and_snippet
from .timeline_paint import (
    CHIP_GAP,
    DOT,
    GAP_Y,
    GLYPH,
    HEADER_FACE,
    MARGIN_X,
    MAX_DOTS,
    MEASURE_CHARS,
    PAD,
    SNIPPET_LINES,
    STRIPE,
    CardStyle,
)

LTR = Qt.LayoutDirection.LeftToRight
RTL = Qt.LayoutDirection.RightToLeft


class Span(Protocol):
    """A box `size` wide starting `start` from the row's leading edge (mirrored in RTL)."""

    def __call__(self, start: float, size: float, top: float, h: float) -> QRectF: ...


@dataclass
class Chip:
    """One small pill: an emotion (coloured by its group) or a tag (neutral), or the "+n" of the rest."""

    text: str
    kind: str  # "emotion", "tag" or "more"
    group: str | None
    rect: QRectF
    option: QTextOption  # the chip's own text direction, centred
    static: QStaticText  # shaped once: a repaint only places the glyphs
    at: QPointF


@dataclass
class TextLine:
    """A line of text in its box, with the direction and side it is laid out on."""

    text: str
    rect: QRectF
    direction: Qt.LayoutDirection
    option: QTextOption
    static: QStaticText  # shaped once: a repaint only places the glyphs
    at: QPointF


@dataclass
class CardLayout:
    """Where one row's parts are drawn, relative to the row's top-left corner (tests read it too)."""

    header: QRectF | None
    header_text: TextLine | None
    dots: list[tuple[QRectF, int]]
    day_face: tuple[QRectF, int] | None
    card: QRectF
    glyph: QRectF
    title: TextLine | None
    snippet: list[TextLine]
    chips: list[Chip]
    facts: TextLine
    rtl: bool

    def moved(self, x: float, y: float) -> CardLayout:
        """The same layout at (x, y): what tests compare with the painted pixels."""

        def box(r: QRectF) -> QRectF:
            return r.translated(x, y)

        def line(t: TextLine | None) -> TextLine | None:
            if t is None:
                return None
            return TextLine(t.text, box(t.rect), t.direction, t.option, t.static, t.at + QPointF(x, y))

        facts = line(self.facts)
        assert facts is not None
        return CardLayout(
            header=None if self.header is None else box(self.header),
            header_text=line(self.header_text),
            dots=[(box(r), m) for r, m in self.dots],
            day_face=None if self.day_face is None else (box(self.day_face[0]), self.day_face[1]),
            card=box(self.card),
            glyph=box(self.glyph),
            title=line(self.title),
            snippet=[t for t in (line(s) for s in self.snippet) if t is not None],
            chips=[
                Chip(c.text, c.kind, c.group, box(c.rect), c.option, c.static, c.at + QPointF(x, y))
                for c in self.chips
            ],
            facts=facts,
            rtl=self.rtl,
        )


_OPTIONS: dict[tuple[Qt.LayoutDirection, Qt.AlignmentFlag], QTextOption] = {}


def _option(direction: Qt.LayoutDirection, align: Qt.AlignmentFlag) -> QTextOption:
    """One line's text option (shared: a handful exist, and no caller changes one)."""
    found = _OPTIONS.get((direction, align))
    if found is None:
        found = QTextOption(Qt.AlignmentFlag.AlignAbsolute | align | Qt.AlignmentFlag.AlignVCenter)
        found.setTextDirection(direction)
        found.setWrapMode(QTextOption.WrapMode.NoWrap)
        _OPTIONS[(direction, align)] = found
    return found


def _static(
    text: str, rect: QRectF, option: QTextOption, font: QFont, line_h: float
) -> tuple[QStaticText, QPointF]:
    """`text` shaped once for `rect` (its width sets the alignment), and where to draw it, centred."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextOption(option)
    static.setTextWidth(rect.width())
    static.prepare(QTransform(), font)
    return static, QPointF(rect.left(), rect.top() + (rect.height() - line_h) / 2)


def _line(
    text: str, rect: QRectF, direction: Qt.LayoutDirection, option: QTextOption, font: QFont, line_h: float
) -> TextLine:
    static, at = _static(text, rect, option, font, line_h)
    return TextLine(text, rect, direction, option, static, at)


def start_side(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side a line in `direction` starts on (an Arabic line on the right, whatever the interface)."""
    return Qt.AlignmentFlag.AlignRight if direction == RTL else Qt.AlignmentFlag.AlignLeft


# -- measures that set a row's height ------------------------------------------------------------------


def measure(style: CardStyle, entry: Entry) -> tuple[int, float]:
    """(snippet paragraphs, up to 2; the first one's width on one line): all a height needs."""
    _title, snippet = headline_and_snippet(entry)
    first = style.m_body.horizontalAdvance(snippet[0][:MEASURE_CHARS]) if snippet else 0.0
    return min(len(snippet), SNIPPET_LINES), first


def text_width(width: float) -> float:
    """The width a card's text gets in a row `width` wide."""
    return width - 2 * MARGIN_X - STRIPE - 2 * PAD - GLYPH - design.SPACE["m"]


def snippet_lines(fit: tuple[int, float], text_w: float) -> int:
    """How many snippet lines a card with this measure shows at this text width."""
    paragraphs, first = fit
    if paragraphs == 0:
        return 0
    return 1 if paragraphs == 1 and first <= text_w else SNIPPET_LINES


def row_height(style: CardStyle, fit: tuple[int, float], starts_day: bool, width: float) -> int:
    """A row's height: its card, the gaps around it, and the day header above the day's first entry."""
    height = style.card_height(snippet_lines(fit, text_width(width))) + 2 * GAP_Y
    if starts_day:
        height += style.header_h
    return int(height + 0.999)


# -- laying out ----------------------------------------------------------------------------------------


def lay_out(
    style: CardStyle,
    entry: Entry,
    fit: tuple[int, float],
    starts_day: bool,
    moods: tuple[int, ...],
    width: int,
    height: int,
    rtl: bool,
) -> CardLayout:
    """The boxes of one row `width` x `height`, relative to its top-left corner."""
    interface = RTL if rtl else LTR
    lead = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    trail = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight

    def span(start: float, size: float, top: float, h: float) -> QRectF:
        """A box `size` wide starting `start` from the row's leading edge (mirrored in RTL)."""
        x = width - start - size if rtl else start
        return QRectF(x, top, size, h)

    top = 0.0
    header = header_text = day_face = None
    dots: list[tuple[QRectF, int]] = []
    if starts_day:
        header = QRectF(MARGIN_X, 0, width - 2 * MARGIN_X, style.header_h)
        line_top = design.SPACE["m"]
        line_h = style.m_header.height()
        face = day_mood(moods)
        room = header.width()
        if face is not None:
            day_face = (
                span(
                    width - MARGIN_X - HEADER_FACE,
                    HEADER_FACE,
                    line_top + (line_h - HEADER_FACE) / 2,
                    HEADER_FACE,
                ),
                face,
            )
            at = width - MARGIN_X - HEADER_FACE - design.SPACE["s"]
            shown = [m for m in reversed(moods)][:MAX_DOTS]  # oldest first, read from the leading side
            for i, mood in enumerate(reversed(shown)):
                start = at - (i + 1) * DOT - i * design.SPACE["xs"]
                dots.append((span(start, DOT, line_top + (line_h - DOT) / 2, DOT), mood))
            dots.reverse()
            room = at - len(shown) * (DOT + design.SPACE["xs"]) - design.SPACE["s"] - MARGIN_X
        date = locale_format.long_date(entry.at.date())
        elided = style.m_header.elidedText(date, Qt.TextElideMode.ElideRight, max(room, 0))
        header_text = _line(
            elided,
            span(MARGIN_X, max(room, 0), line_top, line_h),
            interface,
            _option(interface, lead),
            style.header,
            line_h,
        )
        top = style.header_h

    card = QRectF(MARGIN_X, top + GAP_Y, width - 2 * MARGIN_X, max(height - top - 2 * GAP_Y, 0))

    inner_top = card.top() + PAD
    glyph = span(MARGIN_X + STRIPE + PAD, GLYPH, inner_top, GLYPH)
    text_start = MARGIN_X + STRIPE + PAD + GLYPH + design.SPACE["m"]
    text_w = max(text_width(width), 0.0)

    headline, paragraphs = headline_and_snippet(entry)
    y = inner_top
    title = None
    if headline:
        own = paragraph_direction(headline, interface)
        box = span(text_start, text_w, y, style.title_h)
        text = style.m_title.elidedText(headline, Qt.TextElideMode.ElideRight, text_w)
        title = _line(text, box, own, _option(own, start_side(own)), style.title, style.title_h)
    y += style.title_h
    room_lines = int(max(card.bottom() - PAD - style.chip_h - design.SPACE["s"] - y, 0) // style.body_h)
    lines = min(snippet_lines(fit, text_w), room_lines)
    snippet = _snippet(style, paragraphs, lines, text_start, text_w, y, span, interface)
    y = round(y + lines * style.body_h + design.SPACE["s"])  # chips on whole pixels (cached pictures)

    facts_words = facts_text(entry)
    facts_w = min(style.m_caption.horizontalAdvance(facts_words), text_w * 0.5)
    facts_box = span(text_start + text_w - facts_w, facts_w, y, style.chip_h)
    facts_elided = style.m_caption.elidedText(facts_words, Qt.TextElideMode.ElideRight, facts_w)
    facts = _line(
        facts_elided,
        facts_box,
        interface,
        _option(interface, trail),
        style.caption,
        style.m_caption.height(),
    )
    chips = _chips(style, entry, text_start, text_w - facts_w - design.SPACE["s"], y, span, interface)
    return CardLayout(header, header_text, dots, day_face, card, glyph, title, snippet, chips, facts, rtl)


def _snippet(
    style: CardStyle,
    paragraphs: list[str],
    lines: int,
    start: float,
    width: float,
    top: float,
    span: Span,
    interface: Qt.LayoutDirection,
) -> list[TextLine]:
    """Up to `lines` lines from the paragraphs, each in its paragraph's direction; the last elided."""
    out: list[TextLine] = []
    for paragraph in paragraphs:
        own = paragraph_direction(paragraph, interface)
        option = _option(own, start_side(own))
        rest = paragraph[:MEASURE_CHARS]
        while rest and len(out) < lines:
            box = span(start, width, top + len(out) * style.body_h, style.body_h)
            text = style.m_body.elidedText(rest, Qt.TextElideMode.ElideRight, width)
            if len(out) == lines - 1 or text == rest:
                out.append(_line(text, box, own, option, style.body, style.body_h))
                break
            # Wrap at a word, where Qt would break it; the rest goes on the next line.
            layout = QTextLayout(rest, style.body)
            wrap = QTextOption(option)
            wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(wrap)
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(width)
            cut = max(line.textLength(), 1)
            layout.endLayout()
            out.append(_line(rest[:cut].rstrip(), box, own, option, style.body, style.body_h))
            rest = rest[cut:].lstrip()
        if len(out) >= lines:
            break
    return out


def _chips(
    style: CardStyle,
    entry: Entry,
    start: float,
    width: float,
    top: float,
    span: Span,
    interface: Qt.LayoutDirection,
) -> list[Chip]:
    """Emotion then tag chips from the leading side; what does not fit is counted in a "+n" chip."""
    wanted = [(emotion_label(k), "emotion", emotion_group(k)) for k in entry.emotions]
    wanted += [(tag, "tag", None) for tag in entry.tags]
    chips: list[Chip] = []
    at = 0
    for i, (text, kind, group) in enumerate(wanted):
        w = math.ceil(style.chip_width(text))
        left = len(wanted) - i - 1
        more_w = math.ceil(_more_width(style, left)) if left else 0.0
        if at + w + (more_w + CHIP_GAP if left else 0) > width:
            more = len(wanted) - i
            mw = math.ceil(_more_width(style, more))
            if at + mw <= width:
                chips.append(
                    _chip(
                        style,
                        _more_text(more),
                        "more",
                        None,
                        span(start + at, mw, top, style.chip_h),
                        LTR,
                    )
                )
            break
        # Each chip in its own text's direction: an English tag in an Arabic row and the other way round.
        own = paragraph_direction(text, interface)
        chips.append(_chip(style, text, kind, group, span(start + at, w, top, style.chip_h), own))
        at += w + CHIP_GAP
    return chips


def _more_text(count: int) -> str:
    return "+" + locale_format.number(count)


def _more_width(style: CardStyle, count: int) -> float:
    return style.chip_width(_more_text(count))


def _chip(
    style: CardStyle, text: str, kind: str, group: str | None, rect: QRectF, direction: Qt.LayoutDirection
) -> Chip:
    option = _option(direction, Qt.AlignmentFlag.AlignHCenter)
    static, at = _static(text, rect, option, style.caption, style.m_caption.height())
    return Chip(text, kind, group, rect, option, static, at)
