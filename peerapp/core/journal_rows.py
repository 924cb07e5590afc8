"""Entry table rows: turning rows into entries, gathering child rows, and the write transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from . import textnorm
from .db import Connection
from .db import Transaction as Transaction  # the one write transaction; lives in db
from .entries import CopingUse, Entry
from .vocab import EMOTIONS

ENTRY_COLUMNS = "id, uid, at, mood, title, body, created_at, updated_at, deleted_at, prompt"

# What index rows are made with. A context variable, so a bulk import's cached normaliser (set with
# cached_index_words) serves its own thread only, while other writes keep the plain one.
_INDEX_TEXT: ContextVar[Callable[[str], str]] = ContextVar("index_text", default=textnorm.index_text)


@contextmanager
def cached_index_words() -> Iterator[None]:
    """Inside: this thread's index rows come from one textnorm.IndexWords (the same text, found once
    per distinct word); the cache is dropped at the end."""
    reset = _INDEX_TEXT.set(textnorm.IndexWords().index_text)
    try:
        yield
    finally:
        _INDEX_TEXT.reset(reset)


# Where each known emotion goes in an entry's list (the vocabulary's order); unknown keys go last.
_EMOTION_RANK = {key: i for i, key in enumerate(EMOTIONS)}


def emotion_rank(key: str) -> int:
    """Where an emotion goes in an entry's list: the vocabulary's order, unknown keys last."""
    return _EMOTION_RANK.get(key, len(_EMOTION_RANK))


def hydrate(conn: Connection, rows: Sequence[Sequence[object]]) -> list[Entry]:
    """Entries from `ENTRY_COLUMNS` rows, with their tags, emotions and coping uses read in."""
    entries: dict[int, Entry] = {}
    fromisoformat = datetime.fromisoformat
    # Each value is what its column holds (integer ids and moods, text), so the row is taken as it is:
    # an export or a timeline page makes an entry per row, and conversions here cost per row.
    for entry_id, uid, at, mood, title, body, created, updated, deleted, prompt in cast(
        "Sequence[tuple[int, str, str, int | None, str, str, str, str, str | None, str | None]]", rows
    ):
        entries[entry_id] = Entry(
            id=entry_id,
            uid=uid,
            at=fromisoformat(at),
            mood=mood,
            title=title,
            text=body,
            created_at=created,
            updated_at=updated,
            deleted_at=deleted,
            prompt=prompt,
        )
    if not entries:
        return []
    marks = ",".join("?" * len(entries))
    ids = list(entries)
    for entry_id, name in conn.execute(
        f"SELECT t.entry_id, g.name FROM entry_tag t JOIN tag g ON g.id = t.tag_id"
        f" WHERE t.entry_id IN ({marks}) ORDER BY g.name",
        ids,
    ):
        entries[entry_id].tags.append(name)
    for entry_id, key in conn.execute(
        f"SELECT entry_id, emotion FROM entry_emotion WHERE entry_id IN ({marks})", ids
    ):
        entries[entry_id].emotions.append(key)
    for entry_id, technique, before, after, helpful in conn.execute(
        f"SELECT entry_id, technique, distress_before, distress_after, helpfulness"
        f" FROM entry_coping WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
        ids,
    ):
        entries[entry_id].coping.append(CopingUse(technique, before, after, helpful))
    for entry in entries.values():
        if len(entry.emotions) > 1:
            entry.emotions.sort(key=emotion_rank)
    return list(entries.values())


def tag_id(conn: Connection, name: str, known: dict[str, int]) -> int:
    """The id of tag `name`, created if new; `known` caches ids within one transaction."""
    tag_id = known.get(name)
    if tag_id is None:
        row = conn.execute("SELECT id FROM tag WHERE name = ?", (name,)).fetchone()
        if row is None:
            row = (conn.execute("INSERT INTO tag (name) VALUES (?)", (name,)).lastrowid,)
        tag_id = known[name] = int(row[0])
    return tag_id


@dataclass
class ChildRows:
    """Rows for the tables that hang off entries, gathered so each table gets one executemany."""

    tags: list[tuple[int, int]] = field(default_factory=list)
    emotions: list[tuple[int, str]] = field(default_factory=list)
    coping: list[tuple[int, int, str, int | None, int | None, int | None]] = field(default_factory=list)
    index: list[tuple[int, str, str, str]] = field(default_factory=list)

    def collect(self, entries: Iterable[Entry], conn: Connection, known_tags: dict[str, int]) -> None:
        """The rows of `entries` (their ids given); a tag's id comes from `known_tags`, or `tag_id`.

        One loop with bound appends and no call per tag already known: an import comes here with
        50,000 entries, where a call and a generator per entry and table cost more than the rows.
        """
        tags, emotions, coping, index = (
            self.tags.append,
            self.emotions.append,
            self.coping.append,
            self.index.append,
        )
        known = known_tags.get
        index_text = _INDEX_TEXT.get()
        for entry in entries:
            entry_id = entry.id
            assert entry_id is not None
            names = entry.tags
            for name in names:
                # Tag ids are rowids from 1, never 0, so `or` falls through for unknown names only.
                tags((entry_id, known(name) or tag_id(conn, name, known_tags)))
            for key in entry.emotions:
                emotions((entry_id, key))
            if entry.coping:
                for position, use in enumerate(entry.coping):
                    coping(
                        (
                            entry_id,
                            position,
                            use.technique,
                            use.distress_before,
                            use.distress_after,
                            use.helpfulness,
                        )
                    )
            # index_text("") is "": an empty title or no tags need no call.
            title, text = entry.title, entry.text
            index(
                (
                    entry_id,
                    index_text(title) if title else "",
                    index_text(" ".join(names)) if names else "",
                    index_text(text) if text else "",
                )
            )

    def collect_index(self, entry: Entry) -> None:
        """The full-text index holds normalised words only; it is searched, never shown."""
        assert entry.id is not None
        index_text = _INDEX_TEXT.get()
        self.index.append(
            (entry.id, index_text(entry.title), index_text(" ".join(entry.tags)), index_text(entry.text))
        )


ENTRY_INSERT = (
    "INSERT INTO entry (id, uid, at, at_utc, day, mood, title, body, created_at, updated_at, deleted_at, prompt)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def insert_checked(conn: Connection, entries: list[Entry], known_tags: dict[str, int], now: str) -> list[str]:
    """Store entries that already passed entries.validate (an import checks and tidies each row once,
    as it reads it), inside the caller's write transaction: the rows JournalRepository.add_many stores,
    ids given from max(id) + 1 in order (tests/core/test_transfer_rows.py compares the two). Returns
    each entry's local day, for insight_schema.bulk_insights.
    """
    first = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entry").fetchone()[0])
    values = []
    days = []
    for entry_id, entry in enumerate(entries, first):
        entry.id = entry_id
        entry.uid = entry.uid or uuid.uuid4().hex
        entry.created_at = entry.created_at or now
        entry.updated_at = entry.updated_at or now
        at = entry.at
        stamp = at.isoformat()
        day = stamp[:10]  # Entry.day: isoformat writes the date first, the year in 4 digits
        days.append(day)
        values.append(
            (
                entry_id,
                entry.uid,
                stamp,
                int(at.timestamp()),
                day,
                entry.mood,
                entry.title,
                entry.text,
                entry.created_at,
                entry.updated_at,
                entry.deleted_at,
                entry.prompt,
            )
        )
    conn.executemany(ENTRY_INSERT, values)
    rows = ChildRows()
    rows.collect(entries, conn, known_tags)
    write_rows(conn, rows)
    return days


def write_rows(conn: Connection, rows: ChildRows) -> None:
    """Insert the collected child rows, one statement per table (bulk imports are dominated by this)."""
    conn.executemany("INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) VALUES (?, ?)", rows.tags)
    conn.executemany("INSERT INTO entry_emotion (entry_id, emotion) VALUES (?, ?)", rows.emotions)
    conn.executemany(
        "INSERT INTO entry_coping (entry_id, position, technique, distress_before,"
        " distress_after, helpfulness) VALUES (?, ?, ?, ?, ?, ?)",
        rows.coping,
    )
    conn.executemany("INSERT INTO entry_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)", rows.index)
