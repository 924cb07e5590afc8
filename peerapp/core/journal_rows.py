"""Entry table rows: turning rows into entries, gathering child rows, and the write transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from . import textnorm
from .db import Connection
from .db import Transaction as Transaction  # the one write transaction; lives in db
from .entries import CopingUse, Entry
from .vocab import EMOTIONS

ENTRY_COLUMNS = "id, uid, at, mood, title, body, created_at, updated_at, deleted_at, prompt"

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


# One entry as it is stored, all but its id (given as it is written): uid, at, at_utc, day, mood, title,
# body, created_at, updated_at, deleted_at, prompt, tags, emotions, coping uses as (technique, before,
# after, helpfulness), and its three search index texts. A plain tuple: an import's reading process
# makes them and sends them over a pipe (transfer/read_ahead.py), where a tuple is the cheapest thing
# to unpickle, and the writer turns each into rows without looking at an Entry.
Prepared = tuple[
    str, str, int, str, "int | None", str, str, str, str, "str | None", "str | None",
    tuple[str, ...], tuple[str, ...], "tuple[tuple[str, int | None, int | None, int | None], ...]",
    str, str, str,
]  # fmt: skip


def prepare(entry: Entry, index_text: Callable[[str], str]) -> Prepared:
    """What `insert_prepared` stores for an entry that passed entries.validate (its uid, created and
    updated times may still be empty: the writer fills them)."""
    at = entry.at
    stamp = at.isoformat()
    return (
        entry.uid,
        stamp,
        int(at.timestamp()),
        stamp[:10],  # Entry.day: isoformat writes the date first, the year in 4 digits
        entry.mood,
        entry.title,
        entry.text,
        entry.created_at,
        entry.updated_at,
        entry.deleted_at,
        entry.prompt,
        tuple(entry.tags),
        tuple(entry.emotions),
        tuple((u.technique, u.distress_before, u.distress_after, u.helpfulness) for u in entry.coping),
        *index_texts(entry, index_text),
    )


def index_texts(entry: Entry, index_text: Callable[[str], str]) -> tuple[str, str, str]:
    """The entry's title, tags and text as its search index row holds them: normalised words only."""
    title, text, names = entry.title, entry.text, entry.tags
    # index_text("") is "": an empty title or no tags need no call.
    return (
        index_text(title) if title else "",
        index_text(" ".join(names)) if names else "",
        index_text(text) if text else "",
    )


@dataclass
class ChildRows:
    """Rows for the tables that hang off entries, gathered so each table gets one executemany."""

    tags: list[tuple[int, int]] = field(default_factory=list)
    emotions: list[tuple[int, str]] = field(default_factory=list)
    coping: list[tuple[int, int, str, int | None, int | None, int | None]] = field(default_factory=list)
    index: list[tuple[int, str, str, str]] = field(default_factory=list)

    def collect(self, entries: Iterable[Entry], conn: Connection, known_tags: dict[str, int]) -> None:
        """The rows of `entries` (their ids given); a tag's id comes from `known_tags`, or `tag_id`."""
        for entry in entries:
            assert entry.id is not None
            self.add(entry.id, prepare(entry, textnorm.index_text), conn, known_tags)

    def add(self, entry_id: int, row: Prepared, conn: Connection, known_tags: dict[str, int]) -> None:
        """The child rows of one prepared entry. Bound appends and no call per tag already known: an
        import comes here 50,000 times, where a call per tag and table cost more than the rows."""
        known = known_tags.get
        tags = self.tags.append
        for name in row[11]:
            # Tag ids are rowids from 1, never 0, so `or` falls through for unknown names only.
            tags((entry_id, known(name) or tag_id(conn, name, known_tags)))
        emotions = self.emotions.append
        for key in row[12]:
            emotions((entry_id, key))
        if row[13]:
            coping = self.coping.append
            for position, (technique, before, after, helpful) in enumerate(row[13]):
                coping((entry_id, position, technique, before, after, helpful))
        self.index.append((entry_id, row[14], row[15], row[16]))

    def collect_index(self, entry: Entry) -> None:
        """The full-text index holds normalised words only; it is searched, never shown."""
        assert entry.id is not None
        self.index.append((entry.id, *index_texts(entry, textnorm.index_text)))


ENTRY_INSERT = (
    "INSERT INTO entry (id, uid, at, at_utc, day, mood, title, body, created_at, updated_at, deleted_at, prompt)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def insert_checked(conn: Connection, entries: list[Entry], known_tags: dict[str, int], now: str) -> list[str]:
    """Store entries that already passed entries.validate, inside the caller's write transaction, as
    insert_prepared does (JournalRepository.add_many; tests/core/test_transfer_rows.py compares it with
    an import). Each entry gets its id, and its uid, created and updated times when it had none."""
    for entry in entries:
        entry.uid = entry.uid or uuid.uuid4().hex
        entry.created_at = entry.created_at or now
        entry.updated_at = entry.updated_at or now
    rows = [prepare(entry, textnorm.index_text) for entry in entries]
    first, days = insert_prepared(conn, rows, known_tags, now)
    for entry_id, entry in enumerate(entries, first):
        entry.id = entry_id
    return days


def insert_prepared(
    conn: Connection, rows: Sequence[Prepared], known_tags: dict[str, int], now: str
) -> tuple[int, list[str]]:
    """Store prepared entries inside the caller's write transaction: ids from max(id) + 1 in order, one
    executemany per table, tags made as first met. Returns the first id and each entry's local day
    (for insight_schema.bulk_insights)."""
    first = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entry").fetchone()[0])
    values = []
    days = []
    children = ChildRows()
    for entry_id, row in enumerate(rows, first):
        uid, stamp, at_utc, day, mood, title, body, created, updated, deleted, prompt = row[:11]
        days.append(day)
        values.append(
            (
                entry_id,
                uid or uuid.uuid4().hex,
                stamp,
                at_utc,
                day,
                mood,
                title,
                body,
                created or now,
                updated or now,
                deleted,
                prompt,
            )
        )
        children.add(entry_id, row, conn, known_tags)
    conn.executemany(ENTRY_INSERT, values)
    write_rows(conn, children)
    return first, days


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
