"""The timeline drawn as cards: a day header with the day's moods, then one rounded card per entry.

The boxes of a card are laid out in timeline_layout.py; its measures, fonts, colours and cached
pictures are in timeline_paint.py. The box types are re-exported here for the tests.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...core.journal import Entry
from .. import design, theme
from .timeline import CARD_ROLE, DAY_MOODS_ROLE, ENTRY_ROLE, STARTS_DAY_ROLE, ModelIndex, TimelineModel
from .timeline_layout import RTL, CardLayout, Chip, TextLine, lay_out, measure, row_height
from .timeline_paint import GLYPH, CardColours, CardPictures, CardStyle, quiet_ring

__all__ = ["CardLayout", "Chip", "TextLine", "TimelineDelegate"]


class TimelineDelegate(QStyledItemDelegate):
    """Draws each entry as a card and a day header above the first entry of each day.

    A card: the mood's colour as a stripe on its start edge and its face, the title, two lines of the
    text each in the text's own direction, then chips for emotions and tags in the interface's
    direction with the time at the end. Heights come from a per-entry measure that does not depend on
    the width, so the view's many sizeHint calls are a dictionary look-up and some sums; the boxes
    themselves are laid out once per entry and width and kept for the next paint.
    """

    LAYOUTS_KEPT = 512  # rows laid out and kept for repainting: several screens' worth

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style: CardStyle | None = None
        self._colours: dict[bool, CardColours] = {}
        self._fits: dict[object, tuple[int, float]] = {}
        self._layouts: OrderedDict[tuple[object, ...], CardLayout] = OrderedDict()
        self._pictures = (
            CardPictures()
        )  # card and chip backgrounds: a few card heights, chips by width and group
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

    def _style_for(self, option: QStyleOptionViewItem) -> CardStyle:
        if self._style is None or self._style.base != option.font:
            self._style = CardStyle(option.font)
            self._fits.clear()
            self._layouts.clear()
        return self._style

    def colours(self, palette: QPalette) -> CardColours:
        dark = theme.is_dark(palette)
        found = self._colours.get(dark)
        if found is None:
            found = self._colours[dark] = CardColours(dark)
        return found

    @staticmethod
    def _key(entry: Entry) -> object:
        # An edited entry gets a new updated_at: its old measure is not used again.
        return (entry.id, entry.updated_at) if entry.id is not None else id(entry)

    def _fit(self, style: CardStyle, entry: Entry) -> tuple[int, float]:
        """(snippet paragraphs, up to 2; the first one's width on one line): all a height needs."""
        key = self._key(entry)
        found = self._fits.get(key)
        if found is None:
            found = self._fits[key] = measure(style, entry)
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

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        card = self._card_data(index)
        if card is None:
            return QSize(200, 0)
        entry, starts_day, _moods = card
        width = self._row_width(option)
        style = self._style_for(option)
        return QSize(200, row_height(style, self._fit(style, entry), starts_day, width))

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
        style = self._style_for(option)
        laid = lay_out(style, entry, self._fit(style, entry), starts_day, moods, width, height, rtl)
        self._layouts[key] = laid
        if len(self._layouts) > self.LAYOUTS_KEPT:
            self._layouts.popitem(last=False)
        return laid

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
            laid.card.topLeft(),
            self._pictures.card(laid.card, entry.mood, selected, laid.rtl, colours, ratio),
        )
        if entry.mood is not None:
            painter.drawPixmap(
                laid.glyph.topLeft(), design.mood_glyph(entry.mood, GLYPH, colours.dark, ratio)
            )
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            quiet_ring(painter, laid.glyph, colours.muted, bool(entry.coping))
        painter.setPen(colours.text)
        if laid.title is not None:
            painter.setFont(style.title)
            painter.drawStaticText(laid.title.at, laid.title.static)
        painter.setFont(style.body)
        for line in laid.snippet:
            painter.drawStaticText(line.at, line.static)
        painter.setFont(style.caption)
        for chip in laid.chips:
            picture, ink = self._pictures.chip(chip, colours, ratio)
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
