"""The timeline drawn as cards: a day header with the day's moods, then one rounded card per entry."""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...core.journal import Entry
from ...core.vocab import emotion_group, emotion_label
from .. import design, theme
from ..widgets import locale_format
from ..widgets.bidi_text import paragraph_direction
from .timeline import (
    CARD_ROLE,
    DAY_MOODS_ROLE,
    ENTRY_ROLE,
    STARTS_DAY_ROLE,
    ModelIndex,
    TimelineModel,
    day_mood,
    facts_text,
    headline_and_snippet,
)

LTR = Qt.LayoutDirection.LeftToRight
RTL = Qt.LayoutDirection.RightToLeft

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


# -- the boxes of one card -----------------------------------------------------------------------------


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


class _Style:
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


class _Colours:
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


class TimelineDelegate(QStyledItemDelegate):
    """Draws each entry as a card and a day header above the first entry of each day.

    A card: the mood's colour as a stripe on its start edge and its face, the title, two lines of the
    text each in the text's own direction, then chips for emotions and tags in the interface's
    direction with the time at the end. Heights come from a per-entry measure that does not depend on
    the width, so the view's many sizeHint calls are a dictionary look-up and some sums; the boxes
    themselves are laid out once per entry and width and kept for the next paint.
    """

    LAYOUTS_KEPT = 512  # rows laid out and kept for repainting: several screens' worth
    PICTURES_KEPT = 256  # card and chip backgrounds: a few card heights, chips by width and group

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style: _Style | None = None
        self._colours: dict[bool, _Colours] = {}
        self._fits: dict[object, tuple[int, float]] = {}
        self._layouts: OrderedDict[tuple[object, ...], CardLayout] = OrderedDict()
        self._pictures: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._width = 0
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self._relayout_view)
        if isinstance(parent, QAbstractItemView):
            parent.installEventFilter(self)
            parent.viewport().installEventFilter(self)
            self._paint_background(parent)

    # -- caches ------------------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop every measure and layout (the language, digits or font changed)."""
        self._style = None
        self._fits.clear()
        self._layouts.clear()
        self._pictures.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        view = self.parent()
        if kind in (
            QEvent.Type.LanguageChange,
            QEvent.Type.LocaleChange,
            QEvent.Type.FontChange,
            QEvent.Type.LayoutDirectionChange,
        ):
            self.forget()
            self._relayout.start()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and watched is view:
            if isinstance(view, QAbstractItemView):
                self._paint_background(view)
        elif (
            kind == QEvent.Type.Resize and isinstance(view, QAbstractItemView) and watched is view.viewport()
        ):
            if view.viewport().width() != self._width:
                # A snippet that wrapped may fit on one line now: the view asks for heights again.
                self._width = view.viewport().width()
                self._relayout.start()
        return False

    def _relayout_view(self) -> None:
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            view.doItemsLayout()
            view.viewport().update()

    def _paint_background(self, view: QAbstractItemView) -> None:
        # Cards stand on the design's window surface, not on a field's white.
        dark = theme.is_dark(view.palette())
        palette = view.viewport().palette()
        wanted = design.surface("window", dark)
        if palette.color(QPalette.ColorRole.Base) != wanted:
            palette.setColor(QPalette.ColorRole.Base, wanted)
            view.viewport().setPalette(palette)

    def _style_for(self, option: QStyleOptionViewItem) -> _Style:
        if self._style is None or self._style.base != option.font:
            self._style = _Style(option.font)
            self._fits.clear()
            self._layouts.clear()
        return self._style

    def colours(self, palette: QPalette) -> _Colours:
        dark = theme.is_dark(palette)
        found = self._colours.get(dark)
        if found is None:
            found = self._colours[dark] = _Colours(dark)
        return found

    @staticmethod
    def _key(entry: Entry) -> object:
        # An edited entry gets a new updated_at: its old measure is not used again.
        return (entry.id, entry.updated_at) if entry.id is not None else id(entry)

    def _fit(self, style: _Style, entry: Entry) -> tuple[int, float]:
        """(snippet paragraphs, up to 2; the first one's width on one line): all a height needs."""
        key = self._key(entry)
        found = self._fits.get(key)
        if found is None:
            _title, snippet = headline_and_snippet(entry)
            first = style.m_body.horizontalAdvance(snippet[0][:MEASURE_CHARS]) if snippet else 0.0
            found = self._fits[key] = (min(len(snippet), SNIPPET_LINES), first)
        return found

    # -- geometry ---------------------------------------------------------------------------------

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        # The view's option carries no row width in sizeHint: rows are as wide as the viewport.
        if self._width <= 0:
            view = self.parent()
            if isinstance(view, QAbstractItemView):
                self._width = view.viewport().width()
        if self._width > 0:
            return self._width
        return option.rect.width() if option.rect.width() > 0 else 400

    @staticmethod
    def _text_width(width: float) -> float:
        return width - 2 * MARGIN_X - STRIPE - 2 * PAD - GLYPH - design.SPACE["m"]

    @staticmethod
    def _snippet_lines(fit: tuple[int, float], text_width: float) -> int:
        paragraphs, first = fit
        if paragraphs == 0:
            return 0
        return 1 if paragraphs == 1 and first <= text_width else SNIPPET_LINES

    def _height(self, style: _Style, entry: Entry, starts_day: bool, width: float) -> int:
        lines = self._snippet_lines(self._fit(style, entry), self._text_width(width))
        height = style.card_height(lines) + 2 * GAP_Y
        if starts_day:
            height += style.header_h
        return int(height + 0.999)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        card = self._card_data(index)
        if card is None:
            return QSize(200, 0)
        entry, starts_day, _moods = card
        width = self._row_width(option)
        return QSize(200, self._height(self._style_for(option), entry, starts_day, width))

    def _card_data(self, index: ModelIndex) -> tuple[Entry, bool, tuple[int, ...]] | None:
        model = index.model()
        if isinstance(model, TimelineModel):
            return model.card(index.row())  # directly: see TimelineModel.card
        card = index.data(CARD_ROLE)
        if isinstance(card, tuple):
            return card
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return None
        moods = index.data(DAY_MOODS_ROLE)
        return entry, bool(index.data(STARTS_DAY_ROLE)), tuple(moods) if isinstance(moods, tuple) else ()

    def layout_card(self, option: QStyleOptionViewItem, index: ModelIndex) -> CardLayout | None:
        """The boxes of one row at the option's rectangle (absolute coordinates, for tests)."""
        data = self._card_data(index)
        if data is None:
            return None
        return self._layout(option, *data).moved(option.rect.left(), option.rect.top())

    def _layout(
        self, option: QStyleOptionViewItem, entry: Entry, starts_day: bool, moods: tuple[int, ...]
    ) -> CardLayout:
        width, height = option.rect.width(), option.rect.height()
        rtl = option.direction == RTL
        key = (self._key(entry), width, height, rtl, starts_day, moods if starts_day else ())
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
            return found
        laid = self._lay_out(self._style_for(option), entry, starts_day, moods, width, height, rtl)
        self._layouts[key] = laid
        if len(self._layouts) > self.LAYOUTS_KEPT:
            self._layouts.popitem(last=False)
        return laid

    def _lay_out(
        self,
        style: _Style,
        entry: Entry,
        starts_day: bool,
        moods: tuple[int, ...],
        width: int,
        height: int,
        rtl: bool,
    ) -> CardLayout:
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
        text_w = max(self._text_width(width), 0.0)

        headline, paragraphs = headline_and_snippet(entry)
        y = inner_top
        title = None
        if headline:
            own = paragraph_direction(headline, interface)
            box = span(text_start, text_w, y, style.title_h)
            text = style.m_title.elidedText(headline, Qt.TextElideMode.ElideRight, text_w)
            title = _line(text, box, own, _option(own, _start_side(own)), style.title, style.title_h)
        y += style.title_h
        room_lines = int(max(card.bottom() - PAD - style.chip_h - design.SPACE["s"] - y, 0) // style.body_h)
        lines = min(self._snippet_lines(self._fit(style, entry), text_w), room_lines)
        snippet = self._snippet(style, paragraphs, lines, text_start, text_w, y, span, interface)
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
        chips = self._chips(
            style, entry, text_start, text_w - facts_w - design.SPACE["s"], y, span, interface
        )
        return CardLayout(header, header_text, dots, day_face, card, glyph, title, snippet, chips, facts, rtl)

    def _snippet(
        self,
        style: _Style,
        paragraphs: list[str],
        lines: int,
        start: float,
        width: float,
        top: float,
        span: object,
        interface: Qt.LayoutDirection,
    ) -> list[TextLine]:
        """Up to `lines` lines from the paragraphs, each in its paragraph's direction; the last elided."""
        assert callable(span)
        out: list[TextLine] = []
        for paragraph in paragraphs:
            own = paragraph_direction(paragraph, interface)
            option = _option(own, _start_side(own))
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
        self,
        style: _Style,
        entry: Entry,
        start: float,
        width: float,
        top: float,
        span: object,
        interface: Qt.LayoutDirection,
    ) -> list[Chip]:
        """Emotion then tag chips from the leading side; what does not fit is counted in a "+n" chip."""
        assert callable(span)
        wanted = [(emotion_label(k), "emotion", emotion_group(k)) for k in entry.emotions]
        wanted += [(tag, "tag", None) for tag in entry.tags]
        chips: list[Chip] = []
        at = 0
        for i, (text, kind, group) in enumerate(wanted):
            w = math.ceil(style.chip_width(text))
            left = len(wanted) - i - 1
            more_w = math.ceil(self._more_width(style, left)) if left else 0.0
            if at + w + (more_w + CHIP_GAP if left else 0) > width:
                more = len(wanted) - i
                mw = math.ceil(self._more_width(style, more))
                if at + mw <= width:
                    chips.append(
                        self._chip(
                            style,
                            self._more_text(more),
                            "more",
                            None,
                            span(start + at, mw, top, style.chip_h),
                            LTR,
                        )
                    )
                break
            # Each chip in its own text's direction: an English tag in an Arabic row and the other way round.
            own = paragraph_direction(text, interface)
            chips.append(self._chip(style, text, kind, group, span(start + at, w, top, style.chip_h), own))
            at += w + CHIP_GAP
        return chips

    @staticmethod
    def _more_text(count: int) -> str:
        return "+" + locale_format.number(count)

    def _more_width(self, style: _Style, count: int) -> float:
        return style.chip_width(self._more_text(count))

    @staticmethod
    def _chip(
        style: _Style, text: str, kind: str, group: str | None, rect: QRectF, direction: Qt.LayoutDirection
    ) -> Chip:
        option = _option(direction, Qt.AlignmentFlag.AlignHCenter)
        static, at = _static(text, rect, option, style.caption, style.m_caption.height())
        return Chip(text, kind, group, rect, option, static, at)

    # -- painting ---------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        data = self._card_data(index)
        if data is None:
            return
        entry, starts_day, moods = data
        laid = self._layout(option, entry, starts_day, moods)
        style = self._style_for(option)
        colours = self.colours(option.palette)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.fillRect(QRectF(0, 0, option.rect.width(), option.rect.height()), colours.window)
        if laid.header_text is not None:
            painter.setFont(style.header)
            painter.setPen(colours.muted)
            painter.drawStaticText(laid.header_text.at, laid.header_text.static)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            for rect, mood in laid.dots:
                painter.setBrush(colours.mood[mood])
                painter.drawEllipse(rect)
        if laid.day_face is not None:
            rect, level = laid.day_face
            painter.drawPixmap(
                rect.topLeft(), design.mood_glyph(level, int(rect.width()), colours.dark, ratio)
            )
        # The card's surface, outline and mood stripe: one cached picture per size, mood and state.
        painter.drawPixmap(
            laid.card.topLeft(), self._card_picture(laid.card, entry.mood, selected, laid.rtl, colours, ratio)
        )
        if entry.mood is not None:
            painter.drawPixmap(
                laid.glyph.topLeft(), design.mood_glyph(entry.mood, GLYPH, colours.dark, ratio)
            )
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _quiet_ring(painter, laid.glyph, colours.muted, bool(entry.coping))
        painter.setPen(colours.text)
        if laid.title is not None:
            painter.setFont(style.title)
            painter.drawStaticText(laid.title.at, laid.title.static)
        painter.setFont(style.body)
        for line in laid.snippet:
            painter.drawStaticText(line.at, line.static)
        painter.setFont(style.caption)
        for chip in laid.chips:
            picture, ink = self._chip_picture(chip, colours, ratio)
            painter.drawPixmap(chip.rect.topLeft(), picture)
            painter.setPen(ink)
            painter.drawStaticText(chip.at, chip.static)
        painter.setPen(colours.muted)
        painter.drawStaticText(laid.facts.at, laid.facts.static)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # The row the keyboard is on: the app's focus ring (gui/theme.py) just outside the card.
            ring = laid.card.adjusted(-3, -3, 3, 3).toAlignedRect()
            theme.draw_focus_ring(painter, ring, option.palette)
        painter.restore()

    def _card_picture(
        self, card: QRectF, mood: int | None, selected: bool, rtl: bool, colours: _Colours, ratio: float
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

    def _chip_picture(self, chip: Chip, colours: _Colours, ratio: float) -> tuple[QPixmap, QColor]:
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
        if len(self._pictures) > self.PICTURES_KEPT:
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


def _start_side(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side a line in `direction` starts on (an Arabic line on the right, whatever the interface)."""
    return Qt.AlignmentFlag.AlignRight if direction == RTL else Qt.AlignmentFlag.AlignLeft


def _quiet_ring(painter: QPainter, box: QRectF, colour: QColor, tried: bool) -> None:
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
