"""CSV export in Daylio's columns, so spreadsheets and Daylio-aware tools read it (no trash)."""

from __future__ import annotations

import csv
from typing import IO

from ..i18n import QT_TRANSLATE_NOOP
from ..journal import Entry
from .base import CONTEXT, Exporter
from .daylio import ACTIVITY_SEPARATOR, DAYLIO_COLUMNS, MOOD_LABELS


def csv_row(entry: Entry) -> list[str]:
    """One entry as a Daylio row: mood by name, tags as activities."""
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


class CsvWriter:
    """The header row, then one row per entry."""

    def __init__(self, fh: IO[str]) -> None:
        self.out = csv.writer(fh)
        self.out.writerow(DAYLIO_COLUMNS)

    def write(self, entry: Entry) -> None:
        self.out.writerow(csv_row(entry))

    def close(self) -> None:
        pass


EXPORTER = Exporter(
    name="csv",
    label=QT_TRANSLATE_NOOP(CONTEXT, "CSV (Daylio columns, for spreadsheets)"),
    file_filter=QT_TRANSLATE_NOOP(CONTEXT, "CSV files (*.csv)"),
    suffix=".csv",
    with_trash=False,
    open=CsvWriter,
)
