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
from datetime import date, datetime
from pathlib import Path
from typing import IO, Literal

from . import crashsafe
from .db import Connection
from .errors import (
    ExportTargetExists,
    ImportBadDate,
    ImportBadMood,
    ImportFileInvalid,
    ImportMissingField,
    ImportRowError,
    InvalidInput,
    OperationCancelled,
    UnknownMoodLabels,
)
from .journal import CopingUse, Cursor, Entry, EntryFilter, JournalRepository

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
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


def _no_progress(done: int, total: int) -> None:
    pass


def _never() -> bool:
    return False


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
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
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
    with_trash = fmt == "json"
    total = repo.count(EntryFilter()) + (repo.count(EntryFilter(trash=True)) if with_trash else 0)
    progress(0, total)
    if fmt == "markdown" and markdown_folder:
        return _export_folder(repo, path, total, progress, cancelled)
    done = 0
    # The temp file holds journal text in the clear: it is recorded in the vault first, so a kill
    # leaves a record the next unlock (or a panic wipe) uses to remove it.
    with crashsafe.writing(path, conn=conn, kind="export") as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = _writer(fmt, fh)
        for entries in _stream(repo, with_trash):
            if cancelled():
                raise OperationCancelled()
            for entry in entries:
                writer(entry)
            done += len(entries)
            progress(done, total)
        if fmt == "json":
            fh.write("\n]}\n")
        fh.flush()
        fh.detach()
        if cancelled():
            raise OperationCancelled()
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
    repo: JournalRepository, path: Path, total: int, progress: Progress, cancelled: Cancelled
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
            if cancelled():
                raise OperationCancelled()
            for entry in entries:
                target = tmp / _markdown_name(entry, used)
                target.write_text(_markdown(entry), encoding="utf-8")
            done += len(entries)
            progress(done, total)
        if cancelled():
            raise OperationCancelled()
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


def _read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileInvalid("utf-8") from exc


def _daylio_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise ImportFileInvalid("csv") from exc
    for column in ("full_date", "time", "mood"):
        if column not in header:
            raise ImportFileInvalid(column)
    records: list[tuple[int, list[str]]] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileInvalid(f"csv line {line}") from exc
        if any(cell.strip() for cell in row):
            records.append((line, row))
        line = reader.line_num + 1
    return header, records


def _mood_table(mood_map: dict[str, int] | None) -> dict[str, int]:
    table = dict(DAYLIO_MOODS)
    for label, value in (mood_map or {}).items():
        if not 1 <= value <= 5:
            raise InvalidInput("mood")
        table[label.strip().lower()] = value
    return table


def daylio_unknown_moods(path: Path, mood_map: dict[str, int] | None = None) -> list[str]:
    """Mood labels in a Daylio file that neither the defaults nor `mood_map` cover."""
    header, records = _daylio_records(path)
    table = _mood_table(mood_map)
    index = header.index("mood")
    labels = {row[index].strip() for _line, row in records if len(row) > index and row[index].strip()}
    return sorted(label for label in labels if label.lower() not in table)


def _parse_time(text: str) -> tuple[int, int]:
    text = text.strip()
    for fmt in ("%H:%M", "%I:%M %p", "%H:%M:%S", "%I:%M%p"):
        try:
            parsed = datetime.strptime(text.upper(), fmt)
        except ValueError:
            continue
        return parsed.hour, parsed.minute
    raise ImportBadDate(text)


def _daylio_rows(path: Path, mood_map: dict[str, int] | None) -> list[_Row]:
    unknown = daylio_unknown_moods(path, mood_map)
    if unknown:
        raise UnknownMoodLabels(unknown)
    header, records = _daylio_records(path)
    table = _mood_table(mood_map)
    col = {name: i for i, name in enumerate(header)}
    rows: list[_Row] = []
    for line, record in records:

        def cell(name: str, record: list[str] = record) -> str:
            i = col.get(name)
            return record[i] if i is not None and i < len(record) else ""

        try:
            if len(record) < len(header) - 2 or not cell("full_date").strip():
                raise ImportMissingField()
            try:
                day = date.fromisoformat(cell("full_date").strip())
            except ValueError as exc:
                raise ImportBadDate(cell("full_date").strip()) from exc
            hour, minute = _parse_time(cell("time")) if cell("time").strip() else (12, 0)
            label = cell("mood").strip()
            mood = table.get(label.lower()) if label else None
            if label and mood is None:
                raise ImportBadMood(label)
            activities = [a.strip() for a in cell("activities").split(ACTIVITY_SEPARATOR.strip())]
            entry = Entry(
                at=datetime(day.year, day.month, day.day, hour, minute).astimezone(),
                mood=mood,
                tags=[a for a in activities if a],
                title=cell("note_title").strip(),
                text=cell("note").replace("<br>", "\n").strip(),
                uid=_uid("daylio", record),
            )
            rows.append(_Row(line, entry))
        except ImportRowError as exc:
            rows.append(_Row(line, None, exc))
    return rows


def _jrnl_rows(path: Path) -> list[_Row]:
    try:
        data = json.loads(_read_text(path))
    except ValueError as exc:
        raise ImportFileInvalid("json") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ImportFileInvalid("entries")
    rows: list[_Row] = []
    for number, raw in enumerate(data["entries"], start=1):
        try:
            if not isinstance(raw, dict) or not isinstance(raw.get("date"), str):
                raise ImportMissingField()
            try:
                day = date.fromisoformat(raw["date"])
                hour, minute = _parse_time(str(raw.get("time") or "12:00"))
            except ValueError as exc:
                raise ImportBadDate(str(raw.get("date"))) from exc
            tags = [str(t).lstrip("@#").strip() for t in raw.get("tags") or [] if isinstance(t, str)]
            if raw.get("starred"):
                tags.append("starred")
            entry = Entry(
                at=datetime(day.year, day.month, day.day, hour, minute).astimezone(),
                tags=tags,
                title=str(raw.get("title") or "").strip(),
                text=str(raw.get("body") or "").strip(),
                uid=_uid("jrnl", raw),
            )
            rows.append(_Row(number, entry))
        except ImportRowError as exc:
            rows.append(_Row(number, None, exc))
    return rows


def _optional_int(value: object, low: int, high: int) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high)


def _check(entry: Entry) -> None:
    """What JournalRepository would refuse, found per row so the rest of a batch still imports."""
    if entry.mood is not None and not _optional_int(entry.mood, 1, 5):
        raise ImportBadMood(str(entry.mood))
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


def entry_from_export(raw: object) -> Entry:
    """Rebuild an entry from our JSON export (ImportRowError when it does not fit)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("uid"), str) or not raw["uid"]:
        raise ImportMissingField()
    try:
        at = datetime.fromisoformat(str(raw.get("at")))
    except ValueError as exc:
        raise ImportBadDate(str(raw.get("at"))) from exc
    mood = raw.get("mood")
    if mood is not None and (not isinstance(mood, int) or not 1 <= mood <= 5):
        raise ImportBadMood(str(mood))
    coping: list[CopingUse] = []
    for use in raw.get("coping") or []:
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
        emotions=[str(e) for e in raw.get("emotions") or []],
        tags=[str(t) for t in raw.get("tags") or []],
        coping=coping,
        title=str(raw.get("title") or ""),
        text=str(raw.get("text") or ""),
        uid=raw["uid"],
        created_at=str(raw.get("created_at") or ""),
        updated_at=str(raw.get("updated_at") or ""),
        deleted_at=str(deleted) if deleted else None,
    )


def _json_rows(path: Path) -> list[_Row]:
    try:
        data = json.loads(_read_text(path))
    except ValueError as exc:
        raise ImportFileInvalid("json") from exc
    if (
        not isinstance(data, dict)
        or data.get("format") != JSON_FORMAT
        or not isinstance(data.get("entries"), list)
    ):
        raise ImportFileInvalid("format")
    if data.get("version") != JSON_VERSION:
        raise ImportFileInvalid("version")
    rows: list[_Row] = []
    for number, raw in enumerate(data["entries"], start=1):
        try:
            rows.append(_Row(number, entry_from_export(raw)))
        except ImportRowError as exc:
            rows.append(_Row(number, None, exc))
    return rows


def import_entries(
    conn: Connection,
    source: ImportSource,
    path: Path,
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
    *,
    mood_map: dict[str, int] | None = None,
) -> ImportReport:
    """Import a file; entries already present (same uid) are skipped, bad rows reported by line.

    For JSON sources the "line" is the entry's position in the file, counting from 1.
    Batches are committed one by one; a cancel rolls back the current batch and stops.
    Raises ImportFileInvalid or UnknownMoodLabels before anything is written.
    """
    if source == "daylio":
        rows = _daylio_rows(Path(path), mood_map)
    elif source == "jrnl":
        rows = _jrnl_rows(Path(path))
    elif source == "json":
        rows = _json_rows(Path(path))
    else:
        raise InvalidInput(str(source))
    report = ImportReport()
    repo = JournalRepository(conn)
    total = len(rows)
    progress(0, total)
    for start in range(0, total, BATCH):
        batch = rows[start : start + BATCH]
        if cancelled():
            report.cancelled = True
            break
        added, skipped, errors = _import_batch(conn, repo, batch, cancelled)
        if added < 0:
            report.cancelled = True
            break
        report.added += added
        report.skipped_duplicates += skipped
        report.errors += errors
        progress(start + len(batch), total)
    return report


def _import_batch(
    conn: Connection, repo: JournalRepository, batch: list[_Row], cancelled: Cancelled
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
        if cancelled():
            conn.execute("ROLLBACK")
            return -1, 0, []
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    errors.sort(key=lambda item: item[0])
    return len(fresh), skipped, errors
