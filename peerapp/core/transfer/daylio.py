"""Daylio's CSV export, read: its columns, its mood names, and the person's own mood labels."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .. import untrusted
from ..errors import (
    ImportBadDate,
    ImportBadMood,
    ImportFileInvalid,
    ImportMissingField,
    ImportRowError,
    InvalidInput,
)
from ..i18n import QT_TRANSLATE_NOOP
from ..journal import Entry
from .base import CONTEXT, Importer, Row, local_time, parse_time, row_uid, shown
from .paging import ImportText

DAYLIO_COLUMNS = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
DAYLIO_MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
MOOD_LABELS = {value: label for label, value in DAYLIO_MOODS.items()}
ACTIVITY_SEPARATOR = " | "
# Limits on what an import file can ask of us (the file-level ones are in untrusted.py).
MAX_MOOD_LABEL = 64  # longer is not a mood name; the row is reported as bad instead
MAX_UNKNOWN_MOODS = 100  # each one is a question for the user


def _records(text: ImportText) -> Iterator[tuple[int, list[str]]]:
    """The header (names lower-cased) as line 1, then each non-empty record and the line it starts on."""
    untrusted.allow_csv_fields()
    lines = untrusted.TextLines(text.chunks())
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
    for _row in daylio_rows(path, mood_map, unknown):
        pass
    return sorted(unknown)


def daylio_rows(
    path: Path, mood_map: dict[str, int] | None, unknown: set[str] | None = None
) -> Iterator[Row]:
    """Each record as an entry or a row error; labels outside the mood table go into `unknown`.

    A label that could not be a mood name (long, or with control characters) is a bad
    row rather than a question for the user.
    """
    table = _mood_table(mood_map)
    text = ImportText(path)
    records = _records(text)
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
                raise ImportBadMood(shown(label))
            try:
                day = date.fromisoformat(cell("full_date").strip())
            except ValueError as exc:
                raise ImportBadDate(shown(cell("full_date"))) from exc
            hour, minute = parse_time(cell("time")) if cell("time").strip() else (12, 0)
            activities = [a.strip() for a in cell("activities").split(ACTIVITY_SEPARATOR.strip())]
            entry = Entry(
                at=local_time(day, hour, minute),
                mood=mood,
                tags=[a for a in activities if a],
                title=cell("note_title").strip(),
                text=cell("note").replace("<br>", "\n").strip(),
                uid=row_uid("daylio", record),
            )
            yield Row(line, entry, read=text.bytes_read)
        except ImportRowError as exc:
            yield Row(line, None, exc, text.bytes_read)


IMPORTER = Importer(
    name="daylio",
    label=QT_TRANSLATE_NOOP(CONTEXT, "Daylio (CSV export)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "CSV files (*.csv)"),
    rows=daylio_rows,
    mood_labels=True,
)
