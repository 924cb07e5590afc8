"""Reading entries in from any registered format: the whole file checked first, then batches committed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from .. import untrusted
from ..db import Connection
from ..errors import (
    ImportBadDate,
    ImportBadMood,
    ImportFileInvalid,
    ImportRowError,
    ImportTooManyBadRows,
    UnknownMoodLabels,
)
from ..journal import Entry, JournalRepository
from ..tasks import CancelToken, Progress, no_progress, token
from .base import Row, shown
from .paging import batches
from .registry import get_importer


@dataclass
class ImportReport:
    """What an import did: rows added, rows already present, rows that could not be read."""

    added: int = 0
    skipped_duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    cancelled: bool = False


def _optional_int(value: object, low: int, high: int) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high)


def _storable(text: str) -> bool:
    """Text SQLite keeps as given: UTF-8 encodable (no lone surrogates from \\ud800) and no NUL."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\0" not in text


def _check(entry: Entry) -> None:
    """What JournalRepository would refuse, found per row so the rest of a batch still imports."""
    if entry.mood is not None and not _optional_int(entry.mood, 1, 5):
        raise ImportBadMood(shown(entry.mood))
    if any(not key or len(key) > 64 for key in entry.emotions):
        raise ImportRowError("emotion")
    for use in entry.coping:
        if not (
            use.technique
            and _optional_int(use.distress_before, 0, 10)
            and _optional_int(use.distress_after, 0, 10)
            and _optional_int(use.helpfulness, 1, 5)
        ):
            raise ImportRowError("coping")
    try:
        # What saving and showing the entry do with its time: a year at the edge of what
        # datetime holds overflows in another time zone.
        at = entry.at if entry.at.tzinfo is not None else entry.at.astimezone()
        at.timestamp()
        at.astimezone(UTC).astimezone()
    except (ValueError, OverflowError, OSError) as exc:
        raise ImportBadDate(shown(entry.at.isoformat())) from exc
    texts = [entry.title, entry.text, entry.uid, entry.created_at, entry.updated_at, entry.deleted_at or ""]
    texts += entry.tags + entry.emotions + [use.technique for use in entry.coping]
    if not all(_storable(text) for text in texts):
        raise ImportRowError("text")


def _identity(path: Path) -> tuple[int, int, int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def check_import_file(source: str, path: Path, mood_map: dict[str, int] | None = None) -> int:
    """Read the whole file as `import_entries` will, without a journal; the number of rows.

    Raises what import_entries raises before it writes: ImportFileInvalid (or one of its
    kinds: not a file, too large, not text, too deep, too many bad rows), UnknownMoodLabels,
    OSError. A front end calls it before unlocking, so a bad file never opens the vault.
    Memory stays flat whatever the file's size: the file is streamed, not kept.
    """
    importer = get_importer(source)
    total = bad = 0
    unknown: set[str] = set()
    for row in importer.rows(Path(path), mood_map, unknown):
        total += 1
        try:
            if row.error is not None:
                raise row.error
            assert row.entry is not None
            _check(row.entry)
        except ImportRowError:
            bad += 1
    if unknown:
        raise UnknownMoodLabels(sorted(unknown))
    if bad > untrusted.MAX_BAD_ROWS:
        raise ImportTooManyBadRows()
    return total


def _surveyed_rows(source: str, path: Path, mood_map: dict[str, int] | None) -> tuple[int, Iterator[Row]]:
    """Check the whole file once (check_import_file), then stream its rows a second time.

    Streaming twice keeps memory flat and finds a truncated or damaged file before the
    first batch is committed.
    """
    before = _identity(path)
    total = check_import_file(source, path, mood_map)
    if _identity(path) != before:
        raise ImportFileInvalid("changed")
    return total, get_importer(source).rows(path, mood_map, None)


def import_entries(
    conn: Connection,
    source: str,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    mood_map: dict[str, int] | None = None,
) -> ImportReport:
    """Import a file; entries already present (same uid) are skipped, bad rows reported by line.

    For JSON sources the "line" is the entry's position in the file, counting from 1.
    Batches are committed one by one; a cancel rolls back the current batch and stops.
    Raises ImportFileInvalid (or a subclass: too large, not text, too deep, too many bad
    rows) or UnknownMoodLabels before anything is written; the file is read twice, and
    if it changes in between, the import stops at the change (ImportFileInvalid) keeping
    the batches already committed, which a second import skips as duplicates.
    """
    cancel = token(cancel)
    total, rows = _surveyed_rows(source, Path(path), mood_map)
    report = ImportReport()
    repo = JournalRepository(conn)
    progress(0, total)
    done = 0
    for batch in batches(rows):
        if cancel.cancelled():
            report.cancelled = True
            break
        added, skipped, errors = _import_batch(conn, repo, batch, cancel)
        if added < 0:
            report.cancelled = True
            break
        report.added += added
        report.skipped_duplicates += skipped
        report.errors += errors
        done += len(batch)
        progress(done, total)
    return report


def _import_batch(
    conn: Connection, repo: JournalRepository, batch: list[Row], cancel: CancelToken
) -> tuple[int, int, list[tuple[int, str]]]:
    """Returns (added, skipped, errors), or added = -1 when cancelled (the batch rolled back)."""
    errors = [(row.line, row.error.user_message()) for row in batch if row.error is not None]
    candidates = [row for row in batch if row.entry is not None]
    conn.execute("BEGIN IMMEDIATE")
    try:
        uids = [row.entry.uid for row in candidates if row.entry is not None]
        existing: set[str] = set()
        for i in range(0, len(uids), 500):
            chunk = uids[i : i + 500]
            existing.update(
                r[0]
                for r in conn.execute(
                    f"SELECT uid FROM entry WHERE uid IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        fresh: list[Entry] = []
        skipped = 0
        for row in candidates:
            assert row.entry is not None
            if row.entry.uid in existing:
                skipped += 1
                continue
            try:
                _check(row.entry)
            except ImportRowError as exc:
                errors.append((row.line, exc.user_message()))
                continue
            existing.add(row.entry.uid)
            fresh.append(row.entry)
        # Checked above, so one call adds the whole batch (a savepoint per row doubled the cost).
        repo.add_many(fresh)
        trashed = [(e.deleted_at, e.id) for e in fresh if e.deleted_at]
        if trashed:
            conn.executemany("UPDATE entry SET deleted_at = ? WHERE id = ?", trashed)
        if cancel.cancelled():
            conn.execute("ROLLBACK")
            return -1, 0, []
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    errors.sort(key=lambda item: item[0])
    return len(fresh), skipped, errors
