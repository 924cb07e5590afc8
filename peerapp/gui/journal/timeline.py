"""The timeline: a paged list model over the journal and a delegate that draws days and moods."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...core.journal import Entry, EntryFilter, JournalRepository
from ...core.vocab import emotion_label, mood_label
from .. import theme
from ..widgets import locale_format
from ..widgets.bidi_text import isolate, paragraph_direction

PAGE_SIZE = 200
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
STARTS_DAY_ROLE = Qt.ItemDataRole.UserRole + 2

# Mood colours chosen to stay distinguishable in light and dark palettes; the label is always shown too.
# White digits on each meet WCAG AA (4.5:1); the orange was #ef6c00 (3.1:1).
MOOD_COLOURS = {1: "#c62828", 2: "#b85000", 3: "#757575", 4: "#2e7d32", 5: "#1565c0"}
MOOD_INK = "#ffffff"

ModelIndex = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    """Entries newest first, fetched a page at a time as the view scrolls (never all at once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: JournalRepository | None = None
        self.filter = EntryFilter()
        self._entries: list[Entry] = []
        self._more = False

    def attach(self, repo: JournalRepository | None) -> None:
        self.repo = repo
        self.reload()

    def set_filter(self, flt: EntryFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._entries = []
        self._more = self.repo is not None
        self.endResetModel()
        if self.repo is not None:
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """Forget every entry (on lock)."""
        self.repo = None
        self.beginResetModel()
        self._entries = []
        self._more = False
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        if parent.isValid() or self.repo is None or not self._more:
            return
        after = JournalRepository.cursor_after(self._entries[-1]) if self._entries else None
        page = self.repo.page(self.filter, after=after, limit=PAGE_SIZE)
        self._more = len(page) == PAGE_SIZE
        if page:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._entries.extend(page)
            self.endInsertRows()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: int) -> int:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return -1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == STARTS_DAY_ROLE:
            return index.row() == 0 or self._entries[index.row() - 1].day != entry.day
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [entry.title or _first_line(entry.text)]
            if entry.mood is not None:
                parts.append(mood_label(entry.mood))
            return " — ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken_text(entry)
        return None


def spoken_text(entry: Entry) -> str:
    """What a screen reader says for a row: everything the row paints, the date heading included."""
    # Literal QCoreApplication.translate calls: lupdate does not see through an alias.
    separator = QCoreApplication.translate("EntryView", ", ")
    parts = [entry.title or _first_line(entry.text)]
    parts.append(
        QCoreApplication.translate("Timeline", "%1 at %2")
        .replace("%1", locale_format.long_date(entry.at.date()))
        .replace("%2", locale_format.time_text(entry.at))
    )
    if entry.mood is not None:
        parts.append(QCoreApplication.translate("Timeline", "mood: %1").replace("%1", mood_label(entry.mood)))
    else:
        parts.extend(_distress(entry))
    if entry.emotions:
        names = separator.join(emotion_label(key) for key in entry.emotions)
        parts.append(QCoreApplication.translate("Timeline", "emotions: %1").replace("%1", names))
    if entry.tags:
        parts.append(
            QCoreApplication.translate("Timeline", "tags: %1").replace("%1", separator.join(entry.tags))
        )
    if entry.title and _first_line(entry.text):
        parts.append(_first_line(entry.text))
    return QCoreApplication.translate("Timeline", "; ").join(p for p in parts if p)


_MARKUP = re.compile(r"(\*\*|__|\*|`|~~)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _plain(line: str) -> str:
    """A Markdown line as plain text for the one-line snippet."""
    line = _LINK.sub(r"\1", line.strip().lstrip("#>-+* ").strip())
    return _MARKUP.sub("", line)


def _lines(text: str) -> list[str]:
    return [p for p in (_plain(line) for line in text.splitlines()) if p]


def _first_line(text: str) -> str:
    lines = _lines(text)
    return lines[0] if lines else ""


@dataclass
class RowText:
    """One line of a row: its text, font and box, the text's own direction and the side it sits on."""

    text: str
    font: QFont
    rect: QRect
    direction: Qt.LayoutDirection
    align: Qt.AlignmentFlag


@dataclass
class RowLayout:
    """Where the delegate draws each part of one row (tests read it too)."""

    header: QRect | None
    header_text: str
    body: QRect
    badge: QRect
    lines: list[RowText]
    lead: Qt.AlignmentFlag  # the interface's leading side, as an absolute alignment


class TimelineDelegate(QStyledItemDelegate):
    """Draws a day heading above the first entry of each day, a mood badge, title, snippet and facts.

    The badge, the heading and every line sit on the interface's leading side (the right in Arabic),
    each line of the person's text laid out in its own direction. A row has only the lines it needs:
    no empty middle line for an entry without a note.
    """

    PAD = 8

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        title = QFont(base)
        title.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
        return base, title, small

    def _texts(self, entry: Entry) -> tuple[str, str, str]:
        headline = entry.title or _first_line(entry.text)
        snippet = _first_line(entry.text) if entry.title else _second_line(entry.text)
        facts = [locale_format.time_text(entry.at)]
        if entry.mood is not None:
            facts.append(mood_label(entry.mood))
        else:
            facts.extend(_distress(entry))  # what a tool's log tells instead of a mood
        if entry.tags:
            separator = QCoreApplication.translate("EntryView", ", ")
            facts.append(separator.join(isolate(tag) for tag in entry.tags))
        return headline, snippet, "  ·  ".join(facts)

    def layout_row(self, option: QStyleOptionViewItem, index: ModelIndex) -> RowLayout | None:
        """The boxes of one row, from the option's rectangle and direction."""
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return None
        base, title_font, small = self._fonts(option)
        line = QFontMetrics(base).height()
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        lead = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        )
        rect = QRect(option.rect)
        header = None
        header_text = ""
        if index.data(STARTS_DAY_ROLE):
            header_h = QFontMetrics(title_font).height() + self.PAD * 2
            header = QRect(rect.left() + self.PAD, rect.top(), rect.width() - 2 * self.PAD, header_h)
            header_text = locale_format.long_date(entry.at.date())
            rect.setTop(rect.top() + header_h)
        inner = rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        size = line * 2
        badge_x = inner.right() - size + 1 if rtl else inner.left()
        badge = QRect(badge_x, inner.top() + (inner.height() - size) // 2, size, size)
        text_rect = inner.adjusted(0 if rtl else size + self.PAD, 0, -(size + self.PAD) if rtl else 0, 0)
        headline, snippet, meta = self._texts(entry)
        wanted = [(headline, title_font, False), (snippet, base, False), (meta, small, True)]
        present = [item for item in wanted if item[0]]
        top = text_rect.top() + (text_rect.height() - line * len(present)) // 2
        lines = []
        for i, (text, font, interface) in enumerate(present):
            box = QRect(text_rect.left(), top + i * line, text_rect.width(), line)
            # The facts line is a translated sentence; the headline and snippet are the person's own.
            direction = option.direction if interface else paragraph_direction(text, option.direction)
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, box.width())
            lines.append(RowText(elided, font, box, direction, lead))
        return RowLayout(header, header_text, rect, badge, lines, lead)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        # Asked for every row the view fetches: the line count only, nothing laid out or elided.
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return QSize(200, 0)
        _base, title_font, _small = self._fonts(option)
        line = QFontMetrics(QFont(option.font)).height()
        lines = sum(1 for text in self._texts(entry) if text)
        height = max(lines, 2) * line + self.PAD * 2
        if index.data(STARTS_DAY_ROLE):
            height += QFontMetrics(title_font).height() + self.PAD * 2
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        row = self.layout_row(option, index)
        entry = index.data(ENTRY_ROLE)
        if row is None or not isinstance(entry, Entry):
            return
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if row.header is not None:
            painter.setFont(self._fonts(option)[1])
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            _draw_text(painter, row.header, row.header_text, option.direction, row.lead)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(row.body, palette.color(QPalette.ColorRole.Highlight))
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            text_colour = palette.color(QPalette.ColorRole.Text)
        self._paint_badge(painter, row.badge, entry, text_colour, palette)
        painter.setPen(text_colour)
        for text in row.lines:
            painter.setFont(text.font)
            _draw_text(painter, text.rect, text.text, text.direction, text.align)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # The row the keyboard is on: the app's focus ring (gui/theme.py), in light and dark alike.
            theme.draw_focus_ring(painter, row.body, palette)
        painter.restore()

    def _paint_badge(
        self, painter: QPainter, badge: QRect, entry: Entry, text_colour: QColor, palette: QPalette
    ) -> None:
        if entry.mood is not None:
            painter.setBrush(QColor(MOOD_COLOURS[entry.mood]))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(badge)
            painter.setPen(QColor(MOOD_INK))
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), locale_format.number(entry.mood))
            return
        # No mood (a tool's log, say): a quiet ring keeps the column, with a tick when something was tried.
        quiet = QColor(text_colour)
        quiet.setAlphaF(0.45)
        ring = badge.adjusted(2, 2, -2, -2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(quiet, 1.5))
        painter.drawEllipse(ring)
        if entry.coping:
            painter.setPen(QPen(quiet, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            w, h = ring.width(), ring.height()
            x, y = ring.left(), ring.top()
            painter.drawPolyline(
                [
                    QPointF(x + w * 0.28, y + h * 0.52),
                    QPointF(x + w * 0.44, y + h * 0.68),
                    QPointF(x + w * 0.72, y + h * 0.36),
                ]
            )


def _draw_text(
    painter: QPainter, box: QRect, text: str, direction: Qt.LayoutDirection, align: Qt.AlignmentFlag
) -> None:
    """Draw `text` laid out in `direction`, on the side `align` names (absolute, never mirrored again)."""
    option = QTextOption(align | Qt.AlignmentFlag.AlignVCenter)
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    painter.drawText(QRectF(box), text, option)


def _distress(entry: Entry) -> list[str]:
    for use in entry.coping:
        if use.distress_before is not None or use.distress_after is not None:
            before = "–" if use.distress_before is None else locale_format.number(use.distress_before)
            after = "–" if use.distress_after is None else locale_format.number(use.distress_after)
            text = QCoreApplication.translate("EntryView", "distress %1 → %2")
            return [text.replace("%1", before).replace("%2", after)]
    return []


def _second_line(text: str) -> str:
    lines = _lines(text)
    return lines[1] if len(lines) > 1 else ""
