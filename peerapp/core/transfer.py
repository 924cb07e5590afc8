"""Your data in and out: export to JSON, CSV and Markdown; import Daylio, jrnl and our JSON."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Literal

from . import crashsafe, untrusted
from .db import Connection
from .errors import (
    ExportTargetExists,
    ImportBadDate,
    ImportBadMood,
    ImportFileInvalid,
    ImportMissingField,
    ImportRowError,
    ImportTooManyBadRows,
    InvalidInput,
    UnknownMoodLabels,
)
from .journal import CopingUse, Cursor, Entry, EntryFilter, JournalRepository
from .tasks import CancelToken, Progress, no_progress, token

ExportFormat = Literal["json", "csv", "markdown"]
ImportSource = Literal["daylio", "jrnl", "json"]

JSON_FORMAT = "peerapp-journal"
JSON_VERSION = 1
PAGE = 500
BATCH = 500
DAYLIO_COLUMNS = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
DAYLIO_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
MOOD_LABELS = {value: label for label, value in DAYLIO_MOODS.items()}
ACTIVITY_SEPARATOR = " | "
# Limits on what an import file can ask of us (the file-level ones are in untrusted.py).
MAX_MOOD_LABEL = 64  # longer is not a mood name; the row is reported as bad instead
MAX_UNKNOWN_MOODS = 100  # each one is a question for the user
MAX_UID = 200
MAX_BATCH_CHARS = 32 * untrusted.MIB


# -- reading the vault page by page ---------------------------------------------------------


def _pages(repo: JournalRepository, flt: EntryFilter) -> Iterator[list[Entry]]:
    after: Cursor | None = None
    while True:
        entries = repo.page(flt, after=after, limit=PAGE)
        if not entries:
            return
        yield entries
        after = repo.cursor_after(entries[-1])


def _stream(repo: JournalRepository, with_trash: bool) -> Iterator[list[Entry]]:
    yield from _pages(repo, EntryFilter())
    if with_trash:
        yield from _pages(repo, EntryFilter(trash=True))


def entry_to_export(entry: Entry) -> dict[str, object]:
    """An entry as our JSON export holds it: everything except the local row id."""
    data = entry.to_json()
    data.pop("id", None)
    data["trashed"] = entry.deleted_at is not None
    return data


def _csv_row(entry: Entry) -> list[str]:
    return [
        entry.at.date().isoformat(),
        f"{entry.at.strftime('%b')} {entry.at.day}",
        entry.at.strftime("%A"),
        entry.at.strftime("%H:%M"),
        MOOD_LABELS.get(entry.mood, "") if entry.mood is not None else "",
        ACTIVITY_SEPARATOR.join(entry.tags),
        entry.title,
        entry.text,
    ]


def _markdown(entry: Entry) -> str:
    heading = entry.title or entry.at.strftime("%Y-%m-%d %H:%M")
    lines = [f"# {heading}", "", f"- date: {entry.at.isoformat()}"]
    if entry.mood is not None:
        lines.append(f"- mood: {entry.mood} ({MOOD_LABELS[entry.mood]})")
    if entry.emotions:
        lines.append(f"- emotions: {', '.join(entry.emotions)}")
    if entry.tags:
        lines.append(f"- tags: {', '.join(entry.tags)}")
    for use in entry.coping:
        parts = [use.technique]
        if use.distress_before is not None or use.distress_after is not None:
            parts.append(f"distress {use.distress_before}->{use.distress_after}")
        if use.helpfulness is not None:
            parts.append(f"helpfulness {use.helpfulness}/5")
        lines.append(f"- coping: {', '.join(parts)}")
    lines += ["", entry.text.rstrip(), ""]
    return "\n".join(lines)


def _markdown_name(entry: Entry, used: set[str]) -> str:
    base = entry.at.strftime("%Y-%m-%d_%H%M%S")
    name, n = f"{base}.md", 1
    while name in used:
        n += 1
        name = f"{base}_{n}.md"
    used.add(name)
    return name


def export_entries(
    conn: Connection,
    fmt: ExportFormat,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    markdown_folder: bool = False,
) -> int:
    """Write every entry to `path`; returns how many.

    JSON holds everything, trash included, and round-trips through `import_entries`;
    CSV and Markdown hold the entries that are not in the trash. The output appears
    only when complete: it is written beside the target and renamed at the end, so a
    cancel (OperationCancelled) or an error leaves nothing behind.
    """
    repo = JournalRepository(conn)
    path = Path(path)
    cancel = token(cancel)
    with_trash = fmt == "json"
    total = repo.count(EntryFilter()) + (repo.count(EntryFilter(trash=True)) if with_trash else 0)
    progress(0, total)
    if fmt == "markdown" and markdown_folder:
        return _export_folder(repo, path, total, progress, cancel)
    done = 0
    # The temp file holds journal text in the clear: it is recorded in the vault first, so a kill
    # leaves a record the next unlock (or a panic wipe) uses to remove it.
    with crashsafe.writing(path, conn=conn, kind="export") as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = _writer(fmt, fh)
        for entries in _stream(repo, with_trash):
            cancel.raise_if_cancelled()
            for entry in entries:
                writer(entry)
            done += len(entries)
            progress(done, total)
        if fmt == "json":
            fh.write("\n]}\n")
        fh.flush()
        fh.detach()
        cancel.raise_if_cancelled()
    return done


def _writer(fmt: ExportFormat, fh: IO[str]) -> Callable[[Entry], None]:
    if fmt == "json":
        header = {"format": JSON_FORMAT, "version": JSON_VERSION}
        fh.write(json.dumps(header)[:-1] + ', "entries": [')
        first = [True]

        def write_json(entry: Entry) -> None:
            fh.write("\n" if first[0] else ",\n")
            first[0] = False
            fh.write(json.dumps(entry_to_export(entry), ensure_ascii=False))

        return write_json
    if fmt == "csv":
        out = csv.writer(fh)
        out.writerow(DAYLIO_COLUMNS)
        return lambda entry: out.writerow(_csv_row(entry))
    if fmt == "markdown":
        first_md = [True]

        def write_md(entry: Entry) -> None:
            if not first_md[0]:
                fh.write("\n---\n\n")
            first_md[0] = False
            fh.write(_markdown(entry))

        return write_md
    raise InvalidInput(str(fmt))


def _export_folder(
    repo: JournalRepository, path: Path, total: int, progress: Progress, cancel: CancelToken
) -> int:
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ExportTargetExists(str(path))
    tmp = crashsafe.temp_path(path)
    crashsafe.record(repo.conn, tmp, "export")
    tmp.mkdir(mode=0o700)
    done = 0
    used: set[str] = set()
    try:
        for entries in _stream(repo, with_trash=False):
            cancel.raise_if_cancelled()
            for entry in entries:
                target = tmp / _markdown_name(entry, used)
                target.write_text(_markdown(entry), encoding="utf-8")
            done += len(entries)
            progress(done, total)
        cancel.raise_if_cancelled()
        if path.exists():
            path.rmdir()  # empty, checked above; os.replace cannot take its place otherwise everywhere
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        crashsafe.forget(repo.conn, tmp)
    return done


# -- import ---------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did: rows added, rows already present, rows that could not be read."""

    added: int = 0
    skipped_duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    cancelled: bool = False


@dataclass
class _Row:
    line: int
    entry: Entry | None
    error: ImportRowError | None = None


def _uid(prefix: str, parts: object) -> str:
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return f"{prefix}-{digest[:32]}"


def _shown(value: object, limit: int = 40) -> str:
    """A value from the file as a short one-line detail for a row error."""
    text = " ".join(str(value).split())
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def _read_text(path: Path) -> Iterator[str]:
    """The import file as text, a chunk at a time (capped, strict UTF-8, no NULs; see untrusted)."""
    with untrusted.open_file(path, untrusted.MAX_IMPORT_BYTES) as fh:
        yield from untrusted.text_chunks(fh, untrusted.MAX_IMPORT_BYTES)


def _daylio_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The header (names lower-cased) as line 1, then each non-empty record and the line it starts on."""
    untrusted.allow_csv_fields()
    lines = untrusted.TextLines(_read_text(path))
    # strict: a quoted field still open at the end of the file means the file was cut
    # short, which the lenient reader would import as a shortened note.
    reader = csv.reader(lines, strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise ImportFileInvalid("csv") from exc
    for column in ("full_date", "time", "mood"):
        if column not in header:
            raise ImportFileInvalid(column)
    yield 1, header
    line = reader.line_num + 1
    while True:
        lines.mark()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileInvalid(f"csv line {line}") from exc
        if any(cell.strip() for cell in row):
            yield line, row
        line = reader.line_num + 1


def _mood_table(mood_map: dict[str, int] | None) -> dict[str, int]:
    table = dict(DAYLIO_MOODS)
    for label, value in (mood_map or {}).items():
        if not 1 <= value <= 5:
            raise InvalidInput("mood")
        table[label.strip().lower()] = value
    return table


def daylio_unknown_moods(path: Path, mood_map: dict[str, int] | None = None) -> list[str]:
    """Mood labels in a Daylio file that neither the defaults nor `mood_map` cover."""
    unknown: set[str] = set()
    for _row in _daylio_rows(path, mood_map, unknown):
        pass
    return sorted(unknown)


def _parse_time(text: str) -> tuple[int, int]:
    text = text.strip()
    for fmt in ("%H:%M", "%I:%M %p", "%H:%M:%S", "%I:%M%p"):
        try:
            parsed = datetime.strptime(text.upper(), fmt)
        except ValueError:
            continue
        return parsed.hour, parsed.minute
    raise ImportBadDate(_shown(text))


def _local(day: date, hour: int, minute: int) -> datetime:
    try:
        return datetime(day.year, day.month, day.day, hour, minute).astimezone()
    except (ValueError, OverflowError, OSError) as exc:  # year 1 or 9999 in a far time zone
        raise ImportBadDate(day.isoformat()) from exc


def _daylio_rows(
    path: Path, mood_map: dict[str, int] | None, unknown: set[str] | None = None
) -> Iterator[_Row]:
    """Each record as an entry or a row error; labels outside the mood table go into `unknown`.

    A label that could not be a mood name (long, or with control characters) is a bad
    row rather than a question for the user.
    """
    table = _mood_table(mood_map)
    records = _daylio_records(path)
    _first, header = next(records)
    col = {name: i for i, name in enumerate(header)}
    for line, record in records:

        def cell(name: str, record: list[str] = record) -> str:
            i = col.get(name)
            return record[i] if i is not None and i < len(record) else ""

        try:
            if len(record) < len(header) - 2 or not cell("full_date").strip():
                raise ImportMissingField()
            label = cell("mood").strip()
            mood = table.get(label.lower()) if label else None
            if label and mood is None:
                if unknown is not None and len(label) <= MAX_MOOD_LABEL and label.isprintable():
                    unknown.add(label)
                    if len(unknown) > MAX_UNKNOWN_MOODS:
                        raise ImportFileInvalid("mood")
                raise ImportBadMood(_shown(label))
            try:
                day = date.fromisoformat(cell("full_date").strip())
            except ValueError as exc:
                raise ImportBadDate(_shown(cell("full_date"))) from exc
            hour, minute = _parse_time(cell("time")) if cell("time").strip() else (12, 0)
            activities = [a.strip() for a in cell("activities").split(ACTIVITY_SEPARATOR.strip())]
            entry = Entry(
                at=_local(day, hour, minute),
                mood=mood,
                tags=[a for a in activities if a],
                title=cell("note_title").strip(),
                text=cell("note").replace("<br>", "\n").strip(),
                uid=_uid("daylio", record),
            )
            yield _Row(line, entry)
        except ImportRowError as exc:
            yield _Row(line, None, exc)


def _jrnl_rows(path: Path) -> Iterator[_Row]:
    seen_entries = False
    for member in untrusted.json_members(path, "entries"):
        if member.key != "entries":
            continue  # "tags" and the like: a summary of the entries
        if member.index == 0:
            if member.value is not untrusted.STREAMED_ARRAY or seen_entries:
                raise ImportFileInvalid("entries")
            seen_entries = True
            continue
        raw = member.value
        try:
            if not isinstance(raw, dict) or not isinstance(raw.get("date"), str):
                raise ImportMissingField()
            try:
                day = date.fromisoformat(raw["date"])
                hour, minute = _parse_time(str(raw.get("time") or "12:00"))
            except ValueError as exc:
                raise ImportBadDate(_shown(raw.get("date"))) from exc
            tags = raw.get("tags") or []
            if not isinstance(tags, list):
                raise ImportRowError("tags")
            tags = [t.lstrip("@#").strip() for t in tags if isinstance(t, str)]
            if raw.get("starred"):
                tags.append("starred")
            entry = Entry(
                at=_local(day, hour, minute),
                tags=tags,
                title=str(raw.get("title") or "").strip(),
                text=str(raw.get("body") or "").strip(),
                uid=_uid("jrnl", raw),
            )
            yield _Row(member.index, entry)
        except ImportRowError as exc:
            yield _Row(member.index, None, exc)
    if not seen_entries:
        raise ImportFileInvalid("entries")


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
        raise ImportBadMood(_shown(entry.mood))
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
        raise ImportBadDate(_shown(entry.at.isoformat())) from exc
    texts = [entry.title, entry.text, entry.uid, entry.created_at, entry.updated_at, entry.deleted_at or ""]
    texts += entry.tags + entry.emotions + [use.technique for use in entry.coping]
    if not all(_storable(text) for text in texts):
        raise ImportRowError("text")


def _strings(raw: dict[str, object], key: str) -> list[str]:
    values = raw.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ImportRowError(key)  # nested lists, numbers, an object: not what an export writes
    return list(values)


def entry_from_export(raw: object) -> Entry:
    """Rebuild an entry from our JSON export (ImportRowError when it does not fit)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("uid"), str) or not raw["uid"]:
        raise ImportMissingField()
    if len(raw["uid"]) > MAX_UID:
        raise ImportRowError("uid")
    try:
        at = datetime.fromisoformat(str(raw.get("at")))
    except ValueError as exc:
        raise ImportBadDate(_shown(raw.get("at"))) from exc
    mood = raw.get("mood")
    if mood is not None and (not isinstance(mood, int) or not 1 <= mood <= 5):
        raise ImportBadMood(_shown(mood))
    coping: list[CopingUse] = []
    uses = raw.get("coping") or []
    if not isinstance(uses, list):
        raise ImportRowError("coping")
    for use in uses:
        if not isinstance(use, dict) or not isinstance(use.get("technique"), str):
            raise ImportMissingField()
        coping.append(
            CopingUse(
                use["technique"],
                use.get("distress_before"),
                use.get("distress_after"),
                use.get("helpfulness"),
            )
        )
    deleted = raw.get("deleted_at")
    if raw.get("trashed") and not deleted:
        deleted = str(raw.get("updated_at") or "")
    return Entry(
        at=at,
        mood=mood,
        emotions=_strings(raw, "emotions"),
        tags=_strings(raw, "tags"),
        coping=coping,
        title=str(raw.get("title") or ""),
        text=str(raw.get("text") or ""),
        uid=raw["uid"],
        created_at=str(raw.get("created_at") or ""),
        updated_at=str(raw.get("updated_at") or ""),
        deleted_at=str(deleted) if deleted else None,
    )


def _json_rows(path: Path) -> Iterator[_Row]:
    header: dict[str, object] = {}
    seen_entries = False

    def check_header(final: bool) -> None:
        if ("format" in header or final) and header.get("format") != JSON_FORMAT:
            raise ImportFileInvalid("format")
        if final and not seen_entries:
            raise ImportFileInvalid("format")
        if ("version" in header or final) and header.get("version") != JSON_VERSION:
            raise ImportFileInvalid("version")

    for member in untrusted.json_members(path, "entries"):
        if member.index == 0:
            if member.key in ("format", "version"):
                header[member.key] = member.value
            elif member.key == "entries":
                if member.value is not untrusted.STREAMED_ARRAY or seen_entries:
                    raise ImportFileInvalid("format")
                seen_entries = True
            # Fail before the first entry when the header says this is not our format.
            check_header(final=False)
            continue
        try:
            yield _Row(member.index, entry_from_export(member.value))
        except ImportRowError as exc:
            yield _Row(member.index, None, exc)
    check_header(final=True)


def _rows(source: ImportSource, path: Path, mood_map: dict[str, int] | None) -> Iterator[_Row]:
    if source == "daylio":
        return _daylio_rows(path, mood_map)
    if source == "jrnl":
        return _jrnl_rows(path)
    if source == "json":
        return _json_rows(path)
    raise InvalidInput(str(source))


def _identity(path: Path) -> tuple[int, int, int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def check_import_file(source: ImportSource, path: Path, mood_map: dict[str, int] | None = None) -> int:
    """Read the whole file as `import_entries` will, without a journal; the number of rows.

    Raises what import_entries raises before it writes: ImportFileInvalid (or one of its
    kinds: not a file, too large, not text, too deep, too many bad rows), UnknownMoodLabels,
    OSError. A front end calls it before unlocking, so a bad file never opens the vault.
    Memory stays flat whatever the file's size: the file is streamed, not kept.
    """
    total = bad = 0
    unknown: set[str] = set()
    path = Path(path)
    rows = _daylio_rows(path, mood_map, unknown) if source == "daylio" else _rows(source, path, mood_map)
    for row in rows:
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


def _surveyed_rows(
    source: ImportSource, path: Path, mood_map: dict[str, int] | None
) -> tuple[int, Iterator[_Row]]:
    """Check the whole file once (check_import_file), then stream its rows a second time.

    Streaming twice keeps memory flat and finds a truncated or damaged file before the
    first batch is committed.
    """
    before = _identity(path)
    total = check_import_file(source, path, mood_map)
    if _identity(path) != before:
        raise ImportFileInvalid("changed")
    return total, _rows(source, path, mood_map)


def _batches(rows: Iterator[_Row]) -> Iterator[list[_Row]]:
    """BATCH rows at a time, or fewer when their text passes MAX_BATCH_CHARS (memory stays flat)."""
    batch: list[_Row] = []
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


def import_entries(
    conn: Connection,
    source: ImportSource,
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
    for batch in _batches(rows):
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
    conn: Connection, repo: JournalRepository, batch: list[_Row], cancel: CancelToken
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
