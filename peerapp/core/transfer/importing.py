"""Reading entries in from any registered format: one pass over the file, one transaction, all or nothing."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from .. import textnorm, untrusted
from ..db import Connection
from ..entries import utc_stamp, validate
from ..errors import (
    ImportBadDate,
    ImportBadMood,
    ImportRowError,
    ImportTooManyBadRows,
    InvalidInput,
    UnknownMoodLabels,
)
from ..insight_schema import bulk_insights
from ..journal import INDEX_VERSION_KEY, Entry
from ..journal_rows import Prepared, insert_prepared, prepare
from ..tasks import CancelToken, Progress, no_progress, token
from . import extras, read_ahead
from .base import Row, shown
from .paging import batches
from .read_ahead import WireRow
from .registry import get_importer

# The page cache while an import writes (KiB; SQLite's default is 2 MiB). With the default, the
# indexes of 50,000 entries no longer fit, and each batch re-reads and decrypts their pages:
# about a quarter of the import's time at 50k (bench/RESULTS.md, "Transfer").
IMPORT_CACHE_KIB = 32 * 1024
# How many bytes of new search terms FTS5 gathers in memory before it writes them out as one segment
# (its default: 1 MiB). Larger, an import writes fewer segments and merges them less: the index's
# share of a 50k import went from 2.5 to 1.7 s CPU (bench/RESULTS.md, "Transfer"). Put back before
# the commit, so everyday writes keep the default.
IMPORT_FTS_HASH = 16 * 1024 * 1024
FTS_DEFAULT_HASH = 1024 * 1024


@dataclass
class ImportReport:
    """What an import did: rows added, rows already present, rows that could not be read."""

    added: int = 0
    skipped_duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _optional_int(value: object, low: int, high: int) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high)


def _storable(text: str) -> bool:
    """Text SQLite keeps as given: UTF-8 encodable (no lone surrogates from \\ud800) and no NUL."""
    if "\0" in text:
        return False
    if text.isascii():  # a flag Python keeps: no surrogate can be there
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check(entry: Entry) -> None:
    """What JournalRepository would refuse, found per row so the rest of a batch still imports; then
    entries.validate tidies the entry in place (tags, emotions, prompt, a time without its zone), so
    the row is stored as it stands (journal_rows.insert_prepared) without being validated again.
    """
    # The types validate counts on: a file's "3" or true is not a mood.
    if entry.mood is not None and not _optional_int(entry.mood, 1, 5):
        raise ImportBadMood(shown(entry.mood))
    for use in entry.coping:
        if not (
            use.technique
            and _optional_int(use.distress_before, 0, 10)
            and _optional_int(use.distress_after, 0, 10)
            and _optional_int(use.helpfulness, 1, 5)
        ):
            raise ImportRowError("coping")
    at = entry.at
    # What saving and showing the entry do with its time: a year at the edge of what datetime holds
    # overflows in another time zone. A time with its zone, between 1971 and 2999, converts on every
    # platform (Windows' localtime refuses times before 1970 and after 3000), so only others are tried.
    if at.tzinfo is None or not 1971 <= at.year <= 2999:
        try:
            at = at if at.tzinfo is not None else at.astimezone()
            at.timestamp()
            at.astimezone(UTC).astimezone()
        except (ValueError, OverflowError, OSError) as exc:
            raise ImportBadDate(shown(entry.at.isoformat())) from exc
    try:
        validate(entry)
    except InvalidInput as exc:
        raise ImportRowError(exc.detail) from exc
    # One string for every text of the row: a lone surrogate or a NUL in any of them is in it too
    # (Python's UTF-8 encoder refuses surrogates even in pairs, so joining cannot pair two up).
    texts = [entry.title, entry.text, entry.uid, entry.created_at, entry.updated_at, entry.deleted_at or ""]
    texts += entry.tags
    texts += entry.emotions
    texts += [use.technique for use in entry.coping]
    if entry.prompt is not None:
        texts.append(entry.prompt)
    if not _storable("".join(texts)):
        raise ImportRowError("text")


def _checked(source: str, path: Path, mood_map: dict[str, int] | None, cap: list[int]) -> Iterator[Row]:
    """Each row of the file, its `error` set to whatever stops it from being stored.

    The file-level rules live here once, for the check and the import alike: a damaged file
    raises while it is read; after the last row, unknown mood labels (UnknownMoodLabels), then
    more than MAX_BAD_ROWS bad rows (ImportTooManyBadRows). `cap` is [rows seen, bad rows].
    """
    unknown: set[str] = set()
    for row in get_importer(source).rows(path, mood_map, unknown):
        if row.extra is not None:  # the export's templates or self-checks: checked when stored
            yield row
            continue
        if row.error is None:
            assert row.entry is not None
            try:
                _check(row.entry)
            except ImportRowError as exc:
                row.error = exc  # the entry stays: a duplicate of a stored one is skipped, not an error
        cap[0] += 1
        cap[1] += row.error is not None
        yield row
    if unknown:
        raise UnknownMoodLabels(sorted(unknown))
    if cap[1] > untrusted.MAX_BAD_ROWS:
        raise ImportTooManyBadRows()


def check_import_file(source: str, path: Path, mood_map: dict[str, int] | None = None) -> int:
    """Read the whole file as `import_entries` will, without a journal; the number of rows.

    Raises what import_entries raises for the file: ImportFileInvalid (or one of its kinds:
    not a file, too large, not text, too deep, too many bad rows), UnknownMoodLabels, OSError.
    A front end calls it before unlocking, so a bad file never opens the vault. Memory stays
    flat whatever the file's size: the file is streamed, not kept.
    """
    cap = [0, 0]
    for _row in _checked(source, Path(path), mood_map, cap):
        pass
    return cap[0]


def import_entries(
    conn: Connection,
    source: str,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    mood_map: dict[str, int] | None = None,
) -> ImportReport:
    """Import a file, all or nothing; entries already present (same uid) are skipped, bad rows
    reported by line (for JSON sources the entry's position in the file, from 1).

    The file is read once, inside one write transaction: rows go in BATCH at a time while the
    rest is still being read, and the transaction commits only after the last row. Damage
    anywhere (ImportFileInvalid or a subclass: too large, not text, too deep, too many bad
    rows), UnknownMoodLabels, a cancel (OperationCancelled) or a kill therefore leave the
    journal as it was. Progress counts bytes of the file read against its size.
    """
    cancel = token(cancel)
    path = Path(path)
    size = os.stat(path).st_size
    report = ImportReport()
    bad = 0
    tag_ids: dict[str, int] = {}  # valid for this transaction only
    progress(0, size)

    def known() -> frozenset[str]:  # what a child reading a large file need not prepare
        return frozenset(uid for (uid,) in conn.execute("SELECT uid FROM entry"))

    with read_ahead.batches(source, path, mood_map, known) as pending:
        # The first batch is read before the transaction begins: a file that is no file, is not text or
        # is not in the format is refused without touching the journal (a large regular file, read by
        # a child, after one SELECT of the journal's uids).
        first = next(pending, None)
        cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        foreign_keys = int(conn.execute("PRAGMA foreign_keys").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        # Every link an import writes points at an entry of the same batch or a tag it has just found or
        # made (journal_rows.insert_prepared), so SQLite's check of each against its parent is spared. It
        # can only be changed outside a transaction, and is put back whatever happens.
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                hash_size = _fts_hash_size(conn, IMPORT_FTS_HASH)
                # A fresh index is marked with the normaliser's version when its first entries go in.
                conn.execute(
                    "INSERT OR IGNORE INTO kv (key, value) VALUES (?, ?)",
                    (INDEX_VERSION_KEY, str(textnorm.VERSION)),
                )
                now = utc_stamp()
                # The insight aggregates are brought up to date once at the end, set by set, for the days
                # the import wrote to (about half a second at 50k entries, where their triggers took 2.5 s).
                with bulk_insights(conn) as days:
                    for batch in itertools.chain([first] if first else [], pending):
                        cancel.raise_if_cancelled()
                        bad += sum(row[4] is not None for row in batch)
                        # A file bound to fail (more bad rows than allowed) is still read to its end, so the
                        # one error told is the same as check_import_file's; nothing more is written meanwhile.
                        if bad <= untrusted.MAX_BAD_ROWS:
                            days.update(_import_batch(conn, batch, report, tag_ids, now))
                        progress(min(batch[-1][1], size), size)
                    cancel.raise_if_cancelled()
                _fts_hash_size(conn, hash_size)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            conn.execute(f"PRAGMA foreign_keys = {foreign_keys}")
            conn.execute(f"PRAGMA cache_size = {cache}")
    report.errors.sort(key=lambda item: item[0])
    progress(size, size)
    return report


def _read_batches(
    source: str, path: str, mood_map: dict[str, int] | None, known: frozenset[str]
) -> Iterator[list[WireRow]]:
    """The file's rows as the import stores them, a batch at a time: checked (_checked), each entry
    prepared with its search index texts, each distinct word normalised once (textnorm.IndexWords),
    but not those whose uid is in `known` (already in the journal: skipped). Run by read_ahead, here
    or in its child process; raises what _checked raises."""
    index_text = textnorm.IndexWords().index_text
    for batch in batches(_checked(source, Path(path), mood_map, [0, 0])):
        yield [_wire(row, index_text, known) for row in batch]


def _wire(row: Row, index_text: Callable[[str], str], known: frozenset[str]) -> WireRow:
    if row.extra is not None:
        return (row.line, row.read, None, None, None, row.extra)
    entry = row.entry
    uid = None if entry is None else entry.uid
    if row.error is not None or entry is None or entry.uid in known:
        return (row.line, row.read, uid, None, row.error, None)
    return (row.line, row.read, uid, prepare(entry, index_text), None, None)


def _fts_hash_size(conn: Connection, size: int) -> int:
    """Set how many bytes of new terms the search index gathers in memory; the size it had before."""
    row = conn.execute("SELECT v FROM entry_fts_config WHERE k = 'hashsize'").fetchone()
    conn.execute("INSERT INTO entry_fts (entry_fts, rank) VALUES ('hashsize', ?)", (size,))
    return FTS_DEFAULT_HASH if row is None else int(row[0])


def _import_batch(
    conn: Connection, batch: list[WireRow], report: ImportReport, tag_ids: dict[str, int], now: str
) -> list[str]:
    """Add a batch's new rows inside the import's transaction; count duplicates, note bad rows.
    Returns the local days of the entries added."""
    lists = [row[5] for row in batch if row[5] is not None]
    rows = [row for row in batch if row[5] is None]
    uids = [row[2] for row in rows if row[2] is not None]
    existing: set[str] = set()
    for i in range(0, len(uids), 500):
        chunk = uids[i : i + 500]
        existing.update(
            r[0]
            for r in conn.execute(f"SELECT uid FROM entry WHERE uid IN ({','.join('?' * len(chunk))})", chunk)
        )
    fresh: list[Prepared] = []
    for line, _read, uid, prepared, error, _extra in rows:
        # Already there (or earlier in this file), or there when the import began (not prepared): not
        # an error.
        if uid is not None and (uid in existing or (prepared is None and error is None)):
            report.skipped_duplicates += 1
        elif error is not None:
            report.errors.append((line, error.user_message()))
        else:
            assert uid is not None and prepared is not None
            existing.add(uid)
            fresh.append(prepared)
    # Checked and tidied as read (_check), so the whole batch goes in with one statement per table.
    report.added += len(fresh)
    _first, days = insert_prepared(conn, fresh, tag_ids, now)
    # The export's other lists after the entries: a bad list fails the whole import, and nothing is kept.
    for key, listed in lists:
        extras.store(conn, key, listed)
    return days
