"""The timeline: a paged list model over the journal and a delegate that draws days and moods."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...core.journal import Entry, EntryFilter, JournalRepository
from ...core.vocab import mood_label
from ..common import text_direction
from ..widgets import locale_format

PAGE_SIZE = 200
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
STARTS_DAY_ROLE = Qt.ItemDataRole.UserRole + 2

# Mood colours chosen to stay distinguishable in light and dark palettes; the label is always shown too.
MOOD_COLOURS = {1: "#c62828", 2: "#ef6c00", 3: "#757575", 4: "#2e7d32", 5: "#1565c0"}

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [entry.title or _first_line(entry.text)]
            if entry.mood is not None:
                parts.append(mood_label(entry.mood))
            return " — ".join(p for p in parts if p)
        return None


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


class TimelineDelegate(QStyledItemDelegate):
    """Draws a day heading above the first entry of each day, a mood badge, title and snippet."""

    PAD = 8

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont, int, int]:
        base = QFont(option.font)
        title = QFont(base)
        title.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
        header = QFont(base)
        header.setBold(True)
        line = QFontMetrics(base).height()
        header_h = QFontMetrics(header).height() + self.PAD * 2
        return base, title, small, line, header_h

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        _b, _t, _s, line, header_h = self._metrics(option)
        height = line * 3 + self.PAD * 3
        if index.data(STARTS_DAY_ROLE):
            height += header_h
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return
        base, title_font, small, line, header_h = self._metrics(option)
        painter.save()
        rect = QRect(option.rect)
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        locale = QLocale()
        palette = option.palette
        if index.data(STARTS_DAY_ROLE):
            header_rect = QRect(rect.left() + self.PAD, rect.top(), rect.width() - 2 * self.PAD, header_h)
            painter.setFont(QFont(base.family(), base.pointSize(), QFont.Weight.Bold))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            day_text = locale_format.long_date(entry.at.date())
            painter.drawText(
                header_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading), day_text
            )
            rect.setTop(rect.top() + header_h)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            text_colour = palette.color(QPalette.ColorRole.Text)
        inner = rect.adjusted(self.PAD, self.PAD // 2, -self.PAD, -self.PAD // 2)

        # Mood badge on the leading side.
        badge = line * 2
        badge_x = inner.right() - badge if rtl else inner.left()
        badge_rect = QRect(badge_x, inner.top() + (inner.height() - badge) // 2, badge, badge)
        if entry.mood is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(MOOD_COLOURS[entry.mood]))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(badge_rect)
            painter.setPen(QColor("white"))
            painter.setFont(title_font)
            painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignCenter), locale.toString(entry.mood))
        text_rect = inner.adjusted(0 if rtl else badge + self.PAD, 0, -(badge + self.PAD) if rtl else 0, 0)

        time_text = locale_format.time_text(entry.at)
        mood_text = mood_label(entry.mood) if entry.mood is not None else ""
        headline = entry.title or _first_line(entry.text)
        snippet = _first_line(entry.text) if entry.title else _second_line(entry.text)
        meta = "  ·  ".join(p for p in (time_text, mood_text, ", ".join(entry.tags)) if p)

        painter.setPen(text_colour)
        rows = [(headline, title_font), (snippet, base), (meta, small)]
        for i, (text, font) in enumerate(rows):
            if not text:
                continue
            painter.setFont(font)
            row_rect = QRect(text_rect.left(), text_rect.top() + i * line, text_rect.width(), line)
            direction = text_direction(text) if i < 2 else option.direction
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, row_rect.width())
            align = (
                Qt.AlignmentFlag.AlignRight
                if direction == Qt.LayoutDirection.RightToLeft
                else Qt.AlignmentFlag.AlignLeft
            )
            painter.setLayoutDirection(direction)
            painter.drawText(row_rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()


def _second_line(text: str) -> str:
    lines = _lines(text)
    return lines[1] if len(lines) > 1 else ""
