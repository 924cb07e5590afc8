"""Journal entries: storing, paging, searching, trash and drafts inside the vault."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from . import textnorm
from .db import Connection
from .errors import EntryNotFound, InvalidInput
from .vocab import EMOTIONS


@dataclass
class CopingUse:
    """One technique tried, with optional distress (0-10) before/after and helpfulness (1-5)."""

    technique: str
    distress_before: int | None = None
    distress_after: int | None = None
    helpfulness: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "technique": self.technique,
            "distress_before": self.distress_before,
            "distress_after": self.distress_after,
            "helpfulness": self.helpfulness,
        }


@dataclass
class Entry:
    """A journal entry as the app shows it."""

    at: datetime
    mood: int | None = None
    emotions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    coping: list[CopingUse] = field(default_factory=list)
    title: str = ""
    text: str = ""
    id: int | None = None
    uid: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @property
    def day(self) -> str:
        return self.at.date().isoformat()

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "uid": self.uid,
            "at": self.at.isoformat(),
            "mood": self.mood,
            "emotions": list(self.emotions),
            "tags": list(self.tags),
            "coping": [c.to_json() for c in self.coping],
            "title": self.title,
            "text": self.text,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "deleted_at": self.deleted_at,
        }


@dataclass(frozen=True)
class EntryFilter:
    """What the timeline shows: a search query and filters, all optional."""

    query: str = ""
    moods: frozenset[int] = frozenset()
    emotion: str | None = None
    tag: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    trash: bool = False


@dataclass(frozen=True)
class Cursor:
    """Keyset position after the last entry of a page (newest first)."""

    at_utc: int
    id: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_now() -> datetime:
    """Now, in local time with its UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)


def _validate(entry: Entry) -> None:
    if entry.at.tzinfo is None:
        entry.at = entry.at.astimezone()
    if entry.mood is not None and not 1 <= entry.mood <= 5:
        raise InvalidInput("mood")
    for key in entry.emotions:
        if not key or len(key) > 64:
            raise InvalidInput("emotion")
    for use in entry.coping:
        for value in (use.distress_before, use.distress_after):
            if value is not None and not 0 <= value <= 10:
                raise InvalidInput("distress")
        if use.helpfulness is not None and not 1 <= use.helpfulness <= 5:
            raise InvalidInput("helpfulness")
    entry.tags = list(dict.fromkeys(t.strip() for t in entry.tags if t.strip()))
    entry.emotions = list(dict.fromkeys(entry.emotions))


INDEX_VERSION_KEY = "search_index_version"
_ENTRY_COLUMNS = "id, uid, at, mood, title, body, created_at, updated_at, deleted_at"


class JournalRepository:
    """All journal reads and writes for one connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- writing -----------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        entry.updated_at = ""
        self.add_many([entry])
        return entry

    def add_many(self, entries: Iterable[Entry]) -> int:
        """Add entries in one transaction (imports keep their own created/updated times)."""
        count = 0
        rows = _ChildRows()
        known_tags: dict[str, int] = {}
        with _Transaction(self.conn):
            self._mark_index_version()
            for entry in entries:
                self._insert(entry)
                rows.collect(entry, lambda name: self._tag_id(name, known_tags))
                count += 1
            self._write_rows(rows)
        return count

    def _insert(self, entry: Entry) -> None:
        _validate(entry)
        now = _now()
        entry.uid = entry.uid or uuid.uuid4().hex
        entry.created_at = entry.created_at or now
        entry.updated_at = entry.updated_at or now
        cur = self.conn.execute(
            "INSERT INTO entry (uid, at, at_utc, day, mood, title, body, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.uid,
                entry.at.isoformat(),
                int(entry.at.timestamp()),
                entry.day,
                entry.mood,
                entry.title,
                entry.text,
                entry.created_at,
                entry.updated_at,
            ),
        )
        entry.id = int(cur.lastrowid or 0)

    def update(self, entry: Entry) -> Entry:
        if entry.id is None:
            raise EntryNotFound()
        _validate(entry)
        entry.updated_at = _now()
        with _Transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE entry SET at = ?, at_utc = ?, day = ?, mood = ?, title = ?, body = ?,"
                " updated_at = ? WHERE id = ?",
                (
                    entry.at.isoformat(),
                    int(entry.at.timestamp()),
                    entry.day,
                    entry.mood,
                    entry.title,
                    entry.text,
                    entry.updated_at,
                    entry.id,
                ),
            )
            if cur.rowcount == 0:
                raise EntryNotFound(str(entry.id))
            for table in ("entry_tag", "entry_emotion", "entry_coping"):
                self.conn.execute(f"DELETE FROM {table} WHERE entry_id = ?", (entry.id,))
            self.conn.execute("DELETE FROM entry_fts WHERE rowid = ?", (entry.id,))
            self._write_children(entry)
        return entry

    def _tag_id(self, name: str, known: dict[str, int]) -> int:
        """The id of tag `name`, created if new; `known` caches ids within one transaction."""
        tag_id = known.get(name)
        if tag_id is None:
            row = self.conn.execute("SELECT id FROM tag WHERE name = ?", (name,)).fetchone()
            if row is None:
                row = (self.conn.execute("INSERT INTO tag (name) VALUES (?)", (name,)).lastrowid,)
            tag_id = known[name] = int(row[0])
        return tag_id

    def _write_children(self, entry: Entry) -> None:
        rows = _ChildRows()
        known: dict[str, int] = {}
        rows.collect(entry, lambda name: self._tag_id(name, known))
        self._write_rows(rows)

    def _write_rows(self, rows: _ChildRows) -> None:
        """Insert the collected child rows, one statement per table (bulk imports are dominated by this)."""
        self.conn.executemany("INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) VALUES (?, ?)", rows.tags)
        self.conn.executemany("INSERT INTO entry_emotion (entry_id, emotion) VALUES (?, ?)", rows.emotions)
        self.conn.executemany(
            "INSERT INTO entry_coping (entry_id, position, technique, distress_before,"
            " distress_after, helpfulness) VALUES (?, ?, ?, ?, ?, ?)",
            rows.coping,
        )
        self.conn.executemany(
            "INSERT INTO entry_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)", rows.index
        )

    def _mark_index_version(self) -> None:
        # A fresh index is marked with the normaliser's version when its first entries go in.
        self.conn.execute(
            "INSERT OR IGNORE INTO kv (key, value) VALUES (?, ?)", (INDEX_VERSION_KEY, str(textnorm.VERSION))
        )

    def delete(self, entry_id: int) -> None:
        """Move an entry to the trash."""
        cur = self.conn.execute(
            "UPDATE entry SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", (_now(), entry_id)
        )
        if cur.rowcount == 0:
            raise EntryNotFound(str(entry_id))

    def restore(self, entry_id: int) -> None:
        cur = self.conn.execute(
            "UPDATE entry SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", (entry_id,)
        )
        if cur.rowcount == 0:
            raise EntryNotFound(str(entry_id))

    def empty_trash(self) -> int:
        """Erase every trashed entry for good; returns how many."""
        with _Transaction(self.conn):
            ids = [r[0] for r in self.conn.execute("SELECT id FROM entry WHERE deleted_at IS NOT NULL")]
            self.conn.executemany("DELETE FROM entry_fts WHERE rowid = ?", [(i,) for i in ids])
            self.conn.execute("DELETE FROM entry WHERE deleted_at IS NOT NULL")
            self.conn.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM entry_tag)")
        return len(ids)

    # -- reading -----------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        row = self.conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM entry WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(str(entry_id))
        return self._hydrate([row])[0]

    def count(self, flt: EntryFilter = EntryFilter()) -> int:
        where, params = self._where(flt, None, any_term=self._needs_fallback(flt))
        if where is None:
            return 0
        return int(self.conn.execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0])

    def _needs_fallback(self, flt: EntryFilter) -> bool:
        """True when a query's words together match nothing, so any one of them is accepted."""
        if not flt.query.strip():
            return False
        where, params = self._where(flt, None)
        if where is None:
            return False
        return self.conn.execute(f"SELECT 1 FROM entry e WHERE {where} LIMIT 1", params).fetchone() is None

    def page(
        self, flt: EntryFilter = EntryFilter(), after: Cursor | None = None, limit: int = 100
    ) -> list[Entry]:
        """Up to `limit` entries newest first, continuing after `after`."""
        where, params = self._where(flt, after)
        if where is None:
            return []
        rows = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM entry e WHERE {where} ORDER BY e.at_utc DESC, e.id DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        entries = self._hydrate(rows)
        if flt.query and not entries and (after is None or self._needs_fallback(flt)):
            # Forgiving search: when every word together finds nothing, accept any of them
            # (on later pages too, so fallback results page like any others).
            where, params = self._where(flt, after, any_term=True)
            if where is not None:
                rows = self.conn.execute(
                    f"SELECT {_ENTRY_COLUMNS} FROM entry e WHERE {where}"
                    " ORDER BY e.at_utc DESC, e.id DESC LIMIT ?",
                    (*params, limit),
                ).fetchall()
                entries = self._hydrate(rows)
        return entries

    def search(self, query: str, limit: int = 50) -> list[Entry]:
        return self.page(EntryFilter(query=query), limit=limit)

    @staticmethod
    def cursor_after(entry: Entry) -> Cursor:
        assert entry.id is not None
        return Cursor(int(entry.at.timestamp()), entry.id)

    def _where(
        self, flt: EntryFilter, after: Cursor | None, *, any_term: bool = False
    ) -> tuple[str | None, list[object]]:
        clauses = ["e.deleted_at IS NOT NULL" if flt.trash else "e.deleted_at IS NULL"]
        params: list[object] = []
        if flt.query.strip():
            match = textnorm.match_expression(flt.query, any_term=any_term)
            if match is None:
                return None, []
            # The unary + keeps the planner from driving the query from the match set
            # (a rowid lookup per match, then sorting whole rows, which is slow under
            # cipher_memory_security): it walks entry_timeline newest first instead and
            # probes the materialised match set, stopping after `limit` rows.
            clauses.append("+e.id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)")
            params.append(match)
        if flt.moods:
            clauses.append(f"e.mood IN ({','.join('?' * len(flt.moods))})")
            params.extend(sorted(flt.moods))
        if flt.emotion:
            clauses.append("EXISTS (SELECT 1 FROM entry_emotion m WHERE m.entry_id = e.id AND m.emotion = ?)")
            params.append(flt.emotion)
        if flt.tag:
            clauses.append(
                "EXISTS (SELECT 1 FROM entry_tag t JOIN tag g ON g.id = t.tag_id"
                " WHERE t.entry_id = e.id AND g.name = ?)"
            )
            params.append(flt.tag)
        if flt.since is not None:
            clauses.append("e.at_utc >= ?")
            params.append(int(flt.since.timestamp()))
        if flt.until is not None:
            clauses.append("e.at_utc < ?")
            params.append(int(flt.until.timestamp()))
        if after is not None:
            # A row value, so the cursor is a range on entry_timeline rather than a filter
            # applied to every newer row (keeps deep pages as cheap as the first).
            clauses.append("(e.at_utc, e.id) < (?, ?)")
            params.extend([after.at_utc, after.id])
        return " AND ".join(clauses), params

    def _hydrate(self, rows: Sequence[Sequence[object]]) -> list[Entry]:
        entries: dict[int, Entry] = {}
        for row in rows:
            entry_id, uid, at, mood, title, body, created, updated, deleted = row
            entries[int(str(entry_id))] = Entry(
                id=int(str(entry_id)),
                uid=str(uid),
                at=datetime.fromisoformat(str(at)),
                mood=None if mood is None else int(str(mood)),
                title=str(title),
                text=str(body),
                created_at=str(created),
                updated_at=str(updated),
                deleted_at=None if deleted is None else str(deleted),
            )
        if not entries:
            return []
        marks = ",".join("?" * len(entries))
        ids = list(entries)
        for entry_id, name in self.conn.execute(
            f"SELECT t.entry_id, g.name FROM entry_tag t JOIN tag g ON g.id = t.tag_id"
            f" WHERE t.entry_id IN ({marks}) ORDER BY g.name",
            ids,
        ):
            entries[entry_id].tags.append(name)
        for entry_id, key in self.conn.execute(
            f"SELECT entry_id, emotion FROM entry_emotion WHERE entry_id IN ({marks})", ids
        ):
            entries[entry_id].emotions.append(key)
        for entry_id, technique, before, after, helpful in self.conn.execute(
            f"SELECT entry_id, technique, distress_before, distress_after, helpfulness"
            f" FROM entry_coping WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
            ids,
        ):
            entries[entry_id].coping.append(CopingUse(technique, before, after, helpful))
        order = list(EMOTIONS)
        for entry in entries.values():
            entry.emotions.sort(key=lambda k: order.index(k) if k in order else len(order))
        return list(entries.values())

    def tags(self, prefix: str = "", limit: int = 200) -> list[str]:
        """Tag names in use, most used first, for autocomplete and filters."""
        rows = self.conn.execute(
            "SELECT g.name FROM tag g JOIN entry_tag t ON t.tag_id = g.id JOIN entry e ON e.id = t.entry_id"
            " WHERE e.deleted_at IS NULL AND g.name LIKE ? ESCAPE '\\'"
            " GROUP BY g.id ORDER BY count(*) DESC, g.name LIMIT ?",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit),
        )
        return [r[0] for r in rows]

    # -- search index ------------------------------------------------------------

    def search_index_current(self) -> bool:
        """Whether the full-text index was built by this version of the normaliser."""
        row = self.conn.execute("SELECT value FROM kv WHERE key = ?", (INDEX_VERSION_KEY,)).fetchone()
        if row is None and self.conn.execute("SELECT 1 FROM entry LIMIT 1").fetchone() is None:
            self._set_index_version()
            return True
        return row is not None and row[0] == str(textnorm.VERSION)

    def _set_index_version(self) -> None:
        self.conn.execute(
            "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (INDEX_VERSION_KEY, str(textnorm.VERSION)),
        )

    def rebuild_search_index(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Re-normalise every entry into the index (after the normaliser changed); one transaction."""
        with _Transaction(self.conn):
            total = int(self.conn.execute("SELECT count(*) FROM entry").fetchone()[0])
            self.conn.execute("INSERT INTO entry_fts (entry_fts) VALUES ('delete-all')")
            done = 0
            after = 0
            while True:
                ids = [
                    r[0]
                    for r in self.conn.execute(
                        "SELECT id FROM entry WHERE id > ? ORDER BY id LIMIT 500", (after,)
                    )
                ]
                if not ids:
                    break
                rows = _ChildRows()
                for entry in self._hydrate(
                    self.conn.execute(
                        f"SELECT {_ENTRY_COLUMNS} FROM entry WHERE id IN ({','.join('?' * len(ids))})", ids
                    ).fetchall()
                ):
                    rows.collect_index(entry)
                self._write_rows(rows)
                done += len(ids)
                after = ids[-1]
                if progress is not None:
                    progress(done, total)
            self._set_index_version()
        return done

    def ensure_search_index(self) -> None:
        if not self.search_index_current():
            self.rebuild_search_index()

    # -- drafts ------------------------------------------------------------------

    def save_draft(self, slot: str, data: dict[str, object]) -> None:
        self.conn.execute(
            "INSERT INTO draft (slot, data, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (slot) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            (slot, json.dumps(data, ensure_ascii=False), _now()),
        )

    def load_draft(self, slot: str) -> dict[str, object] | None:
        row = self.conn.execute("SELECT data FROM draft WHERE slot = ?", (slot,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return data if isinstance(data, dict) else None

    def drafts(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT slot FROM draft ORDER BY updated_at DESC")]

    def delete_draft(self, slot: str) -> None:
        self.conn.execute("DELETE FROM draft WHERE slot = ?", (slot,))


@dataclass
class _ChildRows:
    """Rows for the tables that hang off entries, gathered so each table gets one executemany."""

    tags: list[tuple[int, int]] = field(default_factory=list)
    emotions: list[tuple[int, str]] = field(default_factory=list)
    coping: list[tuple[int, int, str, int | None, int | None, int | None]] = field(default_factory=list)
    index: list[tuple[int, str, str, str]] = field(default_factory=list)

    def collect(self, entry: Entry, tag_id: Callable[[str], int]) -> None:
        assert entry.id is not None
        self.tags.extend((entry.id, tag_id(name)) for name in entry.tags)
        self.emotions.extend((entry.id, key) for key in entry.emotions)
        self.coping.extend(
            (entry.id, i, c.technique, c.distress_before, c.distress_after, c.helpfulness)
            for i, c in enumerate(entry.coping)
        )
        self.collect_index(entry)

    def collect_index(self, entry: Entry) -> None:
        """The full-text index holds normalised words only; it is searched, never shown."""
        assert entry.id is not None
        self.index.append(
            (
                entry.id,
                textnorm.index_text(entry.title),
                textnorm.index_text(" ".join(entry.tags)),
                textnorm.index_text(entry.text),
            )
        )


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error; nests by doing nothing inside."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.outer = False

    def __enter__(self) -> None:
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.outer:
            return
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
