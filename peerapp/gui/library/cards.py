"""The library's article list as small cards (title, coloured category chip, reading time), and its chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .. import design, theme
from ..common import text_direction

# The roles a card reads besides the title (Qt.DisplayRole) and the article id (UserRole).
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1  # the category key, for its colour
CHIP_ROLE = Qt.ItemDataRole.UserRole + 2  # the category's translated name
MINUTES_ROLE = Qt.ItemDataRole.UserRole + 3  # "4 min read", already translated

# The library's categories on the design's category colours. The design names six shelves; the
# library has seven categories, so "crisis" shares the safety red (both are about being in danger).
DESIGN_CATEGORY = {
    "coping": "coping",
    "safety": "safety",
    "crisis": "safety",
    "belonging": "relationships",
    "resilience": "identity",
    "professional-help": "wellbeing",
    "practical": "practical",
}
TITLE_LINES = 2


def category_fill(category: str) -> QColor:
    """The chip colour of a library category (an unknown one, from another folder, gets "practical")."""
    return design.category_colour(DESIGN_CATEGORY.get(category, "practical"))


def chip_size(metrics: QFontMetrics, text: str) -> QSize:
    """A pill just big enough for `text`: the small spacing steps around the caption."""
    return QSize(
        metrics.horizontalAdvance(text) + 2 * design.SPACE["s"],
        metrics.height() + 2 * design.SPACE["xxs"],
    )


def paint_chip(painter: QPainter, rect: QRect, text: str, fill: QColor, font: QFont) -> None:
    """A filled pill with white ink (every category colour meets AA under it: design.DESIGN_PAIRS)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    radius = rect.height() / 2
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    painter.setPen(QColor(design.MOOD_INK))
    painter.setFont(font)
    painter.setLayoutDirection(text_direction(text))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def wrapped_lines(text: str, font: QFont, width: int, most: int) -> list[str]:
    """`text` broken into lines of `width` pixels, at most `most` of them, the last one elided."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        if len(lines) == most - 1:
            rest = text[line.textStart() :]
            lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, max(width, 1)))
            break
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return lines or [""]


class ArticleCardDelegate(QStyledItemDelegate):
    """Paints each article as a card as wide as the list: never wider, so no sideways scrolling."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _fonts(self) -> tuple[QFont, QFont]:
        base = self.view.font()
        return design.font("subtitle", base), design.font("caption", base)

    def _text_width(self) -> int:
        return self.view.viewport().width() - 2 * (design.SPACE["xs"] + design.SPACE["m"])

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title_font, caption = self._fonts()
        lines = wrapped_lines(str(index.data() or ""), title_font, self._text_width(), TITLE_LINES)
        meta = max(chip_size(QFontMetrics(caption), "Ag").height(), QFontMetrics(caption).height())
        height = (
            2 * design.SPACE["xs"]
            + 2 * design.SPACE["m"]
            + len(lines) * QFontMetrics(title_font).lineSpacing()
            + design.SPACE["s"]
            + meta
        )
        return QSize(max(self.view.viewport().width(), 1), height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        title_font, caption = self._fonts()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(
            design.SPACE["xs"], design.SPACE["xs"], -design.SPACE["xs"], -design.SPACE["xs"]
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        outline = design.surface("accent") if selected else design.surface("muted" if hovered else "outline")
        painter.setPen(QPen(outline, 2 if selected else 1))
        painter.setBrush(design.surface("card"))
        radius = design.RADIUS["m"]
        painter.drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        if option.state & QStyle.StateFlag.State_HasFocus and self.view.hasFocus():
            theme.draw_focus_ring(painter, card, option.palette)

        inner = card.adjusted(design.SPACE["m"], design.SPACE["m"], -design.SPACE["m"], -design.SPACE["m"])
        rtl = self.view.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        title = str(index.data() or "")
        painter.setFont(title_font)
        painter.setPen(design.surface("text"))
        painter.setLayoutDirection(text_direction(title))
        spacing = QFontMetrics(title_font).lineSpacing()
        y = inner.top()
        for line in wrapped_lines(title, title_font, inner.width(), TITLE_LINES):
            row = QRect(inner.left(), y, inner.width(), spacing)
            painter.drawText(
                row, int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter), line
            )
            y += spacing
        y += design.SPACE["s"]

        metrics = QFontMetrics(caption)
        chip_text = str(index.data(CHIP_ROLE) or "")
        size = chip_size(metrics, chip_text)
        size.setWidth(min(size.width(), inner.width()))
        chip = QRect(
            inner.right() - size.width() + 1 if rtl else inner.left(), y, size.width(), size.height()
        )
        paint_chip(painter, chip, chip_text, category_fill(str(index.data(CATEGORY_ROLE) or "")), caption)
        minutes = str(index.data(MINUTES_ROLE) or "")
        gap = design.SPACE["s"]
        room = inner.width() - size.width() - gap
        if minutes and room > 0:
            left = inner.left() if rtl else chip.right() + 1 + gap
            where = QRect(left, y, room, size.height())
            painter.setFont(caption)
            painter.setPen(design.surface("muted"))
            painter.setLayoutDirection(self.view.layoutDirection())
            text = metrics.elidedText(minutes, Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                where, int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter), text
            )
        painter.restore()


class ArticleList(QListWidget):
    """The article cards: one column that wraps and elides its titles instead of scrolling sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ArticleCardDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards re-wrap when the pane is resized
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setMouseTracking(True)  # hover outline
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        # The cards sit on the window colour of the design, so their white (or raised dark) face shows.
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), design.surface("window"))
        painter.end()
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # heights depend on the width (two wrapped title lines)
