"""The timeline's model: the journal newest first, fetched a page at a time, with each day's moods as loaded.

The cards are drawn by timeline_card.TimelineDelegate (re-exported here).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ...core.journal import Entry, EntryFilter, JournalRepository
from ...core.vocab import emotion_label, mood_label
from ..widgets import locale_format

if TYPE_CHECKING:
    from .timeline_card import TimelineDelegate

__all__ = [
    "CARD_ROLE",
    "DAY_MOODS_ROLE",
    "ENTRY_ROLE",
    "STARTS_DAY_ROLE",
    "TimelineDelegate",
    "TimelineModel",
]

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
STARTS_DAY_ROLE = Qt.ItemDataRole.UserRole + 2
# (entry, starts a day, the day's moods as loaded) in one call: sizeHint and paint ask for it per row.
CARD_ROLE = Qt.ItemDataRole.UserRole + 3
DAY_MOODS_ROLE = Qt.ItemDataRole.UserRole + 4

ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200


class TimelineModel(QAbstractListModel):
    """Entries newest first, fetched a page at a time as the view scrolls (never all at once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: JournalRepository | None = None
        self.filter = EntryFilter()
        self._entries: list[Entry] = []
        self._more = False
        # Each day's moods among the loaded entries, newest first: the day header's dots and face,
        # kept as pages arrive so a paint never asks the vault.
        self._day_moods: dict[str, tuple[int, ...]] = {}

    def attach(self, repo: JournalRepository | None) -> None:
        self.repo = repo
        self.reload()

    def set_filter(self, flt: EntryFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._entries = []
        self._day_moods = {}
        self._more = self.repo is not None
        self.endResetModel()
        if self.repo is not None:
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """Forget every entry (on lock)."""
        self.repo = None
        self.beginResetModel()
        self._entries = []
        self._day_moods = {}
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
        if not page:
            return
        first = len(self._entries)
        carried = first > 0 and self._entries[-1].day == page[0].day
        for entry in page:
            if entry.mood is not None:
                self._day_moods[entry.day] = (*self._day_moods.get(entry.day, ()), entry.mood)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._entries.extend(page)
        self.endInsertRows()
        if carried:
            # The day began on an earlier page: its header, already shown, gains this page's moods.
            start = self.day_start(first - 1)
            self.dataChanged.emit(self.index(start), self.index(start))

    def day_start(self, row: int) -> int:
        """The first row of the day `row` is on (its header's row)."""
        day = self._entries[row].day
        while row > 0 and self._entries[row - 1].day == day:
            row -= 1
        return row

    def day_moods(self, day: str) -> tuple[int, ...]:
        """The moods of the loaded entries of `day` (an ISO date), newest first."""
        return self._day_moods.get(day, ())

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: int) -> int:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return row
        return -1

    def card(self, row: int) -> tuple[Entry, bool, tuple[int, ...]]:
        """What the delegate draws for `row`: the entry, whether it starts a day, and that day's moods.

        The delegate calls this directly (sizeHint runs for every loaded row on each relayout, and a
        call through index.data() costs several times more than the work it asks for).
        """
        entry = self._entries[row]
        starts = row == 0 or self._entries[row - 1].day != entry.day
        return entry, starts, self._day_moods.get(entry.day, ()) if starts else ()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        entry = self._entries[row]
        if role == ENTRY_ROLE:
            return entry
        if role == CARD_ROLE:
            return self.card(row)
        if role == STARTS_DAY_ROLE:
            return row == 0 or self._entries[row - 1].day != entry.day
        if role == DAY_MOODS_ROLE:
            return self._day_moods.get(entry.day, ())
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [entry.title or first_line(entry.text)]
            if entry.mood is not None:
                parts.append(mood_label(entry.mood))
            return " — ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            spoken = spoken_text(entry)
            level = day_mood(self._day_moods.get(entry.day, ()))
            if level is not None and (row == 0 or self._entries[row - 1].day != entry.day):
                # The header's dots and face, said once with the day's first entry.
                day = QCoreApplication.translate("Timeline", "the day's mood: %1").replace(
                    "%1", mood_label(level)
                )
                spoken = QCoreApplication.translate("Timeline", "; ").join([spoken, day])
            return spoken
        return None


def spoken_text(entry: Entry) -> str:
    """What a screen reader says for a row: everything the row paints, the date heading included."""
    # Literal QCoreApplication.translate calls: lupdate does not see through an alias.
    separator = QCoreApplication.translate("EntryView", ", ")
    parts = [entry.title or first_line(entry.text)]
    parts.append(
        QCoreApplication.translate("Timeline", "%1 at %2")
        .replace("%1", locale_format.long_date(entry.at.date()))
        .replace("%2", locale_format.time_text(entry.at))
    )
    if entry.mood is not None:
        parts.append(QCoreApplication.translate("Timeline", "mood: %1").replace("%1", mood_label(entry.mood)))
    else:
        parts.extend(distress(entry))
    if entry.emotions:
        names = separator.join(emotion_label(key) for key in entry.emotions)
        parts.append(QCoreApplication.translate("Timeline", "emotions: %1").replace("%1", names))
    if entry.tags:
        parts.append(
            QCoreApplication.translate("Timeline", "tags: %1").replace("%1", separator.join(entry.tags))
        )
    if entry.title and first_line(entry.text):
        parts.append(first_line(entry.text))
    return QCoreApplication.translate("Timeline", "; ").join(p for p in parts if p)


# -- what a card says (the delegate in timeline_card.py draws it) ---------------------------------------------

_MARKUP = re.compile(r"(\*\*|__|\*|`|~~)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _plain(line: str) -> str:
    """A Markdown line as plain text for the snippet."""
    line = _LINK.sub(r"\1", line.strip().lstrip("#>-+* ").strip())
    return _MARKUP.sub("", line)


def text_lines(text: str, limit: int = 0) -> list[str]:
    """The entry's non-empty paragraphs as plain text; only the first `limit` when it is given."""
    out = []
    for line in text.splitlines():
        plain = _plain(line)
        if plain:
            out.append(plain)
            if len(out) == limit:
                break  # a card needs a few lines: a long entry is not read to its end
    return out


def first_line(text: str) -> str:
    lines = text_lines(text, 1)
    return lines[0] if lines else ""


def headline_and_snippet(entry: Entry) -> tuple[str, list[str]]:
    """The card's title (the entry's, or its first paragraph) and the paragraphs the snippet draws from."""
    if entry.title:
        return entry.title, text_lines(entry.text, 3)
    lines = text_lines(entry.text, 4)
    return (lines[0] if lines else ""), lines[1:]


def distress(entry: Entry) -> list[str]:
    """What a tool's log tells instead of a mood: the distress before and after."""
    for use in entry.coping:
        if use.distress_before is not None or use.distress_after is not None:
            before = "–" if use.distress_before is None else locale_format.number(use.distress_before)
            after = "–" if use.distress_after is None else locale_format.number(use.distress_after)
            text = QCoreApplication.translate("EntryView", "distress %1 → %2")
            return [text.replace("%1", before).replace("%2", after)]
    return []


def facts_text(entry: Entry) -> str:
    """The quiet line at the card's end: the time and the mood in words (or the distress)."""
    facts = [locale_format.time_text(entry.at)]
    if entry.mood is not None:
        facts.append(mood_label(entry.mood))
    else:
        facts.extend(distress(entry))
    return " · ".join(facts)


def day_mood(moods: tuple[int, ...]) -> int | None:
    """The day's mood at a glance: the rounded mean of the moods given that day (None without one)."""
    return max(1, min(5, round(sum(moods) / len(moods)))) if moods else None


def __getattr__(name: str) -> object:
    # The delegate lives in timeline_card.py, which reads the roles above: imported on first use so
    # that either module can be imported first.
    if name == "TimelineDelegate":
        from .timeline_card import TimelineDelegate

        return TimelineDelegate
    raise AttributeError(name)
