"""Journal entries: storing, paging, searching, trash and drafts inside the vault."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from . import journal_search, kv, textnorm
from .db import Connection
from .entries import CopingUse as CopingUse
from .entries import Cursor as Cursor
from .entries import Entry as Entry
from .entries import EntryFilter as EntryFilter
from .entries import local_now as local_now
from .entries import utc_stamp, validate
from .errors import EntryNotFound
from .journal_rows import ENTRY_COLUMNS, ChildRows, Transaction, hydrate, insert_checked, write_rows

INDEX_VERSION_KEY = "search_index_version"
# The default filter (every entry outside the trash); frozen, so one shared instance is safe.
_NO_FILTER = EntryFilter()


class JournalRepository:
    """All journal reads and writes for one connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- writing -----------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        entry.updated_at = ""
        self.add_many([entry])
        return entry

    def add_many(self, entries: Iterable[Entry], tag_ids: dict[str, int] | None = None) -> int:
        """Add entries in one transaction; each gets its id. Imports keep their own created, updated
        and deleted times (an entry with `deleted_at` goes straight to the trash).

        `tag_ids` caches tag ids across calls inside one outer transaction (an import's batches);
        it must not outlive that transaction, since another connection may erase unused tags.
        """
        batch = list(entries)
        known_tags = {} if tag_ids is None else tag_ids
        for entry in batch:
            validate(entry)
        with Transaction(self.conn):
            self._mark_index_version()
            # The rows an import stores (journal_rows.insert_prepared, through insert_checked): ids given
            # from max(id) + 1, one executemany per table, tags made as first met, in entry order.
            insert_checked(self.conn, batch, known_tags, utc_stamp())
        return len(batch)

    def update(self, entry: Entry) -> Entry:
        if entry.id is None:
            raise EntryNotFound()
        validate(entry)
        entry.updated_at = utc_stamp()
        with Transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE entry SET at = ?, at_utc = ?, day = ?, mood = ?, title = ?, body = ?,"
                " updated_at = ?, prompt = ? WHERE id = ?",
                (
                    entry.at.isoformat(),
                    int(entry.at.timestamp()),
                    entry.day,
                    entry.mood,
                    entry.title,
                    entry.text,
                    entry.updated_at,
                    entry.prompt,
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

    def _write_children(self, entry: Entry) -> None:
        rows = ChildRows()
        rows.collect([entry], self.conn, {})
        write_rows(self.conn, rows)

    def _mark_index_version(self) -> None:
        # A fresh index is marked with the normaliser's version when its first entries go in.
        self.conn.execute(
            "INSERT OR IGNORE INTO kv (key, value) VALUES (?, ?)", (INDEX_VERSION_KEY, str(textnorm.VERSION))
        )

    def delete(self, entry_id: int) -> None:
        """Move an entry to the trash."""
        cur = self.conn.execute(
            "UPDATE entry SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", (utc_stamp(), entry_id)
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
        with Transaction(self.conn):
            ids = [r[0] for r in self.conn.execute("SELECT id FROM entry WHERE deleted_at IS NOT NULL")]
            self.conn.executemany("DELETE FROM entry_fts WHERE rowid = ?", [(i,) for i in ids])
            self.conn.execute("DELETE FROM entry WHERE deleted_at IS NOT NULL")
            self.conn.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM entry_tag)")
        return len(ids)

    # -- reading -----------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        row = self.conn.execute(f"SELECT {ENTRY_COLUMNS} FROM entry WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(str(entry_id))
        return hydrate(self.conn, [row])[0]

    def count(self, flt: EntryFilter = _NO_FILTER) -> int:
        found = self._count(flt)
        if found or not flt.query.strip():
            return found
        # Nothing with the words themselves: count their related forms, as page() shows them
        # (asking the index first, so words no entry has never walk the timeline).
        several = self._several_words(flt)
        where, params = journal_search.where(flt, None, any_term=several, related=True)
        match = textnorm.match_expression(flt.query, any_term=several, related=True)
        if where is None or match is None or not journal_search.matches(self.conn, match, 1):
            return 0
        return int(self.conn.execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0])

    def _count(self, flt: EntryFilter) -> int:
        several = self._several_words(flt)
        any_term = several and self._needs_fallback(flt)
        where, params = journal_search.where(flt, None, any_term=any_term)
        match = textnorm.match_expression(flt.query, any_term=any_term)
        if where is None:
            return 0
        # Unless every word together is known to match, see in the index whether anything does:
        # counting none need not walk the whole timeline.
        if (
            match is not None
            and (any_term or not several)
            and not journal_search.matches(self.conn, match, 1)
        ):
            return 0
        return int(self.conn.execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0])

    @staticmethod
    def _several_words(flt: EntryFilter) -> bool:
        """Whether the query has more than one word, so its any-word fallback differs from it."""
        return textnorm.match_expression(flt.query, any_term=True) != textnorm.match_expression(flt.query)

    def _needs_fallback(self, flt: EntryFilter) -> bool:
        """True when a query's words together match nothing, so any one of them is accepted."""
        where, params = journal_search.where(flt, None)
        match = textnorm.match_expression(flt.query)
        if where is None or match is None or not flt.query.strip():
            return False
        if not journal_search.matches(self.conn, match, 1):
            return True
        return self.conn.execute(f"SELECT 1 FROM entry e WHERE {where} LIMIT 1", params).fetchone() is None

    def page(
        self, flt: EntryFilter = _NO_FILTER, after: Cursor | None = None, limit: int = 100
    ) -> list[Entry]:
        """Up to `limit` entries newest first, continuing after `after`."""
        if not flt.query.strip():
            return hydrate(
                self.conn, journal_search.select(self.conn, *journal_search.where(flt, after), limit)
            )
        entries = hydrate(self.conn, journal_search.search_rows(self.conn, flt, after, limit, any_term=False))
        if not entries and self._several_words(flt) and (after is None or self._needs_fallback(flt)):
            # Forgiving search: when every word together finds nothing, accept any of them
            # (on later pages too, so fallback results page like any others).
            entries = hydrate(
                self.conn, journal_search.search_rows(self.conn, flt, after, limit, any_term=True)
            )
        if not entries and (after is None or self._needs_related(flt)):
            # Still nothing: related forms of the words (hopeless for hope, حزن for حزين), so a search
            # never comes back empty when a related form is there. Only then, so they never
            # crowd out the words themselves.
            several = self._several_words(flt)
            entries = hydrate(
                self.conn,
                journal_search.search_rows(self.conn, flt, after, limit, any_term=several, related=True),
            )
        return entries

    def _needs_related(self, flt: EntryFilter) -> bool:
        """True when neither the words together nor any one of them match (so pages use related forms)."""
        where, params = journal_search.where(flt, None, any_term=self._several_words(flt))
        if where is None:
            return False
        return self.conn.execute(f"SELECT 1 FROM entry e WHERE {where} LIMIT 1", params).fetchone() is None

    def search(self, query: str, limit: int = 50) -> list[Entry]:
        return self.page(EntryFilter(query=query), limit=limit)

    @staticmethod
    def cursor_after(entry: Entry) -> Cursor:
        assert entry.id is not None
        return Cursor(int(entry.at.timestamp()), entry.id)

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
        version = kv.get(self.conn, INDEX_VERSION_KEY)
        if version is None and self.conn.execute("SELECT 1 FROM entry LIMIT 1").fetchone() is None:
            self._set_index_version()
            return True
        return version == str(textnorm.VERSION)

    def _set_index_version(self) -> None:
        kv.put(self.conn, INDEX_VERSION_KEY, str(textnorm.VERSION))

    def rebuild_search_index(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Re-normalise every entry into the index (after the normaliser changed); one transaction."""
        with Transaction(self.conn):
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
                rows = ChildRows()
                for entry in hydrate(
                    self.conn,
                    self.conn.execute(
                        f"SELECT {ENTRY_COLUMNS} FROM entry WHERE id IN ({','.join('?' * len(ids))})", ids
                    ).fetchall(),
                ):
                    rows.collect_index(entry)
                write_rows(self.conn, rows)
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
        with Transaction(self.conn):  # JournalBusy, not a bare lock error, while an import writes
            self.conn.execute(
                "INSERT INTO draft (slot, data, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (slot) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                (slot, json.dumps(data, ensure_ascii=False), utc_stamp()),
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
