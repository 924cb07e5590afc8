"""Streaming in and out: the vault a page at a time, an import file a chunk at a time, rows in batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .. import journal_search, untrusted
from ..journal import Cursor, Entry, EntryFilter, JournalRepository
from .base import Row

if TYPE_CHECKING:
    from ..db import Connection

PAGE = 500  # entries read from the vault at a time (and the step of export progress)
BATCH = 500  # rows committed at a time by an import
MAX_BATCH_CHARS = 32 * untrusted.MIB  # a batch of long entries is cut short, so memory stays flat


def pages(repo: JournalRepository, flt: EntryFilter) -> Iterator[list[Entry]]:
    """Every entry matching `flt`, PAGE at a time, newest first (keyset paging: no OFFSET)."""
    after: Cursor | None = None
    while True:
        entries = repo.page(flt, after=after, limit=PAGE)
        if not entries:
            return
        yield entries
        after = repo.cursor_after(entries[-1])


def journal_pages(repo: JournalRepository, with_trash: bool) -> Iterator[list[Entry]]:
    """The journal, then (when asked) the trash, a page at a time."""
    yield from pages(repo, EntryFilter())
    if with_trash:
        yield from pages(repo, EntryFilter(trash=True))


# An exported row: the entry's columns as stored, and at_utc last (the page's cursor).
EXPORT_COLUMNS = "id, uid, at, mood, title, body, created_at, updated_at, deleted_at, prompt, at_utc"


def row_pages(conn: Connection, with_trash: bool) -> Iterator[list[Sequence[object]]]:
    """What journal_pages yields, in the same order and pages, as rows of EXPORT_COLUMNS: a format
    that writes text straight from the columns makes no Entry (nor parses its time) per row."""
    for flt in (EntryFilter(), EntryFilter(trash=True)) if with_trash else (EntryFilter(),):
        after: Cursor | None = None
        while True:
            clause, params = journal_search.where(flt, after)
            rows: list[Sequence[object]] = conn.execute(
                f"SELECT {EXPORT_COLUMNS} FROM entry e WHERE {clause}"
                " ORDER BY e.at_utc DESC, e.id DESC LIMIT ?",
                (*params, PAGE),
            ).fetchall()
            if not rows:
                break
            yield rows
            last = rows[-1]
            after = Cursor(cast(int, last[10]), cast(int, last[0]))


def count(repo: JournalRepository, with_trash: bool) -> int:
    """How many entries `journal_pages` yields, for the progress total."""
    return repo.count(EntryFilter()) + (repo.count(EntryFilter(trash=True)) if with_trash else 0)


class ImportText:
    """The import file as text, a chunk at a time (capped, strict UTF-8, no NULs; see untrusted).

    It counts the bytes read so far: an import reads its file once, so that count against the
    file's size is its progress (there is no row count before the end).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.bytes_read = 0

    def chunks(self) -> Iterator[str]:
        with untrusted.open_file(self.path, untrusted.MAX_IMPORT_BYTES) as fh:
            for chunk in untrusted.text_chunks(fh, untrusted.MAX_IMPORT_BYTES):
                self.bytes_read = fh.tell()
                yield chunk


def batches(rows: Iterator[Row]) -> Iterator[list[Row]]:
    """BATCH rows at a time, or fewer when their text passes MAX_BATCH_CHARS (memory stays flat)."""
    batch: list[Row] = []
    size = 0
    for row in rows:
        batch.append(row)
        if row.entry is not None:
            size += len(row.entry.text) + len(row.entry.title)
        if len(batch) >= BATCH or size >= MAX_BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
